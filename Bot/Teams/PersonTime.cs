using InfoStoryBot.Bot.Protocol;
using NodaTime;

namespace InfoStoryBot.Bot.Teams;

/// <summary>
/// The time zone to show a person's times in: the IANA zone Teams sends on each of their messages
/// (<c>localTimezone</c>), else Europe/London, where the campaign runs. From NodaTime's own tz database, so the answer
/// never depends on the host's tzdata.
/// </summary>
public static class PersonTime
{
    public const string DefaultZone = "Europe/London";

    public static DateTimeZone ZoneOf(Activity activity) =>
        activity.LocalTimezone is { Length: > 0 and < 64 } id && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is { } zone
            ? zone
            : DateTimeZoneProviders.Tzdb[DefaultZone];

    /// <summary>The wall-clock time there, for a card (cards are pure and take the time already converted).</summary>
    public static DateTime Local(DateTimeOffset instant, Activity activity) =>
        Instant.FromDateTimeOffset(instant).InZone(ZoneOf(activity)).ToDateTimeUnspecified();

    /// <summary>The person's own date now (e.g. for a date typed without a year).</summary>
    public static DateOnly Today(DateTimeOffset now, Activity activity) =>
        Instant.FromDateTimeOffset(now).InZone(ZoneOf(activity)).Date.ToDateOnly();
}
