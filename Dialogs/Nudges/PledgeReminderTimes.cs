using System.Globalization;
using NodaTime;
using NodaTime.TimeZones;

namespace InfoStoryBot.Dialogs.Nudges;

/// <summary>A reminder time offered after a pledge: the label in the person's local time and the instant.</summary>
/// <param name="Label">e.g. "Tomorrow 9:00", "Thursday 14:00".</param>
/// <param name="Value">The instant as the button sends it back: ISO 8601 in UTC, e.g. "2026-11-19T09:00:00Z".</param>
public sealed record PledgeReminderChoice(string Label, DateTimeOffset At, string Value);

/// <param name="ZoneId">The zone the labels are in (UTC when the person's zone was not recognised).</param>
public sealed record PledgeReminderOptions(string ZoneId, bool ZoneRecognised, IReadOnlyList<PledgeReminderChoice> Choices);

/// <summary>
/// The times a person may pick for their one pledge reminder: the next working day at 9:00, the one after at
/// 14:00 and the one after that at 9:00, in their own zone. Local times are turned into instants with the tz
/// database that NodaTime carries, so a reminder across a clock change still comes at 9:00 on the wall clock,
/// whatever the host's tzdata.
/// </summary>
public static class PledgeReminderTimes
{
    public const string ValueFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>A pressed reminder time further ahead than this is not one we offered.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(31);

    private static readonly (int Hour, int Minute)[] Slots = [(9, 0), (14, 0), (9, 0)];

    public static PledgeReminderOptions For(
        DateTimeOffset now,
        string? timeZoneId,
        CultureInfo culture,
        IReadOnlyCollection<DateOnly>? nonWorkingDates = null,
        DateOnly? lastDate = null)
    {
        var (zone, recognised) = Zone(timeZoneId);
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        var choices = new List<PledgeReminderChoice>();
        var day = today;
        for (var i = 0; i < Slots.Length; i++)
        {
            day = NextWorkingDay(day, nonWorkingDates);
            if (lastDate is { } last && ToDateOnly(day) > last)
            {
                break;
            }

            var local = day.At(new LocalTime(Slots[i].Hour, Slots[i].Minute));

            // A skipped local time moves forward by the gap; a repeated one takes its first occurrence.
            var at = zone.ResolveLocal(local, Resolvers.LenientResolver).ToDateTimeOffset().ToUniversalTime();
            choices.Add(new PledgeReminderChoice(Label(local, today, culture), at, at.ToString(ValueFormat, CultureInfo.InvariantCulture)));
        }

        return new PledgeReminderOptions(zone.Id, recognised, choices);
    }

    /// <summary>Reads a pressed reminder time back; false for anything we would not have offered.</summary>
    public static bool TryParse(string? value, DateTimeOffset now, out DateTimeOffset at)
    {
        at = default;
        if (!DateTimeOffset.TryParseExact(value, ValueFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        if (parsed <= now || parsed - now > MaxAhead)
        {
            return false;
        }

        at = parsed;
        return true;
    }

    /// <summary>The reminder time in the person's words, e.g. "Thursday 14:00", for the confirmation.</summary>
    public static string Describe(DateTimeOffset at, DateTimeOffset now, string? timeZoneId, CultureInfo culture)
    {
        var (zone, _) = Zone(timeZoneId);
        var local = Instant.FromDateTimeOffset(at).InZone(zone).LocalDateTime;
        var today = Instant.FromDateTimeOffset(now).InZone(zone).Date;
        return Label(local, today, culture);
    }

    /// <summary>The zone for an IANA id or a Windows id (Teams clients have sent both); UTC when neither.</summary>
    public static (DateTimeZone Zone, bool Recognised) Zone(string? id)
    {
        if (!string.IsNullOrWhiteSpace(id))
        {
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(id.Trim()) is { } zone)
            {
                return (zone, true);
            }

            var mapping = TzdbDateTimeZoneSource.Default.WindowsMapping.PrimaryMapping;
            if (mapping.TryGetValue(id.Trim(), out var iana) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(iana) is { } mapped)
            {
                return (mapped, true);
            }
        }

        return (DateTimeZone.Utc, false);
    }

    private static LocalDate NextWorkingDay(LocalDate after, IReadOnlyCollection<DateOnly>? nonWorking)
    {
        var day = after.PlusDays(1);
        while (day.DayOfWeek is IsoDayOfWeek.Saturday or IsoDayOfWeek.Sunday || (nonWorking?.Contains(ToDateOnly(day)) ?? false))
        {
            day = day.PlusDays(1);
        }

        return day;
    }

    private static DateOnly ToDateOnly(LocalDate date) => new(date.Year, date.Month, date.Day);

    private static string Label(LocalDateTime local, LocalDate today, CultureInfo culture)
    {
        var text = new NudgeText(culture);
        var time = local.TimeOfDay.ToString("H:mm", culture);
        var days = Period.Between(today, local.Date, PeriodUnits.Days).Days;
        var dayName = culture.DateTimeFormat.GetDayName(ToDateOnly(local.Date).DayOfWeek);
        return days switch
        {
            0 => text.Format("Nudge_Remind_Today", time),
            1 => text.Format("Nudge_Remind_Tomorrow", time),
            < 7 => text.Format("Nudge_Remind_Weekday", dayName, time),
            _ => text.Format("Nudge_Remind_Date", dayName, text.Date(ToDateOnly(local.Date)), time),
        };
    }
}
