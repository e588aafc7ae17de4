using NodaTime;

namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>A Monday-to-Sunday week in a campaign's zone: [<see cref="StartUtc"/>, <see cref="EndUtc"/>).</summary>
public sealed record CampaignWeek(DateOnly Monday, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    public DateOnly Sunday => Monday.AddDays(6);

    public bool Contains(DateTimeOffset instant) => instant >= StartUtc && instant < EndUtc;
}

/// <summary>
/// The calendar facts the nudges stand on, in the campaign's own zone: "this week" (Monday 00:00 to Sunday 24:00
/// local, so a week with a daylight-saving change is 167 or 169 hours long), the weeks before it, the day number,
/// half-way and the last days. Pure: now comes in as an argument.
/// </summary>
/// <remarks>A campaign's zone is checked when it is stored; an unknown one here throws <see cref="ArgumentException"/>.</remarks>
public static class CampaignCalendar
{
    /// <summary>The local date in the campaign's zone at <paramref name="nowUtc"/>.</summary>
    public static DateOnly Today(Campaign campaign, DateTimeOffset nowUtc) => Today(ZoneOf(campaign), nowUtc);

    /// <summary>The local date in <paramref name="timeZone"/> (IANA id) at <paramref name="nowUtc"/>.</summary>
    public static DateOnly Today(string timeZone, DateTimeOffset nowUtc) => Today(Zone(timeZone), nowUtc);

    /// <summary>The week holding <paramref name="nowUtc"/> in the campaign's zone.</summary>
    public static CampaignWeek ThisWeek(Campaign campaign, DateTimeOffset nowUtc) => ThisWeek(Guard(campaign).TimeZone, nowUtc);

    /// <summary>The week holding <paramref name="nowUtc"/> in <paramref name="timeZone"/>.</summary>
    public static CampaignWeek ThisWeek(string timeZone, DateTimeOffset nowUtc)
    {
        var zone = Zone(timeZone);
        return Week(zone, MondayOf(Today(zone, nowUtc)));
    }

    /// <summary>The week holding <paramref name="date"/> in <paramref name="timeZone"/>.</summary>
    public static CampaignWeek WeekOf(string timeZone, DateOnly date) => Week(Zone(timeZone), MondayOf(date));

    /// <summary>
    /// The <paramref name="count"/> weeks ending with this week, oldest first; the last one is still in progress.
    /// For a rising norm, compare the complete ones (all but the last) or count this week so far.
    /// </summary>
    public static IReadOnlyList<CampaignWeek> LastWeeks(Campaign campaign, DateTimeOffset nowUtc, int count) =>
        LastWeeks(Guard(campaign).TimeZone, nowUtc, count);

    /// <inheritdoc cref="LastWeeks(Campaign, DateTimeOffset, int)"/>
    public static IReadOnlyList<CampaignWeek> LastWeeks(string timeZone, DateTimeOffset nowUtc, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var zone = Zone(timeZone);
        var monday = MondayOf(Today(zone, nowUtc));
        return Enumerable.Range(0, count).Reverse().Select(back => Week(zone, monday.AddDays(-7 * back))).ToList();
    }

    /// <summary>Days from start to end, both counted: 1 to 31 March is 31.</summary>
    public static int Length(Campaign campaign) => Guard(campaign).EndDate.DayNumber - campaign.StartDate.DayNumber + 1;

    /// <summary>Day 1 is the start date; before it the number is 0 or less, after the end more than <see cref="Length"/>.</summary>
    public static int DayNumber(Campaign campaign, DateOnly date) => date.DayNumber - Guard(campaign).StartDate.DayNumber + 1;

    /// <summary>The day number today in the campaign's zone.</summary>
    public static int DayNumberAt(Campaign campaign, DateTimeOffset nowUtc) => DayNumber(campaign, Today(campaign, nowUtc));

    /// <summary>The day on which half the campaign has gone: day 16 of 31, day 15 of 30, the start of a one-day campaign.</summary>
    public static DateOnly HalfwayDate(Campaign campaign) => Guard(campaign).StartDate.AddDays((Length(campaign) - 1) / 2);

    /// <summary>The last three calendar days (fewer when the campaign is shorter), oldest first.</summary>
    public static IReadOnlyList<DateOnly> LastThreeDays(Campaign campaign)
    {
        var first = Guard(campaign).EndDate.AddDays(-Math.Min(2, Length(campaign) - 1));
        return Enumerable.Range(0, campaign.EndDate.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
    }

    public static DateOnly LastDay(Campaign campaign) => Guard(campaign).EndDate;

    /// <summary>Whole days after <paramref name="date"/> until the end: 0 on the last day, 2 on the first of the last three.</summary>
    public static int DaysLeft(Campaign campaign, DateOnly date) => Guard(campaign).EndDate.DayNumber - date.DayNumber;

    public static bool IsWithinDates(Campaign campaign, DateOnly date) => date >= Guard(campaign).StartDate && date <= campaign.EndDate;

    /// <summary>Local midnight at the start of the start date, as a UTC instant.</summary>
    public static DateTimeOffset StartUtc(Campaign campaign) => StartOfDay(ZoneOf(campaign), campaign.StartDate);

    /// <summary>Local midnight after the end date, as a UTC instant: the campaign's dates are [StartUtc, EndUtc).</summary>
    public static DateTimeOffset EndUtc(Campaign campaign) => EndUtc(campaign.EndDate, ZoneOf(campaign));

    internal static DateTimeOffset EndUtc(DateOnly endDate, DateTimeZone zone) =>
        endDate == DateOnly.MaxValue ? DateTimeOffset.MaxValue : StartOfDay(zone, endDate.AddDays(1));

    internal static DateOnly Today(DateTimeZone zone, DateTimeOffset nowUtc) =>
        Instant.FromDateTimeOffset(nowUtc).InZone(zone).Date.ToDateOnly();

    private static CampaignWeek Week(DateTimeZone zone, DateOnly monday) =>
        new(monday, StartOfDay(zone, monday), StartOfDay(zone, monday.AddDays(7)));

    /// <summary>Start of day, even where a clock change skips midnight (then the first instant of the day).</summary>
    private static DateTimeOffset StartOfDay(DateTimeZone zone, DateOnly date) =>
        zone.AtStartOfDay(LocalDate.FromDateOnly(date)).ToInstant().ToDateTimeOffset();

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateTimeZone ZoneOf(Campaign campaign) => Zone(Guard(campaign).TimeZone);

    private static Campaign Guard(Campaign campaign) => campaign ?? throw new ArgumentNullException(nameof(campaign));

    private static DateTimeZone Zone(string timeZone) =>
        CampaignZones.Find(timeZone)
        ?? throw new ArgumentException($"'{timeZone}' is not an IANA time zone in the tz database {CampaignZones.TzdbVersion}.", nameof(timeZone));
}
