using System.Text.RegularExpressions;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.Storybook;

/// <summary>
/// The time zone to show a storyteller's times in: the IANA zone Teams sends on each message (<c>localTimezone</c>),
/// else Europe/London, where the campaign runs.
/// </summary>
public static partial class TellerTime
{
    public const string DefaultZone = "Europe/London";

    public static TimeZoneInfo ZoneOf(Activity activity) =>
        activity.LocalTimezone is { } id && ZoneId().IsMatch(id) && !id.Contains("..", StringComparison.Ordinal)
        && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : Default;

    /// <summary>The wall-clock time there, for a card (cards are pure and take the time already converted).</summary>
    public static DateTime Local(DateTimeOffset instant, Activity activity) => TimeZoneInfo.ConvertTime(instant, ZoneOf(activity)).DateTime;

    private static TimeZoneInfo Default { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById(DefaultZone, out var london) ? london : TimeZoneInfo.Utc;

    // "Europe/London", "America/Argentina/Buenos_Aires", "Etc/GMT+5": the zone id is the client's, so nothing else is looked up.
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_+\-]+){0,2}$")]
    private static partial Regex ZoneId();
}
