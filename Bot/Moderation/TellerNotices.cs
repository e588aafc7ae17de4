using System.Globalization;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Dialogs.Moderation;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Moderation;

/// <summary>
/// Tells a storyteller, in their 1:1 chat, what the campaign team decided. This is a message outside the teller's
/// own turn, so it goes through the one proactive sender, once per decision: the send ledger holds its key, so a
/// turn run again after a state race, or a second instance, never tells the teller twice.
/// </summary>
public interface ITellerNotices
{
    /// <param name="onceKey">The send key of this decision's notice (<see cref="TellerNotices.KeyFor"/>): a second call with it sends nothing.</param>
    /// <returns>
    /// False when the teller could not be reached: no 1:1 chat with them is known, Teams refused, or its answer leaves
    /// it unknown whether they saw it. True once they were told, now or by an earlier call with the same key.
    /// </returns>
    Task<bool> TellAsync(StoryTeller teller, string onceKey, AdaptiveCard notice, CancellationToken cancellationToken);
}

/// <summary>Sends through <see cref="IProactiveSender"/> to the teller's personal conversation, as Bot/Teams keeps it.</summary>
internal sealed partial class ProactiveTellerNotices(
    IConversationReferenceStore references,
    IProactiveSender sender,
    ISendLedger ledger,
    ILogger<ProactiveTellerNotices> log) : ITellerNotices
{
    public async Task<bool> TellAsync(StoryTeller teller, string onceKey, AdaptiveCard notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(teller);
        ArgumentNullException.ThrowIfNull(notice);
        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["teller"] = teller.AadObjectId };
        var reference = await references.GetPersonalAsync(teller.AadObjectId, cancellationToken);
        if (reference is not { ServiceUrl: not null, Conversation.Id: { } conversationId })
        {
            // Kept in the ledger too, so what happened to each decision's notice can be read in one place.
            await ledger.RecordUnsentAsync(new SendRequest(onceKey, null, details), SendStatus.Skipped, "No 1:1 chat with this storyteller yet.", cancellationToken);
            LogNoChat(log, teller.AadObjectId);
            return false;
        }

        var message = new Activity
        {
            Type = ActivityTypes.Message,
            Summary = notice.FallbackText,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = CardJson.ToJsonElement(notice) }],
        };
        var result = await sender.SendToPersonAsync(new PersonalMessage(onceKey, reference, message, details), cancellationToken);
        switch (result.Outcome)
        {
            case ProactiveOutcome.Sent:
                return true;

            case ProactiveOutcome.AlreadyHandled:
                // An earlier run of the same decision: told if that send went (or is going out on another instance).
                return result.Record.Status is SendStatus.Sent or SendStatus.Claimed;

            case ProactiveOutcome.Gone:
                // Removed or blocked: nothing more can be sent there, and the next install gives a fresh reference.
                await references.DeleteAsync(conversationId, cancellationToken);
                break;
        }

        LogNotSent(log, teller.AadObjectId, result.Outcome, result.Record.StatusCode, result.Record.ErrorCode);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No 1:1 chat is known with storyteller {TellerId}; they were not told of the decision")]
    private static partial void LogNoChat(ILogger logger, string tellerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell storyteller {TellerId} of the decision: {Outcome} {Status} {Code}")]
    private static partial void LogNotSent(ILogger logger, string tellerId, ProactiveOutcome outcome, int? status, string? code);
}

/// <summary>Queues the notice as a follow-up of the admin's turn: sent once, after the turn is saved, never twice on a re-run.</summary>
public static class TellerNotices
{
    /// <summary>
    /// The send key of the notice of one decision: the story, what was decided, and when (a story approved, edited and
    /// approved again is two decisions, each told once). A turn run again decides nothing new, so it has the same key.
    /// </summary>
    public static string KeyFor(Story decided, ModerationAction action)
    {
        ArgumentNullException.ThrowIfNull(decided);
        var at = (decided.ModeratedAt ?? decided.UpdatedAt).UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff", CultureInfo.InvariantCulture);
        return $"notices/teller/{decided.Id}/{action.ToString().ToLowerInvariant()}/{at}";
    }

    /// <param name="onceKey">See <see cref="KeyFor"/>.</param>
    /// <param name="unreachable">What the admin is told when the teller cannot be reached (markdown).</param>
    public static void AfterTurn(TurnContext turn, StoryTeller teller, string onceKey, AdaptiveCard notice, string unreachable) =>
        turn.Then(new TellTeller(turn.Activity, teller, onceKey, notice, unreachable));

    private sealed record TellTeller(Activity Inbound, StoryTeller Teller, string OnceKey, AdaptiveCard Notice, string Unreachable) : ITurnFollowUp
    {
        public async Task<IReadOnlyList<Activity>> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var told = await services.GetRequiredService<ITellerNotices>().TellAsync(Teller, OnceKey, Notice, cancellationToken);
            return told ? [] : [Inbound.CreateReply(Unreachable) with { TextFormat = "markdown" }];
        }
    }
}
