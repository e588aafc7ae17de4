using System.Globalization;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Reports;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Dialogs.Tests.Campaigns;

namespace InfoStoryBot.Dialogs.Tests.Reports;

public sealed class ReportTallyTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly NudgeFigures NoNudges = new(0, 0, 0, 0, 0, 0, 0);

    internal static StoryFact Story(DateTimeOffset at, StoryKind kind, Pillar[] pillars, PartnershipElement[] elements, StoryStatus status = StoryStatus.Approved) =>
        new(at, status, kind, pillars.Aggregate(0, (m, p) => m | (1 << (int)p)), elements.Aggregate(0, (m, e) => m | (1 << (int)e)));

    [Fact]
    public void Build_StoriesOverTheCampaign_CountsEachWeekPillarElementAndKind()
    {
        var tally = new ReportTally(CampaignSamples.Spring()); // 1 to 31 March 2027, Europe/London
        tally.Add(Story(CampaignSamples.Utc(2027, 3, 1, 9, 0), StoryKind.Success, [Pillar.Culture], [PartnershipElement.Partners]));
        tally.Add(Story(CampaignSamples.Utc(2027, 3, 7, 22, 0), StoryKind.Barrier, [Pillar.Culture, Pillar.Technology], [PartnershipElement.Partners, PartnershipElement.Communication], StoryStatus.Submitted));
        tally.Add(Story(CampaignSamples.Utc(2027, 3, 9, 9, 0), StoryKind.Barrier, [Pillar.InformationGovernance], [PartnershipElement.Partners]));
        tally.Add(Story(CampaignSamples.Utc(2027, 3, 9, 9, 0), StoryKind.Barrier, [Pillar.Culture], [], StoryStatus.Draft));
        tally.Add(Story(CampaignSamples.Utc(2027, 3, 9, 9, 0), StoryKind.Barrier, [Pillar.Culture], [], StoryStatus.Rejected));

        var report = tally.Build(NoNudges, CampaignSamples.Utc(2027, 3, 10, 12, 0));

        Assert.Equal((3, 1, 2, 2, 1), (report.Stories, report.Successes, report.Barriers, report.Approved, report.AwaitingModeration));
        Assert.Equal([new WeekCount(new DateOnly(2027, 3, 1), 1, 1), new WeekCount(new DateOnly(2027, 3, 8), 0, 1)], report.Weeks);
        Assert.Equal([(Pillar.Culture, 2), (Pillar.InformationGovernance, 1), (Pillar.Technology, 1)], report.ByPillar);
        Assert.Equal(3, report.ByElement.Single(e => e.Element == PartnershipElement.Partners).Stories);
        Assert.Equal(18, report.BarrierMap.Count);
        Assert.Equal(new BarrierMapCell(PartnershipElement.Partners, Pillar.Culture, 1, 1), report.BarrierMap.Single(c => c.Element == PartnershipElement.Partners && c.Pillar == Pillar.Culture));
        Assert.Equal(1, report.BarrierMap.Single(c => c.Element == PartnershipElement.Communication && c.Pillar == Pillar.Technology).Barriers);
    }

    [Fact]
    public void Build_StoryLateOnSundayUtcInSummerTime_CountsInTheNextLocalWeek()
    {
        var campaign = CampaignSamples.Spring() with { StartDate = new DateOnly(2027, 4, 5), EndDate = new DateOnly(2027, 4, 30) };
        var tally = new ReportTally(campaign);

        // 23:30 UTC on Sunday 11 April is 00:30 BST on Monday 12 April.
        tally.Add(Story(CampaignSamples.Utc(2027, 4, 11, 23, 30), StoryKind.Success, [Pillar.Culture], []));

        var report = tally.Build(NoNudges, CampaignSamples.Utc(2027, 4, 20, 12, 0));
        Assert.Equal([0, 1, 0], report.Weeks.Select(w => w.Total));
        Assert.Equal(new DateOnly(2027, 4, 12), report.Weeks[1].Monday);
    }

    [Fact]
    public void Build_NoStoriesYet_ListsTheCampaignsWeeksSoFarWithZeroes()
    {
        var report = new ReportTally(CampaignSamples.Spring()).Build(NoNudges, CampaignSamples.Utc(2027, 3, 16, 8, 0));

        Assert.Equal(0, report.Stories);
        Assert.Equal(3, report.Weeks.Count);
        Assert.All(report.BarrierMap, c => Assert.Equal((0, 0), (c.Barriers, c.Successes)));
    }

    [Fact]
    public void NudgeTally_CountsWhatFollowedSentDeliveries_AndLeavesOutWithdrawnStories()
    {
        DeliveryFact[] sent =
        [
            new("d1", "19:a", CampaignSamples.Utc(2027, 3, 1, 10, 0), null, "pledge"),
            new("d2", "19:a", CampaignSamples.Utc(2027, 3, 2, 10, 0), null, "pledge"),
            new("d3", "19:b", CampaignSamples.Utc(2027, 3, 2, 10, 0), "A", "weekly-norm"),
        ];
        OutcomeFact[] outcomes =
        [
            new(OutcomeKind.Press, "d1", "p1"), new(OutcomeKind.Press, "d1", "p2"), new(OutcomeKind.Press, "elsewhere", "p3"),
            new(OutcomeKind.DialogStarted, "d1", "p1"), new(OutcomeKind.StorySubmitted, "d1", "s1"), new(OutcomeKind.StorySubmitted, "d3", "gone"),
            new(OutcomeKind.PledgeMade, "d2", "p1"), new(OutcomeKind.PledgeKept, "d2", "p1"),
        ];

        var figures = NudgeTally.Count(sent, outcomes, id => id != "gone");

        Assert.Equal(new NudgeFigures(2, 3, 2, 1, 1, 1, 1), figures);
    }

    [Fact]
    public void Card_Report_WordsTheBarrierMapAndWhereSharingGetsStuck()
    {
        var tally = new ReportTally(CampaignSamples.Spring());
        for (var i = 0; i < 3; i++)
        {
            tally.Add(Story(CampaignSamples.Utc(2027, 3, 2, 9, i), StoryKind.Barrier, [Pillar.InformationGovernance], [PartnershipElement.Partners]));
        }

        tally.Add(Story(CampaignSamples.Utc(2027, 3, 3, 9, 0), StoryKind.Success, [Pillar.InformationGovernance], [PartnershipElement.Partners]));
        tally.Add(Story(CampaignSamples.Utc(2027, 3, 3, 9, 0), StoryKind.Barrier, [Pillar.Technology], [PartnershipElement.Environment]));
        var report = tally.Build(NoNudges, CampaignSamples.Utc(2027, 3, 4, 9, 0));

        var view = ReportViews.Card(report, null, "no chart", EnGb);

        Assert.Equal("Report: Spring stories", view.Heading);
        Assert.Equal("no chart", view.ChartMissing);
        Assert.Equal(["Partners and Information governance: 3 barrier stories, 1 successes", "Environment and Technology: 1 barrier story, 0 successes"], view.Stuck);
        var partners = view.BarrierMap.Single(r => r.ElementLabel == "Partners");
        Assert.Equal(new Cards.Reports.BarrierMapCellView("3 barrier", "1 success", true), partners.Cells[1]);
        Assert.False(view.BarrierMap.Single(r => r.ElementLabel == "Environment").Cells[2].Stuck);
        Assert.Equal(["Culture", "Information governance", "Technology"], view.PillarHeadings);
        Assert.Contains(view.Summary, f => f.Label == "Stories told" && f.Value == "5");
    }
}
