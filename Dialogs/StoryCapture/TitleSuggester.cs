using System.Globalization;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.PersonalData;

namespace InfoStoryBot.Dialogs.StoryCapture;

/// <summary>
/// Suggests a title from the story's first sentence, so most tellers only have to accept it. A suggestion never holds
/// text the personal-data scanner flags (the teller did not choose to put it in a title), and a long sentence is cut
/// between words, at a clause where there is one, never leaving a dangling "and" or a "…" in the middle of a word.
/// An empty suggestion means there was nothing fit to suggest: the teller is asked to type one.
/// </summary>
public static class TitleSuggester
{
    public const int MaxLength = 60;

    // Shorter than this and a cut-down sentence stops reading like a title: try the next sentence instead.
    private const int MinLength = 12;

    public static string Suggest(string? whatHappened, CultureInfo culture)
    {
        var text = (whatHappened ?? "").Trim();
        if (text.Length == 0)
        {
            return "";
        }

        var words = new DialogText(culture);
        var findings = PersonalDataScanner.Scan(text);
        foreach (var (start, end) in Sentences(text))
        {
            // Only the part of the sentence before anything flagged can become the title.
            var flagged = findings.Where(f => f.Index < end && f.Index + f.Length > start).Select(f => f.Index).DefaultIfEmpty(end).Min();
            var candidate = Shorten(text[start..Math.Max(start, flagged)], words);
            if (candidate.Length >= MinLength && PersonalDataScanner.Scan(candidate).Count == 0)
            {
                return candidate;
            }
        }

        return "";
    }

    /// <summary>Sentence spans: a full stop, ! or ? followed by a space (so "12.03.1985" stays whole), or a line break.</summary>
    private static IEnumerable<(int Start, int End)> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ends = text[i] is '\n' or '\r' || (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            if (ends)
            {
                if (i > start)
                {
                    yield return (start, i);
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return (start, text.Length);
        }
    }

    private static string Shorten(string sentence, DialogText words)
    {
        var title = string.Join(' ', sentence.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (title.Length > MaxLength)
        {
            // A clause break (", ", " and ", " because "...) inside the limit reads better than the last word that fits.
            var breaks = words["Title_Breaks"].Split('|', StringSplitOptions.RemoveEmptyEntries);
            var clause = breaks
                .Select(b => title.LastIndexOf(b, MaxLength - 1, StringComparison.OrdinalIgnoreCase))
                .Where(i => i >= MinLength * 2)
                .DefaultIfEmpty(-1)
                .Max();
            var space = title.LastIndexOf(' ', MaxLength);
            var cut = clause > 0 ? clause : space;
            title = cut > 0 ? title[..cut] : "";
        }

        return Tidy(title, words);
    }

    /// <summary>No trailing punctuation, and no last word that leaves the title hanging ("…and the").</summary>
    private static string Tidy(string title, DialogText words)
    {
        var trailing = words.Words("Title_TrailingWords").ToHashSet(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            title = title.TrimEnd(' ', ',', ';', ':', '-', '–', '—', '(', '"', '“', '‘');
            var last = title.LastIndexOf(' ');
            if (last <= 0 || !trailing.Contains(title[(last + 1)..]))
            {
                return title;
            }

            title = title[..last];
        }
    }
}
