using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace InfoStoryBot.Dialogs.Engine;

/// <summary>
/// The dialogs' wording and the words they listen for, from Resources/Strings.resx (en-GB) or a satellite for
/// another culture. The culture is passed in, never read from the thread.
/// </summary>
public sealed partial class DialogText(CultureInfo culture)
{
    private static readonly ResourceManager Resources =
        new("InfoStoryBot.Dialogs.Resources.Strings", typeof(DialogText).Assembly);

    public CultureInfo Culture { get; } = culture;

    public string this[string name] =>
        Resources.GetString(name, Culture)
        ?? throw new InvalidOperationException($"Dialog string '{name}' is missing from Strings.resx.");

    public string Format(string name, params object[] args) => string.Format(Culture, this[name], args);

    /// <summary>A "|"-separated list of phrases, e.g. the words meaning "cancel".</summary>
    public IReadOnlyList<string> Words(string name) =>
        this[name].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>True when the whole message is one of the phrases (ignoring case, spaces and end punctuation).</summary>
    public bool IsOneOf(string? text, string name)
    {
        var normalised = Normalise(text);
        return normalised.Length > 0 && Words(name).Any(w => string.Equals(Normalise(w), normalised, StringComparison.Ordinal));
    }

    /// <summary>Lower case, single spaces, no surrounding punctuation; curly apostrophes made straight.</summary>
    public string Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var lower = text.Replace('’', '\'').ToLower(Culture);
        return Spaces().Replace(lower, " ").Trim().Trim('.', '!', '?', ',', ';', ':', '"', ' ');
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
