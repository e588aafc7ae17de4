using System.Security.Claims;
using InfoStoryBot.Bot.Concurrency;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// The turn pipeline: admissions → watchers → one conversation at a time on this instance → load state with its
/// ETag → skip a redelivery → route → save state once, conditionally → run the follow-ups → send the replies.
/// If another instance saved the state first, the turn is run again on the fresh state (handlers are idempotent
/// and replies and follow-ups only happen after a successful save, so nothing is said twice and no answer is
/// lost). Replies that could not be delivered are kept with the state and sent when Teams redelivers the
/// activity. A button whose handler does not use conversation state skips the lock, the load and the save.
/// The load is usually this instance's own copy from the conversation's last turn (<see cref="CachedConversationStateStore"/>),
/// so a turn costs one storage write; when another instance answered in between, the copy is stale, the save
/// conflicts, and the re-run reads storage. Handlers therefore run twice on such a turn: whatever they write
/// themselves beyond the state (a story, say) must be idempotent, as it always had to be for a lost race.
/// </summary>
public sealed partial class TurnProcessor(
    IServiceScopeFactory scopes,
    IConversationStateStore states,
    IConnectorClient connector,
    IEnumerable<ITurnAdmission> admissions,
    IEnumerable<IConversationWatcher> watchers,
    TurnHandlerCatalog handlers,
    [FromKeyedServices(TurnProcessor.TurnLocks)] KeyedLock conversationLocks,
    IOptions<MessagesOptions> options,
    TimeProvider time,
    ILogger<TurnProcessor> log) : ITurnProcessor
{
    private readonly ITurnAdmission[] _admissions = [.. admissions];
    private readonly IConversationWatcher[] _watchers = [.. watchers];

    public async Task<TurnResult> ProcessAsync(Activity activity, ClaimsIdentity identity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { Length: > 0 } conversationId || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            LogIncomplete(log, activity.Type);
            return new TurnResult(StatusCodes.Status400BadRequest);
        }

        foreach (var admission in _admissions)
        {
            if (!admission.Admits(activity))
            {
                // Acknowledged but ignored: the bot may be installed somewhere it is not meant to work.
                LogNotAdmitted(log, activity.Type, admission.GetType().Name);
                return TurnResult.Ok;
            }
        }

        foreach (var watcher in _watchers)
        {
            await watcher.SeenAsync(activity, cancellationToken);
        }

        if (TurnRouter.ButtonAction(activity) is { } action && !handlers.UsesConversationState(action))
        {
            return await ProcessWithoutStateAsync(activity, identity, cancellationToken);
        }

        var channelId = string.IsNullOrEmpty(activity.ChannelId) ? "unknown" : activity.ChannelId;
        using var held = await conversationLocks.AcquireAsync(LockKey(channelId, conversationId), cancellationToken);

        var retries = options.Value.StateConflictRetries;
        var text = MentionText.Clean(activity);
        var latestFirst = handlers.IsForCampaignTeam(activity, text);
        for (var attempt = 0; ; attempt++)
        {
            Versioned<ConversationState>? stored;
            try
            {
                stored = latestFirst && attempt == 0
                    ? await states.GetLatestAsync(channelId, conversationId, cancellationToken)
                    : await states.GetAsync(channelId, conversationId, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStorageFailed(log, e, activity.Type);
                return await SayStorageIsDownAsync(activity, cancellationToken);
            }

            var state = stored?.Value ?? new ConversationState();
            if (activity.Id is { Length: > 0 } id && state.RecentActivityIds.Contains(id))
            {
                LogDuplicate(log, id);
                if (stored is null || state.Undelivered?.ActivityId != id)
                {
                    return TurnResult.Ok;
                }

                // The copy may be this instance's from before another instance delivered these replies on an earlier
                // redelivery; sending is not a write its ETag guards, so read what storage holds now.
                Versioned<ConversationState>? latest;
                try
                {
                    latest = await states.GetLatestAsync(channelId, conversationId, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogStorageFailed(log, e, activity.Type);
                    return await SayStorageIsDownAsync(activity, cancellationToken);
                }

                return latest?.Value.Undelivered?.ActivityId == id
                    ? await DeliverLeftoversAsync(activity, channelId, conversationId, latest, cancellationToken)
                    : TurnResult.Ok;
            }

            var turn = new TurnContext(activity, identity, state, text, time.GetUtcNow());
            var result = await RouteSafelyAsync(turn, cancellationToken);

            var saved = turn.State with
            {
                RecentActivityIds = Remember(state.RecentActivityIds, activity.Id),
                LastActivityAt = time.GetUtcNow(),
                Undelivered = null,
            };
            string etag;
            try
            {
                etag = await states.SaveAsync(channelId, conversationId, saved, stored?.ETag, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < retries)
            {
                LogConflict(log, attempt + 1);
                continue;
            }
            catch (ConcurrencyConflictException)
            {
                LogConflictGaveUp(log, attempt + 1);
                await SendAsync(activity, [activity.CreateReply(Messages.ConflictGaveUp)], cancellationToken);
                return TurnResult.Ok;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStorageFailed(log, e, activity.Type);
                return await SayStorageIsDownAsync(activity, cancellationToken);
            }

            var outbox = await RunFollowUpsAsync(turn, cancellationToken);
            var delivered = await SendAsync(activity, outbox, cancellationToken);
            if (delivered == outbox.Count)
            {
                return result;
            }

            if (activity.Id is { Length: > 0 } activityId)
            {
                await KeepUndeliveredAsync(channelId, conversationId, saved with { Undelivered = new UndeliveredReplies(activityId, [.. outbox.Skip(delivered)]) }, etag, cancellationToken);
            }

            return new TurnResult(StatusCodes.Status502BadGateway);
        }
    }

    /// <summary>
    /// A button that keeps nothing in this conversation (see <see cref="ICardAction.UsesConversationState"/>): no lock,
    /// no load, no save, so a crowd pressing one channel post is served in parallel. A redelivery is the handler's to
    /// recognise; a reply that cannot be delivered is reported (502) but not kept, as there is no state to keep it in.
    /// </summary>
    private async Task<TurnResult> ProcessWithoutStateAsync(Activity activity, ClaimsIdentity identity, CancellationToken cancellationToken)
    {
        var turn = new TurnContext(activity, identity, new ConversationState(), MentionText.Clean(activity), time.GetUtcNow());
        var result = await RouteSafelyAsync(turn, cancellationToken);
        var outbox = await RunFollowUpsAsync(turn, cancellationToken);
        var delivered = await SendAsync(activity, outbox, cancellationToken);
        return delivered == outbox.Count ? result : new TurnResult(StatusCodes.Status502BadGateway);
    }

    /// <summary>Runs the turn's follow-ups in order; returns the outbox with what they had to say appended.</summary>
    private async Task<IReadOnlyList<Activity>> RunFollowUpsAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.FollowUps.Count == 0)
        {
            return turn.Outbox;
        }

        var outbox = new List<Activity>(turn.Outbox);
        foreach (var followUp in turn.FollowUps)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                outbox.AddRange(await followUp.RunAsync(scope.ServiceProvider, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogFollowUpFailed(log, e, followUp.GetType().Name);
                outbox.Add(turn.Activity.CreateReply(Messages.Apology));
            }
        }

        return outbox;
    }

    /// <summary>A redelivered activity whose replies were not all delivered the first time: send what is left.</summary>
    private async Task<TurnResult> DeliverLeftoversAsync(Activity activity, string channelId, string conversationId, Versioned<ConversationState> stored, CancellationToken cancellationToken)
    {
        var undelivered = stored.Value.Undelivered!;
        var sent = await SendAsync(activity, undelivered.Replies, cancellationToken);
        LogLeftoversSent(log, undelivered.ActivityId, sent, undelivered.Replies.Count);
        var rest = undelivered.Replies.Skip(sent).ToList();
        await KeepUndeliveredAsync(channelId, conversationId, stored.Value with { Undelivered = rest.Count == 0 ? null : undelivered with { Replies = rest } }, stored.ETag, cancellationToken);
        return rest.Count == 0 ? TurnResult.Ok : new TurnResult(StatusCodes.Status502BadGateway);
    }

    private async Task KeepUndeliveredAsync(string channelId, string conversationId, ConversationState state, string etag, CancellationToken cancellationToken)
    {
        try
        {
            await states.SaveAsync(channelId, conversationId, state, etag, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A newer turn saved first (its replies supersede these) or storage failed: the 502 still reports the loss.
            LogUndeliveredNotKept(log, e);
        }
    }

    /// <summary>The DI key of the lock map that orders turns.</summary>
    public const string TurnLocks = "turns";

    /// <summary>The per-conversation lock key; whoever writes a conversation's state outside a turn takes it too.</summary>
    public static string LockKey(string channelId, string conversationId) => channelId + "|" + conversationId;

    private async Task<TurnResult> RouteSafelyAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var router = scope.ServiceProvider.GetRequiredService<TurnRouter>();
            return await router.RouteAsync(turn, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Like the Bot Framework adapter's OnTurnError: log, apologise briefly, drop the broken dialog.
            LogHandlerFailed(log, e, turn.Activity.Type, turn.Activity.Id);
            turn.ClearOutbox();
            turn.State = turn.State with { Dialog = null };
            if (string.Equals(turn.Activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
            {
                return new TurnResult(StatusCodes.Status200OK, new AdaptiveCardInvokeResponse
                {
                    StatusCode = 500,
                    Type = AdaptiveCardInvokeResponse.ErrorType,
                    Value = new { code = "InternalError", message = Messages.Apology },
                });
            }

            if (string.Equals(turn.Activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase))
            {
                turn.Reply(Messages.Apology);
            }

            return TurnResult.Ok;
        }
    }

    private async Task<TurnResult> SayStorageIsDownAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
        {
            // A button press: Teams shows the invoke body's message where the person clicked.
            return new TurnResult(StatusCodes.Status200OK, new AdaptiveCardInvokeResponse
            {
                StatusCode = 503,
                Type = AdaptiveCardInvokeResponse.ErrorType,
                Value = new { code = "StorageUnavailable", message = Messages.StorageDown },
            });
        }

        if (!string.Equals(activity.Type, ActivityTypes.Message, StringComparison.OrdinalIgnoreCase))
        {
            // Install and other events have no one to apologise to: 503 asks Teams to deliver them again later.
            return new TurnResult(StatusCodes.Status503ServiceUnavailable);
        }

        var told = await SendAsync(activity, [activity.CreateReply(Messages.StorageDown)], cancellationToken);
        return told == 1 ? TurnResult.Ok : new TurnResult(StatusCodes.Status503ServiceUnavailable);
    }

    /// <returns>How many replies were delivered, in order; fewer than all when one failed after the Connector client's retries.</returns>
    private async Task<int> SendAsync(Activity inbound, IReadOnlyList<Activity> outbox, CancellationToken cancellationToken)
    {
        var serviceUrl = inbound.ServiceUrl!;
        var conversationId = inbound.Conversation!.Id!;
        for (var i = 0; i < outbox.Count; i++)
        {
            var reply = outbox[i];
            var result = reply.ReplyToId is { Length: > 0 } replyTo
                ? await connector.ReplyToActivityAsync(serviceUrl, conversationId, replyTo, reply, cancellationToken)
                : await connector.SendToConversationAsync(serviceUrl, conversationId, reply, cancellationToken);
            if (result.IsSuccess)
            {
                continue;
            }

            LogReplyFailed(log, result.Outcome, result.StatusCode, result.ErrorCode, result.Attempts);
            if (result.Outcome == ConnectorOutcome.ConversationGone)
            {
                foreach (var watcher in _watchers)
                {
                    await watcher.GoneAsync(inbound, cancellationToken);
                }
            }

            return i;
        }

        return outbox.Count;
    }

    private IReadOnlyList<string> Remember(IReadOnlyList<string> recent, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return recent;
        }

        var keep = options.Value.RecentActivityIds;
        return recent.Count < keep ? [.. recent, id] : [.. recent.Skip(recent.Count - keep + 1), id];
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A {Type} activity without conversation id or serviceUrl was refused")]
    private static partial void LogIncomplete(ILogger logger, string? type);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a {Type} activity: {Admission} did not admit it")]
    private static partial void LogNotAdmitted(ILogger logger, string? type, string admission);

    [LoggerMessage(Level = LogLevel.Error, Message = "A turn's follow-up {FollowUp} failed; the person was told")]
    private static partial void LogFollowUpFailed(ILogger logger, Exception exception, string followUp);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityId} was delivered again; handled once already")]
    private static partial void LogDuplicate(ILogger logger, string activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversation state changed under this turn; running it again (attempt {Attempt})")]
    private static partial void LogConflict(ILogger logger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Conversation state kept changing under this turn; gave up after {Attempts} attempts and asked the user to resend")]
    private static partial void LogConflictGaveUp(ILogger logger, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Storage failed during a {Type} turn")]
    private static partial void LogStorageFailed(ILogger logger, Exception exception, string? type);

    [LoggerMessage(Level = LogLevel.Error, Message = "A handler failed on {Type} activity {ActivityId}; the dialog was cleared")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string? type, string? activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redelivered activity {ActivityId}: sent {Sent} of its {Count} undelivered replies")]
    private static partial void LogLeftoversSent(ILogger logger, string activityId, int sent, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record which replies are still undelivered")]
    private static partial void LogUndeliveredNotKept(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A reply could not be delivered: {Outcome}, status {Status}, code {Code}, after {Attempts} attempts")]
    private static partial void LogReplyFailed(ILogger logger, ConnectorOutcome outcome, int? status, string? code, int attempts);

    private static class Messages
    {
        public static string Apology => BotText.Get("Turn_Apology");
        public static string StorageDown => BotText.Get("Turn_StorageDown");
        public static string ConflictGaveUp => BotText.Get("Turn_ConflictGaveUp");
    }
}
