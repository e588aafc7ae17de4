using FsCheck;
using FsCheck.Fluent;
using InfoStoryBot.Dialogs.Experiments;

namespace InfoStoryBot.Dialogs.Tests.Experiments;

public sealed class ExperimentAssignmentTests
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static IReadOnlyList<string> Channels(int count) =>
        Enumerable.Range(1, count).Select(i => $"19:channel{i:D3}@thread.tacv2").ToList();

    private static readonly Gen<(int Channels, int Variants, string Seed)> Cases =
        from channels in Gen.Choose(0, 120)
        from variants in Gen.Choose(2, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        select (channels, variants, seed.ToString("x8", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Deal_AnyChannelsAndVariants_GivesEveryChannelOneVariantAndCountsDifferByAtMostOne() =>
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var letters = ExperimentMoves.AllLetters.Take(c.Variants).ToList();
            var dealt = ExperimentAssignment.Deal(Channels(c.Channels), letters, c.Seed);
            var counts = letters.Select(l => dealt.Count(a => a.Letter == l)).ToList();
            return dealt.Count == c.Channels
                && dealt.Select(a => a.ChannelId).Distinct().Count() == c.Channels
                && counts.Max() - counts.Min() <= 1;
        }).Check(Many);

    [Fact]
    public void Deal_SameSeed_DealsTheSameWayWhateverTheOrderOfChannels()
    {
        var channels = Channels(17);
        var letters = new[] { "A", "B", "C" };

        var first = ExperimentAssignment.Deal(channels, letters, "5eed");
        var again = ExperimentAssignment.Deal(channels.Reverse().ToList(), letters, "5eed");

        Assert.Equal(first.OrderBy(a => a.ChannelId, StringComparer.Ordinal), again.OrderBy(a => a.ChannelId, StringComparer.Ordinal));
    }

    [Fact]
    public void Deal_DifferentSeeds_ShuffleDifferently()
    {
        var channels = Channels(40);
        var letters = new[] { "A", "B" };
        var deals = Enumerable.Range(0, 20)
            .Select(s => string.Join(",", ExperimentAssignment.Deal(channels, letters, "seed" + s).OrderBy(a => a.ChannelId, StringComparer.Ordinal).Select(a => a.Letter)))
            .ToHashSet();

        // 20 seeds over C(40,20) ≈ 1.4e11 balanced splits: a repeat would mean the seed is ignored.
        Assert.Equal(20, deals.Count);
    }

    [Fact]
    public void Deal_OverManySeeds_GivesEachChannelEachVariantAboutEquallyOften()
    {
        var channels = Channels(10);
        var letters = new[] { "A", "B" };
        var timesA = Enumerable.Range(0, 2000)
            .Select(s => ExperimentAssignment.Deal(channels, letters, "s" + s).Single(a => a.ChannelId == channels[0]).Letter == "A" ? 1 : 0)
            .Sum();

        // Fair coin over 2000 seeds: 1000 ± 4.5 standard deviations.
        Assert.InRange(timesA, 900, 1100);
    }

    [Fact]
    public void ForNewChannel_ChannelsJoiningOneByOne_KeepTheSplitWithinOne() =>
        Prop.ForAll(Cases.ToArbitrary(), Gen.Choose(1, 30).ToArbitrary(), (c, joining) =>
        {
            var letters = ExperimentMoves.AllLetters.Take(c.Variants).ToList();
            var assignments = ExperimentAssignment.Deal(Channels(c.Channels), letters, c.Seed).ToList();
            for (var i = 0; i < joining; i++)
            {
                var channel = $"19:late{i}@thread.tacv2";
                assignments.Add(new ChannelAssignment(channel, ExperimentAssignment.ForNewChannel(assignments, letters, channel, c.Seed)));
                var counts = letters.Select(l => assignments.Count(a => a.Letter == l)).ToList();
                if (counts.Max() - counts.Min() > 1)
                {
                    return false;
                }
            }

            return true;
        }).Check(Many);
}
