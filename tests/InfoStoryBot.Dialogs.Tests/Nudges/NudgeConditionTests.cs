using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using static InfoStoryBot.Dialogs.Tests.Nudges.NudgeTestData;

namespace InfoStoryBot.Dialogs.Tests.Nudges;

public sealed class NudgeConditionTests
{
    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(6, true)]
    public void WeeklyNorm_DefaultThresholdOfFivePeople_UsedOnlyFromFive(int colleagues, bool mayUse)
    {
        var facts = Ordinary() with { ThisWeek = new WeekFigures(colleagues + 3, colleagues, 2) };

        var check = Check(NudgeKind.WeeklyNorm, facts);

        Assert.Equal(mayUse, check.MayUse);
        Assert.Contains(colleagues.ToString(EnGb), check.Reason, StringComparison.Ordinal);
        Assert.Contains("5", check.Reason, StringComparison.Ordinal);
        if (!mayUse)
        {
            Assert.Contains("below the threshold of 5", check.Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(9, false)]
    [InlineData(10, true)]
    public void WeeklyNorm_ThresholdFromSettings_IsTheOneApplied(int colleagues, bool mayUse)
    {
        var facts = Ordinary() with { ThisWeek = new WeekFigures(20, colleagues, 3) };

        var check = Check(NudgeKind.WeeklyNorm, facts, new NudgeSettings { NormThreshold = 10 });

        Assert.Equal(mayUse, check.MayUse);
    }

    [Fact]
    public void WeeklyNorm_OnePerson_SaysColleagueInTheSingular()
    {
        var check = Check(NudgeKind.WeeklyNorm, Ordinary() with { ThisWeek = new WeekFigures(1, 1, 1) });

        Assert.False(check.MayUse);
        Assert.StartsWith("Only 1 colleague has shared", check.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 3, 7, 12 }, true)]
    [InlineData(new[] { 0, 2, 5 }, true)]
    [InlineData(new[] { 9, 1, 3, 8 }, true)]
    [InlineData(new[] { 5, 5, 5 }, false)]
    [InlineData(new[] { 4, 7, 7 }, false)]
    [InlineData(new[] { 12, 7, 3 }, false)]
    [InlineData(new[] { 3, 9, 6 }, false)]
    [InlineData(new[] { 0, 0, 0 }, false)]
    [InlineData(new[] { 3, 7 }, false)]
    [InlineData(new int[0], false)]
    public void RisingNorm_CompleteWeeks_UsedOnlyWhenTheLastThreeRiseStrictly(int[] weeks, bool mayUse)
    {
        var check = Check(NudgeKind.RisingNorm, Ordinary() with { CompleteWeeks = weeks });

        Assert.Equal(mayUse, check.MayUse);
        Assert.False(string.IsNullOrWhiteSpace(check.Reason));
    }

    [Fact]
    public void RisingNorm_FlatWeeks_ReasonNamesTheWeeks()
    {
        var check = Check(NudgeKind.RisingNorm, Ordinary() with { CompleteWeeks = [6, 4, 4, 9] });

        Assert.False(check.MayUse);
        Assert.Equal("The last 3 complete weeks did not rise week on week (4, then 4, then 9).", check.Reason);
    }

    [Fact]
    public void RisingNorm_TooFewWeeks_SaysHowManyItNeeds()
    {
        var check = Check(NudgeKind.RisingNorm, Ordinary() with { CompleteWeeks = [2, 5] });

        Assert.Equal("Complete weeks so far: 2; a rising norm needs at least 3.", check.Reason);
    }

    [Fact]
    public void RisingNorm_LongRise_ShowsAtMostTheConfiguredWeeks()
    {
        var rising = NudgeEntries.RisingWeeks([1, 2, 3, 4, 5, 6], NudgeSettings.Default);

        Assert.Equal([3, 4, 5, 6], rising);
    }

    [Fact]
    public void TwoMinuteShare_AnyDay_MayBeUsed()
    {
        Assert.True(Check(NudgeKind.TwoMinuteShare, Facts(day: 0)).MayUse);
        Assert.True(Check(NudgeKind.TwoMinuteShare, Ordinary()).MayUse);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(14, false)]
    [InlineData(15, true)]
    [InlineData(16, false)]
    [InlineData(27, false)]
    [InlineData(28, true)]
    [InlineData(29, true)]
    [InlineData(30, true)]
    public void CampaignMoment_ThirtyDayCampaign_LaunchHalfWayLastDaysAndLastDay(int day, bool mayUse)
    {
        Assert.Equal(mayUse, Check(NudgeKind.CampaignMoment, Facts(day: day)).MayUse);
    }

    [Fact]
    public void CampaignMoment_OrdinaryDay_ListsTheMomentDays()
    {
        var check = Check(NudgeKind.CampaignMoment, Facts(day: 7));

        Assert.Equal("Today, day 7 of 30, is not a campaign moment; the moments are on days 1, 15, 28, 29 and 30.", check.Reason);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void CampaignMoment_OutsideTheCampaign_IsNotUsed(int day)
    {
        var check = Check(NudgeKind.CampaignMoment, Facts(day: day));

        Assert.False(check.MayUse);
        Assert.Contains("not one of the campaign’s days", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void QuietPillar_OnePillarBehind_NamesIt()
    {
        var facts = Ordinary() with
        {
            PillarCounts = new Dictionary<Pillar, int> { [Pillar.Culture] = 9, [Pillar.InformationGovernance] = 4, [Pillar.Technology] = 2 },
        };

        var check = Check(NudgeKind.QuietPillar, facts);

        Assert.True(check.MayUse);
        Assert.Equal("Technology has the fewest stories so far (Culture 9, Information governance 4, Technology 2).", check.Reason);
    }

    [Fact]
    public void QuietPillar_TieForFewest_IsNotUsed()
    {
        var facts = Ordinary() with
        {
            PillarCounts = new Dictionary<Pillar, int> { [Pillar.Culture] = 9, [Pillar.InformationGovernance] = 2, [Pillar.Technology] = 2 },
        };

        var check = Check(NudgeKind.QuietPillar, facts);

        Assert.False(check.MayUse);
        Assert.StartsWith("No single pillar has the fewest stories", check.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void QuietPillar_NoStoriesYet_IsNotUsed()
    {
        Assert.False(Check(NudgeKind.QuietPillar, Ordinary()).MayUse);
    }

    [Fact]
    public void PartnershipElement_LeastToldElement_IsChosen()
    {
        var counts = Enum.GetValues<PartnershipElement>().ToDictionary(e => e, _ => 3);
        counts[PartnershipElement.Creativity] = 1;

        var facts = Ordinary() with { ElementCounts = counts };

        Assert.Equal(PartnershipElement.Creativity, NudgeEntries.ElementOfTheDay(facts));
        Assert.Equal("Always available; today’s element is Creativity (stories so far: 1).", Check(NudgeKind.PartnershipElement, facts).Reason);
    }

    [Fact]
    public void PartnershipElement_NoCounts_EveryElementComesRoundOverTheCampaign()
    {
        // Days 2, 14 and 26 are the default plan's partnership days: a twelve-day cycle, a multiple of six.
        var onPlanDays = new[] { 2, 14, 26 }.Select(d => NudgeEntries.ElementOfTheDay(Facts(day: d))).ToList();
        var overCampaign = Enumerable.Range(1, 30).Select(d => NudgeEntries.ElementOfTheDay(Facts(day: d))).Distinct().Count();

        Assert.Equal(3, onPlanDays.Distinct().Count());
        Assert.Equal(6, overCampaign);
    }

    [Fact]
    public void Pledge_AlreadyPostedInTheChannelToday_IsNotUsed()
    {
        var check = Check(NudgeKind.Pledge, Ordinary() with { PostedTodayInChannel = [NudgeKind.Pledge] });

        Assert.False(check.MayUse);
        Assert.Equal("This channel already has a pledge button today.", check.Reason);
    }

    [Fact]
    public void Pledge_LastDay_IsNotUsed()
    {
        Assert.False(Check(NudgeKind.Pledge, Facts(day: 30)).MayUse);
        Assert.True(Check(NudgeKind.Pledge, Facts(day: 29)).MayUse);
    }

    [Theory]
    [InlineData(null, 40, false)]
    [InlineData(0, 40, false)]
    [InlineData(100, 4, false)]
    [InlineData(100, 5, true)]
    [InlineData(100, 140, true)]
    public void StorybookProgress_NeedsAGoalAndEnoughStories(int? target, int size, bool mayUse)
    {
        var check = Check(NudgeKind.StorybookProgress, Ordinary() with { StoryTarget = target, StorybookSize = size });

        Assert.Equal(mayUse, check.MayUse);
    }

    [Fact]
    public void StoryOfTheDay_OnlyUnapprovedOrUnconsentedStories_IsNotUsed()
    {
        var facts = Ordinary() with
        {
            StoryCandidates =
            [
                Story("a", Pillar.Culture, status: StoryStatus.Submitted),
                Story("b", Pillar.Technology, consent: false),
                Story("c", Pillar.Culture, status: StoryStatus.Withdrawn),
                Story("d", Pillar.Culture, status: StoryStatus.Rejected),
            ],
        };

        var check = Check(NudgeKind.StoryOfTheDay, facts);

        Assert.False(check.MayUse);
        Assert.Equal("There are no approved stories yet whose tellers agreed to publication.", check.Reason);
    }

    [Fact]
    public void Settings_Defaults_AreValidAndTheNormThresholdIsFive()
    {
        Assert.Empty(NudgeSettings.Default.Problems());
        Assert.Equal(5, NudgeSettings.Default.NormThreshold);
        Assert.NotEmpty(new NudgeSettings { NormThreshold = 1 }.Problems());
        Assert.NotEmpty(new NudgeSettings { RisingMinWeeks = 4, RisingMaxWeeks = 3 }.Problems());
    }

    [Theory]
    [InlineData("weekly-norm", NudgeKind.WeeklyNorm)]
    [InlineData("Weekly Norm", NudgeKind.WeeklyNorm)]
    [InlineData("STORY-OF-THE-DAY", NudgeKind.StoryOfTheDay)]
    [InlineData("storybookprogress", NudgeKind.StorybookProgress)]
    public void Catalogue_IdAsTyped_IsFound(string typed, NudgeKind kind)
    {
        Assert.True(NudgeCatalogue.TryFind(typed, out var entry));
        Assert.Equal(kind, entry.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("norm")]
    public void Catalogue_UnknownId_IsNotFound(string? typed)
    {
        Assert.False(NudgeCatalogue.TryFind(typed, out _));
    }

    [Fact]
    public void Catalogue_NineEntries_EachWithIdEastPartAndName()
    {
        Assert.Equal(
            ["story-of-the-day", "weekly-norm", "rising-norm", "two-minute-share", "campaign-moment", "quiet-pillar", "partnership-element", "pledge", "storybook-progress"],
            NudgeCatalogue.Entries.Select(e => e.Id));
        Assert.All(NudgeCatalogue.Entries, e =>
        {
            Assert.NotEqual(EastPart.None, e.East);
            Assert.False(string.IsNullOrWhiteSpace(e.Name(EnGb)));
            Assert.False(string.IsNullOrWhiteSpace(e.EastLabel(EnGb)));
            Assert.All(e.Needs, n => Assert.NotNull(typeof(NudgeFacts).GetProperty(n)));
        });
        Assert.Equal("Social, Timely", NudgeCatalogue.Get(NudgeKind.Pledge).EastLabel(EnGb));
        Assert.Equal("Attractive, Social", NudgeCatalogue.Get(NudgeKind.StoryOfTheDay).EastLabel(EnGb));
    }
}
