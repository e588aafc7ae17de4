using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;

namespace InfoStoryBot.Bot.Turns;

// The router's extension points. A feature adds what it handles by registering one of these; the router
// never grows a switch of its own. Handlers are scoped: one instance per turn, and must be idempotent,
// because a turn that loses a state race is run again.

/// <summary>A typed chat command such as <c>help</c> or <c>share a story</c>.</summary>
public interface IChatCommand
{
    /// <summary>The arguments after the command's words when <paramref name="text"/> starts this command; otherwise null.</summary>
    string? Match(string text);

    /// <summary>Whether the sender may use it (admin commands check the admin list here).</summary>
    bool IsAllowed(TurnContext turn) => true;

    Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken);
}

/// <summary>
/// A card button. Teams delivers a button two ways: Action.Submit arrives as a message with <c>value</c>,
/// Action.Execute as an <c>adaptiveCard/action</c> invoke. Both reach the same handler by action name
/// (see <see cref="ActionNames"/>).
/// </summary>
public interface ICardAction
{
    IReadOnlyList<string> Actions { get; }

    /// <returns>For Action.Execute, the card that replaces the clicked one, or null to leave it.</returns>
    Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken);
}

/// <summary>Continues whatever dialog the conversation is in. The story dialog registers one.</summary>
public interface IDialogContinuation
{
    /// <summary>Whether this continuation owns the dialog stored in the state.</summary>
    bool Owns(ConversationState state);

    Task HandleAsync(TurnContext turn, CardSubmit? submit, CancellationToken cancellationToken);
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

/// <summary>Matches commands by their words, case-insensitively, whole words only, with an optional leading slash.</summary>
public static class CommandWords
{
    public static string? Match(string text, IEnumerable<string> names)
    {
        var candidate = text.TrimStart('/').Trim();
        if (candidate.TrimEnd('.', '!', '?') is { Length: > 0 } withoutPunctuation)
        {
            candidate = withoutPunctuation; // "help!" is "help", but "?" alone stays a question
        }

        foreach (var name in names.OrderByDescending(n => n.Length))
        {
            if (candidate.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return "";
            }

            if (candidate.Length > name.Length
                && candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && char.IsWhiteSpace(candidate[name.Length]))
            {
                return candidate[name.Length..].Trim();
            }
        }

        return null;
    }
}
