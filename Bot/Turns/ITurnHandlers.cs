using System.Text.Json;

namespace InfoStoryBot.Bot.Turns;

// The router's extension points. A feature adds what it handles by registering one of these; the router
// never grows a switch of its own. Handlers are scoped: one instance per turn.

/// <summary>A typed chat command such as <c>help</c> or <c>share a story</c>.</summary>
public interface IChatCommand
{
    /// <summary>The words that start this command, lower case (e.g. "help", "share a story").</summary>
    IReadOnlyList<string> Names { get; }

    /// <summary>Whether the sender may use it (admin commands check the admin list here).</summary>
    ValueTask<bool> IsAllowedAsync(TurnContext turn, CancellationToken cancellationToken) => ValueTask.FromResult(true);

    /// <param name="arguments">The text after the command's name, trimmed.</param>
    Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken);
}

/// <summary>
/// A card button. Teams delivers a button two ways: Action.Submit arrives as a message with <c>value</c>,
/// Action.Execute as an <c>adaptiveCard/action</c> invoke. Both reach the same handler by verb.
/// </summary>
public interface ICardAction
{
    /// <summary>The verb in the button's data, e.g. <c>story.start</c>.</summary>
    string Verb { get; }

    /// <param name="data">The button's data merged with the card's inputs.</param>
    /// <returns>For Action.Execute, the card that replaces the clicked one (or null to leave it).</returns>
    Task<JsonElement?> HandleAsync(TurnContext turn, JsonElement data, CancellationToken cancellationToken);
}

/// <summary>Continues whatever dialog the conversation is in. The story dialog registers one.</summary>
public interface IDialogContinuation
{
    /// <summary>Whether this continuation owns the dialog stored in the state.</summary>
    bool Owns(ConversationState state);

    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>Install and membership events (conversationUpdate, installationUpdate).</summary>
public interface IConversationEventHandler
{
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}

/// <summary>What the bot says when nothing else handled a message.</summary>
public interface IFallbackReply
{
    Task HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
