using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Tests.Turns;

public sealed class CommandWordsTests
{
    private static readonly string[] Names = ["help", "?", "my stories", "my story"];

    [Theory]
    [InlineData("help", "")]
    [InlineData("HELP", "")]
    [InlineData("/help", "")]
    [InlineData("help!", "")]
    [InlineData("?", "")]
    [InlineData("  my stories  ", "")]
    [InlineData("my stories page 2", "page 2")]
    [InlineData("my story", "")]
    public void Match_CommandWords_ReturnsTheArguments(string text, string expected)
    {
        Assert.Equal(expected, CommandWords.Match(text, Names));
    }

    [Theory]
    [InlineData("helpful")]
    [InlineData("please help")]
    [InlineData("")]
    [InlineData("my")]
    public void Match_OtherText_IsNoMatch(string text)
    {
        Assert.Null(CommandWords.Match(text, Names));
    }
}
