using System.Globalization;
using InfoStoryBot.Dialogs.Engine;

namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>
/// Dates, times, days and states in the campaign team's words, from Strings.resx. Day and month names come from
/// the resources, not from the host's culture data, so "Sep" never turns into "Sept" on another machine.
/// </summary>
public sealed class CampaignText(CultureInfo culture)
{
    public static CampaignText EnGb { get; } = new(CultureInfo.GetCultureInfo("en-GB"));

    public DialogText Text { get; } = new(culture);

    public string this[string name] => Text[name];

    public string Format(string name, params object[] args) => Text.Format(name, args);

    /// <summary>"Sunday 28 March 2027".</summary>
    public string LongDate(DateOnly date) =>
        Format("Campaign_DateLong", DayName(date.DayOfWeek, "Campaign_DayNames"), date.Day, Name("Campaign_MonthNames", date.Month - 1), date.Year);

    /// <summary>"Sun 28 Mar 2027".</summary>
    public string ShortDate(DateOnly date) =>
        Format("Campaign_DateShort", DayName(date.DayOfWeek, "Campaign_DayNamesShort"), date.Day, Name("Campaign_MonthNamesShort", date.Month - 1), date.Year);

    /// <summary>"09:30": the 24-hour clock the campaign team types.</summary>
    public static string Time(TimeOnly time) =>
        time.ToString(time.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>"weekdays", "every day", "weekends" or "Mon, Wed, Fri" (Monday first).</summary>
    public string Days(IEnumerable<DayOfWeek> days)
    {
        var set = days.Distinct().OrderBy(d => ((int)d + 6) % 7).ToList();
        if (set.Count == 7)
        {
            return this["Campaign_Days_EveryDay"];
        }

        if (set.Count == 5 && !set.Contains(DayOfWeek.Saturday) && !set.Contains(DayOfWeek.Sunday))
        {
            return this["Campaign_Days_Weekdays"];
        }

        if (set.Count == 2 && set.Contains(DayOfWeek.Saturday) && set.Contains(DayOfWeek.Sunday))
        {
            return this["Campaign_Days_Weekends"];
        }

        return string.Join(", ", set.Select(d => DayName(d, "Campaign_DayNamesShort")));
    }

    /// <summary>"draft", "scheduled", "running", "paused" or "ended".</summary>
    public string State(CampaignState state) => this["Campaign_State_" + state];

    /// <summary>"Mon 1 Mar 2027, 10:00 GMT", saying so when a daylight-saving change moved or doubled the time.</summary>
    public string Slot(CampaignSlot slot)
    {
        ArgumentNullException.ThrowIfNull(slot);
        var date = ShortDate(slot.LocalDate);
        var at = Time(slot.LocalTime);
        return slot.Shift switch
        {
            SlotShift.Skipped => Format("Campaign_SlotMoved", date, at, slot.ZoneAbbreviation, Time(slot.PlannedTime)),
            SlotShift.Repeated => Format("Campaign_SlotRepeated", date, at, slot.ZoneAbbreviation),
            _ => Format("Campaign_Slot", date, at, slot.ZoneAbbreviation),
        };
    }

    private string DayName(DayOfWeek day, string list) => Name(list, ((int)day + 6) % 7);

    private string Name(string list, int index)
    {
        var names = Text.Words(list);
        return index < names.Count ? names[index] : throw new InvalidOperationException($"'{list}' in Strings.resx needs {index + 1} names.");
    }
}
