using InfoStoryBot.Dialogs.Experiments;

namespace InfoStoryBot.Dialogs.Tests.Experiments;

public sealed class ExperimentResultsTests
{
    private static DeliveryFact Delivery(string id, string channel, string? variant, int day, string? entry = "weekly-norm") =>
        new(id, channel, ExperimentMovesTestsClock.Day(day), variant, entry);

    [Fact]
    public void Tally_CountsPeopleAndStoriesPerVariant_AndRatesAreSharesOfDeliveries()
    {
        var experiment = ExperimentMovesTests.Started("Wording A", "Wording B");
        var a = experiment.Assignments.First(x => x.Letter == "A").ChannelId;
        var b = experiment.Assignments.First(x => x.Letter == "B").ChannelId;
        DeliveryFact[] deliveries =
        [
            Delivery("d1", a, "A", 1), Delivery("d2", a, "A", 2), Delivery("d3", b, "B", 1), Delivery("d4", b, "B", 2),
            Delivery("before", a, "A", -5), Delivery("other-entry", a, "A", 3, "pledge"), Delivery("no-variant", b, null, 3),
        ];
        OutcomeFact[] outcomes =
        [
            new(OutcomeKind.Press, "d1", "p1"), new(OutcomeKind.Press, "d1", "p2"), new(OutcomeKind.Press, "d1", "p1"),
            new(OutcomeKind.DialogStarted, "d1", "p1"), new(OutcomeKind.StorySubmitted, "d1", "s1"),
            new(OutcomeKind.Press, "d3", "p3"), new(OutcomeKind.StorySubmitted, "d3", "withdrawn-story"),
            new(OutcomeKind.Press, "before", "p9"), new(OutcomeKind.Press, "other-entry", "p9"),
        ];

        var results = ExperimentResults.Tally(experiment, deliveries, outcomes, id => id != "withdrawn-story");

        var ra = results.Single(r => r.Letter == "A");
        var rb = results.Single(r => r.Letter == "B");
        Assert.Equal((2, 2, 1, 1), (ra.Deliveries, ra.Presses, ra.StoriesStarted, ra.StoriesSubmitted));
        Assert.Equal((2, 1, 0, 0), (rb.Deliveries, rb.Presses, rb.StoriesStarted, rb.StoriesSubmitted));
        Assert.Equal(0.5, ra.PressRate.Rate);
        Assert.Equal(0.5, ra.StoryRate.Rate);
        Assert.Equal(0, rb.StoryRate.Rate);
        Assert.Equal(WilsonInterval.Of(1, 2), ra.StoryRate);
        Assert.Equal(2, ra.Channels);
    }

    [Fact]
    public void Tally_DeliveriesAfterTheStop_AreNotInTheSample()
    {
        var experiment = ExperimentMovesTests.Started("Wording A", "Wording B") with
        {
            State = ExperimentState.Stopped, KeptVariant = "A", StoppedAt = ExperimentMovesTestsClock.Day(2),
        };
        var a = experiment.Assignments.First(x => x.Letter == "A").ChannelId;

        var results = ExperimentResults.Tally(experiment, [Delivery("d1", a, "A", 1), Delivery("d2", a, "A", 2)], [], _ => true);

        Assert.Equal(1, results.Single(r => r.Letter == "A").Deliveries);
    }
}

internal static class ExperimentMovesTestsClock
{
    /// <summary>Noon on the given day counted from the sample experiment's start (2 March 2027, 09:00 UTC).</summary>
    public static DateTimeOffset Day(int day) => new DateTimeOffset(2027, 3, 2, 12, 0, 0, TimeSpan.Zero).AddDays(day - 1);
}
