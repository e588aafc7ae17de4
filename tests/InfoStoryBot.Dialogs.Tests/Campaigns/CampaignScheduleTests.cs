using InfoStoryBot.Dialogs.Campaigns;
using static InfoStoryBot.Dialogs.Tests.Campaigns.CampaignSamples;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

/// <summary>
/// "What is due", worked out by hand from the tz rules for 2027: London springs forward on 28 March (01:00 GMT →
/// 02:00 BST) and falls back on 31 October (02:00 BST → 01:00 GMT); New York on 14 March (02:00 → 03:00) and
/// 7 November (02:00 → 01:00); Sydney forward on 3 October (02:00 → 03:00) and back on 4 April (03:00 → 02:00);
/// Kolkata stays at +05:30.
/// </summary>
public sealed class CampaignScheduleTests
{
    private static void AssertSlot(CampaignSlot slot, DateOnly localDate, DateTimeOffset utc, string localTime, string abbreviation, SlotShift shift)
    {
        Assert.Equal(localDate, slot.LocalDate);
        Assert.Equal(utc, slot.Utc);
        Assert.Equal(TimeSpan.Zero, slot.Utc.Offset);
        Assert.Equal(slot.Utc, slot.Local);
        Assert.Equal(localTime, CampaignText.Time(slot.LocalTime));
        Assert.Equal(abbreviation, slot.ZoneAbbreviation);
        Assert.Equal(shift, slot.Shift);
    }

    [Fact]
    public void DueSlots_LondonSpringForwardInTheGap_PostsAtTheFirstMinuteAfterIt()
    {
        var campaign = Daily("Europe/London", 1, 30, Date(2027, 3, 27), Date(2027, 3, 29));

        var slots = AllDue(campaign);

        Assert.Equal(3, slots.Count);
        AssertSlot(slots[0], Date(2027, 3, 27), Utc(2027, 3, 27, 1, 30), "01:30", "GMT", SlotShift.None);
        AssertSlot(slots[1], Date(2027, 3, 28), Utc(2027, 3, 28, 1, 0), "02:00", "BST", SlotShift.Skipped);
        AssertSlot(slots[2], Date(2027, 3, 29), Utc(2027, 3, 29, 0, 30), "01:30", "BST", SlotShift.None);
        Assert.Equal(new TimeOnly(1, 30), slots[1].PlannedTime);
        Assert.Equal(TimeSpan.FromHours(1), slots[1].Local.Offset);
    }

    [Fact]
    public void DueSlots_LondonFallBackInTheOverlap_PostsOnceAtTheEarlierInstant()
    {
        var campaign = Daily("Europe/London", 1, 30, Date(2027, 10, 30), Date(2027, 11, 1));

        var slots = AllDue(campaign);

        Assert.Equal(3, slots.Count);
        AssertSlot(slots[0], Date(2027, 10, 30), Utc(2027, 10, 30, 0, 30), "01:30", "BST", SlotShift.None);
        AssertSlot(slots[1], Date(2027, 10, 31), Utc(2027, 10, 31, 0, 30), "01:30", "BST", SlotShift.Repeated);
        AssertSlot(slots[2], Date(2027, 11, 1), Utc(2027, 11, 1, 1, 30), "01:30", "GMT", SlotShift.None);
    }

    [Fact]
    public void DueSlots_LondonTenOClockAcrossBothChanges_KeepsLocalTimeAndMovesUtc()
    {
        var spring = AllDue(Daily("Europe/London", 10, 0, Date(2027, 3, 27), Date(2027, 3, 28)));
        var autumn = AllDue(Daily("Europe/London", 10, 0, Date(2027, 10, 30), Date(2027, 10, 31)));

        AssertSlot(spring[0], Date(2027, 3, 27), Utc(2027, 3, 27, 10, 0), "10:00", "GMT", SlotShift.None);
        AssertSlot(spring[1], Date(2027, 3, 28), Utc(2027, 3, 28, 9, 0), "10:00", "BST", SlotShift.None);
        AssertSlot(autumn[0], Date(2027, 10, 30), Utc(2027, 10, 30, 9, 0), "10:00", "BST", SlotShift.None);
        AssertSlot(autumn[1], Date(2027, 10, 31), Utc(2027, 10, 31, 10, 0), "10:00", "GMT", SlotShift.None);
    }

