using System.Text.RegularExpressions;

namespace InfoStoryBot.Dialogs.Engine;

/// <summary>One answer a choice prompt offers: its value, the value on the wire, and its resource names.</summary>
public sealed record PromptOption<T>(T Value, string Wire, string LabelKey)
{
    public string WordsKey => "Words_" + LabelKey;
}

/// <summary>The outcome of reading a choice answer: the chosen values, or why none could be read.</summary>
public sealed record ChoiceParse<T>(IReadOnlyList<T> Values, string? Error);

/// <summary>
/// Reads a choice or multi-choice answer typed in plain words ("1, 3", "culture and technology", "IG", "all of them") or
/// sent by a card (comma-separated wire values).
/// </summary>
public static partial class ChoiceParser
{
    public static ChoiceParse<T> FromWire<T>(string? wire, IReadOnlyList<PromptOption<T>> options, bool multi, DialogText text)
    {
        var parts = (wire ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var values = new List<T>();
        foreach (var part in parts)
        {
            var option = options.FirstOrDefault(o => o.Wire == part);
            if (option is null)
            {
                return new([], text["Invalid_Choice"]);
            }

            if (!values.Contains(option.Value))
            {
                values.Add(option.Value);
            }
        }

        return Check(values, multi, text);
    }

    public static ChoiceParse<T> FromText<T>(string typed, IReadOnlyList<PromptOption<T>> options, bool multi, DialogText text, bool allowNone = false)
    {
        var normalised = text.Normalise(typed);
        if (normalised.Length == 0)
        {
            return new([], text["Invalid_Choice"]);
        }

        if (multi && text.IsOneOf(normalised, "Words_All"))
        {
            return new(options.Select(o => o.Value).ToList(), null);
        }

        if (allowNone && text.IsOneOf(normalised, "Words_None"))
        {
            return new([], null);
        }

        // The whole answer being one option's label or wire value settles it, even if it contains another's words.
        var exact = options.FirstOrDefault(o => text.Normalise(text[o.LabelKey]) == normalised || o.Wire.Equals(normalised, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return new([exact.Value], null);
        }

        var chosen = new List<(int At, T Value)>();
        var taken = new List<(int Start, int End)>();
        foreach (Match number in Numbers().Matches(normalised))
        {
            if (!int.TryParse(number.Value, out var n) || n < 1 || n > options.Count)
            {
                return new([], text.Format("Invalid_NoSuchOption", number.Value, options.Count));
            }

            chosen.Add((number.Index, options[n - 1].Value));
            taken.Add((number.Index, number.Index + number.Length));
        }

        // Longest phrases first, so "without my name" wins over "my name".
        var phrases = options
            .SelectMany(o => text.Words(o.WordsKey).Append(text[o.LabelKey]).Select(w => (Phrase: text.Normalise(w), o.Value)))
            .Where(p => p.Phrase.Length > 0)
            .OrderByDescending(p => p.Phrase.Length);
        foreach (var (phrase, value) in phrases)
        {
            foreach (Match m in Regex.Matches(normalised, @"(?<![\p{L}\p{N}])" + Regex.Escape(phrase) + @"(?![\p{L}\p{N}])", RegexOptions.None, TimeSpan.FromMilliseconds(200)))
            {
                if (taken.Exists(t => m.Index < t.End && t.Start < m.Index + m.Length))
                {
                    continue;
                }

                taken.Add((m.Index, m.Index + m.Length));
                chosen.Add((m.Index, value));
            }
        }

        var values = chosen.OrderBy(c => c.At).Select(c => c.Value).Distinct().ToList();
        return Check(values, multi, text);
    }

    private static ChoiceParse<T> Check<T>(List<T> values, bool multi, DialogText text)
    {
        if (values.Count == 0)
        {
            return new([], text["Invalid_Choice"]);
        }

        if (!multi && values.Count > 1)
        {
            return new([], text["Invalid_OnlyOne"]);
        }

        return new(values, null);
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}])\d{1,3}(?![\p{L}\p{N}])")]
    private static partial Regex Numbers();
}

/// <summary>Reads a yes or no typed in plain words.</summary>
public static class ConfirmParser
{
    public static bool? Read(string? typed, DialogText text) =>
        text.IsOneOf(typed, "Words_Yes") ? true : text.IsOneOf(typed, "Words_No") ? false : null;
}
