using InfoStoryBot.Dialogs.Campaigns;
using static InfoStoryBot.Dialogs.Tests.Campaigns.CampaignSamples;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

public sealed class CampaignMovesTests
{
    private const string Admin = "admin-object-id";

    /// <summary>Three weeks before Spring stories begins.</summary>
    private static readonly DateTimeOffset February = Utc(2027, 2, 8, 12, 0);

    private static CampaignContext At(DateTimeOffset now, params Campaign[] others) => new(now) { Actor = Admin, Campaigns = others };

    private static CampaignMessage Refusal(CampaignChange change)
    {
        Assert.False(change.IsAllowed);
        Assert.Null(change.Campaign);
        return Assert.Single(change.Problems);
    }

    public static TheoryData<CampaignState, CampaignMove, CampaignState?> EveryMove() => new()
    {
        { CampaignState.Draft, CampaignMove.Start, CampaignState.Scheduled },
        { CampaignState.Draft, CampaignMove.Pause, null },
        { CampaignState.Draft, CampaignMove.Resume, null },
        { CampaignState.Draft, CampaignMove.End, CampaignState.Ended },
        { CampaignState.Scheduled, CampaignMove.Start, null },
        { CampaignState.Scheduled, CampaignMove.Pause, CampaignState.Paused },
        { CampaignState.Scheduled, CampaignMove.Resume, null },
        { CampaignState.Scheduled, CampaignMove.End, CampaignState.Ended },
        { CampaignState.Running, CampaignMove.Start, null },
        { CampaignState.Running, CampaignMove.Pause, CampaignState.Paused },
        { CampaignState.Running, CampaignMove.Resume, null },
        { CampaignState.Running, CampaignMove.End, CampaignState.Ended },
        { CampaignState.Paused, CampaignMove.Start, null },
        { CampaignState.Paused, CampaignMove.Pause, null },
        { CampaignState.Paused, CampaignMove.Resume, CampaignState.Scheduled },
        { CampaignState.Paused, CampaignMove.End, CampaignState.Ended },
        { CampaignState.Ended, CampaignMove.Start, null },
        { CampaignState.Ended, CampaignMove.Pause, null },
        { CampaignState.Ended, CampaignMove.Resume, null },
        { CampaignState.Ended, CampaignMove.End, null },
    };

    [Theory]
    [MemberData(nameof(EveryMove))]
    public void Apply_EveryMoveFromEveryState_AllowedOnlyWhereSensible(CampaignState from, CampaignMove move, CampaignState? to)
    {
        var change = CampaignMoves.Apply(move, Spring() with { State = from }, At(February));

        if (to is { } expected)
        {
            Assert.True(change.IsAllowed, string.Join(" ", change.Problems.Select(p => p.Text)));
            Assert.Equal(expected, change.Campaign!.State);
            Assert.Equal(February, change.Campaign.UpdatedAt);
            Assert.Equal(Admin, change.Campaign.UpdatedBy);
            Assert.Contains(move, CampaignMoves.Allowed(from));
        }
        else
        {
            var refusal = Refusal(change);
            Assert.Equal(CampaignRule.MoveNotAllowed, refusal.Rule);
            Assert.DoesNotContain(move, CampaignMoves.Allowed(from));
        }
    }

    [Theory]
    [InlineData(CampaignState.Scheduled, CampaignMove.Start, "“Spring stories” can’t be started now. It’s scheduled: you can pause it (**campaign pause spring-stories**) or end it (**campaign end spring-stories**).")]
    [InlineData(CampaignState.Running, CampaignMove.Resume, "“Spring stories” can’t be resumed now. It’s running: you can pause it (**campaign pause spring-stories**) or end it (**campaign end spring-stories**).")]
    [InlineData(CampaignState.Paused, CampaignMove.Pause, "“Spring stories” can’t be paused now. It’s paused: you can resume it (**campaign resume spring-stories**) or end it (**campaign end spring-stories**).")]
    [InlineData(CampaignState.Draft, CampaignMove.Pause, "“Spring stories” can’t be paused now. It’s a draft: you can start it (**campaign start spring-stories**) or end it (**campaign end spring-stories**).")]
    [InlineData(CampaignState.Ended, CampaignMove.End, "“Spring stories” can’t be ended now. It has ended, and an ended campaign stays ended. Start another with **campaign new**.")]
    public void Apply_RefusedMove_SaysWhatIsPossible(CampaignState from, CampaignMove move, string expected)
    {
        Assert.Equal(expected, Refusal(CampaignMoves.Apply(move, Spring() with { State = from }, At(February))).Text);
    }

