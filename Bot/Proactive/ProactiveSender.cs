using System.Globalization;
using InfoStoryBot.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Proactive;

/// <summary>How a proactive send ended, for the caller to act on.</summary>
public enum ProactiveOutcome
{
    Sent,

    /// <summary>Not posted; <see cref="ProactiveResult.Retryable"/> says whether a later attempt may go.</summary>
    Failed,

    /// <summary>403/404: the conversation is gone; nothing more should be sent there.</summary>
    Gone,

    /// <summary>May or may not have been posted (a timeout, a 5xx, an interruption after the request left). Never re-sent.</summary>
    Unknown,

    /// <summary>Nothing was sent now: the key was already claimed or done (see <see cref="ProactiveResult.Record"/>).</summary>
    AlreadyHandled,
}

/// <summary>The outcome and the ledger record as it stands after this send.</summary>
/// <param name="Recorded">False when the outcome could not be written (storage trouble): the claim then ages into unknown.</param>
public sealed record ProactiveResult(ProactiveOutcome Outcome, SendRecord Record, bool Recorded = true)
{
    public bool Retryable => Outcome == ProactiveOutcome.Failed && Record.Retryable;

    public string? ActivityId => Record.ActivityId;
}

/// <summary>Where a channel lives, as install capture stored it.</summary>
/// <param name="Bot">The bot's account in that tenant (28:…), when known.</param>
public sealed record ChannelAddress(string ChannelId, string ServiceUrl, string? TenantId, ChannelAccount? Bot = null);

/// <summary>A new thread in a channel, sent once under <see cref="Key"/>.</summary>
/// <param name="Details">Kept with the ledger record (ids and labels, never message text).</param>
public sealed record ChannelPost(string Key, ChannelAddress Channel, Activity Activity, IReadOnlyDictionary<string, string>? Details = null);

/// <summary>A message in a person's 1:1 chat, by the stored conversation reference, sent once under <see cref="Key"/>.</summary>
public sealed record PersonalMessage(string Key, ConversationReference Reference, Activity Activity, IReadOnlyDictionary<string, string>? Details = null);

/// <summary>
/// The one way anything leaves the bot outside a turn (house style 15): nudges, notices to storytellers, pledge
/// reminders, admin notices. Each send is claimed in the <see cref="ISendLedger"/> under its key before the
/// request leaves, goes out as a proactive Connector call (behind interactive replies in the tenant's budget,
/// never retried once it may have posted), and has its outcome recorded; 403/404 come back as
/// <see cref="ProactiveOutcome.Gone"/> for the caller to retire the conversation.
/// </summary>
public interface IProactiveSender
{
    /// <summary>Starts a new thread in the channel (create conversation with channelData.channel).</summary>
    Task<ProactiveResult> SendToChannelAsync(ChannelPost post, CancellationToken cancellationToken);

    /// <summary>Writes in the person's 1:1 chat through its stored reference.</summary>
    Task<ProactiveResult> SendToPersonAsync(PersonalMessage message, CancellationToken cancellationToken);
}

