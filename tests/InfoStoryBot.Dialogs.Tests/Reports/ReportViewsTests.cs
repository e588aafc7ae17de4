using System.Globalization;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Reports;
using InfoStoryBot.Dialogs.Tests.Campaigns;

namespace InfoStoryBot.Dialogs.Tests.Reports;

public sealed class ReportViewsTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateTimeOffset Now = CampaignSamples.Utc(2027, 3, 10, 9, 0);

    private static IReadOnlyList<Campaign> Campaigns() =>
    [
        CampaignSamples.Spring() with { Id = "ended-one", Name = "Last year", State = CampaignState.Ended },
        CampaignSamples.Spring() with { State = CampaignState.Running, LiveFrom = CampaignSamples.Utc(2027, 3, 1, 0, 0) },
        CampaignSamples.Spring() with { Id = "autumn", Name = "Autumn", StartDate = new DateOnly(2027, 9, 1), EndDate = new DateOnly(2027, 9, 30) },
    ];

    [Fact]
    public void ReportChoice_RunningCampaignFirst_EachWithItsReportCommand()
    {
        var view = ReportViews.ReportChoice(Campaigns(), Now, EnGb);

        Assert.Equal("Which campaign’s report?", view.Heading);
        Assert.Equal(["Spring stories", "Last year", "Autumn"], view.Rows.Select(r => r.Name));
        Assert.Equal("spring-stories · running · Mon 1 Mar 2027 to Wed 31 Mar 2027", view.Rows[0].Detail);
        Assert.Equal([("Report", "report spring-stories")], view.Rows[0].Buttons.Select(b => (b.Title, b.Command)));
    }

    [Fact]
    public void ExportChoice_EachCampaignWithAButtonPerFormat()
    {
        var view = ReportViews.ExportChoice(Campaigns(), Now, EnGb);

        Assert.Equal("Export a storybook", view.Heading);
        Assert.Equal(["export autumn csv", "export autumn json", "export autumn html"], view.Rows[2].Buttons.Select(b => b.Command));
    }

    [Fact]
    public void Choice_NoCampaigns_HasNoRowsAndSaysHowToStart()
    {
        var view = ReportViews.ReportChoice([], Now, EnGb);

        Assert.Empty(view.Rows);
        Assert.Contains("campaign new", view.Empty, StringComparison.Ordinal);
    }
}
