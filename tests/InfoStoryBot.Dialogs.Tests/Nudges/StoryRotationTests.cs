using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using static InfoStoryBot.Dialogs.Tests.Nudges.NudgeTestData;

namespace InfoStoryBot.Dialogs.Tests.Nudges;

public sealed class StoryRotationTests
{
    private static List<StoryCandidate> Run(IReadOnlyList<StoryCandidate> candidates, int days, int seed = 0, List<string>? featured = null)
    {
        featured ??= [];
        var picks = new List<StoryCandidate>();
        for (var day = 0; day < days; day++)
        {
            var pick = StoryRotation.Pick(candidates, featured, seed) ?? throw new InvalidOperationException("no pick");
            picks.Add(pick.Story);
            featured.Add(pick.Story.StoryId);
        }

        return picks;
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(123456)]
    public void Pick_ManyDays_EachPillarWithinOneOfTheOthersAtEveryStep(int seed)
    {
        var picks = Run(Balanced(5), days: 90, seed);

        var counts = Enum.GetValues<Pillar>().ToDictionary(p => p, _ => 0);
        foreach (var story in picks)
        {
            counts[story.Pillars[0]]++;
            Assert.True(counts.Values.Max() - counts.Values.Min() <= 1, string.Join(", ", counts));
        }
    }

    [Fact]
    public void Pick_ManyDays_NoStoryRepeatsBeforeAllHaveBeenShown()
    {
        IReadOnlyList<StoryCandidate> candidates =
        [
            .. Balanced(3),
            Story("multi-1", Pillar.Culture, more: [Pillar.Technology]),
            Story("multi-2", Pillar.InformationGovernance, more: [Pillar.Culture, Pillar.Technology]),
            Story("extra-culture", Pillar.Culture),
        ];
        var picks = Run(candidates, days: candidates.Count * 4);

        for (var round = 0; round < 4; round++)
        {
            var ids = picks.Skip(round * candidates.Count).Take(candidates.Count).Select(s => s.StoryId).ToList();
            Assert.Equal(candidates.Count, ids.Distinct().Count());
        }
    }

    [Fact]
    public void Pick_UnevenPillars_PillarWithFewerStoriesStillGetsItsTurnEarly()
    {
        IReadOnlyList<StoryCandidate> candidates =
        [
            .. Enumerable.Range(1, 6).Select(i => Story($"c{i}", Pillar.Culture)),
            Story("t1", Pillar.Technology),
            Story("g1", Pillar.InformationGovernance),
        ];

        var firstThree = Run(candidates, days: 3).Select(s => s.Pillars[0]).ToHashSet();

        Assert.Equal(3, firstThree.Count);
    }

    [Fact]
    public void Pick_OnlyApprovedAndConsented_AreEverShown()
    {
        IReadOnlyList<StoryCandidate> candidates =
        [
            Story("ok-1", Pillar.Culture),
            Story("ok-2", Pillar.Technology),
            Story("draft", Pillar.InformationGovernance, status: StoryStatus.Submitted),
            Story("private", Pillar.InformationGovernance, consent: false),
            Story("withdrawn", Pillar.InformationGovernance, status: StoryStatus.Withdrawn),
        ];

        var shown = Run(candidates, days: 20).Select(s => s.StoryId).ToHashSet();

        Assert.Equal(["ok-1", "ok-2"], shown.Order());
    }

    [Fact]
    public void Pick_StoryWithdrawnMidRound_IsSimplyAbsentAndTheRoundGoesOn()
    {
        var candidates = Balanced(2).ToList();
        var featured = new List<string>();
        Run(candidates, days: 3, featured: featured);
        var withdrawn = featured[0];
        candidates.RemoveAll(c => c.StoryId == withdrawn);

        var notYetShown = candidates.Select(c => c.StoryId).Except(featured).Order().ToList();

        var rest = Run(candidates, days: 3, featured: featured);

        Assert.DoesNotContain(rest, s => s.StoryId == withdrawn);
        Assert.Equal(notYetShown, rest.Select(s => s.StoryId).Order());
    }

    [Fact]
    public void Pick_NewStoryApprovedMidCampaign_GoesToTheFront()
    {
        var candidates = Balanced(2).ToList();
        var featured = new List<string>();
        Run(candidates, days: 6, featured: featured);
        candidates.Add(Story("new", Pillar.Technology));

        var next = StoryRotation.Pick(candidates, featured);

        Assert.Equal("new", next!.Story.StoryId);
        Assert.Equal(0, next.TimesShownBefore);
    }

    [Fact]
    public void Pick_SameInputs_SamePick_AndTheSeedVariesIt()
    {
        var candidates = Balanced(10);

        var a = StoryRotation.Pick(candidates, [], seed: 1)!.Story.StoryId;
        var again = StoryRotation.Pick(candidates, [], seed: 1)!.Story.StoryId;
        var bySeed = Enumerable.Range(0, 20).Select(s => StoryRotation.Pick(candidates, [], s)!.Story.StoryId).Distinct().Count();

        Assert.Equal(a, again);
        Assert.True(bySeed > 1, "different channels should not all open with the same story");
    }

    [Fact]
    public void Pick_NoCandidates_ReturnsNull()
    {
        Assert.Null(StoryRotation.Pick([], ["gone"]));
    }
}
