using NodaTime;

namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>Which rule a message comes from, so a card can put it next to the right field.</summary>
public enum CampaignRule
{
    IdInvalid,
    IdTaken,
    NameMissing,
    NameTooLong,
    GoalTooLong,
    StoryTargetTooSmall,
    DatesOutOfRange,
    EndBeforeStart,
    UnknownTimeZone,
    NoDays,
    PlannedNudgeInvalid,
    PlannedNudgeNotPostingDay,
    PlannedNudgeTwice,
    NoChannels,
    StartInPast,
    DatesInPast,
    EndPassed,
    NeverPosts,
    ChannelTaken,
    LiveNeedsChannel,
    EndedCannotChange,
    MoveNotAllowed,

    /// <summary>A note, not a problem: a posting day where the clocks skip the posting time.</summary>
    TimeSkipped,

    /// <summary>A note, not a problem: a posting day where the posting time happens twice.</summary>
    TimeRepeated,
}

/// <summary>One plain-language message; a problem refuses the change, a note only says what will happen.</summary>
public sealed record CampaignMessage(CampaignRule Rule, string Text, bool IsProblem = true);

/// <summary>
/// The campaign rules, pure, each with a message in the campaign team's words (Strings.resx, en-GB).
/// <see cref="Check"/> is what every stored campaign satisfies; <see cref="CampaignMoves"/> adds the rules of
/// starting, resuming and editing a live campaign.
/// </summary>
public static class CampaignRules
{
    public const int NameMaxLength = 60;

    /// <summary>About a sentence: the goal is shown on cards next to the storybook's progress.</summary>
    public const int GoalMaxLength = 280;

    /// <summary>Far beyond any real campaign, and inside what the tz database and the calendar arithmetic cover.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    /// <summary>
    /// Problems that stop a campaign being stored, then notes about daylight-saving days (posting days on or
    /// after <paramref name="notesFrom"/>, all of them when null).
    /// </summary>
    public static IReadOnlyList<CampaignMessage> Check(
        Campaign campaign, IReadOnlyCollection<DateOnly>? nonWorkingDates = null, DateOnly? notesFrom = null, CampaignText? text = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        text ??= CampaignText.EnGb;
        var messages = new List<CampaignMessage>();
        void Problem(CampaignRule rule, string name, params object[] args) => messages.Add(new(rule, text.Format(name, args)));

        if (!CampaignIds.IsValid(campaign.Id))
        {
            Problem(CampaignRule.IdInvalid, "Campaign_IdInvalid", campaign.Id ?? "");
        }

        if (string.IsNullOrWhiteSpace(campaign.Name))
        {
            Problem(CampaignRule.NameMissing, "Campaign_NameMissing");
        }
        else if (campaign.Name.Trim().Length > NameMaxLength)
        {
            Problem(CampaignRule.NameTooLong, "Campaign_NameTooLong", campaign.Name.Trim().Length, NameMaxLength);
        }

        if (campaign.Goal is { } goal && goal.Trim().Length > GoalMaxLength)
        {
            Problem(CampaignRule.GoalTooLong, "Campaign_GoalTooLong", goal.Trim().Length, GoalMaxLength);
        }

        if (campaign.StoryTarget is < 1)
        {
            Problem(CampaignRule.StoryTargetTooSmall, "Campaign_StoryTargetTooSmall", campaign.StoryTarget.Value);
        }

        var datesInRange = true;
        foreach (var date in new[] { campaign.StartDate, campaign.EndDate }.Distinct())
        {
            if (date < EarliestDate || date > LatestDate)
            {
                datesInRange = false;
                Problem(CampaignRule.DatesOutOfRange, "Campaign_DatesOutOfRange", text.LongDate(date), text.LongDate(EarliestDate), text.LongDate(LatestDate));
            }
        }

        if (campaign.EndDate < campaign.StartDate)
        {
            Problem(CampaignRule.EndBeforeStart, "Campaign_EndBeforeStart", text.LongDate(campaign.EndDate), text.LongDate(campaign.StartDate));
        }

        var zone = CampaignZones.Find(campaign.TimeZone);
        if (zone is null)
        {
            messages.Add(UnknownZone(campaign.TimeZone ?? "", text));
        }

        if (campaign.DaysOfWeek.Count == 0)
        {
            Problem(CampaignRule.NoDays, "Campaign_NoDays");
        }

        var timetableUsable = zone is not null && datesInRange && campaign.EndDate >= campaign.StartDate && campaign.DaysOfWeek.Count > 0;
        var nonWorking = nonWorkingDates ?? [];
        messages.AddRange(PlanProblems(campaign, nonWorking, timetableUsable, text));
        if (timetableUsable)
        {
            messages.AddRange(DaylightSavingNotes(campaign, nonWorking, notesFrom ?? DateOnly.MinValue, text));
        }

        return messages;
    }

