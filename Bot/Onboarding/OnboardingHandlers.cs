using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Onboarding;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Bot.Onboarding;

// First contact: the welcome on install, "help", "hello", and what the bot says when it did not understand.

/// <summary>Says hello once when the bot is installed for a person, or added to a team.</summary>
public sealed class WelcomeOnInstall : IConversationEventHandler
{
    /// <summary>When the bot said hello in this conversation.</summary>
    internal static readonly ConversationSlot<Welcomed> WelcomedSlot = new("onboarding.welcomed");

    public Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // Teams sends conversationUpdate and installationUpdate for one install: greet on whichever comes first.
        if (InstallEvents.Classify(turn.Activity) != InstallEventKind.BotAdded || turn.State.Get(WelcomedSlot) is not null)
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

        turn.State = turn.State.With(WelcomedSlot, new Welcomed(turn.Now));
        return Task.CompletedTask;
    }

    internal sealed record Welcomed(DateTimeOffset At);

    /// <summary>Teams sends the display name; its first word is the friendliest guess at a given name.</summary>
    internal static string? GivenName(TurnContext turn) =>
        turn.Activity.From?.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}

public sealed class HelpCommand(AccessPolicy access) : IChatCommand, ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.Help];

    public IReadOnlyList<string> Words { get; } = BotText.Words("Keywords_Help");

    public Audience Audience => Audience.Everyone;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
    {
        // "help campaign new": an admin asking about one command gets its form and an example.
        if (arguments.Length > 0
            && AdminGrammar.Parse("help " + arguments, turn.Culture) is AdminParse.Parsed { Command: Help topic }
            && await access.IsAdminAsync(turn.UserObjectId, cancellationToken))
        {
            turn.Reply(AdminHelp.Describe(topic, turn.Culture));
            return;
        }

        turn.Show(await BuildAsync(turn, access, cancellationToken));
    }

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        turn.Show(await BuildAsync(turn, access, cancellationToken));
        return null;
    }

    internal static async Task<AdaptiveCard> BuildAsync(TurnContext turn, AccessPolicy access, CancellationToken cancellationToken)
    {
        var isAdmin = await access.IsAdminAsync(turn.UserObjectId, cancellationToken);
        return HelpCard.Build(
            new HelpView(isAdmin, isAdmin ? AdminCommands.Lines(turn.Culture) : [], isAdmin ? AdminCommandText.Render(new AdminPanel()) : null),
            turn.Culture);
    }
}

public sealed class HelloCommand : IChatCommand
{
    public IReadOnlyList<string> Words { get; } = BotText.Words("Keywords_Hello");

    public Audience Audience => Audience.Everyone;

    public string? Match(string text) => CommandWords.Match(text, Words) is "" ? "" : null;

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
public sealed class NotUnderstoodReply(AccessPolicy access) : IFallbackReply
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // "campaign frobnicate" is no command, so it lands here; an admin who meant one is told the family's forms first.
        if (AdminGrammar.FamilyUsage(turn.Text, turn.Culture) is { } usage
            && turn.UserObjectId is { Length: > 0 } actor
            && await access.IsAdminAsync(actor, cancellationToken))
        {
            turn.Reply(usage);
            return;
        }

        turn.Show(NotUnderstoodCard.Build(new NotUnderstoodView(), turn.Culture));
    }
}
