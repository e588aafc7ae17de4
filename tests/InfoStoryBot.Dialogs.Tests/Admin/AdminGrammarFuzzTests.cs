using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using InfoStoryBot.Dialogs.Admin;
using static InfoStoryBot.Dialogs.Tests.Admin.AdminGrammarTestKit;

namespace InfoStoryBot.Dialogs.Tests.Admin;

/// <summary>
/// The grammar never throws and always answers one of its three results, whatever arrives: random strings, hostile
/// pieces after every command's words, text far past any command's length.
/// </summary>
public sealed class AdminGrammarFuzzTests
{
    private static readonly string[] Topics = [.. AdminCatalogue.Names, "campaign", "stories", "nudge", "experiment", "campaign channels"];

    // Words the grammar listens for, every kind of quote, control and direction characters, numbers at the limits,
    // dates that are not in the calendar, and the odd emoji.
    private static readonly Gen<string> Piece = Gen.Elements(
        "campaign", "new", "list", "show", "edit", "channels", "add", "remove", "start", "pause", "resume", "end", "mute", "unmute",
        "stories", "pending", "approve", "reject", "feature", "admin", "audit", "nudge", "preview", "send-now", "send", "now",
        "experiment", "stop", "keep", "variant", "report", "export", "csv", "as", "help", "/",
        "from", "to", "until", "at", "in", "on", "goal", "target", "name", "none", "every", "day", "working", "and", "&", ",",
        "mon", "Friday", "weekdays", "mon-fri", "mon,,wed", ",fri,", "-", "–",
        "\"", "“", "”", "„", "‘", "’", "'", "\"\"", "“”", "‘’", "\"Spring stories\"", "“Spring", "stories”", "'Spring", "O’Neill", "teams’",
        "\u0000", "\u0007", "\u001b", "\r\n", "\t", "\u202e", "\u202d", "\u2066", "\u2069", "\u200b", "\u200d", "\ufeff", "\u00a0", "\u3000", "\u00ad",
        "0", "1", "-1", "2147483647", "2147483648", "-2147483648", "4294967296", "99999999999999999999", "#3", "#", "00", "01",
        "2027-02-30", "2027-13-01", "0000-00-00", "9999-12-31", "10000-01-01", "2027-3-1", "0 March", "31 April", "29 Feb", "30 February 2027",
        "1st", "of", "March", "Sept", "2027", "20270", "31/04/2027", "today", "tomorrow",
        "10:00", "9:30", "09:30", "24:00", "23:60", "9.30am", "12pm", "13pm", "pm", "noon",
        "Europe/London", "Asia/Kolkata", "Etc/GMT+5", "Europe\\London", "/London", "a//b",
        "spring-stories", "0192f3a4b5c6-1a2b3c4d", "0192F3A4B5C6-1A2B3C4", "weekly-norm", "pledge", "exp-1",
        "😀", "👩‍👧", "日本", "مرحبا", "\u0301", "\ud800", "\udfff", "x");

    private static readonly Gen<string> Hostile =
        from prefix in Gen.Elements([.. AdminCatalogue.Names, "campaign channels spring-stories", "campaign edit spring-stories", "campaign new", "", "/", "help"])
        from count in Gen.Choose(0, 40)
        from pieces in Gen.ArrayOf(Piece, count)
        from joiner in Gen.Elements(" ", "", "  ", "\n")
        select prefix + " " + string.Join(joiner, pieces);

    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(3000);

    /// <summary>One of the three results, and a usage message that says something and belongs to a command or family.</summary>
    private static bool WellFormed(AdminParse parse) => parse switch
    {
        AdminParse.Parsed p => p.Command is not null && AdminCatalogue.Names.Contains(p.Command.CommandName) && AdminCommandText.Render(p.Command).Length > 0,
        AdminParse.Usage u => u.Message.Length > 0 && !u.Message.Contains("{0}", StringComparison.Ordinal) && Topics.Contains(u.CommandName),
        AdminParse.NotAdmin => true,
        _ => false,
    };

