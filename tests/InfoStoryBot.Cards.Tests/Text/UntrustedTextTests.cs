using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using InfoStoryBot.Cards.Text;

namespace InfoStoryBot.Cards.Tests.Text;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("[click](https://evil.example)")]
    [InlineData("![img](https://evil.example/i.png)")]
    [InlineData("**bold** and _italic_")]
    [InlineData("<at>Everyone</at>")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("- a list\n+ another\n* third\n1. numbered\n# heading")]
    [InlineData("`code` ~~strike~~ &amp; | table |")]
    public void Markdown_HostileText_EscapesEveryConstruct(string hostile)
    {
        var escaped = UntrustedText.Markdown(hostile, 1000);

        Assert.False(HasUnescaped(escaped, "[]()*_<>`~&!"), escaped);
        foreach (var line in escaped.Split('\n'))
        {
            Assert.DoesNotMatch(new Regex(@"^\s*([-+*#]|\d+[.)])\s"), line);
        }
    }

    [Fact]
    public void Markdown_NumberedLineStart_EscapesTheDotOnly()
    {
        Assert.Equal("12\\. March was a good day", UntrustedText.Markdown("12. March was a good day", 100));
        Assert.Equal("We met 12. March", UntrustedText.Markdown("We met 12. March", 100));
    }

    [Fact]
    public void Plain_MentionHtmlAndDateFunctions_AreDefused()
    {
        var plain = UntrustedText.Plain("<at>Everyone</at> <b>hi</b> {{DATE(2017-02-14T06:08:39Z, SHORT)}}", 1000);

        Assert.DoesNotContain("<at", plain, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("</", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("<b", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", plain, StringComparison.Ordinal);
        // Defused, not deleted: the reader still sees what was typed.
        Assert.Equal("<at>Everyone</at> <b>hi</b> {{DATE(2017-02-14T06:08:39Z, SHORT)}}", plain.Replace("\u2060", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_ControlAndBidiCharacters_AreDropped()
    {
        Assert.Equal("abcgnp.exe", UntrustedText.Plain("a\u0000b\u0007c\u202Egnp.exe\u200F", 100));
        Assert.Equal("line one\nline two", UntrustedText.Plain("line one\r\nline two", 100));
    }

    [Fact]
    public void Truncate_LongText_CutsAtAWordWithAnEllipsis()
    {
        var text = "The school shared a concern with children's services straight away";

        var cut = UntrustedText.Truncate(text, 40);

        Assert.True(cut.Length <= 40);
        Assert.EndsWith("…", cut, StringComparison.Ordinal);
        Assert.Equal("The school shared a concern with…", cut);
    }

    [Fact]
    public void Truncate_NeverSplitsASurrogatePair()
    {
        var text = new string('a', 8) + "😀😀😀😀";

        var cut = UntrustedText.Truncate(text, 10);

        Assert.False(char.IsHighSurrogate(cut[^2]) && !char.IsLowSurrogate(cut[^1]));
        Assert.Equal(cut.Length, cut.EnumerateRunes().Sum(r => r.Utf16SequenceLength));
    }

    [Fact]
    public void Markdown_AnyText_LeavesNoUnescapedLinkEmphasisOrMention()
    {
        Prop.ForAll(HostileStrings(), (string text) =>
        {
            var escaped = UntrustedText.Markdown(text, 500);
            return !HasUnescaped(escaped, "[]()*_<>`~")
                && !escaped.Contains("<at", StringComparison.OrdinalIgnoreCase)
                && escaped.Length <= 2 * 500 + 64;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Plain_AnyText_HasNoMentionTagNoDateFunctionAndRespectsTheLimit()
    {
        Prop.ForAll(HostileStrings(), Gen.Choose(1, 300).ToArbitrary(), (string text, int limit) =>
        {
            var plain = UntrustedText.Plain(text, limit);
            var visible = plain.Replace("\u2060", "", StringComparison.Ordinal);
            return !plain.Contains("<at", StringComparison.OrdinalIgnoreCase)
                && !plain.Contains("{{", StringComparison.Ordinal)
                && !Regex.IsMatch(plain, "<[A-Za-z/!?]")
                && visible.Length <= limit
                && !plain.Any(c => char.IsControl(c) && c is not '\n' and not '\t');
        }).QuickCheckThrowOnFailure();
    }

    // Strings drawn mostly from the characters that matter, so the property meets them often.
    private static Arbitrary<string> HostileStrings()
    {
        var pieces = Gen.Elements("[", "]", "(", ")", "*", "_", "<", ">", "at>", "<at>", "</at>", "{{", "}}", "{", "\\", "`", "~", "#", "-", "+", "1.", "\n", " ", "a", "é", "😀", "\u202E", "\u0000", "&", "!", "http://x.y", "<script>");
        return Gen.ListOf(pieces).Select(p => string.Concat(p)).ToArbitrary();
    }

    private static bool HasUnescaped(string text, string specials)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (!specials.Contains(text[i], StringComparison.Ordinal))
            {
                continue;
            }

            var backslashes = 0;
            for (var j = i - 1; j >= 0 && text[j] == '\\'; j--)
            {
                backslashes++;
            }

            if (backslashes % 2 == 0)
            {
                return true;
            }
        }

        return false;
    }
}
