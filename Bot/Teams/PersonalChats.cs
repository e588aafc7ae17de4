using System.Text.Json;
using InfoStoryBot.Bot.Concurrency;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Dialogs.Engine;

namespace InfoStoryBot.Bot.Teams;

/// <summary>What starting a dialog in a person's 1:1 chat came to.</summary>
public enum PersonalDialogStart
{
    Started,

    /// <summary>The chat already holds that dialog (a second press): nothing was started or sent.</summary>
    AlreadyRunning,

    /// <summary>The chat could not be opened or written to (the person blocked the bot, the app is not installed for them).</summary>
    Unreachable,
}

/// <summary>
/// Moves a conversation with one person into their 1:1 chat with the bot: finds (or asks Teams to open)
/// that chat, puts a started dialog into its state, and sends the dialog's first messages there. All of it
/// happens as a follow-up of the turn (after the turn's own state is saved), so a turn re-run after a lost
/// state race never opens the dialog twice.
/// </summary>
public sealed partial class PersonalChats(
    IConnectorClient connector,
    IConversationReferenceStore references,
    IConversationStateStore states,
    [FromKeyedServices(TurnProcessor.TurnLocks)] KeyedLock conversationLocks,
    TimeProvider time,
    ILogger<PersonalChats> log)
{
    /// <summary>
    /// After this turn is saved, starts the dialog in the sender's 1:1 chat, then answers here with
    /// <paramref name="sentText"/> or, when the chat could not be opened or written to, <paramref name="failedText"/>.
    /// </summary>
    public static void StartDialogAfterTurn(TurnContext turn, JsonElement? dialogState, IReadOnlyList<DialogMessage> messages, string sentText, string failedText) =>
        turn.Then(new StartPersonalDialog(turn.Activity, dialogState?.Clone(), messages, sentText, failedText));

    private sealed record StartPersonalDialog(Activity Inbound, JsonElement? DialogState, IReadOnlyList<DialogMessage> Messages, string SentText, string FailedText) : ITurnFollowUp
    {
        public async Task<IReadOnlyList<Activity>> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var opened = await services.GetRequiredService<PersonalChats>().StartDialogAsync(Inbound, DialogState, Messages, null, cancellationToken);
            return [Inbound.CreateReply(opened == PersonalDialogStart.Started ? SentText : FailedText) with { TextFormat = "markdown" }];
        }
    }

    /// <summary>
    /// Starts the dialog in the sender's 1:1 chat now, for a button that keeps no state of its own
    /// (<see cref="ICardAction.UsesConversationState"/> false): such a turn is never run again, so there is nothing to
    /// wait for, and the caller needs the outcome to answer the press (an invoke's message is decided by the turn).
    /// The chat's own state is read, checked and written under that chat's lock and conditionally on its ETag, so two
    /// presses racing on two instances start one dialog.
    /// </summary>
    /// <param name="alreadyRunning">Given the dialog already stored in the chat, whether it is this one (then nothing is started).</param>
    public Task<PersonalDialogStart> StartDialogNowAsync(
        Activity inbound, JsonElement dialogState, IReadOnlyList<DialogMessage> messages, Func<JsonElement, bool> alreadyRunning, CancellationToken cancellationToken) =>
        StartDialogAsync(inbound, dialogState, messages, alreadyRunning, cancellationToken);

    /// <summary>
    /// The sender's 1:1 chat (known, or opened now and remembered), for a message the bot will send there later through
    /// the proactive sender (a pledge reminder); null when it cannot be opened.
    /// </summary>
    public async Task<ConversationReference?> FindOrOpenChatAsync(Activity inbound, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var tenantId = inbound.Conversation?.TenantId ?? inbound.ChannelData?.Tenant?.Id;
        if (inbound.From?.Id is null || inbound.ServiceUrl is null
            || await FindOrOpenAsync(inbound, tenantId, cancellationToken) is not { } chat)
        {
            return null;
        }

        return new ConversationReference
        {
            Bot = inbound.Recipient,
            User = inbound.From,
            ChannelId = inbound.ChannelId ?? "msteams",
            ServiceUrl = chat.ServiceUrl,
            Conversation = new ConversationAccount { Id = chat.ConversationId, ConversationType = ConversationTypes.Personal, TenantId = tenantId },
        };
    }

    private async Task<PersonalDialogStart> StartDialogAsync(
        Activity activity, JsonElement? dialogState, IReadOnlyList<DialogMessage> messages, Func<JsonElement, bool>? alreadyRunning, CancellationToken cancellationToken)
    {
        var channelId = activity.ChannelId ?? "msteams";
        var tenantId = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;
        if (activity.From?.Id is null || activity.ServiceUrl is null)
        {
            return PersonalDialogStart.Unreachable;
        }

        var chat = await FindOrOpenAsync(activity, tenantId, cancellationToken);
        if (chat is null)
        {
            return PersonalDialogStart.Unreachable;
        }

        Versioned<ConversationState>? before;
        string savedETag;
        using (await conversationLocks.AcquireAsync(TurnProcessor.LockKey(channelId, chat.Value.ConversationId), cancellationToken))
        {
            for (var attempt = 1; ; attempt++)
            {
                before = await states.GetAsync(channelId, chat.Value.ConversationId, cancellationToken);
                if (alreadyRunning is not null && before?.Value.Dialog is { } running && alreadyRunning(running))
                {
                    return PersonalDialogStart.AlreadyRunning;
                }

                var state = (before?.Value ?? new ConversationState()) with { Dialog = dialogState?.Clone(), LastActivityAt = time.GetUtcNow() };
                try
                {
                    savedETag = await states.SaveAsync(channelId, chat.Value.ConversationId, state, before?.ETag, cancellationToken);
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < 3)
                {
                    // Another instance is answering a message in that chat (or starting this same dialog): look again.
                }
            }
        }

        var template = new Activity
        {
            Type = ActivityTypes.Message,
            From = activity.Recipient,
            Recipient = activity.From,
            ChannelId = channelId,
            ServiceUrl = chat.Value.ServiceUrl,
            Conversation = new ConversationAccount { Id = chat.Value.ConversationId, ConversationType = ConversationTypes.Personal, TenantId = tenantId },
        };
        foreach (var message in messages)
        {
            var sent = await connector.SendToConversationAsync(chat.Value.ServiceUrl, chat.Value.ConversationId, TurnContext.FromDialog(message, template), cancellationToken);
            if (!sent.IsSuccess)
            {
                LogSendFailed(log, sent.Outcome, sent.StatusCode, sent.ErrorCode);
                if (sent.Outcome == ConnectorOutcome.ConversationGone)
                {
                    await references.DeleteAsync(chat.Value.ConversationId, cancellationToken);
                }

                if (alreadyRunning is not null)
                {
                    await UndoAsync(channelId, chat.Value.ConversationId, before, savedETag, cancellationToken);
                }

                return PersonalDialogStart.Unreachable;
            }
        }

        return PersonalDialogStart.Started;
    }

    /// <summary>
    /// The person never got the dialog's first message, so a press that checks what is running must not find it
    /// there: the chat goes back to what it was, unless a turn there has changed it since.
    /// </summary>
    private async Task UndoAsync(string channelId, string conversationId, Versioned<ConversationState>? before, string savedETag, CancellationToken cancellationToken)
    {
        try
        {
            var previous = before?.Value ?? new ConversationState();
            await states.SaveAsync(channelId, conversationId, previous with { LastActivityAt = time.GetUtcNow() }, savedETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Something happened in that chat meanwhile: it stands.
        }
    }

    private async Task<(string ConversationId, string ServiceUrl)?> FindOrOpenAsync(Activity activity, string? tenantId, CancellationToken cancellationToken)
    {
        if (activity.Conversation is { ConversationType: ConversationTypes.Personal, Id: { Length: > 0 } here })
        {
            return (here, activity.ServiceUrl!); // pressed in the 1:1 chat itself (a reminder's button)
        }

        if (activity.From?.AadObjectId is { } objectId
            && await references.GetPersonalAsync(objectId, cancellationToken) is { Conversation.Id: { } knownId } known)
        {
            return (knownId, known.ServiceUrl ?? activity.ServiceUrl!);
        }

        var created = await connector.CreateConversationAsync(activity.ServiceUrl!, new ConversationParameters
        {
            IsGroup = false,
            Bot = activity.Recipient,
            Members = [new ChannelAccount { Id = activity.From!.Id, AadObjectId = activity.From.AadObjectId }],
            TenantId = tenantId,
            ChannelData = tenantId is null ? null : new TeamsChannelData { Tenant = new TenantInfo { Id = tenantId } },
        }, cancellationToken);
        if (created is not { IsSuccess: true, Value.Id: { } conversationId })
        {
            LogOpenFailed(log, created.Outcome, created.StatusCode, created.ErrorCode);
            return null;
        }

        var serviceUrl = created.Value.ServiceUrl ?? activity.ServiceUrl!;
        await references.SaveAsync(new ConversationReference
        {
            Bot = activity.Recipient,
            User = activity.From,
            ChannelId = activity.ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = conversationId, ConversationType = ConversationTypes.Personal, TenantId = tenantId },
        }, cancellationToken);
        return (conversationId, serviceUrl);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not open a 1:1 chat: {Outcome} {Status} {Code}")]
    private static partial void LogOpenFailed(ILogger logger, ConnectorOutcome outcome, int? status, string? code);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write in a 1:1 chat: {Outcome} {Status} {Code}")]
    private static partial void LogSendFailed(ILogger logger, ConnectorOutcome outcome, int? status, string? code);
}
