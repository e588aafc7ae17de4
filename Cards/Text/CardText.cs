using System.Globalization;
using System.Resources;

namespace InfoStoryBot.Cards.Text;

/// <summary>
/// The card wording, from Resources/CardStrings.resx (en-GB) or a satellite for another culture. The culture
/// is an argument, never the thread's, so builders stay pure.
/// </summary>
public sealed class CardText(CultureInfo culture)
{
    private static readonly ResourceManager Resources =
        new("InfoStoryBot.Cards.Resources.CardStrings", typeof(CardText).Assembly);

    public CultureInfo Culture { get; } = culture;

    public string this[string name] =>
        Resources.GetString(name, Culture)
        ?? throw new InvalidOperationException($"Card string '{name}' is missing from CardStrings.resx.");

    public string Format(string name, params object[] args) => string.Format(Culture, this[name], args);
}
