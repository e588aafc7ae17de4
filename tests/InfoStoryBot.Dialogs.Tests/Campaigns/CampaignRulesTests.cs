using InfoStoryBot.Dialogs.Campaigns;
using static InfoStoryBot.Dialogs.Tests.Campaigns.CampaignSamples;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

public sealed class CampaignRulesTests
{
    private static CampaignMessage Only(Campaign campaign, CampaignRule rule) =>
        Assert.Single(CampaignRules.Check(campaign), m => m.Rule == rule);

    [Fact]
    public void Check_GoodCampaign_NoMessages()
    {
        Assert.Empty(CampaignRules.Check(Spring()));
        Assert.Empty(Spring().Validate());
    }

    [Fact]
    public void Check_EndBeforeStart_SaysBothDates()
    {
        var message = Only(Spring() with { EndDate = Date(2027, 2, 28) }, CampaignRule.EndBeforeStart);

        Assert.True(message.IsProblem);
        Assert.Equal(
            "The end date, Sunday 28 February 2027, is before the start date, Monday 1 March 2027. Please pick an end date on or after the start date.",
            message.Text);
    }

    [Fact]
    public void Check_ZoneInWrongCase_SuggestsTheRightSpelling()
    {
        var message = Only(Spring() with { TimeZone = "Europe/london" }, CampaignRule.UnknownTimeZone);

        Assert.Equal("“Europe/london” isn’t a time zone I know. Did you mean Europe/London?", message.Text);
    }

    [Fact]
    public void Check_ZoneThatIsNothingLikeAZone_SaysWhatToUse()
    {
        var message = Only(Spring() with { TimeZone = "Mars/Olympus Mons" }, CampaignRule.UnknownTimeZone);

        Assert.Equal("“Mars/Olympus Mons” isn’t a time zone I know. Please use an IANA name such as Europe/London, America/New_York or Asia/Kolkata.", message.Text);
    }

