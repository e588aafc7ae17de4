using InfoStoryBot.Dialogs.Campaigns;
using static InfoStoryBot.Dialogs.Tests.Campaigns.CampaignSamples;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

public sealed class CampaignCalendarTests
{
    [Fact]
    public void ThisWeek_London_IsMondayToSundayLocal()
    {
        var week = CampaignCalendar.ThisWeek(Spring(), Utc(2027, 3, 31, 12, 0));

        Assert.Equal(Date(2027, 3, 29), week.Monday);
        Assert.Equal(Date(2027, 4, 4), week.Sunday);
        Assert.Equal(Utc(2027, 3, 28, 23, 0), week.StartUtc);
        Assert.Equal(Utc(2027, 4, 4, 23, 0), week.EndUtc);
    }

    [Theory]
    [InlineData("Europe/London", 2027, 3, 25, 167)]
    [InlineData("Europe/London", 2027, 10, 27, 169)]
    [InlineData("America/New_York", 2027, 3, 10, 167)]
    [InlineData("America/New_York", 2027, 11, 3, 169)]
    [InlineData("Australia/Sydney", 2027, 4, 1, 169)]
    [InlineData("Australia/Sydney", 2027, 9, 29, 167)]
    [InlineData("Asia/Kolkata", 2027, 3, 25, 168)]
    public void ThisWeek_WeekWithAClockChange_IsAnHourShorterOrLonger(string zone, int year, int month, int day, int hours)
    {
        var week = CampaignCalendar.ThisWeek(zone, new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal(TimeSpan.FromHours(hours), week.EndUtc - week.StartUtc);
        Assert.Equal(DayOfWeek.Monday, week.Monday.DayOfWeek);
    }

    [Fact]
    public void ThisWeek_SundayNightLocal_IsStillThatWeekUntilLocalMidnight()
    {
        Assert.Equal(Date(2027, 3, 29), CampaignCalendar.ThisWeek("Europe/London", Utc(2027, 4, 4, 22, 59)).Monday);
        Assert.Equal(Date(2027, 4, 5), CampaignCalendar.ThisWeek("Europe/London", Utc(2027, 4, 4, 23, 0)).Monday);
    }

    [Fact]
    public void ThisWeek_Kolkata_TurnsAtHalfPastSixUtcOnSunday()
    {
        Assert.Equal(Date(2027, 3, 1), CampaignCalendar.ThisWeek("Asia/Kolkata", Utc(2027, 3, 7, 18, 29)).Monday);
        var next = CampaignCalendar.ThisWeek("Asia/Kolkata", Utc(2027, 3, 7, 18, 30));
        Assert.Equal(Date(2027, 3, 8), next.Monday);
        Assert.Equal(Utc(2027, 3, 7, 18, 30), next.StartUtc);
    }

    [Fact]
    public void ThisWeek_Sydney_StartsOnTheUtcSunday()
    {
        var week = CampaignCalendar.ThisWeek("Australia/Sydney", Utc(2027, 3, 31, 0, 0));

        Assert.Equal(Date(2027, 3, 29), week.Monday);
        Assert.Equal(Utc(2027, 3, 28, 13, 0), week.StartUtc);
        Assert.Equal(Utc(2027, 4, 4, 14, 0), week.EndUtc);
    }

    [Fact]
    public void WeekOf_ADate_IsItsMondayToSunday()
    {
        var week = CampaignCalendar.WeekOf("Europe/London", Date(2027, 3, 28));

        Assert.Equal(Date(2027, 3, 22), week.Monday);
        Assert.Equal(Utc(2027, 3, 22, 0, 0), week.StartUtc);
    }

    [Fact]
    public void Contains_StartIncludedEndExcluded()
    {
        var week = CampaignCalendar.ThisWeek(Spring(), Utc(2027, 3, 31, 12, 0));

        Assert.True(week.Contains(week.StartUtc));
        Assert.True(week.Contains(week.EndUtc.AddTicks(-1)));
        Assert.False(week.Contains(week.EndUtc));
        Assert.False(week.Contains(week.StartUtc.AddTicks(-1)));
    }

    [Fact]
    public void LastWeeks_Three_OldestFirstContiguousEndingWithThisWeek()
    {
        var now = Utc(2027, 3, 31, 12, 0);

        var weeks = CampaignCalendar.LastWeeks(Spring(), now, 3);

        Assert.Equal([Date(2027, 3, 15), Date(2027, 3, 22), Date(2027, 3, 29)], weeks.Select(w => w.Monday));
        Assert.Equal(weeks[0].EndUtc, weeks[1].StartUtc);
        Assert.Equal(weeks[1].EndUtc, weeks[2].StartUtc);
        Assert.True(weeks[^1].Contains(now));
        Assert.Equal(Utc(2027, 3, 28, 23, 0), weeks[1].EndUtc);
    }

    [Fact]
    public void LastWeeks_None_Empty()
    {
        Assert.Empty(CampaignCalendar.LastWeeks(Spring(), Utc(2027, 3, 31, 12, 0), 0));
    }

    [Fact]
    public void Today_IsTheLocalDateInTheZone()
    {
        Assert.Equal(Date(2027, 3, 2), CampaignCalendar.Today("Australia/Sydney", Utc(2027, 3, 1, 14, 0)));
        Assert.Equal(Date(2027, 3, 1), CampaignCalendar.Today("Australia/Sydney", Utc(2027, 3, 1, 12, 59)));
        Assert.Equal(Date(2027, 2, 28), CampaignCalendar.Today("America/New_York", Utc(2027, 3, 1, 4, 59)));
    }

    [Fact]
    public void DayNumber_StartIsDayOne()
    {
        var spring = Spring();

        Assert.Equal(31, CampaignCalendar.Length(spring));
        Assert.Equal(1, CampaignCalendar.DayNumber(spring, Date(2027, 3, 1)));
        Assert.Equal(31, CampaignCalendar.DayNumber(spring, Date(2027, 3, 31)));
        Assert.Equal(0, CampaignCalendar.DayNumber(spring, Date(2027, 2, 28)));
        Assert.Equal(2, CampaignCalendar.DayNumberAt(spring, Utc(2027, 3, 2, 0, 30)));
    }

    [Theory]
    [InlineData(2027, 3, 1, 2027, 3, 31, 2027, 3, 16)]
    [InlineData(2027, 9, 1, 2027, 9, 30, 2027, 9, 15)]
    [InlineData(2027, 1, 10, 2027, 2, 10, 2027, 1, 25)]
    [InlineData(2027, 3, 1, 2027, 3, 1, 2027, 3, 1)]
    [InlineData(2027, 3, 1, 2027, 3, 2, 2027, 3, 1)]
    public void HalfwayDate_IsTheDayHalfTheCampaignHasGone(int sy, int sm, int sd, int ey, int em, int ed, int hy, int hm, int hd)
    {
        var campaign = Spring() with { StartDate = new DateOnly(sy, sm, sd), EndDate = new DateOnly(ey, em, ed) };

        Assert.Equal(new DateOnly(hy, hm, hd), CampaignCalendar.HalfwayDate(campaign));
    }

    [Fact]
    public void LastDays_AreTheFinalCalendarDays()
    {
        var spring = Spring();

        Assert.Equal([Date(2027, 3, 29), Date(2027, 3, 30), Date(2027, 3, 31)], CampaignCalendar.LastThreeDays(spring));
        Assert.Equal(Date(2027, 3, 31), CampaignCalendar.LastDay(spring));
        Assert.Equal(2, CampaignCalendar.DaysLeft(spring, Date(2027, 3, 29)));
        Assert.Equal(0, CampaignCalendar.DaysLeft(spring, Date(2027, 3, 31)));
        Assert.Equal([Date(2027, 3, 1), Date(2027, 3, 2)], CampaignCalendar.LastThreeDays(spring with { EndDate = Date(2027, 3, 2) }));
    }

    [Fact]
    public void IsWithinDates_BothEndsIncluded()
    {
        Assert.True(CampaignCalendar.IsWithinDates(Spring(), Date(2027, 3, 1)));
        Assert.True(CampaignCalendar.IsWithinDates(Spring(), Date(2027, 3, 31)));
        Assert.False(CampaignCalendar.IsWithinDates(Spring(), Date(2027, 4, 1)));
    }

    [Fact]
    public void StartAndEndUtc_AreLocalMidnights()
    {
        Assert.Equal(Utc(2027, 3, 1, 0, 0), CampaignCalendar.StartUtc(Spring()));
        Assert.Equal(Utc(2027, 3, 31, 23, 0), CampaignCalendar.EndUtc(Spring()));
    }

    [Fact]
    public void ThisWeek_UnknownZone_ThrowsWithTheZone()
    {
        var error = Assert.Throws<ArgumentException>(() => CampaignCalendar.ThisWeek("Mars/Olympus", Utc(2027, 3, 1, 0, 0)));

        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
    }
}