    [Fact]
    public void Parse_RandomStrings_NeverThrow() =>
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text => WellFormed(AdminGrammar.Parse(text, EnGb, Today))).Check(Many);

    [Fact]
    public void Parse_RandomStringsAfterEachCommandsWords_NeverThrow()
    {
        var input =
            from name in Gen.Elements(Topics)
            from rest in ArbMap.Default.GeneratorFor<string>()
            select name + " " + rest;

        Prop.ForAll(input.ToArbitrary(), text => WellFormed(AdminGrammar.Parse(text, EnGb))).Check(Many);
    }

    [Fact]
    public void Parse_HostilePieces_NeverThrowAndStayQuick() =>
        Prop.ForAll(Hostile.ToArbitrary(), text =>
        {
            var watch = Stopwatch.StartNew();
            var parse = AdminGrammar.Parse(text, EnGb, Today);
            return WellFormed(parse) && watch.Elapsed < TimeSpan.FromSeconds(1);
        }).Check(Many);

    [Fact]
    public void Parse_ParsedHostileInput_WritesBackToTheSameCommand() =>
        Prop.ForAll(Hostile.ToArbitrary(), text =>
        {
            if (AdminGrammar.Parse(text, EnGb, Today) is not AdminParse.Parsed parsed)
            {
                return true;
            }

            // A name holding double quotes cannot always be quoted back (the renderer says so); everything else can.
            if (parsed.Command.ToString().AsSpan().ContainsAny("\"“”„‟"))
            {
                return true;
            }

            var rendered = AdminCommandText.Render(parsed.Command);
            var again = AdminGrammar.Parse(rendered, EnGb, Today);
            return again is AdminParse.Parsed second && second.Command == parsed.Command
                ? true
                : throw new InvalidOperationException($"'{text}' read as {parsed.Command}, written back as '{rendered}', read again as {again}");
        }).Check(Many);

    [Fact]
    public void Parse_LongHostileTextUpToTheLimit_StaysQuick()
    {
        var text =
            from prefix in Gen.Elements("campaign new ", "campaign edit spring-stories ", "experiment new spring-stories pledge ", "stories reject 1 ", "campaign channels ")
            from count in Gen.Choose(200, 1200)
            from pieces in Gen.ArrayOf(Piece, count)
            select (prefix + string.Join(' ', pieces))[..Math.Min(AdminGrammar.MaxLength, prefix.Length + (count * 4))];

        Prop.ForAll(text.ToArbitrary(), t =>
        {
            var watch = Stopwatch.StartNew();
            var parse = AdminGrammar.Parse(t, EnGb, Today);
            return WellFormed(parse) && watch.Elapsed < TimeSpan.FromSeconds(1);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
    }

    [Theory]
    [InlineData("campaign new ")]
    [InlineData("stories reject 1 ")]
    [InlineData("hello ")]
    [InlineData("")]
    public void Parse_AHundredThousandCharacters_AnswersAtOnce(string prefix)
    {
        var text = prefix + string.Concat(Enumerable.Repeat("“Spring ‘stories’ from 2027-02-30 ", 3_000));
        var watch = Stopwatch.StartNew();

        var parse = AdminGrammar.Parse(text, EnGb);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
        Assert.True(WellFormed(parse));
        Assert.Equal(prefix.Trim() is "campaign new" or "stories reject 1", parse is AdminParse.Usage);
    }

    [Fact]
    public void Parse_InvisibleCharactersInCommandWords_AreIgnored()
    {
        Assert.Equal(new AdminParse.Parsed(new CampaignList()), AdminGrammar.Parse("\u200bcampaign\u200e list\u202c", EnGb));
        Assert.Equal(new AdminParse.Parsed(new Audit(50)), AdminGrammar.Parse("\u2066audit\u2069\u00a050", EnGb));
        Assert.Equal(new AdminParse.Parsed(new ChannelsMute(new ChannelRef.ByNumber(3))), AdminGrammar.Parse("channels\tmute\r\n3", EnGb));
    }

    [Fact]
    public void Parse_LoneSurrogatesAndEmoji_InNamesAreKept() =>
        Assert.Equal("Spring 😀 \ud800", Assert.IsType<CampaignNew>(Assert.IsType<AdminParse.Parsed>(
            AdminGrammar.Parse("campaign new “Spring 😀 \ud800” from 2027-03-01 to 2027-03-31", EnGb)).Command).Name);
}
