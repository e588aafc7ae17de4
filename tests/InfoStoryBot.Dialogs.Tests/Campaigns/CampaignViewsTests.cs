using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Channels;
using static InfoStoryBot.Dialogs.Tests.Campaigns.CampaignSamples;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

public sealed class CampaignViewsTests
{
    private const string Team = "19:team@thread.tacv2";

    private static readonly IReadOnlyList<ChannelEntry> Channels =
    [
        new(Team, "Northshire Partnership", Team, null),
        new(Team, "Northshire Partnership", Board, "Partnership board", Muted: true),
        new(Team, "Northshire Partnership", Wellbeing, "Wellbeing", Gone: new ChannelGone(Utc(2027, 2, 1, 12, 0), ChannelGoneReason.Deleted)),
    ];

    [Fact]
    public void Card_RunningCampaign_ShowsItsNextFiveSlotsInItsOwnTimeAndItsChannelsByName()
    {
        var campaign = Spring() with { TargetChannelIds = [Team, Board, Wellbeing, "19:unknown@thread.tacv2"] };
        var running = campaign.Running(Utc(2027, 3, 1, 9, 0));

        var view = CampaignViews.Card(running, Utc(2027, 3, 26, 12, 0), [], Channels, CampaignText.EnGb);

        Assert.Equal("running", view.State);
        Assert.Equal(["Mon 29 Mar 2027, 10:00 BST", "Tue 30 Mar 2027, 10:00 BST", "Wed 31 Mar 2027, 10:00 BST"], view.NextSlots);
        Assert.Equal("Northshire Partnership / General", view.Channels[0]);
        Assert.Equal("Northshire Partnership / Partnership board (muted)", view.Channels[1]);
        Assert.Equal("Northshire Partnership / Wellbeing (gone since Mon 1 Feb 2027: deleted in Teams)", view.Channels[2]);
        Assert.StartsWith("a channel no longer registered", view.Channels[3], StringComparison.Ordinal);
        Assert.Contains(view.Notes, n => n.Contains("is muted, so it won’t get this campaign’s posts", StringComparison.Ordinal));
        Assert.Contains(view.Notes, n => n.Contains("I can’t post in **Northshire Partnership / Wellbeing** any more", StringComparison.Ordinal));
        Assert.Equal([CampaignButtonKind.Edit, CampaignButtonKind.Pause, CampaignButtonKind.End, CampaignButtonKind.Report, CampaignButtonKind.List], view.Buttons.Select(b => b.Kind));
        Assert.Equal("campaign pause spring-stories", view.Buttons[1].Command);
        Assert.Equal("report spring-stories", view.Buttons[3].Command);
    }

    [Fact]
    public void Card_PostingTimeTheClocksSkip_NotesWhatWillHappen()
    {
        var campaign = Spring() with { PostingTime = new TimeOnly(1, 30), DaysOfWeek = EveryDay };

        var view = CampaignViews.Card(campaign, Utc(2027, 3, 1, 0, 0), [], Channels, CampaignText.EnGb);

        Assert.Contains(view.Notes, n => n.StartsWith("On Sunday 28 March 2027, 01:30 doesn’t exist in Europe/London", StringComparison.Ordinal));
        Assert.Contains("(the clocks skip 01:30 that day)", string.Join("\n", CampaignSchedule.NextSlots(campaign, Utc(2027, 3, 27, 0, 0), 5).Select(s => s.Display)), StringComparison.Ordinal);
    }

    [Fact]
    public void Card_Ended_HasNoEditAndNoMoves()
    {
        var view = CampaignViews.Card(Spring() with { State = CampaignState.Ended }, Utc(2027, 3, 1, 0, 0), [], Channels, CampaignText.EnGb);

        Assert.Equal([CampaignButtonKind.Report, CampaignButtonKind.List], view.Buttons.Select(b => b.Kind));
        Assert.Empty(view.NextSlots);
    }

