using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Moderation;

/// <summary>
/// Tells a storyteller, in their 1:1 chat, what the campaign team decided. This is a message outside the teller's
/// own turn, so it belongs with the one proactive sender once that exists; until then this is the only place that
/// sends one, and swapping the registration of <see cref="ITellerNotices"/> is all the switch takes.
/// </summary>
public interface ITellerNotices
{
    /// <returns>False when the teller could not be reached (no 1:1 chat with them is known, or Teams refused).</returns>
    Task<bool> TellAsync(StoryTeller teller, AdaptiveCard notice, CancellationToken cancellationToken);
}

/// <summary>Sends through the Connector to the teller's personal conversation, as Bot/Teams keeps it.</summary>
internal sealed partial class ConnectorTellerNotices(IConversationReferenceStore references, IConnectorClient connector, ILogger<ConnectorTellerNotices> log) : ITellerNotices
{
    public async Task<bool> TellAsync(StoryTeller teller, AdaptiveCard notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teller);
        var reference = await references.GetPersonalAsync(teller.AadObjectId, cancellationToken);
        if (reference is not { ServiceUrl: { } serviceUrl, Conversation.Id: { } conversationId })
        {
            LogNoChat(log, teller.AadObjectId);
            return false;
        }

        var message = new Activity
        {
            Type = ActivityTypes.Message,
            From = reference.Bot,
            Recipient = reference.User,
            ChannelId = reference.ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = reference.Conversation,
            Summary = notice.FallbackText,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = CardJson.ToJsonElement(notice) }],
        };
        var sent = await connector.SendToConversationAsync(serviceUrl, conversationId, message, cancellationToken);
        if (sent.IsSuccess)
        {
            return true;
        }

        LogNotSent(log, teller.AadObjectId, sent.Outcome, sent.StatusCode, sent.ErrorCode);
        if (sent.Outcome == ConnectorOutcome.ConversationGone)
        {
            // Removed or blocked: nothing more can be sent there, and the next install gives a fresh reference.
            await references.DeleteAsync(conversationId, cancellationToken);
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No 1:1 chat is known with storyteller {TellerId}; they were not told of the decision")]
    private static partial void LogNoChat(ILogger logger, string tellerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell storyteller {TellerId} of the decision: {Outcome} {Status} {Code}")]
    private static partial void LogNotSent(ILogger logger, string tellerId, ConnectorOutcome outcome, int? status, string? code);
}

/// <summary>Queues the notice as a follow-up of the admin's turn: sent once, after the turn is saved, never twice on a re-run.</summary>
public static class TellerNotices
{
    /// <param name="unreachable">What the admin is told when the teller cannot be reached (markdown).</param>
    public static void AfterTurn(TurnContext turn, StoryTeller teller, AdaptiveCard notice, string unreachable) =>
        turn.Then(new TellTeller(turn.Activity, teller, notice, unreachable));

    private sealed record TellTeller(Activity Inbound, StoryTeller Teller, AdaptiveCard Notice, string Unreachable) : ITurnFollowUp
    {
        public async Task<IReadOnlyList<Activity>> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var told = await services.GetRequiredService<ITellerNotices>().TellAsync(Teller, Notice, cancellationToken);
            return told ? [] : [Inbound.CreateReply(Unreachable) with { TextFormat = "markdown" }];
        }
    }
}