internal sealed partial class ProactiveSender(
    IConnectorClient connector,
    ISendLedger ledger,
    IOptions<ProactiveOptions> options,
    TimeProvider time,
    ILogger<ProactiveSender> log) : IProactiveSender
{
    /// <summary>How long recording an outcome may take once the send itself was cancelled.</summary>
    private static readonly TimeSpan RecordAfterCancel = TimeSpan.FromSeconds(10);

    public Task<ProactiveResult> SendToChannelAsync(ChannelPost post, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentException.ThrowIfNullOrEmpty(post.Channel.ChannelId);
        ArgumentException.ThrowIfNullOrEmpty(post.Channel.ServiceUrl);
        var channel = post.Channel;
        var activity = post.Activity with
        {
            Type = post.Activity.Type ?? ActivityTypes.Message,
            From = post.Activity.From ?? channel.Bot,
        };
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = channel.Bot,
            TenantId = channel.TenantId,
            Activity = activity,
            ChannelData = new TeamsChannelData
            {
                Channel = new ChannelInfo { Id = channel.ChannelId },
                Tenant = channel.TenantId is null ? null : new TenantInfo { Id = channel.TenantId },
            },
        };

        return SendAsync(new SendRequest(post.Key, channel.ChannelId, post.Details), async ct =>
        {
            var created = await connector.CreateConversationAsync(channel.ServiceUrl, parameters, ct);
            return new Answer(created.Outcome, created.StatusCode, created.ErrorCode, created.MayHaveActed, created.Value?.ActivityId, created.Value?.Id);
        }, cancellationToken);
    }

    public Task<ProactiveResult> SendToPersonAsync(PersonalMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var reference = message.Reference;
        var conversationId = reference.Conversation?.Id;
        var serviceUrl = reference.ServiceUrl;
        ArgumentException.ThrowIfNullOrEmpty(conversationId, "message.Reference.Conversation.Id");
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl, "message.Reference.ServiceUrl");
        var activity = message.Activity with
        {
            Type = message.Activity.Type ?? ActivityTypes.Message,
            From = message.Activity.From ?? reference.Bot,
            Recipient = message.Activity.Recipient ?? reference.User,
            Conversation = reference.Conversation,
            ChannelId = reference.ChannelId,
            ServiceUrl = serviceUrl,
        };

        return SendAsync(new SendRequest(message.Key, conversationId, message.Details), async ct =>
        {
            var sent = await connector.SendToConversationAsync(serviceUrl, conversationId, activity, ct);
            return new Answer(sent.Outcome, sent.StatusCode, sent.ErrorCode, sent.MayHaveActed, sent.Value?.Id, conversationId);
        }, cancellationToken);
    }

    private async Task<ProactiveResult> SendAsync(SendRequest request, Func<CancellationToken, Task<Answer>> send, CancellationToken cancellationToken)
    {
        var claimed = await ledger.TryClaimAsync(request, cancellationToken);
        if (claimed.Claim is not { } claim)
        {
            return new ProactiveResult(ProactiveOutcome.AlreadyHandled, claimed.Record);
        }

        SendCompletion completion;
        Exception? interruption = null;
        using (var scope = ConnectorCallScope.Proactive())
        {
            using var deadline = new CancellationTokenSource(options.Value.SendDeadline, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            try
            {
                completion = Complete(await send(linked.Token));
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                // Cut off by the deadline or by shutdown. What matters is whether Teams may have heard of it.
                interruption = e;
                completion = scope.AnyRequestMayHaveActed
                    ? new SendCompletion(SendStatus.Unknown) { Reason = "Interrupted after the request left (deadline or shutdown): it may have been posted." }
                    : new SendCompletion(SendStatus.Failed) { Retryable = true, Reason = "Interrupted before any request reached Teams." };
            }
        }

        var result = await RecordAsync(claim, completion, interruption is null ? cancellationToken : CancellationToken.None);
        if (result.Outcome == ProactiveOutcome.Sent)
        {
            LogSent(log, request.Key);
        }
        else
        {
            LogNotSent(log, request.Key, result.Outcome, completion.StatusCode, completion.ErrorCode, result.Retryable);
        }
        if (interruption is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The send was cancelled; its outcome is recorded.", interruption, cancellationToken);
        }

        return result;
    }

    private async Task<ProactiveResult> RecordAsync(SendClaim claim, SendCompletion completion, CancellationToken cancellationToken)
    {
        var outcome = completion.Status switch
        {
            SendStatus.Sent => ProactiveOutcome.Sent,
            SendStatus.Gone => ProactiveOutcome.Gone,
            SendStatus.Unknown => ProactiveOutcome.Unknown,
            _ => ProactiveOutcome.Failed,
        };
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (!cancellationToken.CanBeCanceled)
        {
            bounded.CancelAfter(RecordAfterCancel);
        }

        try
        {
            var record = await ledger.CompleteAsync(claim, completion, bounded.Token);
            return new ProactiveResult(outcome, record);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The claim stands without an outcome and will read as unknown: never silently sent again.
            LogNotRecorded(log, e, claim.Record.Key, outcome);
            var intended = claim.Record with
            {
                Status = completion.Status,
                ActivityId = completion.ActivityId,
                ConversationId = completion.ConversationId,
                Reason = completion.Reason,
                StatusCode = completion.StatusCode,
                ErrorCode = completion.ErrorCode,
                Retryable = false,
            };
            return new ProactiveResult(outcome, intended, Recorded: false);
        }
    }

    /// <summary>What the Connector's final answer means for the ledger.</summary>
    internal static SendCompletion Complete(Answer answer)
    {
        var said = answer.StatusCode is { } code
            ? string.Create(CultureInfo.InvariantCulture, $"Teams answered {code}{(answer.ErrorCode is null ? "" : " " + answer.ErrorCode)}.")
            : answer.ErrorCode is null ? "Teams could not be reached." : $"Teams could not be reached ({answer.ErrorCode}).";
        var completion = answer.Outcome switch
        {
            ConnectorOutcome.Ok => new SendCompletion(SendStatus.Sent),
            ConnectorOutcome.ConversationGone => new SendCompletion(SendStatus.Gone) { Reason = said },
            ConnectorOutcome.TokenUnavailable => new SendCompletion(SendStatus.Failed)
            {
                Retryable = true,
                Reason = $"The bot could not get its token ({answer.ErrorCode ?? "no detail"}); nothing was sent.",
            },
            _ when answer.MayHaveActed && answer.StatusCode is >= 200 and < 300 => new SendCompletion(SendStatus.Sent)
            {
                Reason = "Teams accepted it but its answer could not be read.",
            },
            _ when answer.MayHaveActed => new SendCompletion(SendStatus.Unknown) { Reason = said + " It may have been posted." },
            _ => new SendCompletion(SendStatus.Failed) { Retryable = IsRetryable(answer), Reason = said },
        };
        return completion with
        {
            ActivityId = answer.ActivityId,
            ConversationId = answer.ConversationId,
            StatusCode = answer.StatusCode,
            ErrorCode = answer.ErrorCode,
        };
    }

    // Refusals that say "not now" (throttled, busy, a concurrent write) and failures to connect at all; a malformed
    // request or a bad address would fail the same way again.
    private static bool IsRetryable(Answer answer) => answer.StatusCode switch
    {
        429 or 412 or 503 => true,
        null => answer.ErrorCode is not "InvalidServiceUrl",
        _ => false,
    };

    internal sealed record Answer(ConnectorOutcome Outcome, int? StatusCode, string? ErrorCode, bool MayHaveActed, string? ActivityId, string? ConversationId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Proactive send {Key}: sent")]
    private static partial void LogSent(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proactive send {Key}: {Outcome} (status {Status}, code {Code}, retryable {Retryable})")]
    private static partial void LogNotSent(ILogger logger, string key, ProactiveOutcome outcome, int? status, string? code, bool retryable);

    [LoggerMessage(Level = LogLevel.Error, Message = "Proactive send {Key} ended {Outcome} but the outcome could not be recorded; its claim will read as unknown")]
    private static partial void LogNotRecorded(ILogger logger, Exception exception, string key, ProactiveOutcome outcome);
}
