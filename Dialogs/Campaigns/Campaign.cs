namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>
/// Draft → scheduled or running → paused → ended; <see cref="CampaignMoves"/> says which moves are allowed.
/// Scheduled, running and paused are "live": they hold their channels (see <see cref="CampaignRules"/>).
/// </summary>
public enum CampaignState
{
    Draft,
    Scheduled,
    Running,
    Paused,
    Ended,
}

/// <summary>
/// A named period of nudges: posts go out on <see cref="DaysOfWeek"/> between <see cref="StartDate"/> and
/// <see cref="EndDate"/> (inclusive) at <see cref="PostingTime"/> in <see cref="TimeZone"/> (IANA id, e.g.
/// "Europe/London", so British Summer Time is handled by the zone, not by us). One slot a day at most, so a
/// channel gets at most one scheduled post a day from its campaign.
/// </summary>
/// <remarks>
/// Stored as JSON by Bot/Campaigns: every property added since the first version is optional with a default,
/// so campaigns stored before still read.
/// </remarks>
public sealed record Campaign
{
    /// <summary>Short and name-safe, see <see cref="CampaignIds"/>; fixed at creation, a rename keeps it.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public IReadOnlyList<DayOfWeek> DaysOfWeek { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public TimeOnly PostingTime { get; init; } = new(10, 0);

    public string TimeZone { get; init; } = "Europe/London";

    /// <summary>Teams channel ids (19:…@thread.tacv2) as Bot/Teams registered them.</summary>
    public IReadOnlyList<string> TargetChannelIds { get; init; } = [];

    public CampaignState State { get; init; } = CampaignState.Draft;

    /// <summary>What the campaign is for, in the team's words ("a story from every partner by March").</summary>
    public string? Goal { get; init; }

    /// <summary>How many approved stories the team hopes for, when it set a number.</summary>
    public int? StoryTarget { get; init; }

    /// <summary>
    /// Entries of the nudge catalogue pinned to dates (e.g. the pledge on the first Monday); every other slot
    /// follows the catalogue's default plan. The catalogue, not the campaign, knows which entry ids exist.
    /// </summary>
    public IReadOnlyList<PlannedNudge> PlannedNudges { get; init; } = [];

    /// <summary>
    /// When the campaign was last started or resumed. Slots before it belong to no live period: a campaign
    /// started at 10:30 does not post its 10:00 slot late, and slots missed while paused are not "missed".
    /// </summary>
    public DateTimeOffset? LiveFrom { get; init; }

    /// <summary>
    /// The timetables a live campaign had before its recent edits, each with the instant it was replaced, so a
    /// slot that fell due before an edit is still computed as it was planned (an edit applies from the next
    /// slot). <see cref="CampaignMoves.Edit"/> keeps these; a few days' worth is enough.
    /// </summary>
    public IReadOnlyList<CampaignTimetable> EarlierTimetables { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Entra object id of the admin who created it.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Entra object id of the admin who changed it last; null when only the scheduler moved it on.</summary>
    public string? UpdatedBy { get; init; }

    /// <summary>The parts that decide when and where it posts, as they are now.</summary>
    public CampaignTimetable CurrentTimetable() => new()
    {
        StartDate = StartDate,
        EndDate = EndDate,
        DaysOfWeek = DaysOfWeek,
        PostingTime = PostingTime,
        TimeZone = TimeZone,
        TargetChannelIds = TargetChannelIds,
    };

    /// <summary>Plain-language problems (en-GB), empty when the campaign can be stored; see <see cref="CampaignRules.Check"/>.</summary>
    public IReadOnlyList<string> Validate() =>
        CampaignRules.Check(this).Where(m => m.IsProblem).Select(m => m.Text).ToList();
}

/// <summary>When and where a campaign posts; <see cref="ReplacedAt"/> is set once an edit replaced it.</summary>
public sealed record CampaignTimetable
{
    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public required IReadOnlyList<DayOfWeek> DaysOfWeek { get; init; }

    public required TimeOnly PostingTime { get; init; }

    public required string TimeZone { get; init; }

    public required IReadOnlyList<string> TargetChannelIds { get; init; }

    /// <summary>Slots at or after this instant come from the next timetable.</summary>
    public DateTimeOffset? ReplacedAt { get; init; }

    /// <summary>Same dates, days, time, zone and channels (lists compared as sets: order changes nothing).</summary>
    public bool SameAs(CampaignTimetable other) =>
        other is not null
        && StartDate == other.StartDate
        && EndDate == other.EndDate
        && PostingTime == other.PostingTime
        && string.Equals(TimeZone, other.TimeZone, StringComparison.Ordinal)
        && DaysOfWeek.Distinct().Order().SequenceEqual(other.DaysOfWeek.Distinct().Order())
        && TargetChannelIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .SequenceEqual(other.TargetChannelIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), StringComparer.Ordinal);
}

/// <summary>A catalogue entry (by id, e.g. "pledge") the team wants on one date of the campaign.</summary>
public sealed record PlannedNudge(DateOnly Date, string EntryId);
