using System.Globalization;
using InfoStoryBot.Cards.Nudges;

namespace InfoStoryBot.Dialogs.Nudges;

/// <summary>
/// Which entries a campaign posts on which days. Rules are tried in order: a fixed day, a campaign moment,
/// a weekday, then the cycle (by day number). When the day's entry may not be used, its own fallbacks are tried,
/// then <see cref="Fallback"/>, whose last entries may always be used, so a slot is never left empty.
/// </summary>
public sealed record NudgePlan
{
    /// <summary>Entries for particular campaign days (1-based).</summary>
    public IReadOnlyDictionary<int, NudgeKind> Days { get; init; } = new Dictionary<int, NudgeKind>();

    /// <summary>Post the campaign moment on its days: launch, half-way, the last three days.</summary>
    public bool Moments { get; init; } = true;

    /// <summary>Entries for a day of the week (in the campaign's zone).</summary>
    public IReadOnlyDictionary<DayOfWeek, NudgeKind> Weekdays { get; init; } = new Dictionary<DayOfWeek, NudgeKind>();

    /// <summary>The other days, in turn by day number.</summary>
    public IReadOnlyList<NudgeKind> Cycle { get; init; } = [NudgeKind.StoryOfTheDay];

    /// <summary>What to try, in order, when an entry may not be used.</summary>
    public IReadOnlyDictionary<NudgeKind, IReadOnlyList<NudgeKind>> FallbacksFor { get; init; } =
        new Dictionary<NudgeKind, IReadOnlyList<NudgeKind>>();

    /// <summary>Tried after an entry's own fallbacks.</summary>
    public IReadOnlyList<NudgeKind> Fallback { get; init; } = [NudgeKind.StoryOfTheDay, NudgeKind.PartnershipElement, NudgeKind.TwoMinuteShare];

    /// <summary>
    /// Launch on day 1; the moments at half-way and over the last three days; the week's norm on Thursdays (late
    /// enough for the week's figures to mean something, early enough to act on); story of the day on most other
    /// days, with a partnership question, a pledge, the quiet pillar, the two-minute ask and the storybook's
    /// progress in between for variety.
    /// </summary>
    public static NudgePlan Default { get; } = new()
    {
        Days = new Dictionary<int, NudgeKind> { [1] = NudgeKind.CampaignMoment },
        Moments = true,
        Weekdays = new Dictionary<DayOfWeek, NudgeKind> { [DayOfWeek.Thursday] = NudgeKind.WeeklyNorm },
        Cycle =
        [
            NudgeKind.StoryOfTheDay, NudgeKind.PartnershipElement, NudgeKind.StoryOfTheDay, NudgeKind.StoryOfTheDay,
            NudgeKind.Pledge, NudgeKind.StoryOfTheDay, NudgeKind.QuietPillar, NudgeKind.StoryOfTheDay,
            NudgeKind.StoryOfTheDay, NudgeKind.TwoMinuteShare, NudgeKind.StoryOfTheDay, NudgeKind.StorybookProgress,
        ],
        FallbacksFor = new Dictionary<NudgeKind, IReadOnlyList<NudgeKind>>
        {
            [NudgeKind.WeeklyNorm] = [NudgeKind.RisingNorm, NudgeKind.StorybookProgress],
            [NudgeKind.RisingNorm] = [NudgeKind.WeeklyNorm, NudgeKind.StorybookProgress],
            [NudgeKind.StorybookProgress] = [NudgeKind.WeeklyNorm, NudgeKind.RisingNorm],
            [NudgeKind.StoryOfTheDay] = [NudgeKind.QuietPillar, NudgeKind.PartnershipElement],
            [NudgeKind.QuietPillar] = [NudgeKind.PartnershipElement],
            [NudgeKind.Pledge] = [NudgeKind.TwoMinuteShare],
            [NudgeKind.CampaignMoment] = [NudgeKind.StoryOfTheDay],
        },
        Fallback = [NudgeKind.StoryOfTheDay, NudgeKind.PartnershipElement, NudgeKind.TwoMinuteShare],
    };

