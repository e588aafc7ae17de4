using InfoStoryBot.Dialogs.Nudges;
using static InfoStoryBot.Dialogs.Tests.Nudges.NudgeTestData;

namespace InfoStoryBot.Dialogs.Tests.Nudges;

public sealed class PledgeReminderTimesTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void For_TuesdayMorningInLondon_TomorrowThursdayAndFriday()
    {
        // Tuesday 17 November 2026, 10:30 GMT.
        var options = PledgeReminderTimes.For(Utc(2026, 11, 17, 10, 30), "Europe/London", EnGb);

        Assert.True(options.ZoneRecognised);
        Assert.Equal(["Tomorrow 9:00", "Thursday 14:00", "Friday 9:00"], options.Choices.Select(c => c.Label));
        Assert.Equal([Utc(2026, 11, 18, 9), Utc(2026, 11, 19, 14), Utc(2026, 11, 20, 9)], options.Choices.Select(c => c.At));
        Assert.Equal("2026-11-18T09:00:00Z", options.Choices[0].Value);
    }

    [Fact]
    public void For_FridayBeforeTheClocksGoForwardInLondon_MondayNineIsBritishSummerTime()
    {
        // Friday 27 March 2026, 16:00 GMT; the clocks go forward at 01:00 GMT on Sunday 29 March.
        var options = PledgeReminderTimes.For(Utc(2026, 3, 27, 16), "Europe/London", EnGb);

        Assert.Equal(["Monday 9:00", "Tuesday 14:00", "Wednesday 9:00"], options.Choices.Select(c => c.Label));
        Assert.Equal([Utc(2026, 3, 30, 8), Utc(2026, 3, 31, 13), Utc(2026, 4, 1, 8)], options.Choices.Select(c => c.At));
    }

    [Fact]
    public void For_FridayBeforeTheClocksGoBackInLondon_MondayNineIsGreenwichMeanTime()
    {
        // Friday 23 October 2026, 15:00 BST (14:00 UTC); the clocks go back on Sunday 25 October.
        var options = PledgeReminderTimes.For(Utc(2026, 10, 23, 14), "Europe/London", EnGb);

        Assert.Equal([Utc(2026, 10, 26, 9), Utc(2026, 10, 27, 14), Utc(2026, 10, 28, 9)], options.Choices.Select(c => c.At));
    }

    [Fact]
    public void For_AcrossTheSpringChangeInNewYork_WallClockTimesAreKept()
    {
        // Friday 6 March 2026, 12:00 EST (17:00 UTC); DST starts on Sunday 8 March.
        var options = PledgeReminderTimes.For(Utc(2026, 3, 6, 17), "America/New_York", EnGb);

        Assert.Equal(["Monday 9:00", "Tuesday 14:00", "Wednesday 9:00"], options.Choices.Select(c => c.Label));
        Assert.Equal([Utc(2026, 3, 9, 13), Utc(2026, 3, 10, 18), Utc(2026, 3, 11, 13)], options.Choices.Select(c => c.At));
    }

    [Fact]
    public void For_AcrossTheAutumnChangeInSydney_WallClockTimesAreKept()
    {
        // Friday 3 April 2026, 10:00 AEDT (23:00 UTC on the 2nd); DST ends on Sunday 5 April.
        var options = PledgeReminderTimes.For(Utc(2026, 4, 2, 23), "Australia/Sydney", EnGb);

        Assert.Equal([Utc(2026, 4, 5, 23), Utc(2026, 4, 7, 4), Utc(2026, 4, 7, 23)], options.Choices.Select(c => c.At));
        Assert.Equal(["Monday 9:00", "Tuesday 14:00", "Wednesday 9:00"], options.Choices.Select(c => c.Label));
    }

    [Fact]
    public void For_NowIsLateEveningUtcButAlreadyTomorrowInKolkata_DaysAreTheLocalOnes()
    {
        // 20:00 UTC on Monday 16 November is 01:30 on Tuesday 17 November in Kolkata (UTC+5:30).
        var options = PledgeReminderTimes.For(Utc(2026, 11, 16, 20), "Asia/Kolkata", EnGb);

        Assert.Equal(["Tomorrow 9:00", "Thursday 14:00", "Friday 9:00"], options.Choices.Select(c => c.Label));
        Assert.Equal(Utc(2026, 11, 18, 3, 30), options.Choices[0].At);
    }

    [Fact]
    public void For_NonWorkingDatesAndCampaignEnd_AreSkippedAndRespected()
    {
        // Wednesday 23 December 2026; Christmas and Boxing Day bank holidays (the 28th is the substitute day).
        DateOnly[] holidays = [new(2026, 12, 25), new(2026, 12, 28)];
        var options = PledgeReminderTimes.For(Utc(2026, 12, 23, 12), "Europe/London", EnGb, holidays, lastDate: new DateOnly(2026, 12, 29));

        Assert.Equal(["Tomorrow 9:00", "Tuesday 14:00"], options.Choices.Select(c => c.Label));
    }

    [Fact]
    public void For_WindowsZoneId_IsUnderstood_AndAnUnknownZoneFallsBackToUtc()
    {
        var windows = PledgeReminderTimes.For(Utc(2026, 11, 17, 10), "GMT Standard Time", EnGb);
        var unknown = PledgeReminderTimes.For(Utc(2026, 11, 17, 10), "Mars/Olympus_Mons", EnGb);

        Assert.True(windows.ZoneRecognised);
        Assert.Equal("Europe/London", windows.ZoneId);
        Assert.False(unknown.ZoneRecognised);
        Assert.Equal("UTC", unknown.ZoneId);
        Assert.Equal(Utc(2026, 11, 18, 9), unknown.Choices[0].At);
    }

    [Fact]
    public void TryParse_OfferedValue_RoundTrips()
    {
        var now = Utc(2026, 11, 17, 10);
        var offered = PledgeReminderTimes.For(now, "Europe/London", EnGb).Choices[1];

        Assert.True(PledgeReminderTimes.TryParse(offered.Value, now, out var at));
        Assert.Equal(offered.At, at);
        Assert.Equal("Thursday 14:00", PledgeReminderTimes.Describe(at, now, "Europe/London", EnGb));
    }

    [Theory]
    [InlineData("2026-11-17T09:00:00Z")]
    [InlineData("2027-11-18T09:00:00Z")]
    [InlineData("tomorrow")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("2026-11-18T09:00:00+01:00")]
    public void TryParse_PastFarOrMalformed_IsRefused(string? value)
    {
        Assert.False(PledgeReminderTimes.TryParse(value, Utc(2026, 11, 17, 10), out _));
    }
}
