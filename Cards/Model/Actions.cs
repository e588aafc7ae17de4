using System.Text.Json.Serialization;

namespace InfoStoryBot.Cards.Model;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
public abstract record CardAction
{
    public string? Id { get; init; }
    public string? Title { get; init; }
    public ActionStyle? Style { get; init; }
    public string? Tooltip { get; init; }
}

public enum ActionStyle { Default, Positive, Destructive }

public enum AssociatedInputs { Auto, None }

/// <summary>Arrives at the bot as a message whose <c>value</c> is <see cref="Data"/> merged with the inputs.</summary>
public sealed record SubmitAction : CardAction
{
    public IReadOnlyDictionary<string, string>? Data { get; init; }

    /// <summary>None lets a Cancel or Back button leave a form without tripping its required inputs.</summary>
    public AssociatedInputs? AssociatedInputs { get; init; }
}

/// <summary>Arrives as an <c>invoke</c> named <c>adaptiveCard/action</c> carrying the verb and data.</summary>
public sealed record ExecuteAction : CardAction
{
    public string? Verb { get; init; }
    public IReadOnlyDictionary<string, string>? Data { get; init; }
    public AssociatedInputs? AssociatedInputs { get; init; }
}

public sealed record ShowCardAction(AdaptiveCard Card) : CardAction;

public sealed record OpenUrlAction(Uri Url) : CardAction;
