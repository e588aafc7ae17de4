using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.StoryCapture;

/// <param name="Kind">Null when the words do not make it clear (both kinds of words, or neither).</param>
public sealed record StorySuggestion(IReadOnlyList<Pillar> Pillars, IReadOnlyList<PartnershipElement> Elements, StoryKind? Kind);

/// <summary>
/// Suggests pillars, partnership elements and whether it is a success or a barrier from the words of the story, so
/// the details card comes already filled in. Only words that make it clear count ("rang" is communication, "shared
/// record" is technology); where nothing is clear it suggests nothing, and the teller sees and can change every
/// suggestion before anything is kept. The phrases are in Resources/Strings.resx (Suggest_…); a word ending in "*"
/// matches any ending.
/// </summary>
public static class StorySuggester
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static StorySuggestion Suggest(CultureInfo culture, params string?[] answers)
    {
        var text = new DialogText(culture);
        var story = text.Normalise(string.Join(" \n ", answers.Where(a => !string.IsNullOrWhiteSpace(a))));
        if (story.Length == 0)
        {
            return new StorySuggestion([], [], null);
        }

        var pillars = StoryOptions.Pillars.Where(o => Mentions(story, text, "Suggest_" + o.LabelKey)).Select(o => o.Value).ToList();
        var elements = StoryOptions.Elements.Where(o => Mentions(story, text, "Suggest_" + o.LabelKey)).Select(o => o.Value).ToList();
        var success = Mentions(story, text, "Suggest_Kind_Success");
        var barrier = Mentions(story, text, "Suggest_Kind_Barrier");
        StoryKind? kind = success == barrier ? null : success ? StoryKind.Success : StoryKind.Barrier;
        return new StorySuggestion(pillars, elements, kind);
    }

    private static bool Mentions(string story, DialogText text, string wordsKey) =>
        text.Words(wordsKey).Any(phrase => IsIn(story, Patterns.GetOrAdd(text.Normalise(phrase), Pattern)));

    private static bool IsIn(string story, Regex pattern)
    {
        try
        {
            return pattern.IsMatch(story);
        }
        catch (RegexMatchTimeoutException)
        {
            // The patterns are linear, so this needs a starved machine; a missed suggestion is only a box left unticked.
            return false;
        }
    }

    private static Regex Pattern(string phrase)
    {
        var stem = phrase.EndsWith('*');
        var body = Regex.Escape(stem ? phrase[..^1] : phrase).Replace("\\ ", "\\s+", StringComparison.Ordinal);
        return new Regex(@"(?<![\p{L}\p{N}])" + body + (stem ? @"[\p{L}'-]*" : "") + @"(?![\p{L}\p{N}])",
            RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
    }
}
