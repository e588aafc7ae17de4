using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Dialogs.Campaigns;

namespace InfoStoryBot.Bot.Campaigns;

/// <summary>
/// The campaign form a command of this turn came from, if any (one per turn: scoped). When the rules refuse a command
/// that came from the form, the form comes back with the admin's inputs and the reasons on it, so nothing typed is lost;
/// a typed command is answered in words instead.
/// </summary>
public sealed class CampaignFormEcho
{
    public CampaignFormValues? Values { get; private set; }

    public CampaignFormValues? Was { get; private set; }

    public void Remember(IReadOnlyDictionary<string, string> fields)
    {
        Values = CampaignFormReader.Values(fields);
        Was = CampaignFormReader.Was(fields);
    }

    /// <summary>Answers a refusal: the form again when the command came from it, otherwise as the workbench does.</summary>
    public async Task RefuseAsync(AdminContext context, CampaignWorkbench bench, Campaign? current, IReadOnlyList<string> messages, CancellationToken cancellationToken)
    {
        if (Values is not { } values)
        {
            await bench.RefuseAsync(context, current, messages, cancellationToken);
            return;
        }

        var channels = await bench.ChannelsAsync(cancellationToken);
        var text = CampaignWorkbench.ChannelText(context);
        var view = current is null
            ? CampaignViews.NewForm(channels, text, values, messages)
            : CampaignViews.EditForm(current, channels, text, values, Was, messages);
        context.Show(CampaignFormCard.Build(view, context.Culture));
    }
}
