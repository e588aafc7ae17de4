using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>
/// Campaigns as the campaign team's cards show them (Cards/Campaigns), pure: the time and the registered channels
/// come in. States are shown as they are at <c>now</c> (a scheduled campaign whose first post has gone is running);
/// buttons offer the moves the stored state allows, each carrying its command as typed.
/// </summary>
public static class CampaignViews
{
    public const int NextSlotCount = 5;

    public static CampaignCardView Card(
        Campaign campaign,
        DateTimeOffset nowUtc,
        IReadOnlyCollection<DateOnly> nonWorkingDates,
        IReadOnlyList<ChannelEntry> channels,
        CampaignText text,
        string? done = null,
        IReadOnlyList<string>? problems = null,
        IReadOnlyList<string>? notes = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(text);
        var channelText = new ChannelText(text.Text.Culture);
        var replies = new CampaignReplies(text);
        var byId = channels.GroupBy(c => c.ChannelId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var channelLines = new List<string>();
        var channelNotes = new List<string>();
        foreach (var id in campaign.TargetChannelIds)
        {
            if (!byId.TryGetValue(id, out var channel))
            {
                channelLines.Add(text.Format("CampaignView_ChannelUnregistered", id));
                channelNotes.Add(replies.NoteUnregistered(id));
                continue;
            }

            var name = ChannelListing.Display(channel, channelText);
            if (channel.Gone is { } gone)
            {
                var goneNote = channelText.Gone(gone, ZoneOrLondon(campaign));
                channelLines.Add(text.Format("CampaignView_ChannelGone", name, goneNote));
                channelNotes.Add(replies.NoteGone(name, goneNote));
            }
            else if (channel.Muted)
            {
                channelLines.Add(text.Format("CampaignView_ChannelMuted", name));
                channelNotes.Add(replies.NoteMuted(name));
            }
            else
            {
                channelLines.Add(name);
            }
        }

        var usable = CampaignZones.Find(campaign.TimeZone) is not null && campaign.EndDate >= campaign.StartDate;
        var today = usable ? CampaignCalendar.Today(campaign.TimeZone, nowUtc) : DateOnly.MinValue;
        var daylight = usable && campaign.State != CampaignState.Ended
            ? CampaignRules.DaylightSavingNotes(campaign, nonWorkingDates, today, text).Select(n => n.Text)
            : [];
        var slots = usable ? CampaignSchedule.NextSlots(campaign, nowUtc, NextSlotCount, nonWorkingDates, text) : [];
        return new CampaignCardView
        {
            Id = campaign.Id,
            Name = campaign.Name,
            State = text.State(usable ? CampaignSchedule.StateAt(campaign, nowUtc, nonWorkingDates) : campaign.State),
            Dates = Dates(campaign, text),
            Days = text.Days(campaign.DaysOfWeek),
            TimeAndZone = text.Format("CampaignView_TimeAndZone", CampaignText.Time(campaign.PostingTime), campaign.TimeZone),
            Channels = channelLines,
            Goal = campaign.Goal,
            Target = campaign.StoryTarget is { } target ? text.Format("CampaignView_Target", target) : null,
            NextSlots = [.. slots.Select(s => s.Display)],
            Notes = [.. (notes ?? []).Concat(daylight).Concat(channelNotes).Distinct(StringComparer.Ordinal)],
            Done = done,
            Problems = problems ?? [],
            Buttons = CardButtons(campaign),
        };
    }

    public static CampaignListView List(IReadOnlyList<Campaign> campaigns, DateTimeOffset nowUtc, IReadOnlyCollection<DateOnly> nonWorkingDates, CampaignText text, string? done = null)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(text);
        var rows = campaigns
            .OrderBy(c => c.State switch { CampaignState.Running => 0, CampaignState.Scheduled => 1, CampaignState.Paused => 2, CampaignState.Draft => 3, _ => 4 })
            .ThenBy(c => c.StartDate)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new CampaignRowView(
                c.Id,
                c.Name,
                text.State(CampaignZones.Find(c.TimeZone) is null ? c.State : CampaignSchedule.StateAt(c, nowUtc, nonWorkingDates)),
                Dates(c, text),
                [new CampaignButton(CampaignButtonKind.Show, AdminCommandText.Render(new CampaignShow(CampaignRef.ById(c.Id)))), .. MoveButtons(c)]))
            .ToList();
        return new CampaignListView(rows, 0, done);
    }

    /// <summary>The first parts of the zone ids, for the form's region list.</summary>
    public static IReadOnlyList<string> Regions { get; } =
        [.. CampaignZones.Ids.Where(z => z.Contains('/', StringComparison.Ordinal)).Select(z => z[..z.IndexOf('/', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal)];

    /// <summary>"Europe" for Europe/London; the default zone's region for anything else.</summary>
    public static string RegionOf(string? zone)
    {
        var slash = zone?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var region = slash > 0 ? zone![..slash] : "";
        return Regions.Contains(region, StringComparer.Ordinal) ? region : CampaignNew.DefaultZone[..CampaignNew.DefaultZone.IndexOf('/', StringComparison.Ordinal)];
    }

    public static IReadOnlyList<string> ZonesIn(string region) => [.. CampaignZones.Ids.Where(z => z.StartsWith(region + "/", StringComparison.Ordinal))];

    /// <summary>The form for a new campaign, with the grammar's defaults; <paramref name="region"/> picks whose zones it lists.</summary>
    public static CampaignFormView NewForm(
        IReadOnlyList<ChannelEntry> channels, ChannelText text, CampaignFormValues? values = null, IReadOnlyList<string>? errors = null, string? region = null)
    {
        var shown = values ?? CampaignFormReader.New();
        var listed = Regions.Contains(region ?? "", StringComparer.Ordinal) ? region! : RegionOf(shown.Zone);
        return new(null, shown, listed, Regions, ZonesIn(listed), ChannelChoices(channels, shown.ChannelIds, text),
            new CampaignButton(CampaignButtonKind.List, AdminCommandText.Render(new CampaignList())), null, errors);
    }

    /// <summary>The form for an edit, filled in with the campaign as stored; <paramref name="values"/> when shown again (after a refusal, or for another region).</summary>
    public static CampaignFormView EditForm(
        Campaign campaign,
        IReadOnlyList<ChannelEntry> channels,
        ChannelText text,
        CampaignFormValues? values = null,
        CampaignFormValues? was = null,
        IReadOnlyList<string>? errors = null,
        string? region = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var stored = CampaignFormReader.Of(campaign);
        var shown = values ?? stored;
        var listed = Regions.Contains(region ?? "", StringComparer.Ordinal) ? region! : RegionOf(shown.Zone);
        return new(campaign.Id, shown, listed, Regions, ZonesIn(listed), ChannelChoices(channels, shown.ChannelIds, text),
            new CampaignButton(CampaignButtonKind.Show, AdminCommandText.Render(new CampaignShow(CampaignRef.ById(campaign.Id)))), was ?? stored, errors, campaign.Name);
    }

    /// <summary>Registered channels by "Team / Channel", muted ones marked; gone ones only when already ticked.</summary>
    public static IReadOnlyList<ChoiceOption> ChannelChoices(IReadOnlyList<ChannelEntry> channels, IReadOnlyList<string> ticked, ChannelText text)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(text);
        var keep = ticked.ToHashSet(StringComparer.Ordinal);
        return ChannelListing.Order(channels.Where(c => c.Gone is null || keep.Contains(c.ChannelId)), text)
            .Select(c => new ChoiceOption(c.ChannelId, ChannelListing.Display(c, text)
                + (c.Gone is not null ? " (" + text["Channels_MarkGone"] + ")" : c.Muted ? " (" + text["Channels_MarkMuted"] + ")" : "")))
            .ToList();
    }

    private static IReadOnlyList<CampaignButton> CardButtons(Campaign campaign) =>
    [
        .. MoveButtons(campaign),
        new CampaignButton(CampaignButtonKind.Report, AdminCommandText.Render(new Report(CampaignRef.ById(campaign.Id)))),
        new CampaignButton(CampaignButtonKind.List, AdminCommandText.Render(new CampaignList())),
    ];

    private static IEnumerable<CampaignButton> MoveButtons(Campaign campaign)
    {
        var reference = CampaignRef.ById(campaign.Id);
        if (campaign.State != CampaignState.Ended)
        {
            yield return new CampaignButton(CampaignButtonKind.Edit, CampaignId: campaign.Id);
        }

        foreach (var move in CampaignMoves.Allowed(campaign.State))
        {
            yield return move switch
            {
                CampaignMove.Start => new CampaignButton(CampaignButtonKind.Start, AdminCommandText.Render(new CampaignStart(reference))),
                CampaignMove.Pause => new CampaignButton(CampaignButtonKind.Pause, AdminCommandText.Render(new CampaignPause(reference))),
                CampaignMove.Resume => new CampaignButton(CampaignButtonKind.Resume, AdminCommandText.Render(new CampaignResume(reference))),
                _ => new CampaignButton(CampaignButtonKind.End, AdminCommandText.Render(new CampaignEnd(reference))),
            };
        }
    }

    private static string Dates(Campaign campaign, CampaignText text) =>
        text.Format("CampaignView_Dates", text.ShortDate(campaign.StartDate), text.ShortDate(campaign.EndDate));

    private static string ZoneOrLondon(Campaign campaign) => CampaignZones.Find(campaign.TimeZone) is null ? CampaignNew.DefaultZone : campaign.TimeZone;
}
