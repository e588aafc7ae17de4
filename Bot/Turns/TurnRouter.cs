using System.Text.Json;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// Picks who handles a turn, once: by activity type, then for messages by card verb, running dialog,
/// command name, or fallback. Features plug in through the interfaces in ITurnHandlers.cs.
/// </summary>
public sealed partial class TurnRouter(
    IEnumerable<IChatCommand> commands,
    IEnumerable<ICardAction> cardActions,
    IEnumerable<IDialogContinuation> dialogs,
    IEnumerable<IConversationEventHandler> conversationEvents,
    IFallbackReply fallback,
    ILogger<TurnRouter> log)
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    private readonly IReadOnlyList<(string Name, IChatCommand Command)> _commands = commands
        .SelectMany(c => c.Names.Select(n => (Name: n.ToLowerInvariant(), Command: c)))
        .OrderByDescending(c => c.Name.Length) // "share a story" must win over a shorter "share"
        .ToList();

    private readonly Dictionary<string, ICardAction> _cardActions = cardActions.ToDictionary(a => a.Verb, StringComparer.OrdinalIgnoreCase);

    public async Task<TurnResult> RouteAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        switch (turn.Activity.Type)
        {
            case var t when Is(t, ActivityTypes.Message):
                await OnMessageAsync(turn, cancellationToken);
                return TurnResult.Ok;

            case var t when Is(t, ActivityTypes.ConversationUpdate) || Is(t, ActivityTypes.InstallationUpdate):
                foreach (var handler in conversationEvents)
                {
                    await handler.HandleAsync(turn, cancellationToken);
                }

                return TurnResult.Ok;

            case var t when Is(t, ActivityTypes.Invoke):
                return await OnInvokeAsync(turn, cancellationToken);

            default:
                // Reactions, typing, events and types Teams may add later: acknowledged, nothing to do.
                LogAcknowledged(log, turn.Activity.Type);
                return TurnResult.Ok;
        }
    }

    private async Task OnMessageAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (CardActionData.TryRead(turn.Activity.Value, out var verb, out var data))
        {
            await RunCardActionAsync(turn, verb, data, cancellationToken);
            return;
        }

        if (turn.State.Dialog is not null && dialogs.FirstOrDefault(d => d.Owns(turn.State)) is { } dialog)
        {
            await dialog.HandleAsync(turn, cancellationToken);
            return;
        }

        if (FindCommand(turn.Text) is var (command, arguments) && command is not null)
        {
            if (await command.IsAllowedAsync(turn, cancellationToken))
            {
                await command.HandleAsync(turn, arguments, cancellationToken);
                return;
            }
        }

        await fallback.HandleAsync(turn, cancellationToken);
    }

    private async Task<JsonElement?> RunCardActionAsync(TurnContext turn, string verb, JsonElement data, CancellationToken cancellationToken)
    {
        if (_cardActions.TryGetValue(verb, out var action))
        {
            return await action.HandleAsync(turn, data, cancellationToken);
        }

        LogUnknownVerb(log, verb);
        await fallback.HandleAsync(turn, cancellationToken);
        return null;
    }

    private async Task<TurnResult> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!string.Equals(turn.Activity.Name, AdaptiveCardActionInvoke, StringComparison.Ordinal))
        {
            LogUnhandledInvoke(log, turn.Activity.Name);
            return new TurnResult(StatusCodes.Status501NotImplemented);
        }

        if (!CardActionData.TryReadInvoke(turn.Activity.Value, out var verb, out var data, out var problem))
        {
            return new TurnResult(StatusCodes.Status400BadRequest, new AdaptiveCardInvokeResponse
            {
                StatusCode = 400,
                Type = AdaptiveCardInvokeResponse.ErrorType,
                Value = new { code = "BadRequest", message = problem },
            });
        }

        if (!_cardActions.ContainsKey(verb))
        {
            LogUnknownVerb(log, verb);
            return new TurnResult(StatusCodes.Status200OK, new AdaptiveCardInvokeResponse
            {
                StatusCode = 400,
                Type = AdaptiveCardInvokeResponse.ErrorType,
                Value = new { code = "NotSupported", message = "That button is from an older card and no longer works. Type help to see what I can do." },
            });
        }

        var card = await RunCardActionAsync(turn, verb, data, cancellationToken);
        var body = card is { } replacement
            ? new AdaptiveCardInvokeResponse { Type = AdaptiveCardInvokeResponse.CardType, Value = replacement }
            : new AdaptiveCardInvokeResponse { Type = AdaptiveCardInvokeResponse.MessageType, Value = "Done." };
        return new TurnResult(StatusCodes.Status200OK, body);
    }

    private (IChatCommand? Command, string Arguments) FindCommand(string text)
    {
        var candidate = text.TrimStart('/').Trim();
        foreach (var (name, command) in _commands)
        {
            if (candidate.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return (command, "");
            }

            if (candidate.Length > name.Length
                && candidate.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                && char.IsWhiteSpace(candidate[name.Length]))
            {
                return (command, candidate[name.Length..].Trim());
            }
        }

        return (null, "");
    }

    private static bool Is(string? type, string expected) => string.Equals(type, expected, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acknowledged a {Type} activity with nothing to do")]
    private static partial void LogAcknowledged(ILogger logger, string? type);

    [LoggerMessage(Level = LogLevel.Information, Message = "A card button with unknown verb {Verb} arrived")]
    private static partial void LogUnknownVerb(ILogger logger, string verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "No handler for invoke {Name}; answering 501")]
    private static partial void LogUnhandledInvoke(ILogger logger, string? name);
}