    /// <summary>The entry this plan puts on the facts' day, and the rule that put it there, in words.</summary>
    public (NudgeKind Entry, string Rule) PlannedFor(NudgeFacts facts, CultureInfo culture)
    {
        var text = new NudgeText(culture);
        if (Days.TryGetValue(facts.DayNumber, out var fixedDay))
        {
            return (fixedDay, text.Format("Nudge_Rule_Day", text.Number(facts.DayNumber)));
        }

        if (Moments && NudgeEntries.MomentOn(facts.DayNumber, facts.TotalDays) is { } moment)
        {
            return (NudgeKind.CampaignMoment, text.Format("Nudge_Rule_Moment", text["Nudge_Moment_" + moment]));
        }

        if (Weekdays.TryGetValue(facts.Today.DayOfWeek, out var weekday))
        {
            return (weekday, text.Format("Nudge_Rule_Weekday", culture.DateTimeFormat.GetDayName(facts.Today.DayOfWeek)));
        }

        if (Cycle.Count == 0)
        {
            return (Fallback.Count > 0 ? Fallback[0] : NudgeKind.TwoMinuteShare, text["Nudge_Rule_NoCycle"]);
        }

        var index = (int)((uint)(facts.DayNumber - 1 + Cycle.Count * 1000) % (uint)Cycle.Count);
        return (Cycle[index], text.Format("Nudge_Rule_Cycle", text.Number(index + 1), text.Number(Cycle.Count)));
    }

    /// <summary>The entries to try after <paramref name="first"/>, in order, each once, ending with two-minute-share.</summary>
    public IReadOnlyList<NudgeKind> ChainFrom(NudgeKind first)
    {
        var chain = new List<NudgeKind> { first };
        var own = FallbacksFor.TryGetValue(first, out var list) ? list : [];
        foreach (var kind in own.Concat(Fallback).Append(NudgeKind.TwoMinuteShare))
        {
            if (!chain.Contains(kind))
            {
                chain.Add(kind);
            }
        }

        return chain;
    }
}

/// <summary>One entry considered for a slot and what its condition said.</summary>
public sealed record NudgeAttempt(NudgeKind Entry, bool MayUse, string Reason);

/// <summary>What a channel gets for one slot, with everything an admin's preview shows.</summary>
/// <param name="Planned">The entry the plan (or the admin) asked for.</param>
/// <param name="Why">Why this entry, in words, including any fallback and its reason.</param>
/// <param name="FactsUsed">The figures and choices the wording was built from.</param>
/// <param name="View">The card's view record; build it with <see cref="NudgeCards.Build"/>.</param>
/// <param name="Variant">The experiment variant's letter when its wording was used; every button carries it.</param>
/// <param name="StoryId">The featured story, for story of the day (so the channel's rotation can record it).</param>
/// <param name="Tried">Every entry considered, in order, with its reason.</param>
public sealed record NudgeDecision(
    NudgeEntry Entry,
    NudgeKind Planned,
    string Why,
    IReadOnlyList<NudgeFactUsed> FactsUsed,
    NudgeView View,
    string? Variant,
    string? StoryId,
    IReadOnlyList<NudgeAttempt> Tried)
{
    public NudgeKind Kind => Entry.Kind;

    /// <summary>What the buttons of this decision's card carry.</summary>
    public NudgeDelivery Delivery(string deliveryId) => new(deliveryId, Variant);
}

/// <summary>One line of <c>nudge list</c>.</summary>
public sealed record NudgeAvailability(NudgeEntry Entry, string Name, string East, bool MayUse, string Reason, bool PlannedToday);