    [Fact]
    public void List_Campaigns_LiveFirstWithTheButtonsEachStateAllows()
    {
        var campaigns = new[]
        {
            Spring() with { Id = "draft", Name = "Draft" },
            Spring() with { Id = "paused", Name = "Paused", State = CampaignState.Paused },
            Spring().Running(Utc(2027, 3, 1, 9, 0)) with { Id = "running", Name = "Running" },
            Spring() with { Id = "ended", Name = "Ended", State = CampaignState.Ended },
        };

        var view = CampaignViews.List(campaigns, Utc(2027, 3, 2, 12, 0), [], CampaignText.EnGb);

        Assert.Equal(["running", "paused", "draft", "ended"], view.Campaigns.Select(c => c.Id));
        Assert.Equal([CampaignButtonKind.Show, CampaignButtonKind.Edit, CampaignButtonKind.Pause, CampaignButtonKind.End], view.Campaigns[0].Buttons.Select(b => b.Kind));
        Assert.Equal([CampaignButtonKind.Show, CampaignButtonKind.Edit, CampaignButtonKind.Resume, CampaignButtonKind.End], view.Campaigns[1].Buttons.Select(b => b.Kind));
        Assert.Equal([CampaignButtonKind.Show, CampaignButtonKind.Edit, CampaignButtonKind.Start, CampaignButtonKind.End], view.Campaigns[2].Buttons.Select(b => b.Kind));
        Assert.Equal([CampaignButtonKind.Show], view.Campaigns[3].Buttons.Select(b => b.Kind));
        Assert.Equal("campaign start draft", view.Campaigns[2].Buttons[2].Command);
    }

    [Fact]
    public void EditForm_ListsTheCampaignZonesRegionAndOffersLiveChannelsByName()
    {
        var campaign = Spring() with { TimeZone = "America/New_York" };

        var view = CampaignViews.EditForm(campaign, Channels, ChannelText.EnGb);

        Assert.Equal("America", view.Region);
        Assert.Contains("America/New_York", view.ZoneIds);
        Assert.DoesNotContain("Europe/London", view.ZoneIds);
        Assert.Contains("Europe", view.Regions);
        Assert.Equal(["Northshire Partnership / General", "Northshire Partnership / Partnership board (muted)"], view.Channels.Select(c => c.Title));
        Assert.Equal(view.Values, view.Was);
    }

    [Fact]
    public void RegionOf_UnknownZone_IsTheDefaultZonesRegion()
    {
        Assert.Equal("Europe", CampaignViews.RegionOf("Mars/Olympus"));
        Assert.Equal("Asia", CampaignViews.RegionOf("Asia/Kolkata"));
        Assert.Equal("Europe", CampaignViews.RegionOf(null));
    }

    [Fact]
    public void EveryRegionsForm_WithFortyChannelsTicked_PassesTheParserAndStaysUnder28Kilobytes()
    {
        var many = Enumerable.Range(1, 300).Select(i => new ChannelEntry($"19:team{i % 9}@thread.tacv2", $"Partnership team {i % 9} with a longish name", $"19:{i:D32}@thread.tacv2", $"Channel number {i} for partners")).ToList();
        var campaign = Spring() with { TargetChannelIds = [.. many.Take(40).Select(c => c.ChannelId)], Goal = new string('g', 280) };
        var cards = CampaignViews.Regions
            .Select(region => CampaignFormCard.Build(CampaignViews.EditForm(campaign, many, ChannelText.EnGb, region: region, errors: ["The end date is before the start date."]), CampaignText.EnGb.Text.Culture))
            .Append(CampaignFormCard.Build(CampaignViews.NewForm(many, ChannelText.EnGb, region: "America"), CampaignText.EnGb.Text.Culture))
            .ToList();

        var reports = AdaptiveCardsParser.Validate([.. cards.Select(CardJson.Serialize)]);

        Assert.All(reports, r => Assert.True(r.Errors.Count == 0 && r.Warnings.Count == 0, string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Message))));
        Assert.All(cards, c => Assert.True(CardJson.SizeInBytes(c) < 28 * 1024, $"{CardJson.SizeInBytes(c)} bytes"));
    }
}
