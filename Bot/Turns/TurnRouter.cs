using System.Text.Json;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// Picks who handles a turn, once: by activity type; then, for a message, a card button with a registered
/// action, the running dialog, a command, or the fallback. Features plug in through ITurnHandlers.cs. Every
/// command and button is checked here against its <see cref="Audience"/> for the person acting, typed or pressed.
/// </summary>
public sealed partial class TurnRouter(
    IEnumerable<IChatCommand> commands,
    IEnumerable<ICardAction> cardActions,
    IEnumerable<IDialogContinuation> dialogs,
    IEnumerable<IConversationEventHandler> conversationEvents,
    IEnumerable<IAudiencePolicy> audiences,
    IEnumerable<IInvokeHandler> invokes,
    IFallbackReply fallback,
    ILogger<TurnRouter> log)
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    // Duplicates were refused at start-up by TurnHandlerCatalog, so this cannot throw on a turn.
    private readonly Dictionary<string, ICardAction> _cardActions = cardActions
        .SelectMany(a => a.Actions.Select(name => (name, a)))
        .ToDictionary(p => p.name, p => p.a, StringComparer.Ordinal);

    private readonly IAudiencePolicy[] _audiences = [.. audiences];

    private readonly Dictionary<string, IInvokeHandler> _invokes = invokes.ToDictionary(i => i.Name, StringComparer.Ordinal);

    /// <summary>The action name of a card button press (either shape), or null when the activity is not one.</summary>
    public static string? ButtonAction(Activity activity)
    {
        if (string.Equals(activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase))
        {
            return activity.Value is { } value && CardSubmit.TryFromSubmitValue(value, out var submit) ? submit!.Action : null;
        }

        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase)
            && string.Equals(activity.Name, AdaptiveCardActionInvoke, StringComparison.Ordinal))
        {
            return ReadExecute(activity.Value, out var execute) is null ? execute!.Action : null;
        }

        return null;
    }

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
        CardSubmit? submit = null;
        if (turn.Activity.Value is { } value)
        {
            CardSubmit.TryFromSubmitValue(value, out submit);
        }

        await DispatchAsync(turn, submit, cancellationToken);
    }

    private async Task<AdaptiveCard?> DispatchAsync(TurnContext turn, CardSubmit? submit, CancellationToken cancellationToken)
    {
        // Buttons that stand on their own (Help, My stories, Share a story) work from any card, even mid-dialog.
        if (submit is not null && _cardActions.TryGetValue(submit.Action, out var action))
        {
            if (!await IsForAsync(turn, action.Audience, cancellationToken))
            {
                LogRefused(log, "button", submit.Action, action.Audience);
                SayNotForThem(turn);
                return null;
            }

            return await action.HandleAsync(turn, submit, cancellationToken);
        }

        // Typed answers and the dialog's own buttons go to the running dialog, which handles cancel/help/back.
        if (turn.State.Dialog is not null && dialogs.FirstOrDefault(d => d.Owns(turn.State)) is { } dialog)
        {
            await dialog.HandleAsync(turn, submit, cancellationToken);
            return null;
        }

        if (submit is null)
        {
            foreach (var command in commands)
            {
                if (command.Match(turn.Text) is not { } arguments)
                {
                    continue;
                }

                if (!await IsForAsync(turn, command.Audience, cancellationToken))
                {
                    LogRefused(log, "command", (command.Words.Count > 0 ? command.Words[0] : command.GetType().Name), command.Audience);
                    SayNotForThem(turn);
                    return null;
                }

                await command.HandleAsync(turn, arguments, cancellationToken);
                return null;
            }
        }
        else
        {
            // A button of a card from an older version of the bot. (A feature's own old buttons are still registered by
            // name, so it answers them itself: see StoryCapture's StoryCardActions.)
            LogUnknownAction(log, submit.Action);
        }

        await fallback.HandleAsync(turn, cancellationToken);
        return null;
    }

    /// <summary>Deny unless the handler's audience is everyone, or a policy vouches for this sender.</summary>
    private async ValueTask<bool> IsForAsync(TurnContext turn, Audience audience, CancellationToken cancellationToken)
    {
        if (audience == Audience.Everyone)
        {
            return true;
        }

        foreach (var policy in _audiences)
        {
            if (await policy.IncludesAsync(turn, audience, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private static void SayNotForThem(TurnContext turn)
    {
        if (turn.IsInvoke)
        {
            turn.InvokeMessage = BotText.Get("Turn_ForCampaignTeam", turn.Culture);
            return;
        }

        turn.Reply(BotText.Get("Turn_ForCampaignTeam", turn.Culture));
    }

    private async Task<TurnResult> OnInvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!string.Equals(turn.Activity.Name, AdaptiveCardActionInvoke, StringComparison.Ordinal))
        {
            if (turn.Activity.Name is { } name && _invokes.TryGetValue(name, out var handler))
            {
                if (!await IsForAsync(turn, handler.Audience, cancellationToken))
                {
                    LogRefused(log, "invoke", name, handler.Audience);
                    turn.Reply(BotText.Get("Turn_ForCampaignTeam", turn.Culture));
                    return TurnResult.Ok;
                }

                return await handler.HandleAsync(turn, cancellationToken);
            }

            LogUnhandledInvoke(log, turn.Activity.Name);
            return new TurnResult(StatusCodes.Status501NotImplemented);
        }

        if (ReadExecute(turn.Activity.Value, out var submit) is { } problem)
        {
            return new TurnResult(StatusCodes.Status400BadRequest, new AdaptiveCardInvokeResponse
            {
                StatusCode = 400,
                Type = AdaptiveCardInvokeResponse.ErrorType,
                Value = new { code = problem.Code, message = problem.Message },
            });
        }

        var card = await DispatchAsync(turn, submit, cancellationToken) ?? turn.InvokeCard;
        var body = card is not null
            ? new AdaptiveCardInvokeResponse { Type = AdaptiveCardInvokeResponse.CardType, Value = CardJson.ToJsonElement(card) }
            : new AdaptiveCardInvokeResponse { Type = AdaptiveCardInvokeResponse.MessageType, Value = turn.InvokeMessage ?? BotText.Get("Invoke_Done", turn.Culture) };
        return new TurnResult(StatusCodes.Status200OK, body);
    }

    /// <summary>Reads <c>value.action</c> of an <c>adaptiveCard/action</c> invoke; returns the problem when it cannot.</summary>
    private static (string Code, string Message)? ReadExecute(JsonElement? value, out CardSubmit? submit)
    {
        submit = null;
        if (value is not { ValueKind: JsonValueKind.Object } obj
            || !obj.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            return ("BadRequest", "The invoke has no action.");
        }

        if (!action.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Action.Execute")
        {
            return ("NotSupported", "Only Action.Execute is supported.");
        }

        return CardSubmit.TryFromExecuteAction(action, out submit) ? null : ("BadRequest", "The action has no verb.");
    }

    private static bool Is(string? type, string expected) => string.Equals(type, expected, StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Acknowledged a {Type} activity with nothing to do")]
    private static partial void LogAcknowledged(ILogger logger, string? type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Kind} {Name} for audience {Audience}: the sender is not in it")]
    private static partial void LogRefused(ILogger logger, string kind, string name, Audience audience);

    [LoggerMessage(Level = LogLevel.Information, Message = "A card button with action {Action} arrived with no dialog or handler to take it")]
    private static partial void LogUnknownAction(ILogger logger, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "No handler for invoke {Name}; answering 501")]
    private static partial void LogUnhandledInvoke(ILogger logger, string? name);
}