/// <summary>The choice of entry for a slot, and the catalogue with what may be used now. Pure: facts in, decision out.</summary>
public static class NudgePlanner
{
    public static NudgeDecision Choose(
        NudgeFacts facts,
        NudgePlan plan,
        NudgeSettings settings,
        CultureInfo culture,
        NudgeKind? requestedEntry = null,
        NudgeVariant? variant = null)
    {
        var text = new NudgeText(culture);
        NudgeKind planned;
        string opening;
        if (requestedEntry is { } asked)
        {
            planned = asked;
            opening = text.Format("Nudge_Why_Requested", text.Number(facts.DayNumber), text.Number(facts.TotalDays), NudgeCatalogue.Get(asked).Id);
        }
        else
        {
            (planned, var rule) = plan.PlannedFor(facts, culture);
            opening = text.Format("Nudge_Why_Day", text.Number(facts.DayNumber), text.Number(facts.TotalDays), rule, NudgeCatalogue.Get(planned).Id);
        }

        var tried = new List<NudgeAttempt>();
        NudgeEntry? chosen = null;
        NudgeEntry? postedAlready = null;
        foreach (var kind in plan.ChainFrom(planned))
        {
            var entry = NudgeCatalogue.Get(kind);
            var check = entry.Condition(facts, settings, text);

            // A second post in a channel on one day should not repeat the first; an admin's explicit ask may.
            var repeatsToday = requestedEntry is null && facts.PostedTodayInChannel.Contains(kind) && kind != NudgeKind.Pledge;
            if (check.MayUse && repeatsToday)
            {
                postedAlready ??= entry;
                check = NudgeCheck.No(text["Nudge_Why_PostedToday"]);
            }

            tried.Add(new NudgeAttempt(kind, check.MayUse, check.Reason));
            if (check.MayUse)
            {
                chosen = entry;
                break;
            }
        }

        // Everything usable was posted already today: repeating an entry beats posting nothing in a planned slot.
        chosen ??= postedAlready ?? NudgeCatalogue.Get(NudgeKind.TwoMinuteShare);

        var composition = chosen.Compose(facts, settings, text);
        var view = composition.View;
        string? usedVariant = null;
        if (variant is not null && variant.Entry == chosen.Kind && !string.IsNullOrWhiteSpace(variant.Text))
        {
            view = view with { Text = NudgeText.Fill(variant.Text, composition.Placeholders) };
            usedVariant = variant.Letter;
        }

        var why = Why(text, opening, chosen, tried, usedVariant);
        return new NudgeDecision(chosen, planned, why, composition.FactsUsed, view, usedVariant, composition.StoryId, tried);
    }

    /// <summary>The whole catalogue, each entry with whether it may be used now and why (or why not).</summary>
    public static IReadOnlyList<NudgeAvailability> List(NudgeFacts facts, NudgePlan plan, NudgeSettings settings, CultureInfo culture)
    {
        var text = new NudgeText(culture);
        var (planned, _) = plan.PlannedFor(facts, culture);
        return NudgeCatalogue.Entries.Select(entry =>
        {
            var check = entry.Condition(facts, settings, text);
            return new NudgeAvailability(entry, entry.Name(culture), entry.EastLabel(culture), check.MayUse, check.Reason, entry.Kind == planned);
        }).ToList();
    }

    private static string Why(NudgeText text, string opening, NudgeEntry chosen, List<NudgeAttempt> tried, string? variant)
    {
        var parts = new List<string> { opening };

        foreach (var attempt in tried)
        {
            var id = NudgeCatalogue.Get(attempt.Entry).Id;
            parts.Add(attempt.MayUse
                ? text.Format("Nudge_Why_Using", id, attempt.Reason)
                : text.Format("Nudge_Why_Skipped", id, attempt.Reason));
        }

        if (!tried.Any(a => a.MayUse))
        {
            parts.Add(text.Format("Nudge_Why_Repeating", chosen.Id));
        }

        if (variant is not null)
        {
            parts.Add(text.Format("Nudge_Why_Variant", variant));
        }

        return string.Join(" ", parts);
    }
}
