using System.Globalization;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Cards.Experiments;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Experiments;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Experiments;

/// <summary>An experiment with its figures per variant and the verdict, as <c>experiment show</c> presents them.</summary>
public sealed record ExperimentSummary(Experiment Experiment, Campaign? Campaign, IReadOnlyList<VariantResult> Variants, ExperimentVerdict Verdict);

/// <summary>
/// The experiment commands' work, for the admin command handlers to call once the admin gate has let the person
/// through: start (<c>experiment new</c>), stop (<c>experiment stop … keep B</c>), and summarise (<c>experiment show</c>).
/// </summary>
public interface IExperimentService
{
    /// <summary>Starts one; <see cref="ExperimentMove.Refused"/> says why not in the admin's words. Nothing is stored when refused.</summary>
    Task<ExperimentMove> StartAsync(string campaignId, string entryId, IReadOnlyList<string> texts, string? startedBy, CultureInfo culture, CancellationToken cancellationToken);

    Task<ExperimentMove> StopAsync(string experimentId, string keep, string? stoppedBy, CultureInfo culture, CancellationToken cancellationToken);

    /// <summary>Null for an unknown experiment id.</summary>
    Task<ExperimentSummary?> SummariseAsync(string experimentId, CultureInfo culture, CancellationToken cancellationToken);

    /// <summary>The <c>experiment show</c> card, or null for an unknown experiment id.</summary>
    Task<AdaptiveCard?> ShowCardAsync(string experimentId, CultureInfo culture, CancellationToken cancellationToken);

    /// <summary>As <see cref="ShowCardAsync(string, CultureInfo, CancellationToken)"/>, saying first what just happened (started, stopped).</summary>
    Task<AdaptiveCard?> ShowCardAsync(string experimentId, string? done, CultureInfo culture, CancellationToken cancellationToken);
}

internal sealed class ExperimentSummaries(
    IExperimentStore experiments,
    ICampaignStore campaigns,
    IDeliveryLedger deliveries,
    IAttributionLedger outcomes,
    IStoryStore stories,
    IOptions<ExperimentsOptions> options,
    TimeProvider time) : IExperimentService
{
    public async Task<ExperimentMove> StartAsync(string campaignId, string entryId, IReadOnlyList<string> texts, string? startedBy, CultureInfo culture, CancellationToken cancellationToken)
    {
        var campaign = await campaigns.GetAsync(campaignId, cancellationToken)
            ?? throw new ArgumentException($"There is no campaign '{campaignId}'; the command handler resolves the campaign first.", nameof(campaignId));
        var existing = (await experiments.ListAsync(campaign.Value.Id, cancellationToken)).Select(e => e.Value).ToList();
        var (id, seed) = ExperimentStore.NewId();
        var move = ExperimentMoves.Start(new ExperimentStart(id, entryId, texts, seed, time.GetUtcNow(), startedBy), campaign.Value, existing, culture);
        if (move is ExperimentMove.Done done)
        {
            await experiments.SaveAsync(done.Experiment, null, cancellationToken);
        }

        return move;
    }

    public async Task<ExperimentMove> StopAsync(string experimentId, string keep, string? stoppedBy, CultureInfo culture, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await experiments.GetAsync(experimentId, cancellationToken) is not { } stored)
            {
                return new ExperimentMove.Refused(string.Format(culture, UnknownText(culture), experimentId));
            }

            var move = ExperimentMoves.Stop(stored.Value, keep, time.GetUtcNow(), stoppedBy, culture);
            if (move is not ExperimentMove.Done done)
            {
                return move;
            }

            try
            {
                await experiments.SaveAsync(done.Experiment, stored.ETag, cancellationToken);
                return move;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                // A channel was dealt meanwhile: stop the newer version.
            }
        }
    }

    public async Task<ExperimentSummary?> SummariseAsync(string experimentId, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (await experiments.GetAsync(experimentId, cancellationToken) is not { } stored)
        {
            return null;
        }

        var experiment = stored.Value;
        var campaign = await campaigns.GetAsync(experiment.CampaignId, cancellationToken);
        var sent = (await deliveries.ListForCampaignAsync(experiment.CampaignId, cancellationToken))
            .Where(d => d.Status == DeliveryStatus.Sent)
            .Select(d => new DeliveryFact(d.Id, d.ChannelId, d.SlotUtc, d.Variant, d.NudgeId))
            .ToList();
        var facts = await outcomes.ListAsync(experiment.CampaignId, cancellationToken);

        // Withdrawal: a submitted story counts only while it exists. Nudged stories are few, so each is looked up.
        var submitted = facts.Where(f => f.Kind == OutcomeKind.StorySubmitted).Select(f => f.Subject).Distinct(StringComparer.Ordinal).ToList();
        var live = new HashSet<string>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(submitted, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            if (await stories.GetAsync(id, ct) is not null)
            {
                lock (live)
                {
                    live.Add(id);
                }
            }
        });

        var results = ExperimentResults.Tally(experiment, sent, facts, live.Contains);
        var verdict = ExperimentVerdicts.Decide(results, options.Value.MinDeliveriesPerVariant, culture);
        return new ExperimentSummary(experiment, campaign?.Value, results, verdict);
    }

    public Task<AdaptiveCard?> ShowCardAsync(string experimentId, CultureInfo culture, CancellationToken cancellationToken) =>
        ShowCardAsync(experimentId, null, culture, cancellationToken);

    public async Task<AdaptiveCard?> ShowCardAsync(string experimentId, string? done, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (await SummariseAsync(experimentId, culture, cancellationToken) is not { } summary)
        {
            return null;
        }

        var view = ExperimentViews.Show(
            summary.Experiment,
            summary.Campaign?.Name ?? summary.Experiment.CampaignId,
            summary.Campaign?.TimeZone ?? "Europe/London",
            summary.Variants,
            summary.Verdict,
            culture) with { Done = done };
        return ExperimentCard.Build(view, culture);
    }

    private static string UnknownText(CultureInfo culture) => Resources.BotText.Get("Experiment_Unknown", culture);
}