    [Fact]
    public void Allowed_EachState_ListsItsMoves()
    {
        Assert.Equal([CampaignMove.Start, CampaignMove.End], CampaignMoves.Allowed(CampaignState.Draft));
        Assert.Equal([CampaignMove.Pause, CampaignMove.End], CampaignMoves.Allowed(CampaignState.Scheduled));
        Assert.Equal([CampaignMove.Pause, CampaignMove.End], CampaignMoves.Allowed(CampaignState.Running));
        Assert.Equal([CampaignMove.Resume, CampaignMove.End], CampaignMoves.Allowed(CampaignState.Paused));
        Assert.Empty(CampaignMoves.Allowed(CampaignState.Ended));
    }

    [Fact]
    public void Start_StartDateAhead_ScheduledAndLiveFromNow()
    {
        var started = CampaignMoves.Start(Spring(), At(February)).Campaign!;

        Assert.Equal(CampaignState.Scheduled, started.State);
        Assert.Equal(February, started.LiveFrom);
    }

    [Fact]
    public void Start_OnTheStartDate_Running()
    {
        var started = CampaignMoves.Start(Spring(), At(Utc(2027, 3, 1, 8, 0))).Campaign!;

        Assert.Equal(CampaignState.Running, started.State);
    }

    [Fact]
    public void Start_StartDateIsTodayInTheZoneButTomorrowInUtc_Running()
    {
        var pilot = Spring() with { StartDate = Date(2027, 3, 2), TimeZone = "Asia/Kolkata" };

        var started = CampaignMoves.Start(pilot, At(Utc(2027, 3, 1, 20, 0))).Campaign!;

        Assert.Equal(CampaignState.Running, started.State);
    }

    [Fact]
    public void Start_NoChannels_SaysHowToAddOne()
    {
        var refusal = Refusal(CampaignMoves.Start(Spring() with { TargetChannelIds = [] }, At(February)));

        Assert.Equal(CampaignRule.NoChannels, refusal.Rule);
        Assert.Equal(
            "“Spring stories” has no channels yet, so there’s nowhere to post. Add one with **campaign channels spring-stories add** and the channel’s name, then start it.",
            refusal.Text);
    }

    [Fact]
    public void Start_StartDateHasPassed_SaysTodayInTheZone()
    {
        var refusal = Refusal(CampaignMoves.Start(Spring(), At(Utc(2027, 3, 3, 12, 0))));

        Assert.Equal(CampaignRule.StartInPast, refusal.Rule);
        Assert.Equal(
            "The start date, Monday 1 March 2027, has already passed (today is Wednesday 3 March 2027 in Europe/London). Move it to today or later with **campaign edit spring-stories from** and a date.",
            refusal.Text);
    }

    [Fact]
    public void Start_StartDateIsYesterdayOnlyInTheZone_Refused()
    {
        var newYork = Spring() with { TimeZone = "America/New_York", StartDate = Date(2027, 3, 1) };

        Assert.True(CampaignMoves.Start(newYork, At(Utc(2027, 3, 2, 4, 0))).IsAllowed);
        Assert.Equal(CampaignRule.StartInPast, Refusal(CampaignMoves.Start(newYork, At(Utc(2027, 3, 2, 5, 0)))).Rule);
    }

