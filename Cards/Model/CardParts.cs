using InfoStoryBot.Cards.Text;

namespace InfoStoryBot.Cards.Model;

// Small helpers so builders read like the card they make. Only our own wording goes into TextBlocks.
internal static class CardParts
{
    public static TextBlock Heading(string text) =>
        new(text) { Size = TextSize.Large, Weight = TextWeight.Bolder, Style = TextBlockStyle.Heading };

    public static TextBlock SubHeading(string text) =>
        new(text) { Size = TextSize.Medium, Weight = TextWeight.Bolder, Spacing = Spacing.Medium };

    public static TextBlock Label(string text) =>
        new(text) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium };

    public static TextBlock Para(string text) => new(text);

    public static TextBlock Subtle(string text) => new(text) { IsSubtle = true, Size = TextSize.Small };

    public static TextBlock Warning(string text) => new(text) { Color = TextColor.Attention, Weight = TextWeight.Bolder };

    public static RichTextBlock UserText(string? text, int maxChars) => UntrustedText.Block(text, maxChars);

    public static RichTextBlock UserTitle(string? text, int maxChars) =>
        new([UntrustedText.Run(text, maxChars) with { Size = TextSize.Large, Weight = TextWeight.Bolder }]);

    public static TeamsCardProperties FullWidth { get; } = new();
}