    [Theory]
    [InlineData("GMT Standard Time", "Europe/London")]
    [InlineData("london", "Europe/London")]
    [InlineData("new york", "America/New_York")]
    [InlineData("Europe/Londn", "Europe/London")]
    [InlineData("asia/calcutta", "Asia/Kolkata")]
    public void Check_ZoneCloseToARealOne_SuggestsIt(string typed, string suggestion)
    {
        var message = Only(Spring() with { TimeZone = typed }, CampaignRule.UnknownTimeZone);

        Assert.Contains($"Did you mean {suggestion}", message.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Europe/London")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Sydney")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Asia/Calcutta")]
    [InlineData("UTC")]
    public void Check_IanaZone_Accepted(string zone)
    {
        Assert.DoesNotContain(CampaignRules.Check(Spring() with { TimeZone = zone }), m => m.Rule == CampaignRule.UnknownTimeZone);
    }

    [Fact]
    public void Check_NoDayChosen_AsksForOne()
    {
        var message = Only(Spring() with { DaysOfWeek = [] }, CampaignRule.NoDays);

        Assert.Equal("Pick at least one day of the week to post on, for example **on weekdays** or **on mon,wed,fri**.", message.Text);
    }

    [Fact]
    public void Check_NameMissing_AsksForOne()
    {
        Assert.Equal("The campaign needs a name, such as “Spring stories”.", Only(Spring() with { Name = "  " }, CampaignRule.NameMissing).Text);
    }

    [Fact]
    public void Check_NameTooLong_SaysTheLimit()
    {
        var message = Only(Spring() with { Name = new string('a', 61) }, CampaignRule.NameTooLong);

        Assert.Equal("The name is 61 characters long; please keep it to 60 or fewer.", message.Text);
        Assert.DoesNotContain(CampaignRules.Check(Spring() with { Name = new string('a', 60) }), m => m.Rule == CampaignRule.NameTooLong);
    }

    [Fact]
    public void Check_GoalTooLong_SaysTheLimit()
    {
        var message = Only(Spring() with { Goal = new string('g', 281) }, CampaignRule.GoalTooLong);

        Assert.Equal("The goal is 281 characters long; please keep it to 280 or fewer, about a sentence.", message.Text);
        Assert.Empty(CampaignRules.Check(Spring() with { Goal = new string('g', 280) }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Check_StoryTargetBelowOne_Refused(int target)
    {
        var message = Only(Spring() with { StoryTarget = target }, CampaignRule.StoryTargetTooSmall);

        Assert.Equal($"A story target of {target} won’t work: it needs to be at least 1 story.", message.Text);
    }

    [Fact]
    public void Check_StoryTargetOfOne_Accepted()
    {
        Assert.Empty(CampaignRules.Check(Spring() with { StoryTarget = 1 }));
    }

    [Fact]
    public void Check_BadId_SaysWhatAnIdIs()
    {
        var message = Only(Spring() with { Id = "-Spring" }, CampaignRule.IdInvalid);

        Assert.Equal("“-Spring” can’t be a campaign id: use 1 to 40 lower-case letters, digits and hyphens, starting with a letter or a digit.", message.Text);
    }

    [Fact]
    public void Check_DateFarAway_SaysTheRange()
    {
        var message = Only(Spring() with { EndDate = Date(9999, 12, 31) }, CampaignRule.DatesOutOfRange);

        Assert.Equal("Friday 31 December 9999 is outside the dates I can plan for: please pick dates between Saturday 1 January 2000 and Tuesday 31 December 2199.", message.Text);
    }

    [Fact]
    public void Check_EveryProblemAtOnce_AllReported()
    {
        var bad = Spring() with { Name = "", EndDate = Date(2027, 1, 1), TimeZone = "Nowhere", DaysOfWeek = [], StoryTarget = 0 };

        var rules = CampaignRules.Check(bad).Select(m => m.Rule).ToHashSet();

        Assert.Equal(
            new HashSet<CampaignRule> { CampaignRule.NameMissing, CampaignRule.EndBeforeStart, CampaignRule.UnknownTimeZone, CampaignRule.NoDays, CampaignRule.StoryTargetTooSmall },
            rules);
    }

    [Fact]
    public void Check_LondonHalfPastOneOnTheSpringDay_NoteSaysWhenItPosts()
    {
        var campaign = Daily("Europe/London", 1, 30, Date(2027, 3, 20), Date(2027, 4, 10));

        var note = Only(campaign, CampaignRule.TimeSkipped);

        Assert.False(note.IsProblem);
        Assert.Equal(
            "On Sunday 28 March 2027, 01:30 doesn’t exist in Europe/London: the clocks go forward from 01:00 to 02:00. That day’s post goes out at 02:00 BST instead.",
            note.Text);
        Assert.Empty(campaign.Validate());
    }

    [Fact]
    public void Check_LondonHalfPastOneOnTheAutumnDay_NoteSaysItPostsOnce()
    {
        var note = Only(Daily("Europe/London", 1, 30, Date(2027, 10, 1), Date(2027, 11, 30)), CampaignRule.TimeRepeated);

        Assert.Equal(
            "On Sunday 31 October 2027, 01:30 happens twice in Europe/London: the clocks go back from 02:00 to 01:00. The post goes out once, at the first 01:30 (BST).",
            note.Text);
    }

    [Fact]
    public void Check_NewYorkHalfPastTwo_NotesTheSpringGapOnly()
    {
        var notes = CampaignRules.Check(Daily("America/New_York", 2, 30, Date(2027, 1, 1), Date(2027, 12, 31)));

        var note = Assert.Single(notes);
        Assert.Equal(
            "On Sunday 14 March 2027, 02:30 doesn’t exist in America/New_York: the clocks go forward from 02:00 to 03:00. That day’s post goes out at 03:00 EDT instead.",
            note.Text);
    }

    [Fact]
    public void Check_SydneyHalfPastTwo_NotesOctoberForwardAndAprilBack()
    {
        var notes = CampaignRules.Check(Daily("Australia/Sydney", 2, 30, Date(2027, 1, 1), Date(2027, 12, 31)));

        Assert.Equal(
            [
                "On Sunday 4 April 2027, 02:30 happens twice in Australia/Sydney: the clocks go back from 03:00 to 02:00. The post goes out once, at the first 02:30 (AEDT).",
                "On Sunday 3 October 2027, 02:30 doesn’t exist in Australia/Sydney: the clocks go forward from 02:00 to 03:00. That day’s post goes out at 03:00 AEDT instead.",
            ],
            notes.Select(n => n.Text));
    }

    [Theory]
    [InlineData("Europe/London", 10, 0)]
    [InlineData("America/New_York", 9, 0)]
    [InlineData("Asia/Kolkata", 2, 30)]
    [InlineData("Asia/Kolkata", 1, 30)]
    public void Check_TimeTheClocksNeverTouch_NoNote(string zone, int hour, int minute)
    {
        Assert.Empty(CampaignRules.Check(Daily(zone, hour, minute, Date(2027, 1, 1), Date(2027, 12, 31))));
    }

    [Fact]
    public void Check_ClockChangeOnADayItDoesNotPost_NoNote()
    {
        var weekdays = Spring() with { PostingTime = new TimeOnly(1, 30), StartDate = Date(2027, 3, 1), EndDate = Date(2027, 11, 30) };

        Assert.Empty(CampaignRules.Check(weekdays));
    }

    [Fact]
    public void Check_ClockChangeOutsideTheDatesOrNonWorking_NoNote()
    {
        var before = Daily("Europe/London", 1, 30, Date(2027, 4, 1), Date(2027, 10, 30));
        var holiday = Daily("Europe/London", 1, 30, Date(2027, 3, 1), Date(2027, 3, 31));

        Assert.Empty(CampaignRules.Check(before));
        Assert.Empty(CampaignRules.Check(holiday, [Date(2027, 3, 28)]));
        Assert.Single(CampaignRules.Check(holiday));
    }

    [Fact]
    public void Check_NotesFrom_LeavesOutPastChanges()
    {
        var campaign = Daily("Europe/London", 1, 30, Date(2027, 3, 1), Date(2027, 11, 30));

        Assert.Equal(2, CampaignRules.Check(campaign).Count);
        Assert.Equal(CampaignRule.TimeRepeated, Assert.Single(CampaignRules.Check(campaign, notesFrom: Date(2027, 4, 1))).Rule);
    }

    [Fact]
    public void Check_PlannedNudgeOnAPostingDay_Accepted()
    {
        Assert.Empty(CampaignRules.Check(Spring() with { PlannedNudges = [new(Date(2027, 3, 1), "campaign-moment"), new(Date(2027, 3, 8), "pledge")] }));
    }

    [Fact]
    public void Check_PlannedNudgeOnASunday_SaysItDoesNotPostThatDay()
    {
        var message = Only(Spring() with { PlannedNudges = [new(Date(2027, 3, 7), "pledge")] }, CampaignRule.PlannedNudgeNotPostingDay);

        Assert.Equal("The pledge nudge is planned for Sunday 7 March 2027, but the campaign doesn’t post that day. Please plan it for one of its posting days.", message.Text);
    }

    [Fact]
    public void Check_PlannedNudgeWithABadName_SaysWhatANameIs()
    {
        var message = Only(Spring() with { PlannedNudges = [new(Date(2027, 3, 1), "Story of the day")] }, CampaignRule.PlannedNudgeInvalid);

        Assert.Equal("“Story of the day” isn’t a nudge name: nudge names are lower-case words joined by hyphens, like story-of-the-day.", message.Text);
    }

    [Fact]
    public void Check_TwoNudgesPlannedForOneDay_AsksToKeepOne()
    {
        var message = Only(Spring() with { PlannedNudges = [new(Date(2027, 3, 1), "pledge"), new(Date(2027, 3, 1), "weekly-norm")] }, CampaignRule.PlannedNudgeTwice);

        Assert.Equal("Two nudges are planned for Monday 1 March 2027; a channel gets one post a day, so please keep one.", message.Text);
    }

    [Fact]
    public void ChannelConflicts_ChannelInAnotherLiveCampaignWithOverlappingDates_NamesBoth()
    {
        var autumn = Spring() with { Id = "partners-week", Name = "Partners week", StartDate = Date(2027, 3, 15), EndDate = Date(2027, 4, 15), State = CampaignState.Running };

        var message = Assert.Single(CampaignRules.ChannelConflicts(Spring(), [autumn], new Dictionary<string, string> { [Board] = "Partnership board" }));

        Assert.Equal(CampaignRule.ChannelTaken, message.Rule);
        Assert.Equal(
            "“Partnership board” is already a channel of “Partners week”, which is running from Monday 15 March 2027 to Thursday 15 April 2027. A channel takes part in one live campaign at a time, so “Spring stories” can’t have it too: remove it from “Partners week” first (**campaign channels partners-week remove**), or choose another channel.",
            message.Text);
    }

    [Theory]
    [InlineData(CampaignState.Scheduled)]
    [InlineData(CampaignState.Running)]
    [InlineData(CampaignState.Paused)]
    public void ChannelConflicts_OtherIsLive_Conflicts(CampaignState state)
    {
        var other = Spring() with { Id = "other", Name = "Other", State = state };

        Assert.Single(CampaignRules.ChannelConflicts(Spring(), [other]));
    }

    [Theory]
    [InlineData(CampaignState.Draft)]
    [InlineData(CampaignState.Ended)]
    public void ChannelConflicts_OtherIsNotLive_NoConflict(CampaignState state)
    {
        Assert.Empty(CampaignRules.ChannelConflicts(Spring(), [Spring() with { Id = "other", State = state }]));
    }

    [Fact]
    public void ChannelConflicts_DatesDoNotOverlap_NoConflict()
    {
        var april = Spring() with { Id = "april", StartDate = Date(2027, 4, 1), EndDate = Date(2027, 4, 30), State = CampaignState.Scheduled };
        var lastDayShared = april with { Id = "touching", StartDate = Date(2027, 3, 31) };

        Assert.Empty(CampaignRules.ChannelConflicts(Spring(), [april]));
        Assert.Single(CampaignRules.ChannelConflicts(Spring(), [lastDayShared]));
    }

    [Fact]
    public void ChannelConflicts_ItselfOrOtherChannels_NoConflict()
    {
        var itself = Spring() with { State = CampaignState.Running };
        var elsewhere = Spring() with { Id = "other", State = CampaignState.Running, TargetChannelIds = [Wellbeing] };

        Assert.Empty(CampaignRules.ChannelConflicts(Spring(), [itself, elsewhere]));
    }

    [Fact]
    public void ChannelConflicts_UnknownChannelName_UsesTheId()
    {
        var other = Spring() with { Id = "other", Name = "Other", State = CampaignState.Running };

        Assert.StartsWith($"“{Board}” is already a channel of “Other”", Assert.Single(CampaignRules.ChannelConflicts(Spring(), [other])).Text, StringComparison.Ordinal);
    }
}
