using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>What a submitted campaign form comes to.</summary>
public abstract record CampaignFormRead
{
    private CampaignFormRead()
    {
    }

    /// <summary><see cref="CampaignNew"/> or <see cref="CampaignEdit"/>, for the admin gate.</summary>
    public sealed record Ready(AdminCommand Command) : CampaignFormRead;

    /// <summary>Inputs that could not be read (a date that is not a date); the rules have not been asked yet.</summary>
    public sealed record Invalid(IReadOnlyList<string> Problems) : CampaignFormRead;

    /// <summary>An edit that changes nothing.</summary>
    public sealed record Unchanged(string CampaignId) : CampaignFormRead;
}

/// <summary>
/// Reads the campaign form (Cards/Campaigns/CampaignFormCard) into the same command records the grammar makes, pure.
/// An edit becomes only the fields the admin changed: the form sends the values it was opened with
/// (<see cref="CampaignFormFields.Was"/>), so a field left alone is not written back over another admin's edit, and
/// channels become the ones ticked and unticked rather than a whole list. Whether the values make a good campaign
/// (an IANA zone, an end after the start, at least one day) is for the campaign rules, which word the answer.
/// </summary>
public static class CampaignFormReader
{
    public static CampaignFormRead Read(IReadOnlyDictionary<string, string> fields, CampaignText? text = null)
    {
        ArgumentNullException.ThrowIfNull(fields);
        text ??= CampaignText.EnGb;
        var values = Values(fields);
        var problems = new List<string>();
        var from = ReadDate(values.From, "CampaignForm_FromMissing", problems, text);
        var to = ReadDate(values.To, "CampaignForm_ToMissing", problems, text);
        var at = ReadTime(values.At, problems, text);
        if (values.Zone.Length == 0)
        {
            problems.Add(text["CampaignForm_ZoneMissing"]);
        }

        var target = ReadTarget(values.Target, problems, text);
        var campaignId = Get(fields, ActionKeys.Campaign);
        if (campaignId.Length > 0 && !CampaignIds.IsValid(campaignId))
        {
            problems.Add(text["CampaignForm_NoSuchCampaign"]);
        }

        if (problems.Count > 0)
        {
            return new CampaignFormRead.Invalid(problems);
        }

        var days = DaySet.Of(values.Days.Select(DayOf).OfType<DayOfWeek>());
        if (campaignId.Length == 0)
        {
            return new CampaignFormRead.Ready(new CampaignNew(values.Name, from!.Value, to!.Value, at!.Value, values.Zone, days, Blank(values.Goal), target)
            {
                ChannelIds = new ValueList<string>(values.ChannelIds),
            });
        }

        var was = Was(fields);
        bool Changed(string field, string now) => was is null || !fields.ContainsKey(CampaignFormFields.Was(field)) || !string.Equals(WasValue(fields, field), now, StringComparison.Ordinal);
        var wasChannels = was?.ChannelIds ?? [];
        DaySet? daysWere = fields.ContainsKey(CampaignFormFields.Was(CampaignFormFields.Days))
            ? DaySet.Of(List(WasValue(fields, CampaignFormFields.Days)).Select(DayOf).OfType<DayOfWeek>())
            : null;
        var changes = new CampaignChanges
        {
            Name = Changed(CampaignFormFields.Name, values.Name) ? values.Name : null,
            From = Changed(CampaignFormFields.From, values.From) && !SameDate(WasValue(fields, CampaignFormFields.From), from!.Value) ? from : null,
            To = Changed(CampaignFormFields.To, values.To) && !SameDate(WasValue(fields, CampaignFormFields.To), to!.Value) ? to : null,
            At = Changed(CampaignFormFields.At, values.At) && !SameTime(WasValue(fields, CampaignFormFields.At), at!.Value) ? at : null,
            Zone = Changed(CampaignFormFields.Zone, values.Zone) ? values.Zone : null,
            Days = daysWere == days ? null : days,
            Goal = Changed(CampaignFormFields.Goal, values.Goal) ? Blank(values.Goal) : null,
            ClearGoal = Changed(CampaignFormFields.Goal, values.Goal) && Blank(values.Goal) is null,
            Target = Changed(CampaignFormFields.Target, values.Target) ? target : null,
            ClearTarget = Changed(CampaignFormFields.Target, values.Target) && target is null,
            AddChannelIds = new ValueList<string>(values.ChannelIds.Except(wasChannels, StringComparer.Ordinal)),
            RemoveChannelIds = new ValueList<string>(wasChannels.Except(values.ChannelIds, StringComparer.Ordinal)),
        };

        // Clearing what was already empty changes nothing.
        changes = changes with
        {
            ClearGoal = changes.ClearGoal && Blank(WasValue(fields, CampaignFormFields.Goal)) is not null,
            ClearTarget = changes.ClearTarget && Blank(WasValue(fields, CampaignFormFields.Target)) is not null,
        };
        return changes.IsEmpty
            ? new CampaignFormRead.Unchanged(campaignId)
            : new CampaignFormRead.Ready(new CampaignEdit(CampaignRef.ById(campaignId), changes));
    }

