using System.Globalization;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Dialogs.Tests.Admin;

/// <summary>Reading a line the way the bot will, and saying plainly what came back when it was not what a test expected.</summary>
internal static class AdminGrammarTestKit
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static readonly DateOnly Today = new(2027, 1, 15);

    public static AdminCommand Command(string text, DateOnly? today = null)
    {
        var parse = AdminGrammar.Parse(text, EnGb, today);
        return parse is AdminParse.Parsed parsed
            ? parsed.Command
            : throw new Xunit.Sdk.XunitException($"'{text}' did not parse: {parse}");
    }

    public static T Command<T>(string text, DateOnly? today = null)
        where T : AdminCommand =>
        Assert.IsType<T>(Command(text, today));

    public static AdminParse.Usage Usage(string text, DateOnly? today = null)
    {
        var parse = AdminGrammar.Parse(text, EnGb, today);
        return parse as AdminParse.Usage ?? throw new Xunit.Sdk.XunitException($"'{text}' gave no usage message: {parse}");
    }
}
