using System.Globalization;
using System.Text;
using InfoStoryBot.Cards.Model;

namespace InfoStoryBot.Cards.Text;

/// <summary>
/// The one way text from users (stories, names, titles, partner names) reaches a card.
/// Builders show it as a <see cref="TextRun"/> inside a <see cref="RichTextBlock"/>: renderers do not
/// interpret markdown in a TextRun (schema: "Markdown is not supported"), so links, images, emphasis and
/// lists cannot be injected there. <see cref="Plain"/> still neutralises what a TextRun does interpret,
/// the <c>{{DATE()}}</c>/<c>{{TIME()}}</c> functions, and Teams' <c>&lt;at&gt;</c> mention tags, and drops
/// control and bidi-override characters. Where text must sit in a markdown field (a fact's value),
/// <see cref="Markdown"/> also backslash-escapes every markdown construct the Adaptive Cards subset knows.
/// </summary>
public static class UntrustedText
{
    public const string Ellipsis = "…";

    // U+2060 WORD JOINER: invisible, but it breaks a token the renderer would otherwise act on.
    private const char Joiner = '\u2060';

    public static TextRun Run(string? text, int maxChars) => new(Plain(text, maxChars));

    public static RichTextBlock Block(string? text, int maxChars) => new([Run(text, maxChars)]);

    /// <summary>Safe text for a TextRun, an input's value, a choice title or a button title.</summary>
    public static string Plain(string? text, int maxChars)
    {
        var cleaned = Clean(text ?? "");
        var truncated = Truncate(cleaned, maxChars);
        return Defuse(truncated);
    }

    /// <summary>Safe text for a markdown field (TextBlock, Fact): shows exactly what the user typed.</summary>
    public static string Markdown(string? text, int maxChars)
    {
        var plain = Plain(text, maxChars);
        var sb = new StringBuilder(plain.Length + 16);
        var atLineStart = true;
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (c == '\n')
            {
                sb.Append(c);
                atLineStart = true;
                continue;
            }

            if (atLineStart && c is ' ' or '\t')
            {
                sb.Append(c);
                continue;
            }

            if (atLineStart && char.IsAsciiDigit(c))
            {
                // "12. " would start a numbered list: escape the dot after a leading number.
                var j = i;
                while (j < plain.Length && char.IsAsciiDigit(plain[j]))
                {
                    j++;
                }

                sb.Append(plain, i, j - i);
                if (j < plain.Length && plain[j] is '.' or ')')
                {
                    sb.Append('\\').Append(plain[j]);
                    j++;
                }

                i = j - 1;
                atLineStart = false;
                continue;
            }

            if (IsAlwaysEscaped(c) || (atLineStart && c is '-' or '+' or '#' or '='))
            {
                sb.Append('\\');
            }

            sb.Append(c);
            atLineStart = false;
        }

        return sb.ToString();
    }

    /// <summary>Cuts text to at most <paramref name="maxChars"/> characters, at a word if one is near, with an ellipsis.</summary>
    public static string Truncate(string text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 1);
        if (text.Length <= maxChars)
        {
            return text;
        }

        var cut = maxChars - Ellipsis.Length;
        if (cut > 0 && char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        var space = text.LastIndexOfAny([' ', '\n', '\t'], Math.Max(cut - 1, 0));
        if (space > cut * 4 / 5)
        {
            cut = space;
        }

        return text[..cut].TrimEnd() + Ellipsis;
    }

    private static bool IsAlwaysEscaped(char c) =>
        c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '<' or '>' or '&' or '`' or '~' or '|' or '!' or '{' or '}';

    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n'))
        {
            var category = char.GetUnicodeCategory(c);
            if (c == '\n' || c == '\t')
            {
                sb.Append(c);
            }
            else if (category == UnicodeCategory.Control || IsBidiControl(c))
            {
                // Dropped: invisible controls and direction overrides only serve to disguise text.
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Trim();
    }

    private static bool IsBidiControl(char c) =>
        c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' or '\u200E' or '\u200F' or '\u061C';

    private static string Defuse(string text)
    {
        if (text.IndexOfAny(['{', '<']) < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            sb.Append(c);
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if ((c == '{' && next == '{') || (c == '<' && (char.IsAsciiLetter(next) || next is '/' or '!' or '?')))
            {
                sb.Append(Joiner);
            }
        }

        return sb.ToString();
    }
}
