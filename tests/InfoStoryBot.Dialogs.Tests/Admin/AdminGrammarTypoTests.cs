using System.Globalization;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Dialogs.Tests.Admin;

public sealed class AdminGrammarTypoTests
{
    [Theory]
    [InlineData("channels list0")]
    [InlineData("channels lisst")]
    public void Parse_TypoOfASubcommandThatIsTheFamilysOwnCommand_SaysDidYouMeanWithoutThrowing(string text)
    {
        var usage = Assert.IsType<AdminParse.Usage>(AdminGrammar.Parse(text, CultureInfo.GetCultureInfo("en-GB")));

        Assert.Equal("channels", usage.CommandName);
        Assert.Contains("list", usage.Message, StringComparison.Ordinal);
    }
}
