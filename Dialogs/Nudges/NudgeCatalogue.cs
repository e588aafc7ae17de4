using System.Globalization;
using InfoStoryBot.Cards.Nudges;

namespace InfoStoryBot.Dialogs.Nudges;

/// <summary>The nine entries of the starting catalogue (docs/behavioural-insights.md).</summary>
public enum NudgeKind
{
    StoryOfTheDay,
    WeeklyNorm,
    RisingNorm,
    TwoMinuteShare,
    CampaignMoment,
    QuietPillar,
    PartnershipElement,
    Pledge,
    StorybookProgress,
}

/// <summary>The parts of the Behavioural Insights Team's EAST framework an entry uses.</summary>
[Flags]
public enum EastPart
{
    None = 0,
    Easy = 1,
    Attractive = 2,
    Social = 4,
    Timely = 8,
}

/// <summary>Whether an entry may be used now, and why (or why not) in plain words.</summary>
public sealed record NudgeCheck(bool MayUse, string Reason)
{
    public static NudgeCheck Yes(string reason) => new(true, reason);

    public static NudgeCheck No(string reason) => new(false, reason);
}

/// <summary>One figure or choice a nudge was built from, worded for an admin (e.g. "Colleagues this week", "14").</summary>
public sealed record NudgeFactUsed(string Label, string Value);

/// <summary>
/// A catalogue entry: its id (as admins type it), EAST part(s), the facts it reads (names of
/// <see cref="NudgeFacts"/> properties), the condition under which it may be used, and the resource keys of its
/// wording (Dialogs/Resources/Strings.resx, "Nudge_…"). <see cref="Placeholders"/> are the {names} a variant's
/// text may use for live figures.
/// </summary>
public sealed record NudgeEntry
{
    internal NudgeEntry(
        NudgeKind kind,
        string id,
        EastPart east,
        IReadOnlyList<string> needs,
        string wordingKey,
        IReadOnlyList<string> placeholders,
        Func<NudgeFacts, NudgeSettings, NudgeText, NudgeCheck> condition,
        Func<NudgeFacts, NudgeSettings, NudgeText, NudgeComposition> compose)
    {
        Kind = kind;
        Id = id;
        East = east;
        Needs = needs;
        WordingKey = wordingKey;
        Placeholders = placeholders;
        Condition = condition;
        Compose = compose;
    }

    public NudgeKind Kind { get; }

    public string Id { get; }

    public EastPart East { get; }

    public IReadOnlyList<string> Needs { get; }

    public string WordingKey { get; }

    public IReadOnlyList<string> Placeholders { get; }

    internal Func<NudgeFacts, NudgeSettings, NudgeText, NudgeCheck> Condition { get; }

    internal Func<NudgeFacts, NudgeSettings, NudgeText, NudgeComposition> Compose { get; }

    /// <summary>The condition: a pure predicate over the facts, with its reason in the culture's words.</summary>
    public NudgeCheck Check(NudgeFacts facts, NudgeSettings settings, CultureInfo culture) =>
        Condition(facts, settings, new NudgeText(culture));

    /// <summary>The EAST parts in words, e.g. "Social, Timely".</summary>
    public string EastLabel(CultureInfo culture)
    {
        var text = new NudgeText(culture);
        return string.Join(", ", Enum.GetValues<EastPart>()
            .Where(p => p != EastPart.None && East.HasFlag(p))
            .Select(p => text["Nudge_East_" + p]));
    }

    /// <summary>The entry's name in words, e.g. "Story of the day".</summary>
    public string Name(CultureInfo culture) => new NudgeText(culture)[WordingKey + "_Name"];
}

/// <summary>What an entry says with today's facts, before any experiment variant.</summary>
/// <param name="Placeholders">The live figures by placeholder name, for a variant's text.</param>
internal sealed record NudgeComposition(
    NudgeView View,
    IReadOnlyList<NudgeFactUsed> FactsUsed,
    IReadOnlyDictionary<string, string> Placeholders,
    string? StoryId = null);

