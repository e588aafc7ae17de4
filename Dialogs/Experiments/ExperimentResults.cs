using System.Globalization;
using InfoStoryBot.Dialogs.Nudges;

namespace InfoStoryBot.Dialogs.Experiments;

/// <summary>What a nudge led to, as Bot/Experiments records it: one fact per person (or per story) per delivery.</summary>
public enum OutcomeKind
{
    /// <summary>A button on the nudge was pressed (once per person per delivery).</summary>
    Press,

    /// <summary>A story dialog started from the nudge (once per person per delivery).</summary>
    DialogStarted,

    /// <summary>A story submitted within the attribution window after a press (once per story).</summary>
    StorySubmitted,

    PledgeMade,

    PledgeKept,
}

/// <summary>One delivery the ledger sent (status Sent), reduced to what the maths needs.</summary>
/// <param name="EntryId">The catalogue entry it used, when the sender recorded it.</param>
public sealed record DeliveryFact(string DeliveryId, string ChannelId, DateTimeOffset SlotUtc, string? Variant, string? EntryId);

/// <param name="Subject">An opaque per-person key, or the story id for <see cref="OutcomeKind.StorySubmitted"/>.</param>
public sealed record OutcomeFact(OutcomeKind Kind, string DeliveryId, string Subject);

/// <summary>
/// One variant's figures. Counts are totals (presses by distinct people, stories); each rate is the share of
/// deliveries that led to at least one of that outcome, a true proportion of the variant's deliveries, so it has a
/// Wilson interval. (The channel is the unit of randomisation and a channel gets many deliveries, so the intervals
/// are a little narrower than a channel-level analysis would give; the verdict only claims a lead when they are
/// clearly apart.)
/// </summary>
public sealed record VariantResult(
    string Letter,
    string Text,
    int Channels,
    int Deliveries,
    int Presses,
    int StoriesStarted,
    int StoriesSubmitted,
    Proportion PressRate,
    Proportion StartRate,
    Proportion StoryRate);

public static class ExperimentResults
{
    /// <param name="deliveries">The campaign's sent deliveries; those outside the experiment (other entries, before or after it, no variant) are ignored.</param>
    /// <param name="outcomes">The campaign's recorded outcomes.</param>
    /// <param name="storyIsLive">False for a story that has been withdrawn (or deleted): it leaves every sample.</param>
    public static IReadOnlyList<VariantResult> Tally(
        Experiment experiment,
        IEnumerable<DeliveryFact> deliveries,
        IEnumerable<OutcomeFact> outcomes,
        Func<string, bool> storyIsLive)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var letters = experiment.Letters.ToHashSet(StringComparer.Ordinal);
        NudgeCatalogue.TryFind(experiment.EntryId, out var entry);
        var inExperiment = deliveries
            .Where(d => d.Variant is { } v && letters.Contains(v) && experiment.Covers(d.SlotUtc)
                && (d.EntryId is null || (NudgeCatalogue.TryFind(d.EntryId, out var used) && used.Kind == entry?.Kind)))
            .GroupBy(d => d.DeliveryId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var byDelivery = new Dictionary<string, (HashSet<string> Pressed, HashSet<string> Started, HashSet<string> Stories)>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            if (!inExperiment.ContainsKey(outcome.DeliveryId)
                || (outcome.Kind == OutcomeKind.StorySubmitted && !storyIsLive(outcome.Subject)))
            {
                continue;
            }

            if (!byDelivery.TryGetValue(outcome.DeliveryId, out var sets))
            {
                sets = ([], [], []);
                byDelivery[outcome.DeliveryId] = sets;
            }

            _ = outcome.Kind switch
            {
                OutcomeKind.Press => sets.Pressed.Add(outcome.Subject),
                OutcomeKind.DialogStarted => sets.Started.Add(outcome.Subject),
                OutcomeKind.StorySubmitted => sets.Stories.Add(outcome.Subject),
                _ => false,
            };
        }

