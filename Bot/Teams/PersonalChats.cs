using System.Text.Json;
using InfoStoryBot.Bot.Concurrency;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Dialogs.Engine;

namespace InfoStoryBot.Bot.Teams;

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
            var opened = await services.GetRequiredService<PersonalChats>().StartDialogAsync(Inbound, DialogState, Messages, cancellationToken);
            return [Inbound.CreateReply(opened ? SentText : FailedText) with { TextFormat = "markdown" }];
        }
    }

    /// <returns>False when the chat could not be opened or written to; the caller tells the person.</returns>
    private async Task<bool> StartDialogAsync(Activity activity, JsonElement? dialogState, IReadOnlyList<DialogMessage> messages, CancellationToken cancellationToken)
    {
        var channelId = activity.ChannelId ?? "msteams";
        var tenantId = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;
        if (activity.From?.Id is null || activity.ServiceUrl is null)
        {
            return false;
        }

        var chat = await FindOrOpenAsync(activity, tenantId, cancellationToken);
        if (chat is null)
        {
            return false;
        }

        using (await conversationLocks.AcquireAsync(TurnProcessor.LockKey(channelId, chat.Value.ConversationId), cancellationToken))
        {
            for (var attempt = 1; ; attempt++)
            {
                var stored = await states.GetAsync(channelId, chat.Value.ConversationId, cancellationToken);
                var state = (stored?.Value ?? new ConversationState()) with { Dialog = dialogState?.Clone(), LastActivityAt = time.GetUtcNow() };
                try
                {
                    await states.SaveAsync(channelId, chat.Value.ConversationId, state, stored?.ETag, cancellationToken);
                    break;
                }
                catch (ConcurrencyConflictException) when (attempt < 3)
                {
                    // Another instance is answering a message in that chat; start on its newer state.
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

                return false;
            }
        }

        return true;
    }

    private async Task<(string ConversationId, string ServiceUrl)?> FindOrOpenAsync(Activity activity, string? tenantId, CancellationToken cancellationToken)
    {
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
