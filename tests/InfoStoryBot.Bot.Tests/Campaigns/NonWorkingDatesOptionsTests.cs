using System.ComponentModel.DataAnnotations;
using InfoStoryBot.Bot.Campaigns;

namespace InfoStoryBot.Bot.Tests.Campaigns;

public sealed class NonWorkingDatesOptionsTests
{
    [Fact]
    public void Validate_DatesWrittenYearMonthDay_AreFineAndParsed()
    {
        var options = new NonWorkingDatesOptions { NonWorkingDates = { "2027-12-25", " 2027-12-28 " } };

        Assert.Empty(options.Validate(new ValidationContext(options)));
        Assert.Equal([new DateOnly(2027, 12, 25), new DateOnly(2027, 12, 28)], options.Parsed().Order());
    }

    [Theory]
    [InlineData("25/12/2027")]
    [InlineData("2027-02-30")]
    [InlineData("Christmas")]
    [InlineData("")]
    public void Validate_AnythingElse_SaysWhichSettingAndHowToWriteIt(string value)
    {
        var options = new NonWorkingDatesOptions { NonWorkingDates = { "2027-12-25", value } };

        var problem = Assert.Single(options.Validate(new ValidationContext(options)));

        Assert.Contains($"Nudges:NonWorkingDates holds '{value}'", problem.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("yyyy-MM-dd", problem.ErrorMessage, StringComparison.Ordinal);
    }
}
