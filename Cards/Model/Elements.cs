using System.Text.Json.Serialization;

namespace InfoStoryBot.Cards.Model;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(RichTextBlock), "RichTextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(Image), "Image")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(TimeInput), "Input.Time")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
public abstract record CardElement
{
    public string? Id { get; init; }

    public Spacing? Spacing { get; init; }

    public bool? Separator { get; init; }

    public bool? IsVisible { get; init; }
}

public enum Spacing { None, Small, Default, Medium, Large, ExtraLarge, Padding }

public enum TextSize { Small, Default, Medium, Large, ExtraLarge }

public enum TextWeight { Lighter, Default, Bolder }

public enum TextColor { Default, Dark, Light, Accent, Good, Warning, Attention }

public enum TextBlockStyle { Default, Heading }

public enum ContainerStyle { Default, Emphasis, Good, Attention, Warning, Accent }

public enum HorizontalAlignment { Left, Center, Right }

public enum VerticalAlignment { Top, Center, Bottom }

public enum ImageSize { Auto, Stretch, Small, Medium, Large }

/// <summary>
/// Markdown-capable text. Only for text we write ourselves: untrusted text goes through
/// <see cref="Text.UntrustedText"/> into a <see cref="RichTextBlock"/>.
/// </summary>
public sealed record TextBlock(string Text) : CardElement
{
    public bool? Wrap { get; init; } = true;
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public int? MaxLines { get; init; }
    public TextBlockStyle? Style { get; init; }
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

/// <summary>Plain runs of text: renderers do not interpret markdown in a TextRun.</summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement
{
    public HorizontalAlignment? HorizontalAlignment { get; init; }
}

public sealed record TextRun(string Text)
{
    [JsonPropertyOrder(-10)]
    public string Type => "TextRun";
    public TextSize? Size { get; init; }
    public TextWeight? Weight { get; init; }
    public TextColor? Color { get; init; }
    public bool? IsSubtle { get; init; }
    public bool? Italic { get; init; }
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement;

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement
{
    public ContainerStyle? Style { get; init; }
}

public sealed record Column(IReadOnlyList<CardElement> Items)
{
    [JsonPropertyOrder(-10)]
    public string Type => "Column";

    /// <summary>"auto", "stretch", a weight like "2", or pixels like "50px".</summary>
    public string? Width { get; init; }
    public VerticalAlignment? VerticalContentAlignment { get; init; }
    public CardAction? SelectAction { get; init; }
}

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle? Style { get; init; }
    public bool? Bleed { get; init; }
    public CardAction? SelectAction { get; init; }
}

public sealed record Image(string Url) : CardElement
{
    public string? AltText { get; init; }
    public ImageSize? Size { get; init; }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement;

public abstract record CardInput : CardElement
{
    public string? Label { get; init; }
    public bool? IsRequired { get; init; }
    public string? ErrorMessage { get; init; }
}

public enum TextInputStyle { Text, Tel, Url, Email, Password }

public sealed record TextInput : CardInput
{
    public bool? IsMultiline { get; init; }
    public int? MaxLength { get; init; }
    public string? Placeholder { get; init; }
    public string? Value { get; init; }
    public string? Regex { get; init; }
    public TextInputStyle? Style { get; init; }
}

public enum ChoiceInputStyle { Compact, Expanded, Filtered }

public sealed record Choice(string Title, string Value);

public sealed record ChoiceSetInput(IReadOnlyList<Choice> Choices) : CardInput
{
    public ChoiceInputStyle? Style { get; init; }
    public bool? IsMultiSelect { get; init; }

    /// <summary>The selected value(s); several values are comma-separated, as the schema says.</summary>
    public string? Value { get; init; }
    public string? Placeholder { get; init; }
    public bool? Wrap { get; init; }
}

public sealed record ToggleInput(string Title) : CardInput
{
    public string? Value { get; init; }
    public string? ValueOn { get; init; }
    public string? ValueOff { get; init; }
    public bool? Wrap { get; init; }
}

public sealed record DateInput : CardInput
{
    /// <summary>yyyy-MM-dd, as the schema requires.</summary>
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Placeholder { get; init; }
}

public sealed record TimeInput : CardInput
{
    /// <summary>HH:mm, as the schema requires.</summary>
    public string? Value { get; init; }
    public string? Min { get; init; }
    public string? Max { get; init; }
    public string? Placeholder { get; init; }
}

public sealed record NumberInput : CardInput
{
    public double? Value { get; init; }
    public double? Min { get; init; }
    public double? Max { get; init; }
    public string? Placeholder { get; init; }
}
