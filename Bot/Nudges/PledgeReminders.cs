using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Concurrency;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Nudges;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>
/// Every <see cref="PledgeOptions.TickInterval"/>, <see cref="PledgeReminderTick"/> sends the reminders that are due
/// (the loop itself: <see cref="PeriodicTickService"/>).
/// </summary>
public sealed class PledgeReminders(IServiceScopeFactory scopes, IOptions<PledgeOptions> options, TimeProvider time, ILogger<PledgeReminders> log)
    : PeriodicTickService(scopes, options.Value.TickInterval, time, log)
{
    protected override Task RunTickAsync(IServiceProvider services, DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        services.GetRequiredService<PledgeReminderTick>().RunAsync(nowUtc, cancellationToken);
}

/// <summary>
/// One tick: each due reminder is sent once through <see cref="IProactiveSender.SendToPersonAsync"/> under the key
/// "pledges/{id}/reminder", so two instances, or a restart after a crash between the send and the bookkeeping, never
/// send it twice (the second finds the key handled). A retryable failure stays due for the next tick; anything else
/// closes the reminder. A pledge kept, changed or gone meanwhile drops its stale entry.
/// </summary>
public sealed partial class PledgeReminderTick(
    IPledgeStore pledges,
    IProactiveSender sender,
    IConversationReferenceStore references,
    ICampaignStore campaigns,
    IOptions<PledgeOptions> options,
    ILogger<PledgeReminderTick> log)
{
    private const int MaxAttempts = 5;

    public static string SendKey(string pledgeId) => $"pledges/{pledgeId}/reminder";

    public async Task RunAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        foreach (var due in await pledges.DueAsync(nowUtc, cancellationToken))
        {
            try
            {
                await RemindAsync(due, nowUtc, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                LogReminderFailed(log, e, due.PledgeId);
            }
        }
    }

    private async Task RemindAsync(DuePledge due, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        var stored = await pledges.GetAsync(due.PledgeId, cancellationToken);
        if (stored is null || stored.Value.Status != PledgeStatus.Open || stored.Value.RemindAt != due.At)
        {
            await pledges.RemoveDueAsync(due, cancellationToken);
            return;
        }

        var pledge = stored.Value;
        if (nowUtc - due.At > options.Value.LateGrace)
        {
            LogTooLate(log, pledge.Id, due.At);
            await CloseAsync(pledge.Id, PledgeStatus.NotReminded, $"The bot was down at {due.At:u}, and the reminder was more than {options.Value.LateGrace} late.", nowUtc, cancellationToken);
            return;
        }

        var chat = await ChatAsync(pledge, cancellationToken);
        if (chat is null)
        {
            await CloseAsync(pledge.Id, PledgeStatus.NotReminded, "There is no 1:1 chat with this person to remind them in.", nowUtc, cancellationToken);
            return;
        }

        var campaign = await campaigns.GetAsync(pledge.CampaignId, cancellationToken);
        var card = PledgeReminderCard.Build(new PledgeReminderView(campaign?.Value.Name ?? ""), new NudgeDelivery(pledge.DeliveryId, pledge.Variant), BotText.DefaultCulture);
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            Summary = card.FallbackText,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = CardJson.ToJsonElement(card) }],
        };
        var details = new Dictionary<string, string>(StringComparer.Ordinal) { ["pledge"] = pledge.Id, ["delivery"] = pledge.DeliveryId };
        var result = await sender.SendToPersonAsync(new PersonalMessage(SendKey(pledge.Id), chat, message, details), cancellationToken);
        switch (result.Outcome)
        {
            case ProactiveOutcome.Failed when result.Retryable:
                return; // nothing was posted: the entry stays due for the next tick

            case ProactiveOutcome.AlreadyHandled when result.Record.Status == SendStatus.Claimed:
                return; // another instance is sending it now; its outcome is settled there

            case ProactiveOutcome.Sent or ProactiveOutcome.Unknown:
            case ProactiveOutcome.AlreadyHandled when result.Record.Status is SendStatus.Sent or SendStatus.Unknown:
                await CloseAsync(pledge.Id, PledgeStatus.Reminded, result.Outcome == ProactiveOutcome.Unknown ? result.Record.Reason : null, nowUtc, cancellationToken);
                return;

            case ProactiveOutcome.Gone:
                await references.DeleteAsync(chat.Conversation!.Id!, cancellationToken);
                await CloseAsync(pledge.Id, PledgeStatus.NotReminded, result.Record.Reason ?? "The 1:1 chat is gone.", nowUtc, cancellationToken);
                return;

            default:
                await CloseAsync(pledge.Id, PledgeStatus.NotReminded, result.Record.Reason ?? "The reminder could not be sent.", nowUtc, cancellationToken);
                return;
        }
    }

    /// <summary>The person's current 1:1 chat if Teams moved it since, else the one opened when they pledged.</summary>
    private async Task<ConversationReference?> ChatAsync(Pledge pledge, CancellationToken cancellationToken)
    {
        var objectId = pledge.Chat?.User?.AadObjectId;
        if (objectId is { Length: > 0 } && await references.GetPersonalAsync(objectId, cancellationToken) is { Conversation.Id: { Length: > 0 }, ServiceUrl: { Length: > 0 } } current)
        {
            return current;
        }

        return pledge.Chat is { Conversation.Id: { Length: > 0 }, ServiceUrl: { Length: > 0 } } kept ? kept : null;
    }

    /// <summary>Closes the reminder conditionally: a story that kept the pledge meanwhile wins.</summary>
    private async Task CloseAsync(string pledgeId, PledgeStatus status, string? reason, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await pledges.GetAsync(pledgeId, cancellationToken);
            if (stored is null || stored.Value.Status != PledgeStatus.Open)
            {
                return;
            }

            try
            {
                await pledges.UpdateAsync(stored.Value with { Status = status, Reason = reason, ClosedAt = status == PledgeStatus.Reminded ? null : nowUtc }, stored.ETag, cancellationToken);
                if (status == PledgeStatus.Reminded)
                {
                    LogReminded(log, pledgeId);
                }

                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Kept or re-timed meanwhile: look again.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId}: reminded")]
    private static partial void LogReminded(ILogger logger, string pledgeId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pledge {PledgeId}: its reminder at {At:u} was found too late and is not sent")]
    private static partial void LogTooLate(ILogger logger, string pledgeId, DateTimeOffset at);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pledge {PledgeId}: the reminder could not be handled; the next tick tries again")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, string pledgeId);
}
