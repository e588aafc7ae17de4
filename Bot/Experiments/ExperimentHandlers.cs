using System.Globalization;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Cards.Experiments;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Nudges;

namespace InfoStoryBot.Bot.Experiments;

// The experiment commands, one handler each, after the admin gate. Audit entries name the experiment, its campaign,
// entry and variant letters, never the wording itself.

/// <summary><c>experiment new &lt;campaign&gt; &lt;entry&gt; "A" "B" […]</c>: starts one and shows its card, each channel already dealt its variant.</summary>
internal sealed class ExperimentNewHandler(CampaignWorkbench campaigns, IExperimentService experiments) : AdminHandler<ExperimentNew>
{
    protected override async Task HandleAsync(AdminContext context, ExperimentNew command, CancellationToken cancellationToken)
    {
        var lookup = await campaigns.FindAsync(context, command.Campaign, cancellationToken);
        if (lookup is CampaignLookup.Missing missing)
        {
            context.Say(missing.Message);
            return;
        }

        var campaign = ((CampaignLookup.Found)lookup).Campaign.Value;
        switch (await experiments.StartAsync(campaign.Id, command.Entry, command.Variants, context.ActorId, context.Culture, cancellationToken))
        {
            case ExperimentMove.Refused refused:
                context.Say(refused.Reason);
                return;

            case ExperimentMove.Done { Experiment: var experiment }:
                var split = ExperimentWords.Split(experiment, context.Culture);
                context.Audit("experiment.start", experiment.Id, $"{campaign.Id}, {experiment.EntryId}, {ExperimentWords.Split(experiment, CultureInfo.InvariantCulture)}");
                var done = string.Format(context.Culture, BotText.Get("Experiment_Started", context.Culture), experiment.Id, campaign.Name, split);
                if (await experiments.ShowCardAsync(experiment.Id, done, context.Culture, cancellationToken) is { } card)
                {
                    context.Show(card);
                }
                else
                {
                    context.Say(done);
                }

                return;
        }
    }
}

/// <summary><c>experiment list</c>: every experiment, running ones first, each with Show.</summary>
internal sealed class ExperimentListHandler(IExperimentStore experiments, ICampaignStore campaigns) : AdminHandler<ExperimentList>
{
    protected override async Task HandleAsync(AdminContext context, ExperimentList command, CancellationToken cancellationToken)
    {
        var all = await experiments.ListAsync(null, cancellationToken);
        var names = (await campaigns.ListAsync(cancellationToken)).ToDictionary(c => c.Value.Id, c => (c.Value.Name, c.Value.TimeZone), StringComparer.Ordinal);
        context.Show(ExperimentListCard.Build(ExperimentViews.List([.. all.Select(e => e.Value)], names, context.Culture), context.Culture));
    }
}

/// <summary><c>experiment show &lt;id&gt;</c>: per variant, channels, deliveries, presses, stories started and submitted, with Wilson intervals and the verdict.</summary>
internal sealed class ExperimentShowHandler(IExperimentService experiments) : AdminHandler<ExperimentShow>
{
    protected override async Task HandleAsync(AdminContext context, ExperimentShow command, CancellationToken cancellationToken)
    {
        if (await experiments.ShowCardAsync(command.Id, context.Culture, cancellationToken) is { } card)
        {
            context.Show(card);
            return;
        }

        context.Say(ExperimentWords.Unknown(command.Id, context.Culture));
    }
}

/// <summary>
/// <c>experiment stop &lt;id&gt; keep B</c>: ends it; from the next post every channel of the campaign gets B's wording
/// for the entry (the nudge composer asks <see cref="IExperimentStore.WordingForAsync"/>).
/// </summary>
internal sealed class ExperimentStopHandler(IExperimentService experiments, ICampaignStore campaigns) : AdminHandler<ExperimentStop>
{
    protected override async Task HandleAsync(AdminContext context, ExperimentStop command, CancellationToken cancellationToken)
    {
        switch (await experiments.StopAsync(command.Id, command.Keep.ToString(), context.ActorId, context.Culture, cancellationToken))
        {
            case ExperimentMove.Refused refused:
                context.Say(refused.Reason);
                return;

            case ExperimentMove.Done { Experiment: var experiment }:
                context.Audit("experiment.stop", experiment.Id, $"{experiment.CampaignId}, {experiment.EntryId}, kept {experiment.KeptVariant}");
                var campaign = await campaigns.GetAsync(experiment.CampaignId, cancellationToken);
                var entry = NudgeCatalogue.TryFind(experiment.EntryId, out var found) ? found.Name(context.Culture) : experiment.EntryId;
                var done = string.Format(context.Culture, BotText.Get("Experiment_Stopped", context.Culture),
                    experiment.Id, campaign?.Value.Name ?? experiment.CampaignId, experiment.KeptVariant, entry);
                if (await experiments.ShowCardAsync(experiment.Id, done, context.Culture, cancellationToken) is { } card)
                {
                    context.Show(card);
                }
                else
                {
                    context.Say(done);
                }

                return;
        }
    }
}

internal static class ExperimentWords
{
    /// <summary>"A in 3 channels, B in 3 channels": how the channels were dealt.</summary>
    public static string Split(Experiment experiment, CultureInfo culture) =>
        string.Join(", ", experiment.Letters.Select(l => string.Format(culture, BotText.Get("Experiment_SplitPart", culture), l, experiment.Assignments.Count(a => a.Letter == l))));

    public static string Unknown(string id, CultureInfo culture) => string.Format(culture, BotText.Get("Experiment_Unknown", culture), id);
}
