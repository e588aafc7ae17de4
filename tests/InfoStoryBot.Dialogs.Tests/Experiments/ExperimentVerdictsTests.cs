using System.Globalization;
using InfoStoryBot.Dialogs.Experiments;

namespace InfoStoryBot.Dialogs.Tests.Experiments;

public sealed class ExperimentVerdictsTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private const int Minimum = 30;

    internal static VariantResult Result(string letter, int deliveries, int withStory) => new(
        letter, "Wording " + letter, 3, deliveries, withStory * 2, withStory, withStory,
        WilsonInterval.Of(withStory * 2 > deliveries ? deliveries : withStory * 2, deliveries),
        WilsonInterval.Of(withStory, deliveries),
        WilsonInterval.Of(withStory, deliveries));

    [Fact]
    public void Decide_TwelveAgainstFourPercentApart_SaysWhoIsAheadInTheIssuesWords()
    {
        var verdict = ExperimentVerdicts.Decide([Result("A", 200, 8), Result("B", 200, 24)], Minimum, EnGb);

        Assert.Equal(VerdictKind.Ahead, verdict.Kind);
        Assert.Equal("B", verdict.Leader);
        Assert.Equal("B is ahead: 12% vs 4% of deliveries led to a story, and the intervals do not overlap.", verdict.Text);
    }

    [Fact]
    public void Decide_OneVariantOneDeliveryShortOfTheMinimum_IsTooEarly()
    {
        var verdict = ExperimentVerdicts.Decide([Result("A", Minimum, 0), Result("B", Minimum - 1, 20)], Minimum, EnGb);

        Assert.Equal(VerdictKind.TooEarly, verdict.Kind);
        Assert.Null(verdict.Leader);
        Assert.Equal("Too early to tell: fewer than 30 deliveries per variant (so far A has 30, B has 29).", verdict.Text);
    }

    [Fact]
    public void Decide_EveryVariantExactlyAtTheMinimum_Compares()
    {
        var verdict = ExperimentVerdicts.Decide([Result("A", Minimum, 0), Result("B", Minimum, 20)], Minimum, EnGb);

        Assert.Equal(VerdictKind.Ahead, verdict.Kind);
    }

    // At 30 deliveries, 0 stories reach up to 11.35%; 6 stories start at 9.51% (overlap), 7 at 11.79% (apart).
    [Fact]
    public void Decide_IntervalsJustOverlapping_IsNoClearDifference()
    {
        var verdict = ExperimentVerdicts.Decide([Result("A", Minimum, 0), Result("B", Minimum, 6)], Minimum, EnGb);

        Assert.Equal(VerdictKind.NoClearDifference, verdict.Kind);
        Assert.Null(verdict.Leader);
        Assert.Equal("No clear difference: A 0% and B 20% of deliveries led to a story, and the intervals overlap.", verdict.Text);
    }

    [Fact]
    public void Decide_IntervalsJustApart_NamesTheLeader()
    {
        var verdict = ExperimentVerdicts.Decide([Result("A", Minimum, 0), Result("B", Minimum, 7)], Minimum, EnGb);

        Assert.Equal(VerdictKind.Ahead, verdict.Kind);
        Assert.Equal("B is ahead: 23% vs 0% of deliveries led to a story, and the intervals do not overlap.", verdict.Text);
    }

    [Fact]
    public void Decide_EqualRates_IsNoClearDifference()
    {
        var verdict = ExperimentVerdicts.Decide([Result("A", 400, 40), Result("B", 400, 40)], Minimum, EnGb);

        Assert.Equal(VerdictKind.NoClearDifference, verdict.Kind);
    }

    [Fact]
    public void Decide_LeaderApartFromOneButOverlappingAnother_IsNoClearDifference()
    {
        var verdict = ExperimentVerdicts.Decide([Result("A", 200, 8), Result("B", 200, 24), Result("C", 200, 20)], Minimum, EnGb);

        Assert.Equal(VerdictKind.NoClearDifference, verdict.Kind);
        Assert.Equal("No clear difference: A 4%, B 12% and C 10% of deliveries led to a story, and the intervals overlap.", verdict.Text);
    }

    [Fact]
    public void Decide_LeaderApartFromSeveral_NamesEachOthersRate()
    {
        var verdict = ExperimentVerdicts.Decide([Result("A", 300, 6), Result("B", 300, 45), Result("C", 300, 9)], Minimum, EnGb);

        Assert.Equal(VerdictKind.Ahead, verdict.Kind);
        Assert.Equal("B", verdict.Leader);
        Assert.Equal("B is ahead: 15% of deliveries led to a story, against 3% for C and 2% for A, and its interval overlaps none of the others.", verdict.Text);
    }

    [Fact]
    public void Decide_SmallRatesThatRoundAway_KeepOneDecimal()
    {
        var verdict = ExperimentVerdicts.Decide([Result("A", 1000, 45), Result("B", 1000, 150)], Minimum, EnGb);

        Assert.Equal("B is ahead: 15% vs 4.5% of deliveries led to a story, and the intervals do not overlap.", verdict.Text);
    }
}