public static class NudgeCatalogue
{
    public static IReadOnlyList<NudgeEntry> Entries { get; } =
    [
        new(NudgeKind.StoryOfTheDay, "story-of-the-day", EastPart.Attractive | EastPart.Social,
            [nameof(NudgeFacts.StoryCandidates), nameof(NudgeFacts.FeaturedInChannel)],
            "Nudge_StoryOfTheDay", ["campaign"],
            NudgeEntries.StoryOfTheDayCheck, NudgeEntries.StoryOfTheDay),
        new(NudgeKind.WeeklyNorm, "weekly-norm", EastPart.Social,
            [nameof(NudgeFacts.ThisWeek)],
            "Nudge_WeeklyNorm", ["campaign", "colleagues", "organisations", "stories"],
            NudgeEntries.WeeklyNormCheck, NudgeEntries.WeeklyNorm),
        new(NudgeKind.RisingNorm, "rising-norm", EastPart.Social,
            [nameof(NudgeFacts.CompleteWeeks)],
            "Nudge_RisingNorm", ["campaign", "weeks", "latest"],
            NudgeEntries.RisingNormCheck, NudgeEntries.RisingNorm),
        new(NudgeKind.TwoMinuteShare, "two-minute-share", EastPart.Easy,
            [],
            "Nudge_TwoMinuteShare", ["campaign"],
            NudgeEntries.TwoMinuteShareCheck, NudgeEntries.TwoMinuteShare),
        new(NudgeKind.CampaignMoment, "campaign-moment", EastPart.Timely,
            [nameof(NudgeFacts.DayNumber), nameof(NudgeFacts.TotalDays), nameof(NudgeFacts.EndDate), nameof(NudgeFacts.StorybookSize)],
            "Nudge_CampaignMoment", ["campaign", "days", "end", "stories"],
            NudgeEntries.CampaignMomentCheck, NudgeEntries.CampaignMoment),
        new(NudgeKind.QuietPillar, "quiet-pillar", EastPart.Attractive,
            [nameof(NudgeFacts.PillarCounts)],
            "Nudge_QuietPillar", ["campaign", "pillar"],
            NudgeEntries.QuietPillarCheck, NudgeEntries.QuietPillar),
        new(NudgeKind.PartnershipElement, "partnership-element", EastPart.Attractive,
            [nameof(NudgeFacts.ElementCounts), nameof(NudgeFacts.DayNumber)],
            "Nudge_PartnershipElement", ["campaign", "element"],
            NudgeEntries.PartnershipElementCheck, NudgeEntries.PartnershipElement),
        new(NudgeKind.Pledge, "pledge", EastPart.Social | EastPart.Timely,
            [nameof(NudgeFacts.PostedTodayInChannel), nameof(NudgeFacts.DayNumber), nameof(NudgeFacts.TotalDays)],
            "Nudge_Pledge", ["campaign"],
            NudgeEntries.PledgeCheck, NudgeEntries.Pledge),
        new(NudgeKind.StorybookProgress, "storybook-progress", EastPart.Attractive,
            [nameof(NudgeFacts.StorybookSize), nameof(NudgeFacts.StoryTarget)],
            "Nudge_StorybookProgress", ["campaign", "stories", "target", "togo"],
            NudgeEntries.StorybookProgressCheck, NudgeEntries.StorybookProgress),
    ];

    public static NudgeEntry Get(NudgeKind kind) => Entries.First(e => e.Kind == kind);

    /// <summary>Finds an entry by its id as an admin typed it ("weekly-norm", "Weekly Norm", "weeklynorm").</summary>
    public static bool TryFind(string? id, out NudgeEntry entry)
    {
        var wanted = Normalise(id);
        entry = Entries.FirstOrDefault(e => Normalise(e.Id) == wanted)!;
        return wanted.Length > 0 && entry is not null;
    }

    private static string Normalise(string? id) =>
        new((id ?? "").Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
