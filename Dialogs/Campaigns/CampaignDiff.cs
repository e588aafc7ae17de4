namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>
/// What changed between two versions of a campaign, in short words ("at 10:00 → 11:15", "channel + Team / Stories"):
/// for the audit log, and to tell an admin what another admin changed meanwhile. A goal's words are not repeated.
/// </summary>
public static class CampaignDiff
{
    public static IReadOnlyList<string> Changes(Campaign before, Campaign after, IReadOnlyDictionary<string, string>? channelNames = null, CampaignText? text = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        text ??= CampaignText.EnGb;
        var changes = new List<string>();
        if (before.State != after.State)
        {
            changes.Add(text.Format("CampaignDiff_State", text.State(before.State), text.State(after.State)));
        }

        if (!string.Equals(before.Name, after.Name, StringComparison.Ordinal))
        {
            changes.Add(text.Format("CampaignDiff_Name", before.Name, after.Name));
        }

        if (before.StartDate != after.StartDate)
        {
            changes.Add(text.Format("CampaignDiff_From", text.ShortDate(before.StartDate), text.ShortDate(after.StartDate)));
        }

        if (before.EndDate != after.EndDate)
        {
            changes.Add(text.Format("CampaignDiff_To", text.ShortDate(before.EndDate), text.ShortDate(after.EndDate)));
        }

        if (before.PostingTime != after.PostingTime)
        {
            changes.Add(text.Format("CampaignDiff_At", CampaignText.Time(before.PostingTime), CampaignText.Time(after.PostingTime)));
        }

        if (!string.Equals(before.TimeZone, after.TimeZone, StringComparison.Ordinal))
        {
            changes.Add(text.Format("CampaignDiff_Zone", before.TimeZone, after.TimeZone));
        }

        if (!before.DaysOfWeek.Distinct().Order().SequenceEqual(after.DaysOfWeek.Distinct().Order()))
        {
            changes.Add(text.Format("CampaignDiff_Days", text.Days(before.DaysOfWeek), text.Days(after.DaysOfWeek)));
        }

        if (!string.Equals(before.Goal, after.Goal, StringComparison.Ordinal))
        {
            changes.Add(text[before.Goal is null ? "CampaignDiff_GoalSet" : after.Goal is null ? "CampaignDiff_GoalCleared" : "CampaignDiff_GoalChanged"]);
        }

        if (before.StoryTarget != after.StoryTarget)
        {
            changes.Add(text.Format("CampaignDiff_Target", Number(before.StoryTarget, text), Number(after.StoryTarget, text)));
        }

        string Name(string id) => channelNames is not null && channelNames.TryGetValue(id, out var name) ? name : id;
        changes.AddRange(after.TargetChannelIds.Except(before.TargetChannelIds, StringComparer.Ordinal).Select(id => text.Format("CampaignDiff_ChannelAdded", Name(id))));
        changes.AddRange(before.TargetChannelIds.Except(after.TargetChannelIds, StringComparer.Ordinal).Select(id => text.Format("CampaignDiff_ChannelRemoved", Name(id))));
        return changes;
    }

    /// <summary>The changes joined into one line, or null when nothing changed.</summary>
    public static string? Describe(Campaign before, Campaign after, IReadOnlyDictionary<string, string>? channelNames = null, CampaignText? text = null)
    {
        var changes = Changes(before, after, channelNames, text);
        return changes.Count == 0 ? null : string.Join("; ", changes);
    }

    /// <summary>A new campaign in one line: "draft, Mon 1 Mar 2027 to Wed 31 Mar 2027, weekdays at 10:00 Europe/London, 2 channels".</summary>
    public static string Summary(Campaign campaign, CampaignText? text = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        text ??= CampaignText.EnGb;
        return text.Format(
            "CampaignDiff_Summary",
            text.State(campaign.State),
            text.ShortDate(campaign.StartDate),
            text.ShortDate(campaign.EndDate),
            text.Days(campaign.DaysOfWeek),
            CampaignText.Time(campaign.PostingTime),
            campaign.TimeZone,
            text.Format(campaign.TargetChannelIds.Count == 1 ? "CampaignDiff_OneChannel" : "CampaignDiff_Channels", campaign.TargetChannelIds.Count));
    }

    private static string Number(int? value, CampaignText text) =>
        value is { } n ? n.ToString(text.Text.Culture) : text["CampaignDiff_None"];
}
