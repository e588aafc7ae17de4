using System.Globalization;
using System.Text.Json;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;

namespace InfoStoryBot.Dialogs.Engine;

/// <summary>
/// One turn's input: what the user typed or the card button they pressed, and the facts a pure dialog
/// cannot find out itself (the time, a fresh id, the user's culture).
/// </summary>
public sealed record DialogTurn
{
    public static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The message text, with the bot's @mention already removed.</summary>
    public string? Text { get; init; }

    /// <summary>The button pressed, from a message's <c>value</c> or an <c>adaptiveCard/action</c> invoke.</summary>
    public CardSubmit? Submit { get; init; }

    public required DateTimeOffset Now { get; init; }

    public CultureInfo Culture { get; init; } = DefaultCulture;

    /// <summary>A fresh unique id, used when the dialog needs one (a new story's id).</summary>
    public string? NewId { get; init; }

    /// <summary>Builds a turn from a message activity: its text and, for an Action.Submit, its value.</summary>
    public static DialogTurn FromMessage(string? text, JsonElement? value, DateTimeOffset now, CultureInfo? culture = null, string? newId = null)
    {
        CardSubmit? submit = null;
        if (value is { } v)
        {
            CardSubmit.TryFromSubmitValue(v, out submit);
        }

        return new DialogTurn { Text = text, Submit = submit, Now = now, Culture = culture ?? DefaultCulture, NewId = newId };
    }
}

/// <summary>One outgoing message: text (markdown), a card, or both.</summary>
public sealed record DialogMessage(string? Text, JsonElement? Card)
{
    public static DialogMessage Say(string text) => new(text, null);

    public static DialogMessage Show(AdaptiveCard card) => new(null, CardJson.ToJsonElement(card));
}

public enum DialogStatus
{
    /// <summary>Waiting for the user: store <see cref="DialogTurnResult{TResult}.State"/>.</summary>
    Continue,

    /// <summary>Finished with a result; clear the stored state.</summary>
    Completed,

    /// <summary>The user stopped; clear the stored state.</summary>
    Cancelled,

    /// <summary>The dialog sat idle too long and was dropped; clear the stored state.</summary>
    Expired,
}

/// <param name="State">The state to store until the next turn; null once the dialog has ended.</param>
/// <param name="Result">Set when <see cref="Status"/> is Completed.</param>
public sealed record DialogTurnResult<TResult>(
    IReadOnlyList<DialogMessage> Messages,
    JsonElement? State,
    DialogStatus Status,
    TResult? Result)
    where TResult : class;

public sealed record DialogSettings
{
    public static readonly DialogSettings Default = new();

    /// <summary>A dialog untouched for longer than this is dropped, politely, on the next turn.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Wrong answers in a row before the dialog offers a way out.</summary>
    public int FailuresBeforeWayOut { get; init; } = 3;
}
