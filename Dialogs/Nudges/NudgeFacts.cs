using System.ComponentModel.DataAnnotations;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Nudges;

/// <summary>
/// Everything a nudge may say, for one channel at one moment, as Bot read it from stored data at send time.
/// Nothing here is estimated: the wording shows these figures exactly, or does not show them.
/// </summary>
public sealed record NudgeFacts
{
    public required string CampaignName { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    /// <summary>The campaign's IANA zone, e.g. "Europe/London"; weeks and "today" are in this zone.</summary>
    public required string TimeZone { get; init; }

    /// <summary>Today's date in the campaign's zone.</summary>
    public required DateOnly Today { get; init; }

    /// <summary>1 on the campaign's first (working) day, <see cref="TotalDays"/> on its last.</summary>
    public required int DayNumber { get; init; }

    public required int TotalDays { get; init; }

    /// <summary>This week, Monday to Sunday in the campaign's zone, so far.</summary>
    public WeekFigures ThisWeek { get; init; } = new(0, 0, 0);

    /// <summary>Stories per complete week before this one, oldest first (the last is last week).</summary>
    public IReadOnlyList<int> CompleteWeeks { get; init; } = [];

    /// <summary>Stories so far per pillar (a story with two pillars counts for both); a missing pillar is 0.</summary>
    public IReadOnlyDictionary<Pillar, int> PillarCounts { get; init; } = new Dictionary<Pillar, int>();

    /// <summary>Stories so far per partnership element; a missing element is 0.</summary>
    public IReadOnlyDictionary<PartnershipElement, int> ElementCounts { get; init; } = new Dictionary<PartnershipElement, int>();

    /// <summary>The campaign's published stories that could be story of the day (withdrawn ones simply absent).</summary>
    public IReadOnlyList<StoryCandidate> StoryCandidates { get; init; } = [];

    /// <summary>Story ids this channel has been shown as story of the day, oldest first (repeats included).</summary>
    public IReadOnlyList<string> FeaturedInChannel { get; init; } = [];

    /// <summary>The entries this channel has already received today (so a second post that day differs).</summary>
    public IReadOnlyList<NudgeKind> PostedTodayInChannel { get; init; } = [];

    /// <summary>Approved, consented stories in the campaign's storybook.</summary>
    public int StorybookSize { get; init; }

    /// <summary>The campaign's goal for the storybook; null or 0 when it has none.</summary>
    public int? StoryTarget { get; init; }

    /// <summary>A stable number for this channel (e.g. a hash of its id): it varies tie-breaks and phrasing between channels, never randomly.</summary>
    public int Seed { get; init; }

    public bool PledgeOfferedToday => PostedTodayInChannel.Contains(NudgeKind.Pledge);

    public int DaysLeftIncludingToday => TotalDays - DayNumber + 1;

    public bool IsCampaignDay => DayNumber >= 1 && DayNumber <= TotalDays;
}

/// <param name="Stories">Stories submitted this week.</param>
/// <param name="Colleagues">Distinct people who told them.</param>
/// <param name="PartnerOrganisations">Distinct organisations those people belong to (0 when not recorded).</param>
public sealed record WeekFigures(int Stories, int Colleagues, int PartnerOrganisations);

/// <summary>
/// A story that may be featured. Bot passes what it has; <see cref="IsPublishable"/> decides, so a story that is
/// not approved or lacks consent can never be featured even if it slips into the list.
/// </summary>
/// <param name="Excerpt">The opening of the story (the card cuts it to size).</param>
/// <param name="Partners">Who was involved, as the teller wrote it.</param>
public sealed record StoryCandidate(
    string StoryId,
    StoryStatus Status,
    bool ConsentToPublish,
    string Title,
    string Excerpt,
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<string> Partners,
    Attribution Attribution,
    string? TellerName = null,
    string? TellerRole = null,
    string? TellerOrganisation = null)
{
    public bool IsPublishable => Status == StoryStatus.Approved && ConsentToPublish && !string.IsNullOrWhiteSpace(StoryId);

    public static StoryCandidate From(string storyId, StoryStatus status, StoryContent story) => new(
        storyId,
        status,
        story.ConsentToPublish,
        story.Title,
        story.WhatHappened,
        story.Pillars,
        story.WhoWasInvolved,
        story.Attribution,
        story.TellerName,
        story.TellerRole,
        story.TellerOrganisation);
}

/// <summary>The campaign team's settings for nudges (bound from configuration by Bot and validated at start-up).</summary>
public sealed record NudgeSettings
{
    public const int DefaultNormThreshold = 5;

    /// <summary>
    /// A descriptive norm ("14 colleagues shared") is shown only from this many people: below it, the figure
    /// tells people sharing is rare and pushes them away from it. A norm of one person is no norm, hence at least 2.
    /// </summary>
    [Range(2, 100_000)]
    public int NormThreshold { get; init; } = DefaultNormThreshold;

    /// <summary>A rising norm needs at least this many complete weeks, each strictly above the one before.</summary>
    [Range(2, 52)]
    public int RisingMinWeeks { get; init; } = 3;

    /// <summary>The rising norm shows at most this many weeks (the most recent ones).</summary>
    [Range(2, 52)]
    public int RisingMaxWeeks { get; init; } = 4;

    public static NudgeSettings Default { get; } = new();

    /// <summary>The problems with these settings in plain words; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), problems, validateAllProperties: true);
        var messages = problems.Select(p => p.ErrorMessage ?? "").ToList();
        if (RisingMaxWeeks < RisingMinWeeks)
        {
            messages.Add($"RisingMaxWeeks ({RisingMaxWeeks}) must not be below RisingMinWeeks ({RisingMinWeeks}).");
        }

        return messages;
    }
}

/// <summary>
/// An experiment's wording for one entry. The text may name live figures as {placeholders}
/// (see <see cref="NudgeEntry.Placeholders"/>); they are filled with the same true figures as the normal wording.
/// </summary>
/// <param name="Letter">The variant's letter, e.g. "B"; it travels on every button of the card.</param>
public sealed record NudgeVariant(NudgeKind Entry, string Letter, string Text);