    [Fact]
    public void Start_DatesAllPassed_SaysSo()
    {
        var refusal = Refusal(CampaignMoves.Start(Spring(), At(Utc(2027, 4, 2, 12, 0))));

        Assert.Equal(CampaignRule.DatesInPast, refusal.Rule);
        Assert.Equal(
            "“Spring stories” was planned for Monday 1 March 2027 to Wednesday 31 March 2027, and those dates have passed (today is Friday 2 April 2027 in Europe/London). Give it new dates with **campaign edit spring-stories from** and **to**.",
            refusal.Text);
    }

    [Fact]
    public void Start_NoDayOfItsWeekInItsDates_NeverPosts()
    {
        var weekend = Spring() with { StartDate = Date(2027, 3, 6), EndDate = Date(2027, 3, 7) };

        var refusal = Refusal(CampaignMoves.Start(weekend, At(February)));

        Assert.Equal(CampaignRule.NeverPosts, refusal.Rule);
        Assert.Equal(
            "“Spring stories” would never post: between now and its end date, Sunday 7 March 2027, none of its days (weekdays) has a 10:00 post left outside the non-working dates. Please change its days, dates or time.",
            refusal.Text);
    }

    [Fact]
    public void Start_OneDayCampaignAfterItsTime_NeverPosts()
    {
        var oneDay = Spring() with { StartDate = Date(2027, 3, 1), EndDate = Date(2027, 3, 1) };

        Assert.True(CampaignMoves.Start(oneDay, At(Utc(2027, 3, 1, 9, 0))).IsAllowed);
        Assert.Equal(CampaignRule.NeverPosts, Refusal(CampaignMoves.Start(oneDay, At(Utc(2027, 3, 1, 10, 30)))).Rule);
    }

    [Fact]
    public void Start_EveryPostingDayNonWorking_NeverPosts()
    {
        var easter = Spring() with { StartDate = Date(2027, 3, 26), EndDate = Date(2027, 3, 29) };
        var context = At(February) with { NonWorkingDates = [Date(2027, 3, 26), Date(2027, 3, 29)] };

        Assert.Equal(CampaignRule.NeverPosts, Refusal(CampaignMoves.Start(easter, context)).Rule);
    }

