using System.Globalization;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Tests.Nudges;

/// <summary>Facts for a 30-day November campaign, with as little noise as each test needs.</summary>
internal static class NudgeTestData
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static readonly DateOnly Start = new(2026, 11, 2);

    public static NudgeFacts Facts(int day = 7, int total = 30, DateOnly? today = null) => new()
    {
        CampaignName = "#infostory November",
        StartDate = Start,
        EndDate = Start.AddDays(total - 1),
        TimeZone = "Europe/London",
        Today = today ?? Start.AddDays(day - 1),
        DayNumber = day,
        TotalDays = total,
    };

    /// <summary>A day that is not a campaign moment, not a Thursday, with the plan's cycle on story of the day.</summary>
    public static NudgeFacts Ordinary() => Facts(day: 3, today: new DateOnly(2026, 11, 4));

    public static StoryCandidate Story(
        string id,
        Pillar pillar,
        Attribution attribution = Attribution.RoleOnly,
        StoryStatus status = StoryStatus.Approved,
        bool consent = true,
        params Pillar[] more) => new(
            id,
            status,
            consent,
            "Telling it once: " + id,
            "A family moved between two council areas and the school shared a concern the same day.",
            [pillar, .. more],
            ["Northtown Council", "GP surgery"],
            attribution,
            TellerName: "Sam Teller " + id,
            TellerRole: "Family support worker",
            TellerOrganisation: "Northtown Council");

    public static IReadOnlyList<StoryCandidate> Balanced(int perPillar) =>
        Enum.GetValues<Pillar>()
            .SelectMany(p => Enumerable.Range(1, perPillar).Select(i => Story($"{p}-{i}", p)))
            .ToList();

    public static NudgeDecision Choose(NudgeFacts facts, NudgeKind? requested = null, NudgeVariant? variant = null, NudgeSettings? settings = null) =>
        NudgePlanner.Choose(facts, NudgePlan.Default, settings ?? NudgeSettings.Default, EnGb, requested, variant);

    public static NudgeCheck Check(NudgeKind kind, NudgeFacts facts, NudgeSettings? settings = null) =>
        NudgeCatalogue.Get(kind).Check(facts, settings ?? NudgeSettings.Default, EnGb);
}
