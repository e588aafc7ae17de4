using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;

namespace InfoStoryBot.Bot.Turns;

// The router's extension points. A feature adds what it handles by registering one of these in its own
// Add…() method; the router never grows a switch of its own, and never learns a feature's name. Handlers are
// scoped (one instance per turn) and must be idempotent, because a turn that loses a state race is run again.

/// <summary>Who may use a command or a button. There is no default: each handler says it, and anything but
/// <see cref="Everyone"/> is refused unless an <see cref="IAudiencePolicy"/> vouches for the sender.</summary>
public enum Audience
{
    Everyone,

    /// <summary>The campaign team (admins).</summary>
    CampaignTeam,
}

/// <summary>A typed chat command such as <c>help</c> or <c>share a story</c>.</summary>
public interface IChatCommand
{
    /// <summary>The words that start it; checked for clashes with every other command at start-up.</summary>
    IReadOnlyList<string> Words { get; }

    Audience Audience { get; }

    /// <summary>The arguments after the command's words when <paramref name="text"/> starts this command; otherwise null.</summary>
    string? Match(string text) => CommandWords.Match(text, Words);

    Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken);
}

/// <summary>
/// A card button. Teams delivers a button two ways: Action.Submit arrives as a message with <c>value</c>,
/// Action.Execute as an <c>adaptiveCard/action</c> invoke. Both reach the same handler by action name
/// (see <see cref="ActionNames"/>). A card can be forwarded or replayed by anyone, so the audience is checked
/// for the person who pressed, on every press.
/// </summary>
public interface ICardAction
{
    /// <summary>The action names it takes; each name belongs to one handler, checked at start-up.</summary>
    IReadOnlyList<string> Actions { get; }

    Audience Audience { get; }

    /// <summary>
    /// False for a press that must not load, lock or save the conversation's state (a button on a channel post
    /// that fifty people press at once). Such a handler keeps whatever it needs elsewhere and is idempotent by itself.
    /// </summary>
    bool UsesConversationState => true;

    /// <returns>For Action.Execute, the card that replaces the clicked one, or null to leave it.</returns>
    Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken);
}

/// <summary>
/// An invoke other than a card button (those are <see cref="ICardAction"/>s), by its <c>name</c>, such as
/// <c>fileConsent/invoke</c>. What it returns is the HTTP answer Teams gets; what it says in the chat goes through
/// the turn as usual (replies, follow-ups), so a turn re-run after a state conflict still acts once.
/// </summary>
public interface IInvokeHandler
{
    /// <summary>The invoke name it takes; each name belongs to one handler, checked at start-up.</summary>
    string Name { get; }

    /// <summary>Checked for the sender before the handler runs; refused, the sender is told in the chat and Teams gets 200.</summary>
    Audience Audience { get; }

    Task<TurnResult> HandleAsync(TurnContext turn, CancellationToken cancellationToken);
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

// Hooks the pipeline calls around every turn, so that the features that own these concerns (Admin's tenant list,
// Teams' conversation references) plug in without the pipeline naming them.

/// <summary>Decides whether an activity is served at all (e.g. the tenant allow-list). Every admission must agree.</summary>
public interface ITurnAdmission
{
    bool Admits(Activity activity);
}

/// <summary>Says whether the sender of a turn belongs to an audience other than <see cref="Audience.Everyone"/>.</summary>
public interface IAudiencePolicy
{
    /// <summary>Asked on every turn that needs it, so a right removed on another instance stops at once.</summary>
    ValueTask<bool> IncludesAsync(TurnContext turn, Audience audience, CancellationToken cancellationToken);
}

/// <summary>Hears of every conversation the bot is spoken to in, and of every one Teams says is gone.</summary>
public interface IConversationWatcher
{
    /// <summary>Called once per turn before the handlers run; must not throw for storage trouble (log and go on).</summary>
    Task SeenAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>Teams answered 403/404 for this conversation: nothing more may be sent there.</summary>
    Task GoneAsync(Activity activity, CancellationToken cancellationToken);
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