    [Fact]
    public void DueSlots_NewYorkSpringForwardAtHalfPastTwo_PostsAtThreeEdt()
    {
        var slots = AllDue(Daily("America/New_York", 2, 30, Date(2027, 3, 13), Date(2027, 3, 15)));

        AssertSlot(slots[0], Date(2027, 3, 13), Utc(2027, 3, 13, 7, 30), "02:30", "EST", SlotShift.None);
        AssertSlot(slots[1], Date(2027, 3, 14), Utc(2027, 3, 14, 7, 0), "03:00", "EDT", SlotShift.Skipped);
        AssertSlot(slots[2], Date(2027, 3, 15), Utc(2027, 3, 15, 6, 30), "02:30", "EDT", SlotShift.None);
    }

    [Fact]
    public void DueSlots_NewYorkFallBackAtHalfPastOne_PostsOnceAtTheEdtInstant()
    {
        var slots = AllDue(Daily("America/New_York", 1, 30, Date(2027, 11, 6), Date(2027, 11, 8)));

        Assert.Equal(3, slots.Count);
        AssertSlot(slots[0], Date(2027, 11, 6), Utc(2027, 11, 6, 5, 30), "01:30", "EDT", SlotShift.None);
        AssertSlot(slots[1], Date(2027, 11, 7), Utc(2027, 11, 7, 5, 30), "01:30", "EDT", SlotShift.Repeated);
        AssertSlot(slots[2], Date(2027, 11, 8), Utc(2027, 11, 8, 6, 30), "01:30", "EST", SlotShift.None);
    }

    [Fact]
    public void DueSlots_NewYorkTimeOutsideTheGap_IsNotShifted()
    {
        var slots = AllDue(Daily("America/New_York", 9, 0, Date(2027, 3, 13), Date(2027, 3, 14)));

        AssertSlot(slots[0], Date(2027, 3, 13), Utc(2027, 3, 13, 14, 0), "09:00", "EST", SlotShift.None);
        AssertSlot(slots[1], Date(2027, 3, 14), Utc(2027, 3, 14, 13, 0), "09:00", "EDT", SlotShift.None);
    }

    [Fact]
    public void DueSlots_SydneyForwardInOctober_PostsAtThreeAedtOnThePreviousUtcDay()
    {
        var slots = AllDue(Daily("Australia/Sydney", 2, 30, Date(2027, 10, 2), Date(2027, 10, 4)));

        AssertSlot(slots[0], Date(2027, 10, 2), Utc(2027, 10, 1, 16, 30), "02:30", "AEST", SlotShift.None);
        AssertSlot(slots[1], Date(2027, 10, 3), Utc(2027, 10, 2, 16, 0), "03:00", "AEDT", SlotShift.Skipped);
        AssertSlot(slots[2], Date(2027, 10, 4), Utc(2027, 10, 3, 15, 30), "02:30", "AEDT", SlotShift.None);
    }

    [Fact]
    public void DueSlots_SydneyBackInApril_PostsOnceAtTheAedtInstant()
    {
        var slots = AllDue(Daily("Australia/Sydney", 2, 30, Date(2027, 4, 3), Date(2027, 4, 5)));

        Assert.Equal(3, slots.Count);
        AssertSlot(slots[0], Date(2027, 4, 3), Utc(2027, 4, 2, 15, 30), "02:30", "AEDT", SlotShift.None);
        AssertSlot(slots[1], Date(2027, 4, 4), Utc(2027, 4, 3, 15, 30), "02:30", "AEDT", SlotShift.Repeated);
        AssertSlot(slots[2], Date(2027, 4, 5), Utc(2027, 4, 4, 16, 30), "02:30", "AEST", SlotShift.None);
    }

    [Fact]
    public void DueSlots_Kolkata_IsAlwaysFiveThirtyAheadWithNoShift()
    {
        var slots = AllDue(Daily("Asia/Kolkata", 2, 30, Date(2027, 3, 1), Date(2027, 11, 30)));

        Assert.Equal(275, slots.Count);
        Assert.All(slots, s =>
        {
            Assert.Equal(SlotShift.None, s.Shift);
            Assert.Equal("IST", s.ZoneAbbreviation);
            Assert.Equal(new DateTimeOffset(s.LocalDate.ToDateTime(new TimeOnly(2, 30)), TimeSpan.FromHours(5.5)), s.Utc);
        });
        AssertSlot(slots[0], Date(2027, 3, 1), Utc(2027, 2, 28, 21, 0), "02:30", "IST", SlotShift.None);
    }

