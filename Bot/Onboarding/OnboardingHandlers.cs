using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Onboarding;

namespace InfoStoryBot.Bot.Onboarding;

// First contact: the welcome on install, "help", "hello", and what the bot says when it did not understand.

/// <summary>Says hello once when the bot is installed for a person, or added to a team.</summary>
public sealed class WelcomeOnInstall : IConversationEventHandler
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // Teams sends conversationUpdate and installationUpdate for one install: greet on whichever comes first.
        if (InstallEvents.Classify(turn.Activity) != InstallEventKind.BotAdded || turn.State.WelcomedAt is not null)
        {
            return Task.CompletedTask;
        }

        if (turn.IsPersonal)
        {
            turn.Show(WelcomeCard.Build(new WelcomeView(GivenName(turn)), turn.Culture));
        }
        else
        {
            turn.Reply(BotText.Get("Channel_Hello", turn.Culture));
        }

        turn.State = turn.State with { WelcomedAt = turn.Now };
        return Task.CompletedTask;
    }

    /// <summary>Teams sends the display name; its first word is the friendliest guess at a given name.</summary>
    internal static string? GivenName(TurnContext turn) =>
        turn.Activity.From?.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}

public sealed class HelpCommand(AccessPolicy access) : IChatCommand, ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.Help];

    public string? Match(string text) => CommandWords.Match(text, BotText.Words("Keywords_Help"));

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        turn.Show(Build(turn, access));
        return Task.CompletedTask;
    }

    public Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        var card = Build(turn, access);
        turn.Show(card);
        return Task.FromResult<AdaptiveCard?>(null);
    }

    internal static AdaptiveCard Build(TurnContext turn, AccessPolicy access) =>
        HelpCard.Build(new HelpView(access.IsAdmin(turn.UserObjectId), AdminCommands.Lines), turn.Culture);
}

public sealed class HelloCommand : IChatCommand
{
    public string? Match(string text) => CommandWords.Match(text, BotText.Words("Keywords_Hello")) is "" ? "" : null;

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        turn.Show(WelcomeCard.Build(new WelcomeView(WelcomeOnInstall.GivenName(turn)), turn.Culture));
        return Task.CompletedTask;
    }
}

/// <summary>
/// Anything the bot did not understand: one line and three buttons, not the whole help card every time (people who
/// mistype twice would get it twice); the line says that "help" shows everything.
/// </summary>
public sealed class NotUnderstoodReply : IFallbackReply
{
    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        turn.Show(NotUnderstoodCard.Build(new NotUnderstoodView(), turn.Culture));
        return Task.CompletedTask;
    }
}
