using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Nudges;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using static InfoStoryBot.Dialogs.Tests.Nudges.NudgeTestData;

namespace InfoStoryBot.Dialogs.Tests.Nudges;

public sealed class NudgePlannerTests
{
    // Thursday 5 November 2026 is day 4: the default plan's weekly-norm day.
    private static NudgeFacts Thursday() => Facts(day: 4);

    [Fact]
    public void Choose_NormDayWithFivePeople_PostsTheWeeklyNorm()
    {
        var decision = Choose(Thursday() with { ThisWeek = new WeekFigures(9, 5, 3) });

        Assert.Equal(NudgeKind.WeeklyNorm, decision.Kind);
        Assert.Equal(NudgeKind.WeeklyNorm, decision.Planned);
        Assert.StartsWith("Day 4 of 30: the plan for Thursdays says weekly-norm. Using weekly-norm.", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_NormBelowThresholdButRising_FallsBackToTheRisingNormAndSaysWhy()
    {
        var decision = Choose(Thursday() with { ThisWeek = new WeekFigures(4, 4, 2), CompleteWeeks = [1, 3, 7] });

        Assert.Equal(NudgeKind.RisingNorm, decision.Kind);
        Assert.Equal(NudgeKind.WeeklyNorm, decision.Planned);
        Assert.Contains("Skipped weekly-norm. Only 4 colleagues have shared a story this week, below the threshold of 5", decision.Why, StringComparison.Ordinal);
        Assert.Contains("Using rising-norm. Stories rose week on week: 1, then 3, then 7.", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_NoNormAndNoProgress_FallsAllTheWayToStoryOfTheDay()
    {
        var decision = Choose(Thursday() with
        {
            ThisWeek = new WeekFigures(3, 3, 1),
            CompleteWeeks = [5, 5, 2],
            StoryTarget = 100,
            StorybookSize = 3,
            StoryCandidates = Balanced(2),
        });

        Assert.Equal(NudgeKind.StoryOfTheDay, decision.Kind);
        Assert.Equal(
            [NudgeKind.WeeklyNorm, NudgeKind.RisingNorm, NudgeKind.StorybookProgress, NudgeKind.StoryOfTheDay],
            decision.Tried.Select(t => t.Entry));
        Assert.Equal([false, false, false, true], decision.Tried.Select(t => t.MayUse));
    }

    [Fact]
    public void Choose_NothingPublishedAndNoQuietPillar_EndsOnAnEntryThatAlwaysWorks()
    {
        var decision = Choose(Ordinary());

        Assert.Equal(NudgeKind.StoryOfTheDay, decision.Planned);
        Assert.Equal(NudgeKind.PartnershipElement, decision.Kind);
        Assert.Contains("Skipped story-of-the-day. There are no approved stories yet", decision.Why, StringComparison.Ordinal);
        Assert.Contains("Skipped quiet-pillar.", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_RequestedEntryThatMayNotBeUsed_SaysSoAndUsesAnother()
    {
        var decision = Choose(Ordinary() with { StoryCandidates = Balanced(1) }, requested: NudgeKind.WeeklyNorm);

        Assert.Equal(NudgeKind.WeeklyNorm, decision.Planned);
        Assert.NotEqual(NudgeKind.WeeklyNorm, decision.Kind);
        Assert.StartsWith("Day 3 of 30: you asked for weekly-norm. Skipped weekly-norm. Only 0 colleagues", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_RequestedEntryThatMayBeUsed_IsUsedEvenIfPostedToday()
    {
        var decision = Choose(Ordinary() with { PostedTodayInChannel = [NudgeKind.TwoMinuteShare] }, requested: NudgeKind.TwoMinuteShare);

        Assert.Equal(NudgeKind.TwoMinuteShare, decision.Kind);
    }

    [Fact]
    public void Choose_SecondPostOfTheDay_DoesNotRepeatTheFirst()
    {
        var facts = Ordinary() with { StoryCandidates = Balanced(2), PostedTodayInChannel = [NudgeKind.StoryOfTheDay] };

        var decision = Choose(facts);

        Assert.NotEqual(NudgeKind.StoryOfTheDay, decision.Kind);
        Assert.Contains("Skipped story-of-the-day. This channel has already had it today.", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_VariantForTheChosenEntry_ReplacesTheTextWithTrueFiguresAndIsCarried()
    {
        var variant = new NudgeVariant(NudgeKind.WeeklyNorm, "B", "{colleagues} of us, from {organisations} organisations, told a story this week. {unknown}");

        var decision = Choose(Thursday() with { ThisWeek = new WeekFigures(20, 14, 6) }, variant: variant);

        Assert.Equal("B", decision.Variant);
        Assert.Equal("14 of us, from 6 organisations, told a story this week. {unknown}", decision.View.Text);
        Assert.Equal(new NudgeDelivery("d-1", "B"), decision.Delivery("d-1"));
        Assert.EndsWith("Wording of experiment variant B.", decision.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_VariantForAnEntryThatFellBack_IsNotCarried()
    {
        var variant = new NudgeVariant(NudgeKind.WeeklyNorm, "B", "Join {colleagues} colleagues.");

        var decision = Choose(Thursday() with { ThisWeek = new WeekFigures(3, 3, 1), StoryCandidates = Balanced(1) }, variant: variant);

        Assert.NotEqual(NudgeKind.WeeklyNorm, decision.Kind);
        Assert.Null(decision.Variant);
        Assert.Null(decision.Delivery("d-1").Variant);
        Assert.DoesNotContain("Join", decision.View.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Choose_WholeCampaign_LaunchOnDayOneMomentsAtHalfWayAndTheEndStoryOfTheDayMostOften()
    {
        var candidates = Balanced(5);
        var featured = new List<string>();
        var kinds = new Dictionary<int, NudgeKind>();
        for (var day = 1; day <= 30; day++)
        {
            var facts = Facts(day: day) with
            {
                StoryCandidates = candidates,
                FeaturedInChannel = featured.ToList(),
                ThisWeek = new WeekFigures(8, 6, 3),
                StoryTarget = 100,
                StorybookSize = 40,
                PillarCounts = new Dictionary<Pillar, int> { [Pillar.Culture] = 20, [Pillar.InformationGovernance] = 12, [Pillar.Technology] = 8 },
            };

            var decision = Choose(facts);
            kinds[day] = decision.Kind;
            if (decision.StoryId is { } id)
            {
                featured.Add(id);
            }
        }

        Assert.Equal(NudgeKind.CampaignMoment, kinds[1]);
        Assert.Equal(NudgeKind.CampaignMoment, kinds[15]);
        Assert.Equal(NudgeKind.CampaignMoment, kinds[28]);
        Assert.Equal(NudgeKind.CampaignMoment, kinds[29]);
        Assert.Equal(NudgeKind.CampaignMoment, kinds[30]);
        Assert.Equal(NudgeKind.WeeklyNorm, kinds[4]);
        var counts = kinds.Values.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(NudgeKind.StoryOfTheDay, counts.MaxBy(c => c.Value).Key);
        Assert.True(counts.Count >= 6, "the plan varies: " + string.Join(", ", counts));
        Assert.Equal(featured.Count, featured.Distinct().Count());
    }

    [Fact]
    public void Choose_LaunchAndEnd_SayWhatTheMomentIs()
    {
        var launch = Choose(Facts(day: 1));
        var lastDays = Choose(Facts(day: 28));
        var last = Choose(Facts(day: 30));

        var launchView = Assert.IsType<CampaignMomentView>(launch.View);
        Assert.Equal(CampaignMomentKind.Launch, launchView.Moment);
        Assert.Equal("#infostory November starts today", launchView.Heading);
        Assert.StartsWith("Day 1 of 30: the plan for day 1 says campaign-moment.", launch.Why, StringComparison.Ordinal);

        var lastDaysView = Assert.IsType<CampaignMomentView>(lastDays.View);
        Assert.Equal(CampaignMomentKind.LastDays, lastDaysView.Moment);
        Assert.Equal("3 days left of #infostory November", lastDaysView.Heading);

        var lastView = Assert.IsType<CampaignMomentView>(last.View);
        Assert.Equal(CampaignMomentKind.LastDay, lastView.Moment);
        Assert.Equal("Last day of #infostory November", lastView.Heading);
    }

    [Fact]
    public void Choose_ShortCampaigns_NeverFailAndOpenWithTheLaunch()
    {
        for (var total = 1; total <= 6; total++)
        {
            for (var day = 1; day <= total; day++)
            {
                var decision = Choose(Facts(day: day, total: total));
                Assert.NotNull(decision.View);
                if (day == 1)
                {
                    Assert.Equal(CampaignMomentKind.Launch, Assert.IsType<CampaignMomentView>(decision.View).Moment);
                }
            }
        }
    }

    [Fact]
    public void Choose_SameInputs_SameDecision()
    {
        var facts = Ordinary() with { StoryCandidates = Balanced(5), Seed = 42 };

        var first = Choose(facts);
        var second = Choose(facts);

        Assert.Equal(first.StoryId, second.StoryId);
        Assert.Equal(
            CardJson.Serialize(NudgeCards.Build(first.View, first.Delivery("d"), EnGb)),
            CardJson.Serialize(NudgeCards.Build(second.View, second.Delivery("d"), EnGb)));
        Assert.Equal(first.Why, second.Why);
    }

    [Fact]
    public void List_NormBelowThreshold_ShowsEveryEntryAndWhyNot()
    {
        var facts = Thursday() with { ThisWeek = new WeekFigures(4, 4, 2), StoryCandidates = Balanced(1) };

        var list = NudgePlanner.List(facts, NudgePlan.Default, NudgeSettings.Default, EnGb);

        Assert.Equal(9, list.Count);
        var norm = list.Single(e => e.Entry.Kind == NudgeKind.WeeklyNorm);
        Assert.False(norm.MayUse);
        Assert.True(norm.PlannedToday);
        Assert.Equal("Only 4 colleagues have shared a story this week, below the threshold of 5: a small number would tell people that sharing is rare.", norm.Reason);
        Assert.True(list.Single(e => e.Entry.Kind == NudgeKind.TwoMinuteShare).MayUse);
        Assert.True(list.Single(e => e.Entry.Kind == NudgeKind.StoryOfTheDay).MayUse);
        Assert.False(list.Single(e => e.Entry.Kind == NudgeKind.CampaignMoment).MayUse);
        Assert.All(list, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        Assert.Single(list, e => e.PlannedToday);
    }

    [Fact]
    public void Plan_ChainFrom_EndsWithAnAlwaysUsableEntryAndHasNoRepeats()
    {
        foreach (var kind in Enum.GetValues<NudgeKind>())
        {
            var chain = NudgePlan.Default.ChainFrom(kind);
            Assert.Equal(kind, chain[0]);
            Assert.Equal(chain.Count, chain.Distinct().Count());
            Assert.Contains(NudgeKind.TwoMinuteShare, chain);
        }
    }
}