    [Fact]
    public void DueSlots_DaysOfWeek_OnlyThoseDays()
    {
        var campaign = Spring().Running(Created) with { DaysOfWeek = [DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Wednesday] };

        var dates = AllDue(campaign).Select(s => s.LocalDate.Day);

        Assert.Equal([1, 3, 5, 8, 10, 12, 15, 17, 19, 22, 24, 26, 29, 31], dates);
    }

    [Fact]
    public void DueSlots_Weekdays_SkipWeekends()
    {
        var slots = AllDue(Spring().Running(Created));

        Assert.Equal(23, slots.Count);
        Assert.DoesNotContain(slots, s => s.LocalDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    [Fact]
    public void DueSlots_NonWorkingDates_PostNothingThatDay()
    {
        DateOnly[] easter = [Date(2027, 3, 26), Date(2027, 3, 29)];

        var dates = AllDue(Spring().Running(Created), easter).Select(s => s.LocalDate).ToList();

        Assert.Equal(21, dates.Count);
        Assert.DoesNotContain(Date(2027, 3, 26), dates);
        Assert.DoesNotContain(Date(2027, 3, 29), dates);
        Assert.Contains(Date(2027, 3, 25), dates);
        Assert.Contains(Date(2027, 3, 30), dates);
    }

    [Fact]
    public void DueSlots_StartAndEndDates_AreBothIncluded()
    {
        var slots = AllDue(Spring().Running(Created));

        Assert.Equal(Date(2027, 3, 1), slots[0].LocalDate);
        Assert.Equal(Date(2027, 3, 31), slots[^1].LocalDate);
        Assert.Equal(Utc(2027, 3, 1, 10, 0), slots[0].Utc);
        Assert.Equal(Utc(2027, 3, 31, 9, 0), slots[^1].Utc);
    }

    [Fact]
    public void DueSlots_Window_IncludesFromAndExcludesUntil()
    {
        var campaign = Spring().Running(Created);

        var atFrom = CampaignSchedule.DueSlots(campaign, Utc(2027, 3, 1, 10, 0), Utc(2027, 3, 2, 10, 0), []);
        var beforeUntil = CampaignSchedule.DueSlots(campaign, Utc(2027, 3, 1, 10, 1), Utc(2027, 3, 2, 10, 1), []);
        var empty = CampaignSchedule.DueSlots(campaign, Utc(2027, 3, 2, 10, 0), Utc(2027, 3, 2, 10, 0), []);

        Assert.Equal([Utc(2027, 3, 1, 10, 0)], atFrom.Select(s => s.Utc));
        Assert.Equal([Utc(2027, 3, 2, 10, 0)], beforeUntil.Select(s => s.Utc));
        Assert.Empty(empty);
    }

    [Fact]
    public void DueSlots_CarryTheCampaignIdAndChannels()
    {
        var slot = AllDue(Spring().Running(Created) with { TargetChannelIds = [Board, Wellbeing] })[0];

        Assert.Equal("spring-stories", slot.CampaignId);
        Assert.Equal([Board, Wellbeing], slot.TargetChannelIds);
        Assert.Equal("Europe/London", slot.TimeZone);
    }

    [Theory]
    [InlineData(CampaignState.Draft)]
    [InlineData(CampaignState.Paused)]
    [InlineData(CampaignState.Ended)]
    public void DueSlots_NotScheduledOrRunning_None(CampaignState state)
    {
        Assert.Empty(AllDue(Spring() with { State = state, LiveFrom = Created }));
    }

    [Fact]
    public void DueSlots_Scheduled_HasItsSlots()
    {
        Assert.Equal(23, AllDue(Spring() with { State = CampaignState.Scheduled, LiveFrom = Created }).Count);
    }

    [Fact]
    public void DueSlots_StartedAfterTodaysTime_FirstSlotIsTomorrow()
    {
        var campaign = Spring().Running(Utc(2027, 3, 1, 10, 30));

        var slots = CampaignSchedule.DueSlots(campaign, Utc(2027, 3, 1, 0, 0), Utc(2027, 3, 3, 0, 0), []);

        Assert.Equal([Date(2027, 3, 2)], slots.Select(s => s.LocalDate));
    }

    [Fact]
    public void DueSlots_UnknownZone_None()
    {
        Assert.Empty(AllDue(Spring().Running(Created) with { TimeZone = "Mars/Olympus" }));
    }

    [Fact]
    public void Classify_AfterDowntime_OldSlotsMissedRecentOnesDue()
    {
        var campaign = Daily("Europe/London", 10, 0, Date(2027, 1, 11), Date(2027, 1, 20));

        var triage = CampaignSchedule.Classify(campaign, Utc(2027, 1, 11, 9, 0), Utc(2027, 1, 13, 11, 0), []);

        Assert.Equal([Utc(2027, 1, 11, 10, 0), Utc(2027, 1, 12, 10, 0)], triage.Missed.Select(s => s.Utc));
        Assert.Equal([Utc(2027, 1, 13, 10, 0)], triage.Due.Select(s => s.Utc));
    }

    [Fact]
    public void Classify_SlotExactlyAtTheGraceEdge_IsStillDue()
    {
        var campaign = Daily("Europe/London", 10, 0, Date(2027, 1, 11), Date(2027, 1, 20));

        var atEdge = CampaignSchedule.Classify(campaign, Utc(2027, 1, 11, 0, 0), Utc(2027, 1, 11, 12, 0), []);
        var pastEdge = CampaignSchedule.Classify(campaign, Utc(2027, 1, 11, 0, 0), Utc(2027, 1, 11, 12, 0).AddTicks(1), []);

        Assert.Single(atEdge.Due);
        Assert.Empty(atEdge.Missed);
        Assert.Empty(pastEdge.Due);
        Assert.Single(pastEdge.Missed);
    }

    [Fact]
    public void Classify_SlotAtNow_IsDueAndSlotAtTheLastRunIsNotRepeated()
    {
        var campaign = Daily("Europe/London", 10, 0, Date(2027, 1, 11), Date(2027, 1, 20));

        var now = CampaignSchedule.Classify(campaign, Utc(2027, 1, 11, 9, 59), Utc(2027, 1, 11, 10, 0), []);
        var next = CampaignSchedule.Classify(campaign, Utc(2027, 1, 11, 10, 0), Utc(2027, 1, 11, 10, 1), []);

        Assert.Equal([Utc(2027, 1, 11, 10, 0)], now.Due.Select(s => s.Utc));
        Assert.Empty(next.Due);
        Assert.Empty(next.Missed);
    }

    [Fact]
    public void Classify_CustomGraceWindow_IsUsed()
    {
        var campaign = Daily("Europe/London", 10, 0, Date(2027, 1, 11), Date(2027, 1, 20));

        var tight = CampaignSchedule.Classify(campaign, Utc(2027, 1, 11, 0, 0), Utc(2027, 1, 11, 10, 20), [], TimeSpan.FromMinutes(15));

        Assert.Empty(tight.Due);
        Assert.Single(tight.Missed);
        Assert.Equal(TimeSpan.FromHours(2), CampaignSchedule.DefaultGraceWindow);
    }

    [Fact]
    public void Classify_PausedDuringDowntimeThenResumed_PauseSlotsAreNotMissed()
    {
        var campaign = Daily("Europe/London", 10, 0, Date(2027, 1, 11), Date(2027, 1, 20)).Running(Utc(2027, 1, 14, 8, 0));

        var triage = CampaignSchedule.Classify(campaign, Utc(2027, 1, 11, 9, 0), Utc(2027, 1, 14, 10, 30), []);

        Assert.Empty(triage.Missed);
        Assert.Equal([Utc(2027, 1, 14, 10, 0)], triage.Due.Select(s => s.Utc));
    }

    [Fact]
    public void Classify_GivenSlots_LeavesOutFutureOnes()
    {
        var slots = AllDue(Spring().Running(Created));

        var triage = CampaignSchedule.Classify(slots, Utc(2027, 3, 2, 11, 0), TimeSpan.FromHours(2));

        Assert.Equal([Date(2027, 3, 1)], triage.Missed.Select(s => s.LocalDate));
        Assert.Equal([Date(2027, 3, 2)], triage.Due.Select(s => s.LocalDate));
    }

    [Fact]
    public void NextSlots_BeforeTheStart_FiveDisplayedInLocalTime()
    {
        var slots = CampaignSchedule.NextSlots(Spring(), Utc(2027, 2, 20, 12, 0));

        Assert.Equal(
            ["Mon 1 Mar 2027, 10:00 GMT", "Tue 2 Mar 2027, 10:00 GMT", "Wed 3 Mar 2027, 10:00 GMT", "Thu 4 Mar 2027, 10:00 GMT", "Fri 5 Mar 2027, 10:00 GMT"],
            slots.Select(s => s.Display));
    }

    [Fact]
    public void NextSlots_AcrossTheClockChange_ShowTheNewZoneAbbreviation()
    {
        var slots = CampaignSchedule.NextSlots(Spring().Running(Created), Utc(2027, 3, 25, 10, 0), 4, [Date(2027, 3, 29)]);

        Assert.Equal(
            ["Thu 25 Mar 2027, 10:00 GMT", "Fri 26 Mar 2027, 10:00 GMT", "Tue 30 Mar 2027, 10:00 BST", "Wed 31 Mar 2027, 10:00 BST"],
            slots.Select(s => s.Display));
    }

    [Fact]
    public void NextSlots_ShiftedTimes_SayWhy()
    {
        var spring = CampaignSchedule.NextSlots(Daily("Europe/London", 1, 30, Date(2027, 3, 28), Date(2027, 3, 28)), Utc(2027, 3, 1, 0, 0));
        var autumn = CampaignSchedule.NextSlots(Daily("Europe/London", 1, 30, Date(2027, 10, 31), Date(2027, 10, 31)), Utc(2027, 10, 1, 0, 0));

        Assert.Equal("Sun 28 Mar 2027, 02:00 BST (the clocks skip 01:30 that day)", Assert.Single(spring).Display);
        Assert.Equal("Sun 31 Oct 2027, 01:30 BST (the first 01:30 that day: the clocks go back)", Assert.Single(autumn).Display);
    }

    [Fact]
    public void NextSlots_EveryMonthName_IsTheShortEnglishOne()
    {
        var campaign = Spring() with { StartDate = Date(2027, 1, 1), EndDate = Date(2027, 12, 31), DaysOfWeek = EveryDay };
        var months = Enumerable.Range(1, 12)
            .Select(m => CampaignSchedule.NextSlots(campaign, new DateTimeOffset(2027, m, 1, 0, 0, 0, TimeSpan.Zero), 1)[0].Display)
            .ToList();

        Assert.Equal(
            ["Fri 1 Jan 2027", "Mon 1 Feb 2027", "Mon 1 Mar 2027", "Thu 1 Apr 2027", "Sat 1 May 2027", "Tue 1 Jun 2027",
             "Thu 1 Jul 2027", "Sun 1 Aug 2027", "Wed 1 Sep 2027", "Fri 1 Oct 2027", "Mon 1 Nov 2027", "Wed 1 Dec 2027"],
            months.Select(d => d[..d.IndexOf(',', StringComparison.Ordinal)]));
    }

    [Fact]
    public void NextSlots_NearTheEnd_FewerThanAsked()
    {
        var slots = CampaignSchedule.NextSlots(Spring().Running(Created), Utc(2027, 3, 30, 12, 0));

        Assert.Equal(["Wed 31 Mar 2027, 10:00 BST"], slots.Select(s => s.Display));
    }

    [Fact]
    public void NextSlots_Ended_None()
    {
        Assert.Empty(CampaignSchedule.NextSlots(Spring() with { State = CampaignState.Ended }, Utc(2027, 2, 1, 0, 0)));
    }

    [Fact]
    public void PlannedSlots_IgnoreStateAndHistory()
    {
        var slots = CampaignSchedule.PlannedSlots(Spring() with { State = CampaignState.Paused }, [Date(2027, 3, 26)]);

        Assert.Equal(22, slots.Count);
    }

    [Fact]
    public void StateAt_Scheduled_BecomesRunningAtItsFirstSlot()
    {
        var scheduled = Spring() with { State = CampaignState.Scheduled, LiveFrom = Utc(2027, 2, 20, 12, 0) };

        Assert.Equal(CampaignState.Scheduled, CampaignSchedule.StateAt(scheduled, Utc(2027, 3, 1, 9, 59), []));
        Assert.Equal(CampaignState.Running, CampaignSchedule.StateAt(scheduled, Utc(2027, 3, 1, 10, 0), []));
    }

    [Fact]
    public void StateAt_FirstDayIsNonWorking_RunningFromTheNextSlot()
    {
        var scheduled = Spring() with { State = CampaignState.Scheduled, LiveFrom = Utc(2027, 2, 20, 12, 0) };

        Assert.Equal(CampaignState.Scheduled, CampaignSchedule.StateAt(scheduled, Utc(2027, 3, 1, 12, 0), [Date(2027, 3, 1)]));
        Assert.Equal(CampaignState.Running, CampaignSchedule.StateAt(scheduled, Utc(2027, 3, 2, 10, 0), [Date(2027, 3, 1)]));
    }

    [Fact]
    public void StateAt_AfterTheEndDateInItsZone_Ended()
    {
        var running = Spring().Running(Created);

        Assert.Equal(CampaignState.Running, CampaignSchedule.StateAt(running, Utc(2027, 3, 31, 22, 59), []));
        Assert.Equal(CampaignState.Ended, CampaignSchedule.StateAt(running, Utc(2027, 3, 31, 23, 0), []));
    }

    [Theory]
    [InlineData(CampaignState.Draft)]
    [InlineData(CampaignState.Paused)]
    [InlineData(CampaignState.Ended)]
    public void StateAt_StatesOnlyAnAdminMoves_StayAsStored(CampaignState state)
    {
        Assert.Equal(state, CampaignSchedule.StateAt(Spring() with { State = state }, Utc(2027, 6, 1, 0, 0), []));
    }

    [Fact]
    public void DueSlots_EditedAfterTodaysSlot_TodayKeepsTheOldTimeAndTomorrowHasTheNew()
    {
        var running = Spring().Running(Created);
        var edit = CampaignMoves.Edit(running, running with { PostingTime = new TimeOnly(11, 15) }, new CampaignContext(Utc(2027, 3, 1, 10, 30)));

        var slots = CampaignSchedule.DueSlots(edit.Campaign!, Utc(2027, 3, 1, 0, 0), Utc(2027, 3, 3, 0, 0), []);

        Assert.Equal([Utc(2027, 3, 1, 10, 0), Utc(2027, 3, 2, 11, 15)], slots.Select(s => s.Utc));
    }

    [Fact]
    public void DueSlots_EditedBeforeTodaysSlot_TodayHasTheNewTime()
    {
        var running = Spring().Running(Created);
        var edit = CampaignMoves.Edit(running, running with { PostingTime = new TimeOnly(11, 15) }, new CampaignContext(Utc(2027, 3, 1, 9, 30)));

        var slots = CampaignSchedule.DueSlots(edit.Campaign!, Utc(2027, 3, 1, 0, 0), Utc(2027, 3, 2, 0, 0), []);

        Assert.Equal([Utc(2027, 3, 1, 11, 15)], slots.Select(s => s.Utc));
    }

    [Fact]
    public void Classify_SlotDueBeforeAnEdit_ComesFromTheOldTimetableAndChannels()
    {
        var running = Spring().Running(Created);
        var edited = CampaignMoves.Edit(
            running,
            running with { PostingTime = new TimeOnly(9, 0), TargetChannelIds = [Wellbeing] },
            new CampaignContext(Utc(2027, 3, 1, 10, 0).AddSeconds(30))).Campaign!;

        var triage = CampaignSchedule.Classify(edited, Utc(2027, 3, 1, 9, 59), Utc(2027, 3, 1, 10, 1), []);
        var tomorrow = CampaignSchedule.DueSlots(edited, Utc(2027, 3, 2, 0, 0), Utc(2027, 3, 3, 0, 0), []);

        var due = Assert.Single(triage.Due);
        Assert.Equal(Utc(2027, 3, 1, 10, 0), due.Utc);
        Assert.Equal([Board], due.TargetChannelIds);
        Assert.Equal(Utc(2027, 3, 2, 9, 0), Assert.Single(tomorrow).Utc);
        Assert.Equal([Wellbeing], tomorrow[0].TargetChannelIds);
    }

    [Fact]
    public void DueSlots_TwoEditsInOneMorning_EachSlotFromTheTimetableInForce()
    {
        var running = Daily("Europe/London", 8, 0, Date(2027, 3, 1), Date(2027, 3, 31));
        var first = CampaignMoves.Edit(running, running with { PostingTime = new TimeOnly(12, 0) }, new CampaignContext(Utc(2027, 3, 1, 8, 30))).Campaign!;
        var second = CampaignMoves.Edit(first, first with { PostingTime = new TimeOnly(7, 0) }, new CampaignContext(Utc(2027, 3, 1, 9, 0))).Campaign!;

        var slots = CampaignSchedule.DueSlots(second, Utc(2027, 3, 1, 0, 0), Utc(2027, 3, 3, 0, 0), []);

        Assert.Equal(2, second.EarlierTimetables.Count);
        Assert.Equal([Utc(2027, 3, 1, 8, 0), Utc(2027, 3, 2, 7, 0)], slots.Select(s => s.Utc));
    }
}
