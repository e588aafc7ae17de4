using InfoStoryBot.Dialogs.Experiments;

namespace InfoStoryBot.Dialogs.Tests.Experiments;

public sealed class WilsonIntervalTests
{
    // R. G. Newcombe, "Two-sided confidence intervals for the single proportion: comparison of seven methods",
    // Statistics in Medicine 17 (1998) 857–872, Table I, method 3 (Wilson score interval without continuity
    // correction), 95%: the four worked examples of the paper, given there to four decimal places.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Of_NewcombesWorkedExamples_MatchesTheirPublishedBoundsToFourPlaces(int successes, int trials, double low, double high)
    {
        var interval = WilsonInterval.Of(successes, trials);

        Assert.Equal(low, Math.Round(interval.Low, 4));
        Assert.Equal(high, Math.Round(interval.High, 4));
        Assert.Equal((double)successes / trials, interval.Rate, 12);
    }

    // Wilson (1927) gives the bounds as the roots of (p̂ − p)² = z²·p(1 − p)/n; each bound must be a root.
    [Theory]
    [InlineData(3, 10)]
    [InlineData(12, 100)]
    [InlineData(199, 200)]
    public void Of_Bounds_AreTheRootsOfWilsonsQuadratic(int successes, int trials)
    {
        var interval = WilsonInterval.Of(successes, trials);
        var observed = (double)successes / trials;
        const double z = WilsonInterval.Z95;

        foreach (var p in new[] { interval.Low, interval.High })
        {
            Assert.Equal(z * z * p * (1 - p) / trials, (observed - p) * (observed - p), 12);
        }
    }

    [Fact]
    public void Of_AllOrNothing_StaysInsideZeroToOneAndTouchesTheEdge()
    {
        var none = WilsonInterval.Of(0, 30);
        var all = WilsonInterval.Of(30, 30);

        Assert.Equal(0, none.Low);
        Assert.InRange(none.High, 0.1135, 0.1136);
        Assert.Equal(1, all.High);
        Assert.InRange(all.Low, 0.8864, 0.8865);
    }

    [Fact]
    public void Of_NoTrials_IsTheWholeRange()
    {
        var nothing = WilsonInterval.Of(0, 0);

        Assert.Equal((0.0, 1.0), (nothing.Low, nothing.High));
    }

    [Fact]
    public void Of_ImpossibleCounts_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(5, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonInterval.Of(-1, 4));
    }

    [Fact]
    public void Overlaps_IntervalsThatOnlyTouch_CountAsOverlapping()
    {
        var left = new Proportion(1, 10, 0.1, 0.05, 0.20);
        var right = new Proportion(3, 10, 0.3, 0.20, 0.40);
        var apart = right with { Low = 0.2000001 };

        Assert.True(left.Overlaps(right));
        Assert.True(right.Overlaps(left));
        Assert.False(left.Overlaps(apart));
    }
}