        return experiment.Variants.Select(variant =>
        {
            var mine = inExperiment.Values.Where(d => d.Variant == variant.Letter).ToList();
            int presses = 0, started = 0, stories = 0, withPress = 0, withStart = 0, withStory = 0;
            foreach (var delivery in mine)
            {
                if (!byDelivery.TryGetValue(delivery.DeliveryId, out var sets))
                {
                    continue;
                }

                presses += sets.Pressed.Count;
                started += sets.Started.Count;
                stories += sets.Stories.Count;
                withPress += sets.Pressed.Count > 0 ? 1 : 0;
                withStart += sets.Started.Count > 0 ? 1 : 0;
                withStory += sets.Stories.Count > 0 ? 1 : 0;
            }

            return new VariantResult(
                variant.Letter,
                variant.Text,
                experiment.Assignments.Count(a => a.Letter == variant.Letter),
                mine.Count,
                presses,
                started,
                stories,
                WilsonInterval.Of(withPress, mine.Count),
                WilsonInterval.Of(withStart, mine.Count),
                WilsonInterval.Of(withStory, mine.Count));
        }).ToList();
    }
}

public enum VerdictKind
{
    /// <summary>Some variant has fewer deliveries than the minimum: no comparison is made.</summary>
    TooEarly,

    /// <summary>One variant's story rate interval lies wholly above every other's.</summary>
    Ahead,

    NoClearDifference,
}

/// <param name="Leader">The variant ahead, for <see cref="VerdictKind.Ahead"/>.</param>
public sealed record ExperimentVerdict(VerdictKind Kind, string? Leader, string Text);

/// <summary>
/// The plain-language verdict, on the share of deliveries that led to a submitted story (the outcome the campaign
/// exists for). It never names a winner from overlapping intervals, and it says "too early" rather than guess.
/// </summary>
public static class ExperimentVerdicts
{
    public const int DefaultMinDeliveriesPerVariant = 30;

    public static ExperimentVerdict Decide(IReadOnlyList<VariantResult> results, int minDeliveriesPerVariant, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentOutOfRangeException.ThrowIfLessThan(minDeliveriesPerVariant, 1);
        var text = new ExperimentText(culture);
        if (results.Count < 2 || results.Any(r => r.Deliveries < minDeliveriesPerVariant))
        {
            var sofar = string.Join(", ", results.Select(r => text.Format("Experiment_Verdict_SoFar", r.Letter, text.Number(r.Deliveries))));
            return new ExperimentVerdict(VerdictKind.TooEarly, null, text.Format("Experiment_Verdict_TooEarly", text.Number(minDeliveriesPerVariant), sofar));
        }

        var ranked = results.OrderByDescending(r => r.StoryRate.Rate).ThenBy(r => r.Letter, StringComparer.Ordinal).ToList();
        var leader = ranked[0];
        var others = ranked.Skip(1).ToList();
        if (others.All(o => leader.StoryRate.Low > o.StoryRate.High))
        {
            var wording = others.Count == 1
                ? text.Format("Experiment_Verdict_Ahead", leader.Letter, text.Percent(leader.StoryRate.Rate), text.Percent(others[0].StoryRate.Rate))
                : text.Format("Experiment_Verdict_AheadOfSeveral", leader.Letter, text.Percent(leader.StoryRate.Rate),
                    And(others.Select(o => text.Format("Experiment_Verdict_RateFor", text.Percent(o.StoryRate.Rate), o.Letter)).ToList(), text));
            return new ExperimentVerdict(VerdictKind.Ahead, leader.Letter, wording);
        }

        var rates = And(results.Select(r => text.Format("Experiment_Verdict_LetterRate", r.Letter, text.Percent(r.StoryRate.Rate))).ToList(), text);
        return new ExperimentVerdict(VerdictKind.NoClearDifference, null, text.Format("Experiment_Verdict_NoDifference", rates));
    }

    private static string And(IReadOnlyList<string> items, ExperimentText text) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + text["Experiment_And"] + items[^1];
}