    [Fact]
    public void Start_ChannelInAnotherRunningCampaign_RefusedNamingBoth()
    {
        var other = Spring() with { Id = "partners-week", Name = "Partners week", State = CampaignState.Running };

        var refusal = Refusal(CampaignMoves.Start(Spring(), At(February, other) with { ChannelNames = new Dictionary<string, string> { [Board] = "Partnership board" } }));

        Assert.Equal(CampaignRule.ChannelTaken, refusal.Rule);
        Assert.Contains("“Partnership board” is already a channel of “Partners week”", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("“Spring stories” can’t have it too", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SeveralProblems_AllReported()
    {
        var other = Spring() with { Id = "other", State = CampaignState.Running };

        var change = CampaignMoves.Start(Spring() with { TargetChannelIds = [] }, At(Utc(2027, 3, 3, 12, 0), other));

        Assert.Equal([CampaignRule.NoChannels, CampaignRule.StartInPast], change.Problems.Select(p => p.Rule));
    }

    [Fact]
    public void Start_InvalidCampaign_RefusedWithItsProblems()
    {
        var change = CampaignMoves.Start(Spring() with { TimeZone = "Europe/london" }, At(February));

        Assert.Equal(CampaignRule.UnknownTimeZone, Assert.Single(change.Problems).Rule);
    }

    [Fact]
    public void Start_PostingTimeInTheSpringGap_AllowedWithANote()
    {
        var change = CampaignMoves.Start(Spring() with { DaysOfWeek = EveryDay, PostingTime = new TimeOnly(1, 30) }, At(February));

        Assert.True(change.IsAllowed);
        Assert.Equal(CampaignRule.TimeSkipped, Assert.Single(change.Notes).Rule);
    }

    [Fact]
    public void Resume_ClockChangeAlreadyPast_NoNote()
    {
        var paused = Spring() with { State = CampaignState.Paused, DaysOfWeek = EveryDay, PostingTime = new TimeOnly(1, 30) };

        var before = CampaignMoves.Resume(paused, At(Utc(2027, 3, 20, 12, 0)));
        var after = CampaignMoves.Resume(paused, At(Utc(2027, 3, 29, 12, 0)));

        Assert.Equal(CampaignRule.TimeSkipped, Assert.Single(before.Notes).Rule);
        Assert.True(after.IsAllowed);
        Assert.Empty(after.Notes);
    }

    [Fact]
    public void Resume_WithinDates_RunningFromNow()
    {
        var now = Utc(2027, 3, 10, 12, 0);

        var resumed = CampaignMoves.Resume(Spring() with { State = CampaignState.Paused, LiveFrom = February }, At(now)).Campaign!;

        Assert.Equal(CampaignState.Running, resumed.State);
        Assert.Equal(now, resumed.LiveFrom);
        Assert.Equal(Utc(2027, 3, 11, 10, 0), CampaignSchedule.DueSlots(resumed, Utc(2027, 3, 1, 0, 0), Utc(2027, 3, 12, 0, 0), [])[0].Utc);
    }

    [Fact]
    public void Resume_EndDatePassed_SaysHowToMoveIt()
    {
        var refusal = Refusal(CampaignMoves.Resume(Spring() with { State = CampaignState.Paused }, At(Utc(2027, 4, 2, 12, 0))));

        Assert.Equal(CampaignRule.EndPassed, refusal.Rule);
        Assert.Equal(
            "The end date, Wednesday 31 March 2027, has passed (today is Friday 2 April 2027 in Europe/London). Move it later with **campaign edit spring-stories to** and a date, or end the campaign with **campaign end spring-stories**.",
            refusal.Text);
    }

    [Fact]
    public void Resume_ChannelsRemovedWhilePaused_Refused()
    {
        var paused = Spring() with { State = CampaignState.Paused, TargetChannelIds = [] };

        Assert.Equal(CampaignRule.NoChannels, Refusal(CampaignMoves.Resume(paused, At(Utc(2027, 3, 10, 12, 0)))).Rule);
    }

    [Fact]
    public void Create_NewCampaign_DraftStampedWithTheAdmin()
    {
        var change = CampaignMoves.Create(Spring() with { State = CampaignState.Running, Name = "  Spring stories " }, At(February));

        var created = change.Campaign!;
        Assert.Equal(CampaignState.Draft, created.State);
        Assert.Equal("Spring stories", created.Name);
        Assert.Equal(February, created.CreatedAt);
        Assert.Equal(February, created.UpdatedAt);
        Assert.Equal(Admin, created.CreatedBy);
        Assert.Equal(Admin, created.UpdatedBy);
    }

    [Fact]
    public void Create_IdTaken_SaysWhichCampaignHasIt()
    {
        var refusal = Refusal(CampaignMoves.Create(Spring() with { Name = "Spring Stories!" }, At(February, Spring())));

        Assert.Equal(CampaignRule.IdTaken, refusal.Rule);
        Assert.Equal("There’s already a campaign with the id spring-stories (“Spring stories”). Please give this one a different name.", refusal.Text);
    }

    [Fact]
    public void Create_ChannelOfALiveCampaign_AllowedAsADraft()
    {
        var other = Spring() with { Id = "other", State = CampaignState.Running };

        Assert.True(CampaignMoves.Create(Spring(), At(February, other)).IsAllowed);
    }

    [Fact]
    public void Edit_Ended_Refused()
    {
        var refusal = Refusal(CampaignMoves.Edit(Spring() with { State = CampaignState.Ended }, Spring() with { Goal = "More" }, At(February)));

        Assert.Equal(CampaignRule.EndedCannotChange, refusal.Rule);
        Assert.Equal("“Spring stories” has ended, and an ended campaign stays as it was. Start another with **campaign new**.", refusal.Text);
    }

    [Fact]
    public void Edit_Rename_KeepsIdStateCreationAndHistory()
    {
        var running = Spring().Running(Created);

        var edited = CampaignMoves.Edit(
            running,
            running with { Id = "new-id", Name = "Spring partner stories", State = CampaignState.Draft, CreatedBy = "someone", LiveFrom = null },
            At(Utc(2027, 3, 2, 12, 0))).Campaign!;

        Assert.Equal("spring-stories", edited.Id);
        Assert.Equal("Spring partner stories", edited.Name);
        Assert.Equal(CampaignState.Running, edited.State);
        Assert.Equal(Created, edited.LiveFrom);
        Assert.Null(edited.CreatedBy);
        Assert.Equal(Admin, edited.UpdatedBy);
        Assert.Empty(edited.EarlierTimetables);
    }

    [Fact]
    public void Edit_LiveCampaignLosesItsLastChannel_Refused()
    {
        var running = Spring().Running(Created);

        var refusal = Refusal(CampaignMoves.Edit(running, running with { TargetChannelIds = [] }, At(Utc(2027, 3, 2, 12, 0))));

        Assert.Equal(CampaignRule.LiveNeedsChannel, refusal.Rule);
        Assert.Equal(
            "“Spring stories” is running, so it needs at least one channel. To stop it posting, pause it (**campaign pause spring-stories**) or end it (**campaign end spring-stories**).",
            refusal.Text);
    }

    [Fact]
    public void Edit_DraftWithoutChannels_Allowed()
    {
        Assert.True(CampaignMoves.Edit(Spring(), Spring() with { TargetChannelIds = [] }, At(February)).IsAllowed);
    }

    [Fact]
    public void Edit_LiveEndDateIntoThePast_Refused()
    {
        var running = Spring().Running(Created);

        var refusal = Refusal(CampaignMoves.Edit(running, running with { EndDate = Date(2027, 3, 5) }, At(Utc(2027, 3, 10, 12, 0))));

        Assert.Equal(CampaignRule.EndPassed, refusal.Rule);
    }

    [Fact]
    public void Edit_ScheduledStartDateIntoThePast_Refused()
    {
        var scheduled = Spring() with { State = CampaignState.Scheduled, StartDate = Date(2027, 3, 10), LiveFrom = February };

        var refusal = Refusal(CampaignMoves.Edit(scheduled, scheduled with { StartDate = Date(2027, 3, 1) }, At(Utc(2027, 3, 3, 12, 0))));

        Assert.Equal(CampaignRule.StartInPast, refusal.Rule);
    }

    [Fact]
    public void Edit_RunningStartDateMovedAhead_BecomesScheduled()
    {
        var running = Spring().Running(Created);

        var edited = CampaignMoves.Edit(running, running with { StartDate = Date(2027, 3, 15) }, At(Utc(2027, 3, 3, 12, 0))).Campaign!;

        Assert.Equal(CampaignState.Scheduled, edited.State);
    }

    [Fact]
    public void Edit_LiveCampaignAddsAChannelAnotherLiveOneHolds_RefusedNamingBoth()
    {
        var running = Spring().Running(Created);
        var wellbeing = Spring() with { Id = "wellbeing-month", Name = "Wellbeing month", State = CampaignState.Paused, TargetChannelIds = [Wellbeing] };

        var refusal = Refusal(CampaignMoves.Edit(running, running with { TargetChannelIds = [Board, Wellbeing] }, At(Utc(2027, 3, 3, 12, 0), wellbeing)));

        Assert.Equal(CampaignRule.ChannelTaken, refusal.Rule);
        Assert.Contains("“Wellbeing month”, which is paused", refusal.Text, StringComparison.Ordinal);
        Assert.Contains("“Spring stories” can’t have it too", refusal.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Edit_RunningTimetableChanged_KeepsTheOldOneUntilNow()
    {
        var running = Spring().Running(Created);
        var now = Utc(2027, 3, 3, 12, 0);

        var edited = CampaignMoves.Edit(running, running with { PostingTime = new TimeOnly(11, 0) }, At(now)).Campaign!;

        var earlier = Assert.Single(edited.EarlierTimetables);
        Assert.Equal(new TimeOnly(10, 0), earlier.PostingTime);
        Assert.Equal(now, earlier.ReplacedAt);
        Assert.Equal(new TimeOnly(11, 0), edited.PostingTime);
    }

    [Fact]
    public void Edit_OnlyTheGoalOrChannelOrder_NoHistory()
    {
        var running = Spring().Running(Created) with { TargetChannelIds = [Board, Wellbeing] };

        var edited = CampaignMoves.Edit(running, running with { Goal = "A story from every partner", TargetChannelIds = [Wellbeing, Board] }, At(Utc(2027, 3, 3, 12, 0))).Campaign!;

        Assert.Empty(edited.EarlierTimetables);
        Assert.Equal("A story from every partner", edited.Goal);
    }

    [Theory]
    [InlineData(CampaignState.Draft)]
    [InlineData(CampaignState.Paused)]
    public void Edit_NotPostingNow_NoHistory(CampaignState state)
    {
        var campaign = Spring() with { State = state };

        var edited = CampaignMoves.Edit(campaign, campaign with { PostingTime = new TimeOnly(11, 0) }, At(Utc(2027, 3, 3, 12, 0))).Campaign!;

        Assert.Empty(edited.EarlierTimetables);
    }

    [Fact]
    public void Edit_HistoryOlderThanAWeek_Dropped()
    {
        var running = Spring().Running(Created) with
        {
            EarlierTimetables = [Spring().CurrentTimetable() with { PostingTime = new TimeOnly(8, 0), ReplacedAt = Utc(2027, 3, 1, 12, 0) }],
        };

        var edited = CampaignMoves.Edit(running, running with { PostingTime = new TimeOnly(11, 0) }, At(Utc(2027, 3, 9, 12, 0))).Campaign!;

        Assert.Equal([new TimeOnly(10, 0)], edited.EarlierTimetables.Select(t => t.PostingTime));
    }

    [Fact]
    public void Edit_InvalidProposal_RefusedAndNothingToStore()
    {
        var change = CampaignMoves.Edit(Spring(), Spring() with { DaysOfWeek = [], EndDate = Date(2027, 2, 1) }, At(February));

        Assert.Null(change.Campaign);
        Assert.Equal([CampaignRule.EndBeforeStart, CampaignRule.NoDays], change.Problems.Select(p => p.Rule));
    }

    [Fact]
    public void Edit_NewTimeFallsInTheAutumnOverlap_Noted()
    {
        var autumn = Spring() with { StartDate = Date(2027, 10, 1), EndDate = Date(2027, 11, 30), DaysOfWeek = EveryDay };

        var change = CampaignMoves.Edit(autumn, autumn with { PostingTime = new TimeOnly(1, 15) }, At(February));

        Assert.Equal(CampaignRule.TimeRepeated, Assert.Single(change.Notes).Rule);
    }

    [Fact]
    public void Advance_ScheduledAtItsFirstSlot_RunningByNoAdmin()
    {
        var scheduled = CampaignMoves.Start(Spring(), At(February)).Campaign!;

        var advanced = CampaignMoves.Advance(scheduled, Utc(2027, 3, 1, 10, 0), [])!;

        Assert.Equal(CampaignState.Running, advanced.State);
        Assert.Null(advanced.UpdatedBy);
        Assert.Equal(Utc(2027, 3, 1, 10, 0), advanced.UpdatedAt);
    }

    [Fact]
    public void Advance_RunningAfterItsEnd_Ended()
    {
        Assert.Equal(CampaignState.Ended, CampaignMoves.Advance(Spring().Running(Created), Utc(2027, 4, 1, 0, 0), [])!.State);
    }

    [Fact]
    public void Advance_NothingChanges_Null()
    {
        Assert.Null(CampaignMoves.Advance(Spring().Running(Created), Utc(2027, 3, 10, 0, 0), []));
        Assert.Null(CampaignMoves.Advance(Spring() with { State = CampaignState.Paused }, Utc(2027, 6, 1, 0, 0), []));
    }
}
