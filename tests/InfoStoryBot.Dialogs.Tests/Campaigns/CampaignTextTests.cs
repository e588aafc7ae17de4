using InfoStoryBot.Dialogs.Campaigns;
using static InfoStoryBot.Dialogs.Tests.Campaigns.CampaignSamples;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

public sealed class CampaignTextTests
{
    private static readonly CampaignText Text = CampaignText.EnGb;

    [Fact]
    public void LongDate_DayDateMonthYear()
    {
        Assert.Equal("Sunday 28 March 2027", Text.LongDate(Date(2027, 3, 28)));
        Assert.Equal("Wednesday 1 September 2027", Text.LongDate(Date(2027, 9, 1)));
    }

    [Fact]
    public void ShortDate_AbbreviatedNames()
    {
        Assert.Equal("Wed 1 Sep 2027", Text.ShortDate(Date(2027, 9, 1)));
    }

    [Theory]
    [InlineData(new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }, "weekdays")]
    [InlineData(new[] { DayOfWeek.Sunday, DayOfWeek.Saturday }, "weekends")]
    [InlineData(new[] { DayOfWeek.Friday, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Monday }, "Mon, Wed, Fri")]
    [InlineData(new[] { DayOfWeek.Sunday, DayOfWeek.Monday }, "Mon, Sun")]
    public void Days_NamesTheSet(DayOfWeek[] days, string expected)
    {
        Assert.Equal(expected, Text.Days(days));
    }

    [Fact]
    public void Days_AllSeven_EveryDay()
    {
        Assert.Equal("every day", Text.Days(EveryDay));
    }

    [Fact]
    public void Time_TwentyFourHourClock()
    {
        Assert.Equal("09:05", CampaignText.Time(new TimeOnly(9, 5)));
        Assert.Equal("23:30", CampaignText.Time(new TimeOnly(23, 30)));
    }

    [Fact]
    public void State_EveryState_HasAWord()
    {
        Assert.Equal(["draft", "scheduled", "running", "paused", "ended"], Enum.GetValues<CampaignState>().Select(Text.State));
    }

    [Fact]
    public void SameAs_OrderOfDaysAndChannels_DoesNotMatter()
    {
        var a = Spring() with { TargetChannelIds = [Board, Wellbeing], DaysOfWeek = [DayOfWeek.Monday, DayOfWeek.Friday] };
        var b = a with { TargetChannelIds = [Wellbeing, Board], DaysOfWeek = [DayOfWeek.Friday, DayOfWeek.Monday] };

        Assert.True(a.CurrentTimetable().SameAs(b.CurrentTimetable()));
        Assert.False(a.CurrentTimetable().SameAs((a with { TimeZone = "Asia/Kolkata" }).CurrentTimetable()));
    }
}
