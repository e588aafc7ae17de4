namespace InfoStoryBot.Bot.Campaigns;

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
/// "Europe/London", so British Summer Time is handled by the zone, not by us).
/// </summary>
public sealed record Campaign
{
    /// <summary>Short and name-safe, see <see cref="CampaignIds"/>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required DateOnly StartDate { get; init; }

    public required DateOnly EndDate { get; init; }

    public IReadOnlyList<DayOfWeek> DaysOfWeek { get; init; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public TimeOnly PostingTime { get; init; } = new(10, 0);

    public string TimeZone { get; init; } = "Europe/London";

    public IReadOnlyList<string> TargetChannelIds { get; init; } = [];

    public CampaignState State { get; init; } = CampaignState.Draft;

    /// <summary>What the campaign is for, in the team's words ("a story from every partner by March").</summary>
    public string? Goal { get; init; }

    /// <summary>How many approved stories the team hopes for, when it set a number.</summary>
    public int? StoryTarget { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Entra object id of the admin who created it.</summary>
    public string? CreatedBy { get; init; }

    /// <summary>Plain-language problems, empty when the campaign can be stored.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!CampaignIds.IsValid(Id))
        {
            problems.Add($"'{Id}' is not a campaign id (1-40 lower-case letters, digits and hyphens).");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            problems.Add("The campaign needs a name.");
        }

        if (EndDate < StartDate)
        {
            problems.Add("The end date is before the start date.");
        }

        if (DaysOfWeek.Count == 0)
        {
            problems.Add("Pick at least one day of the week.");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems.Add($"'{TimeZone}' is not a time zone I know; use an IANA name such as Europe/London.");
        }

        if (StoryTarget is < 1)
        {
            problems.Add("A story target, when set, is at least 1.");
        }

        return problems;
    }
}

public static class CampaignIds
{
    public static bool IsValid(string? id) =>
        id is { Length: >= 1 and <= 40 } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && id[0] != '-';

    /// <summary>"Spring 2026 #infostory" becomes "spring-2026-infostory".</summary>
    public static string FromName(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        return slug.Length == 0 ? "campaign" : slug;
    }
}
