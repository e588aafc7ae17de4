using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace InfoStoryBot.Dialogs.Nudges;

/// <summary>
/// The nudges' wording from Dialogs/Resources/Strings.resx. An entry may have alternative phrasings
/// (<c>Key_1</c>, <c>Key_2</c>, …); which one is used depends only on the inputs, never on chance.
/// </summary>
internal sealed partial class NudgeText(CultureInfo culture)
{
    private static readonly ResourceManager Resources =
        new("InfoStoryBot.Dialogs.Resources.Strings", typeof(NudgeText).Assembly);

    public CultureInfo Culture { get; } = culture;

    public string this[string name] => Find(name)
        ?? throw new InvalidOperationException($"Dialog string '{name}' is missing from Strings.resx.");

    public string Format(string name, params object[] args) => string.Format(Culture, this[name], args);

    /// <summary>The phrasings of <paramref name="name"/>: Name_1, Name_2, … or, when there are none, Name itself.</summary>
    public IReadOnlyList<string> Alternatives(string name)
    {
        var found = new List<string>();
        for (var i = 1; Find($"{name}_{i}") is { } text; i++)
        {
            found.Add(text);
        }

        return found.Count > 0 ? found : [this[name]];
    }

    /// <summary>One phrasing, chosen by a stable hash of the inputs, then formatted.</summary>
    public string Pick(string name, int choice, params object[] args)
    {
        var options = Alternatives(name);
        return string.Format(Culture, options[(int)((uint)choice % (uint)options.Count)], args);
    }

    public string Number(int value) => value.ToString("N0", Culture);

    /// <summary>"one" or "other" form: Name_One / Name_Other.</summary>
    public string Plural(string name, int count, params object[] args) =>
        Format(count == 1 ? name + "_One" : name + "_Other", args);

    /// <summary>"3, then 7, then 12".</summary>
    public string ThenList(IEnumerable<int> values) => string.Join(this["Nudge_Then"], values.Select(Number));

    /// <summary>"a, b and c".</summary>
    public string AndList(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + this["Nudge_And"] + items[^1],
    };

    public string Date(DateOnly date) => date.ToString(this["Nudge_DateFormat"], Culture);

    /// <summary>Fills {name} placeholders with live figures; an unknown name is left as written.</summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(template, m => values.TryGetValue(m.Groups[1].Value.ToLowerInvariant(), out var v) ? v : m.Value);

    private string? Find(string name) => Resources.GetString(name, Culture);

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}

/// <summary>FNV-1a over the inputs: the same inputs give the same number on every machine and run.</summary>
internal static class StableHash
{
    public static int Of(params object[] parts)
    {
        var hash = 2166136261u;
        foreach (var part in parts)
        {
            var text = Convert.ToString(part, CultureInfo.InvariantCulture) ?? "";
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619u;
            }

            hash = (hash ^ 0x1F) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
