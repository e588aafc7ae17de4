using System.Globalization;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Tests.Campaigns;

namespace InfoStoryBot.Dialogs.Tests.Experiments;

public sealed class ExperimentViewsTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static ExperimentVerdict TooEarly => new(VerdictKind.TooEarly, null, "Too early to tell.");

    [Fact]
    public void Show_Running_OffersToStopKeepingEachVariant_AndToRefresh()
    {
        var experiment = ExperimentMovesTests.Started("{colleagues} colleagues shared a story this week.", "This week {colleagues} people told their story.");

        var view = ExperimentViews.Show(experiment, "Spring stories", "Europe/London", [], TooEarly, EnGb);

        Assert.Equal([("A", "experiment stop x1a2b3 keep A"), ("B", "experiment stop x1a2b3 keep B")], view.Stops.Select(s => (s.Letter, s.Command)));
        Assert.Equal(("experiment show x1a2b3", "experiment list"), (view.RefreshCommand, view.ListCommand));
    }

    [Fact]
    public void Show_Stopped_HasNoStopButtons()
    {
        var experiment = ExperimentMovesTests.Started("a", "b") with { State = ExperimentState.Stopped, KeptVariant = "B", StoppedAt = CampaignSamples.Utc(2027, 3, 20, 9, 0) };

        var view = ExperimentViews.Show(experiment, "Spring stories", "Europe/London", [], TooEarly, EnGb);

        Assert.Empty(view.Stops);
        Assert.Contains("variant B is now the wording", view.Status, StringComparison.Ordinal);
    }

    [Fact]
    public void List_RunningFirstThenStoppedNewestFirst_EachWordedWithItsShowCommand()
    {
        var running = ExperimentMovesTests.Started("a", "b");
        var older = running with { Id = "x-old", StartedAt = running.StartedAt.AddDays(-20), State = ExperimentState.Stopped, KeptVariant = "A", StoppedAt = running.StartedAt.AddDays(-10) };
        var newer = running with { Id = "x-new", StartedAt = running.StartedAt.AddDays(-5), State = ExperimentState.Stopped, StoppedAt = running.StartedAt.AddDays(-1) };
        var campaigns = new Dictionary<string, (string Name, string TimeZone)> { [running.CampaignId] = ("Spring stories", "Europe/London") };

        var view = ExperimentViews.List([older, running, newer], campaigns, EnGb);

        Assert.Equal(["x1a2b3", "x-new", "x-old"], view.Experiments.Select(e => e.Id));
        Assert.Equal("This week’s sharers (weekly norm) · Spring stories", view.Experiments[0].Title);
        Assert.Equal("Running since 2 March 2027: variants A and B", view.Experiments[0].Status);
        Assert.Equal("Stopped on 1 March 2027", view.Experiments[1].Status);
        Assert.Equal("Stopped on 20 February 2027, keeping A", view.Experiments[2].Status);
        Assert.Equal("experiment show x-old", view.Experiments[2].ShowCommand);
    }

    [Fact]
    public void List_CampaignNoLongerStored_ShowsItsId()
    {
        var view = ExperimentViews.List([ExperimentMovesTests.Started("a", "b")], new Dictionary<string, (string, string)>(), EnGb);

        Assert.EndsWith(" · " + ExperimentMovesTests.FourChannels().Id, view.Experiments[0].Title, StringComparison.Ordinal);
    }
}