    /// <summary>The inputs as submitted, to show the form again exactly as the admin left it.</summary>
    public static CampaignFormValues Values(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new CampaignFormValues
        {
            Name = Get(fields, CampaignFormFields.Name),
            From = Get(fields, CampaignFormFields.From),
            To = Get(fields, CampaignFormFields.To),
            At = Get(fields, CampaignFormFields.At),
            Zone = Get(fields, CampaignFormFields.Zone),
            Days = List(Get(fields, CampaignFormFields.Days)).Where(d => DayOf(d) is not null).Select(d => d.ToLowerInvariant()).ToList(),
            ChannelIds = List(Get(fields, CampaignFormFields.Channels)),
            Goal = Get(fields, CampaignFormFields.Goal),
            Target = Get(fields, CampaignFormFields.Target),
        };
    }

    /// <summary>The values the form was opened with (from its data), or null when it carries none.</summary>
    public static CampaignFormValues? Was(IReadOnlyDictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        if (!CampaignFormFields.All.Any(f => fields.ContainsKey(CampaignFormFields.Was(f))))
        {
            return null;
        }

        return new CampaignFormValues
        {
            Name = WasValue(fields, CampaignFormFields.Name),
            From = WasValue(fields, CampaignFormFields.From),
            To = WasValue(fields, CampaignFormFields.To),
            At = WasValue(fields, CampaignFormFields.At),
            Zone = WasValue(fields, CampaignFormFields.Zone),
            Days = List(WasValue(fields, CampaignFormFields.Days)),
            ChannelIds = List(WasValue(fields, CampaignFormFields.Channels)),
            Goal = WasValue(fields, CampaignFormFields.Goal),
            Target = WasValue(fields, CampaignFormFields.Target),
        };
    }

    /// <summary>A stored campaign as the form shows it.</summary>
    public static CampaignFormValues Of(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return new CampaignFormValues
        {
            Name = campaign.Name,
            From = Date(campaign.StartDate),
            To = Date(campaign.EndDate),
            At = campaign.PostingTime.ToString("HH:mm", CultureInfo.InvariantCulture),
            Zone = campaign.TimeZone,
            Days = DaySet.Of(campaign.DaysOfWeek).Days.Select(d => CampaignFormFields.DayValues[((int)d + 6) % 7]).ToList(),
            ChannelIds = campaign.TargetChannelIds,
            Goal = campaign.Goal ?? "",
            Target = campaign.StoryTarget?.ToString(CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary>A new campaign's form: the grammar's defaults (10:00, Europe/London, weekdays), dates to pick.</summary>
    public static CampaignFormValues New() => new()
    {
        At = CampaignNew.DefaultTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        Zone = CampaignNew.DefaultZone,
        Days = CampaignNew.DefaultDays.Days.Select(d => CampaignFormFields.DayValues[((int)d + 6) % 7]).ToList(),
    };

    private static DateOnly? ReadDate(string value, string missing, List<string> problems, CampaignText text)
    {
        if (value.Length == 0)
        {
            problems.Add(text[missing]);
            return null;
        }

        // Teams sends yyyy-MM-dd; some clients add a time.
        var date = value.Length > 10 && value[10] is 'T' or ' ' ? value[..10] : value;
        if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        problems.Add(text.Format("CampaignForm_DateUnreadable", Shown(value)));
        return null;
    }

    private static TimeOnly? ReadTime(string value, List<string> problems, CampaignText text)
    {
        if (value.Length == 0)
        {
            problems.Add(text["CampaignForm_AtMissing"]);
            return null;
        }

        if (TimeOnly.TryParseExact(value, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return new TimeOnly(parsed.Hour, parsed.Minute);
        }

        problems.Add(text.Format("CampaignForm_TimeUnreadable", Shown(value)));
        return null;
    }

    private static int? ReadTarget(string value, List<string> problems, CampaignText text)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == Math.Floor(number) && number is >= int.MinValue and <= int.MaxValue)
        {
            return (int)number;
        }

        problems.Add(text.Format("CampaignForm_TargetUnreadable", Shown(value)));
        return null;
    }

    private static bool SameDate(string was, DateOnly now) =>
        DateOnly.TryParseExact(was.Length > 10 ? was[..10] : was, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var then) && then == now;

    private static bool SameTime(string was, TimeOnly now) =>
        TimeOnly.TryParseExact(was, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var then) && then.Hour == now.Hour && then.Minute == now.Minute;

    private static DayOfWeek? DayOf(string value)
    {
        var index = CampaignFormFields.DayValues.ToList().FindIndex(d => string.Equals(d, value.Trim(), StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (DayOfWeek)((index + 1) % 7);
    }

    private static IReadOnlyList<string> List(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    private static string Get(IReadOnlyDictionary<string, string> fields, string key) =>
        fields.TryGetValue(key, out var value) ? value.Trim() : "";

    private static string WasValue(IReadOnlyDictionary<string, string> fields, string field) => Get(fields, CampaignFormFields.Was(field));

    private static string? Blank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>What was sent, cut short and shown exactly (a hostile client could send anything).</summary>
    private static string Shown(string value) => Cards.Text.UntrustedText.Markdown(value, 40);
}