    /// <summary>
    /// One live campaign per channel at a time. A channel may be a target of only one live campaign (scheduled,
    /// running or paused) whose dates overlap another's, so a channel never gets two campaigns' posts or two
    /// stories of the day on one day, and "Share yours" always knows which campaign it is for. Drafts may share
    /// channels freely; the rule bites when a campaign goes live (start, resume) and when a live campaign gains
    /// a channel or longer dates (edit). Campaigns whose dates do not overlap may share channels, so next
    /// season's campaign can be scheduled on this season's channels. The message names both campaigns.
    /// </summary>
    public static IReadOnlyList<CampaignMessage> ChannelConflicts(
        Campaign campaign, IEnumerable<Campaign> otherCampaigns, IReadOnlyDictionary<string, string>? channelNames = null, CampaignText? text = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(otherCampaigns);
        text ??= CampaignText.EnGb;
        var messages = new List<CampaignMessage>();
        var rivals = otherCampaigns
            .Where(o => o is not null && o.Id != campaign.Id && IsLive(o.State) && o.StartDate <= campaign.EndDate && campaign.StartDate <= o.EndDate)
            .OrderBy(o => o.Id, StringComparer.Ordinal)
            .ToList();
        foreach (var channel in campaign.TargetChannelIds.Distinct(StringComparer.Ordinal))
        {
            if (rivals.FirstOrDefault(o => o.TargetChannelIds.Contains(channel, StringComparer.Ordinal)) is { } rival)
            {
                var name = channelNames is not null && channelNames.TryGetValue(channel, out var known) && !string.IsNullOrWhiteSpace(known) ? known : channel;
                messages.Add(new(CampaignRule.ChannelTaken, text.Format(
                    "Campaign_ChannelTaken", name, rival.Name, text.State(rival.State), text.LongDate(rival.StartDate), text.LongDate(rival.EndDate), campaign.Name, rival.Id)));
            }
        }

        return messages;
    }

    /// <summary>What will happen on each posting day (on or after <paramref name="from"/>) where the clocks change over the posting time.</summary>
    public static IReadOnlyList<CampaignMessage> DaylightSavingNotes(
        Campaign campaign, IReadOnlyCollection<DateOnly> nonWorkingDates, DateOnly from, CampaignText? text = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        text ??= CampaignText.EnGb;
        if (CampaignZones.Find(campaign.TimeZone) is not { } zone)
        {
            return [];
        }

        var notes = new List<CampaignMessage>();
        foreach (var slot in CampaignSchedule.PlannedSlots(campaign, nonWorkingDates, text).Where(s => s.Shift != SlotShift.None && s.LocalDate >= from))
        {
            var mapping = zone.MapLocal(LocalDate.FromDateOnly(slot.LocalDate) + LocalTime.FromTimeOnly(slot.PlannedTime));
            var clockBefore = CampaignText.Time(mapping.EarlyInterval.IsoLocalEnd.TimeOfDay.ToTimeOnly());
            var clockAfter = CampaignText.Time(mapping.LateInterval.IsoLocalStart.TimeOfDay.ToTimeOnly());
            var date = text.LongDate(slot.LocalDate);
            var planned = CampaignText.Time(slot.PlannedTime);
            notes.Add(slot.Shift == SlotShift.Skipped
                ? new(CampaignRule.TimeSkipped, text.Format("Campaign_TimeSkipped", date, planned, campaign.TimeZone, clockBefore, clockAfter, CampaignText.Time(slot.LocalTime), slot.ZoneAbbreviation), IsProblem: false)
                : new(CampaignRule.TimeRepeated, text.Format("Campaign_TimeRepeated", date, planned, campaign.TimeZone, clockBefore, clockAfter, slot.ZoneAbbreviation), IsProblem: false));
        }

        return notes;
    }

    internal static bool IsLive(CampaignState state) => state is CampaignState.Scheduled or CampaignState.Running or CampaignState.Paused;

    private static CampaignMessage UnknownZone(string typed, CampaignText text)
    {
        var suggestions = CampaignZones.Suggest(typed);
        if (suggestions.Count == 0)
        {
            return new(CampaignRule.UnknownTimeZone, text.Format("Campaign_UnknownZone", typed));
        }

        var or = " " + text["Campaign_Or"] + " ";
        var list = suggestions.Count == 1 ? suggestions[0] : string.Join(", ", suggestions.Take(suggestions.Count - 1)) + or + suggestions[^1];
        return new(CampaignRule.UnknownTimeZone, text.Format("Campaign_UnknownZoneSuggest", typed, list));
    }

    private static IEnumerable<CampaignMessage> PlanProblems(Campaign campaign, IReadOnlyCollection<DateOnly> nonWorking, bool timetableUsable, CampaignText text)
    {
        var postingDates = timetableUsable ? CampaignSchedule.PlannedSlots(campaign, nonWorking, text).Select(s => s.LocalDate).ToHashSet() : null;
        foreach (var planned in campaign.PlannedNudges)
        {
            var entry = planned.EntryId ?? "";
            if (!CampaignIds.IsValid(entry))
            {
                yield return new(CampaignRule.PlannedNudgeInvalid, text.Format("Campaign_PlannedNudgeInvalid", entry));
            }
            else if (postingDates is not null && !postingDates.Contains(planned.Date))
            {
                yield return new(CampaignRule.PlannedNudgeNotPostingDay, text.Format("Campaign_PlannedNudgeNotPostingDay", entry, text.LongDate(planned.Date)));
            }
        }

        foreach (var twice in campaign.PlannedNudges.GroupBy(p => p.Date).Where(g => g.Count() > 1).OrderBy(g => g.Key))
        {
            yield return new(CampaignRule.PlannedNudgeTwice, text.Format("Campaign_PlannedNudgeTwice", text.LongDate(twice.Key)));
        }
    }
}
