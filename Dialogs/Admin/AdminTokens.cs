using System.Text;

namespace InfoStoryBot.Dialogs.Admin;

/// <summary>A word of a command, or a quoted phrase. Start and End index the normalised text (End exclusive).</summary>
internal readonly record struct AdminToken(string Text, bool Quoted, bool Unclosed, int Start, int End)
{
    /// <summary>The word compared with keywords: lower case, without a trailing full stop or the like.</summary>
    public string Word => Quoted ? "" : Text.TrimEnd('.', '!', '?', ',', ';', ':').ToLowerInvariant();

    public bool Is(string keyword) => !Quoted && string.Equals(Word, keyword, StringComparison.Ordinal);

    public bool IsAny(IEnumerable<string> keywords)
    {
        var word = Word;
        return !Quoted && keywords.Contains(word, StringComparer.Ordinal);
    }
}

/// <summary>
/// Reads a command word by word, on demand, so free text at the end (a reason, a goal) is taken as typed and an
/// unbalanced quote in it never matters. Double quotes (straight or curly, as phones type them) always quote;
/// single quotes only when they open a word and close one, so apostrophes (it’s, teams’) stay in their words.
/// </summary>
internal sealed class AdminCursor(string text)
{
    private const string DoubleOpeners = "\"“”„‟";
    private const string DoubleClosers = "\"“”‟";
    private const string SingleOpeners = "'‘’‚‛";
    private const string SingleClosers = "'’‘‛";

    public string Text { get; } = text;

    public int Position { get; set; }

    public bool AtEnd => Skip(Position) >= Text.Length;

    public AdminToken? Peek()
    {
        var start = Skip(Position);
        return start >= Text.Length ? null : Read(start);
    }

    public AdminToken? Next()
    {
        var token = Peek();
        if (token is { } t)
        {
            Position = t.End;
        }

        return token;
    }

    /// <summary>The tokens from here to the end, without moving.</summary>
    public List<AdminToken> PeekAll()
    {
        var tokens = new List<AdminToken>();
        var at = Position;
        while (Skip(at) is var start && start < Text.Length)
        {
            var token = Read(start);
            tokens.Add(token);
            at = token.End;
        }

        return tokens;
    }

    /// <summary>
    /// The rest of the line as free text: the inside of one quoted phrase when the rest is exactly that, otherwise
    /// everything as typed (spaces tidied).
    /// </summary>
    public string Rest()
    {
        var start = Skip(Position);
        Position = Text.Length;
        if (start >= Text.Length)
        {
            return "";
        }

        var first = Read(start);
        if (first.Quoted && !first.Unclosed && Skip(first.End) >= Text.Length)
        {
            return first.Text;
        }

        // "it names a “family”": curly quotes nested in straight ones (or the other way round) are the text's own.
        var rest = Text.AsSpan(start).TrimEnd();
        if (rest.Length >= 2 && IsPair(rest[0], rest[^1]) && !rest[1..^1].ContainsAny(rest[0] == '"' ? "\"" : "“”"))
        {
            return Tidy(rest[1..^1]);
        }

        return Tidy(rest);
    }

    /// <summary>One space between words and none around them.</summary>
    public static string Tidy(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static bool IsPair(char open, char close) => (open, close) is ('"', '"') or ('“', '”');

    private int Skip(int at)
    {
        while (at < Text.Length && char.IsWhiteSpace(Text[at]))
        {
            at++;
        }

        return at;
    }

    private AdminToken Read(int start)
    {
        var c = Text[start];
        if (DoubleOpeners.Contains(c))
        {
            var close = Text.AsSpan(start + 1).IndexOfAny(DoubleClosers);
            return close < 0
                ? new AdminToken(Tidy(Text.AsSpan(start + 1)), Quoted: true, Unclosed: true, start, Text.Length)
                : new AdminToken(Tidy(Text.AsSpan(start + 1, close)), Quoted: true, Unclosed: false, start, start + close + 2);
        }

        if (SingleOpeners.Contains(c))
        {
            for (var i = start + 1; i < Text.Length; i++)
            {
                if (SingleClosers.Contains(Text[i]) && (i + 1 == Text.Length || char.IsWhiteSpace(Text[i + 1])))
                {
                    return new AdminToken(Tidy(Text.AsSpan(start + 1, i - start - 1)), Quoted: true, Unclosed: false, start, i + 1);
                }
            }
        }

        var end = start;
        while (end < Text.Length && !char.IsWhiteSpace(Text[end]))
        {
            end++;
        }

        return new AdminToken(Text[start..end], Quoted: false, Unclosed: false, start, end);
    }
}
