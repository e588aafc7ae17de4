using System.Collections.ObjectModel;
using InfoStoryBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Proactive;

/// <summary>Where a send identified by a key stands. Only <see cref="Claimed"/> and retryable failures can change.</summary>
public enum SendStatus
{
    /// <summary>An instance claimed it and is sending (or died sending: after the claim timeout it reads as unknown).</summary>
    Claimed,

    Sent,

    /// <summary>Teams refused or could not be reached; <see cref="SendRecord.Retryable"/> says whether another attempt may go.</summary>
    Failed,

    /// <summary>403/404: the conversation is gone (bot removed or blocked, chat deleted). Final.</summary>
    Gone,

    /// <summary>The request may have been posted but no answer was recorded (timeout, 5xx, a crash mid-send). Never re-sent.</summary>
    Unknown,

    /// <summary>Decided not to send (a muted channel, a daily limit...); the reason says why. Final.</summary>
    Skipped,

    /// <summary>Too late to send (the moment passed while the bot was down). Final.</summary>
    Missed,
}

/// <summary>
/// One send as the ledger remembers it. <see cref="Details"/> carries what the caller wants kept with it (which
/// nudge, variant and story; who asked): ids and labels only, never message text.
/// </summary>
public sealed record SendRecord
{
    private static readonly IReadOnlyDictionary<string, string> NoDetails = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    public required string Key { get; init; }

    public required SendStatus Status { get; init; }

    /// <summary>Where it goes: a channel id, or a 1:1 conversation id.</summary>
    public string? Target { get; init; }

    /// <summary>Which instance claimed it (machine/process/start), to explain a stuck or unknown send.</summary>
    public required string ClaimedBy { get; init; }

    /// <summary>When it was first written (claimed, skipped or missed).</summary>
    public required DateTimeOffset ClaimedAt { get; init; }

    /// <summary>1 for the first claim; each take-over of a retryable failure counts up. 0 when nothing was ever sent.</summary>
    public int Attempt { get; init; }

    /// <summary>The posted activity's id, when Teams said.</summary>
    public string? ActivityId { get; init; }

    /// <summary>For a channel post, the new thread's conversation id (replies go there).</summary>
    public string? ConversationId { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Why it failed, was skipped or is unknown, in words (never message text).</summary>
    public string? Reason { get; init; }

    public int? StatusCode { get; init; }

    public string? ErrorCode { get; init; }

    /// <summary>A failure that proved nothing was posted and may be tried again (429, 412, 503, no connection, no token).</summary>
    public bool Retryable { get; init; }

    public IReadOnlyDictionary<string, string> Details { get; init; } = NoDetails;

    /// <summary>The status as admins should see it: a claim older than <paramref name="claimTimeout"/> with no outcome is unknown.</summary>
    public SendStatus StatusAt(DateTimeOffset nowUtc, TimeSpan claimTimeout) =>
        Status == SendStatus.Claimed && nowUtc - ClaimedAt > claimTimeout ? SendStatus.Unknown : Status;

    public override string ToString() => $"Send {Key} ({Status})";
}

/// <summary>What to claim: the key, where it goes, and what to keep with it.</summary>
public sealed record SendRequest(string Key, string? Target, IReadOnlyDictionary<string, string>? Details = null);

/// <summary>A claim held by this instance; complete it with the same object.</summary>
public sealed record SendClaim(SendRecord Record, string ETag);

/// <summary>The result of a claim: <see cref="Claim"/> when this instance may send, otherwise the record that stands.</summary>
public sealed record SendClaimResult(SendClaim? Claim, SendRecord Record)
{
    public bool IsClaimed => Claim is not null;
}

/// <summary>How a claimed send ended.</summary>
public sealed record SendCompletion(SendStatus Status)
{
    public string? ActivityId { get; init; }
    public string? ConversationId { get; init; }
    public string? Reason { get; init; }
    public int? StatusCode { get; init; }
    public string? ErrorCode { get; init; }
    public bool Retryable { get; init; }
}

/// <summary>
/// The once-only ledger of everything sent outside a turn: a send is claimed by creating its item if absent
/// before the request leaves, so with any number of instances one claims and sends; its outcome is then recorded
/// on the same item. A claim that never got an outcome (the sender died after the request may have left) becomes
/// unknown and is never sent again; only a failure that proved nothing was posted is claimable again.
/// </summary>
public interface ISendLedger
{
    /// <summary>
    /// Claims the send. Not claimed when another instance holds a live claim or it has an outcome; a retryable
    /// failure is taken over conditionally (so again one instance wins); a claim older than the claim timeout is
    /// marked unknown and returned as such.
    /// </summary>
    Task<SendClaimResult> TryClaimAsync(SendRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Records the outcome. If the claim was marked unknown meanwhile, the real outcome replaces "unknown"; any
    /// other change (a take-over) throws <see cref="ConcurrencyConflictException"/>.
    /// </summary>
    Task<SendRecord> CompleteAsync(SendClaim claim, SendCompletion completion, CancellationToken cancellationToken);

    /// <summary>Records a decision not to send (<see cref="SendStatus.Skipped"/> or <see cref="SendStatus.Missed"/>) unless the key already has a record; returns the record that stands.</summary>
    Task<SendRecord> RecordUnsentAsync(SendRequest request, SendStatus status, string reason, CancellationToken cancellationToken);

    Task<SendRecord?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>The keys starting with <paramref name="keyPrefix"/>, in ordinal order, without reading the records.</summary>
    Task<IReadOnlyList<string>> ListKeysAsync(string keyPrefix, CancellationToken cancellationToken);

    /// <summary>The records of these keys (missing ones left out).</summary>
    Task<IReadOnlyList<SendRecord>> ReadManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken);
}

/// <summary>
/// Keys are '/'-separated name segments (<see cref="BlobNames"/>), e.g. "nudges/{campaign}/{slot}/{channel key}";
/// the item is "sends/{key}.json", so a feature lists its own sends by prefix.
/// </summary>
public static class SendKeys
{
    public const string Prefix = "sends/";
    private const string Suffix = ".json";

    public static bool IsValid(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }

        try
        {
            BlobNames.Validate(Prefix + key + Suffix);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    internal static string ItemName(string key) =>
        IsValid(key) ? Prefix + key + Suffix : throw new ArgumentException($"'{key}' is not a send key: name segments of letters, digits, '.', '_', '-' and '~' joined by '/'.", nameof(key));

    internal static string KeyOf(string itemName) => itemName[Prefix.Length..^Suffix.Length];
}

internal sealed class SendLedger(IBlobStore store, IOptions<ProactiveOptions> options, TimeProvider time) : ISendLedger
{
    public async Task<SendClaimResult> TryClaimAsync(SendRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = SendKeys.ItemName(request.Key);
        var claimed = New(request, SendStatus.Claimed, attempt: 1);
        try
        {
            var etag = await store.WriteAsync(name, StorageJson.Serialize(claimed), WriteCondition.IfAbsent, cancellationToken);
            return new SendClaimResult(new SendClaim(claimed, etag), claimed);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone claimed or recorded it first; see below what stands.
        }

        for (var look = 0; ; look++)
        {
            var existing = await store.ReadAsync(name, cancellationToken);
            if (existing is null)
            {
                // Never deleted by the ledger; gone means a person removed it. Leave it to the next attempt rather than race again.
                return new SendClaimResult(null, claimed with { Status = SendStatus.Failed, Retryable = true, Reason = "The ledger item vanished while it was being claimed." });
            }

            var current = StorageJson.Deserialize<SendRecord>(existing, name);
            var now = time.GetUtcNow();
            try
            {
                if (current.Status == SendStatus.Failed && current.Retryable)
                {
                    var retaken = claimed with { Attempt = current.Attempt + 1 };
                    var etag = await store.WriteAsync(name, StorageJson.Serialize(retaken), WriteCondition.IfMatch(existing.ETag), cancellationToken);
                    return new SendClaimResult(new SendClaim(retaken, etag), retaken);
                }

                if (current.StatusAt(now, options.Value.ClaimTimeout) == SendStatus.Unknown && current.Status == SendStatus.Claimed)
                {
                    // Its sender died after the claim, before or after the request left: nobody can tell, so it stays unsent from now on.
                    var unknown = current with
                    {
                        Status = SendStatus.Unknown,
                        CompletedAt = now,
                        Reason = $"Claimed by {current.ClaimedBy} at {current.ClaimedAt:u} and no outcome was recorded: it may or may not have been posted.",
                    };
                    await store.WriteAsync(name, StorageJson.Serialize(unknown), WriteCondition.IfMatch(existing.ETag), cancellationToken);
                    return new SendClaimResult(null, unknown);
                }
            }
            catch (ConcurrencyConflictException) when (look < 2)
            {
                // Another instance moved it on at the same moment; look again.
                continue;
            }
            catch (ConcurrencyConflictException)
            {
                return new SendClaimResult(null, current);
            }

            return new SendClaimResult(null, current);
        }
    }

    public async Task<SendRecord> CompleteAsync(SendClaim claim, SendCompletion completion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(completion);
        if (completion.Status is SendStatus.Claimed or SendStatus.Skipped or SendStatus.Missed)
        {
            throw new ArgumentException("A claimed send ends Sent, Failed, Gone or Unknown.", nameof(completion));
        }

        var done = claim.Record with
        {
            Status = completion.Status,
            ActivityId = completion.ActivityId,
            ConversationId = completion.ConversationId,
            Reason = completion.Reason,
            StatusCode = completion.StatusCode,
            ErrorCode = completion.ErrorCode,
            Retryable = completion.Status == SendStatus.Failed && completion.Retryable,
            CompletedAt = time.GetUtcNow(),
        };
        var name = SendKeys.ItemName(claim.Record.Key);
        try
        {
            await store.WriteAsync(name, StorageJson.Serialize(done), WriteCondition.IfMatch(claim.ETag), cancellationToken);
            return done;
        }
        catch (ConcurrencyConflictException)
        {
            var existing = await store.ReadAsync(name, cancellationToken);
            var current = existing is null ? null : StorageJson.Deserialize<SendRecord>(existing, name);
            if (current is null
                || current.Status != SendStatus.Unknown
                || current.Attempt != claim.Record.Attempt
                || current.ClaimedBy != claim.Record.ClaimedBy)
            {
                throw;
            }

            // Marked unknown by another instance while this one was still sending (a long stall): the truth wins.
            await store.WriteAsync(name, StorageJson.Serialize(done), WriteCondition.IfMatch(existing!.ETag), cancellationToken);
            return done;
        }
    }

    public async Task<SendRecord> RecordUnsentAsync(SendRequest request, SendStatus status, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (status is not (SendStatus.Skipped or SendStatus.Missed))
        {
            throw new ArgumentException("A send that does not happen is Skipped or Missed.", nameof(status));
        }

        var name = SendKeys.ItemName(request.Key);
        var record = New(request, status, attempt: 0) with { Reason = reason, CompletedAt = time.GetUtcNow() };
        try
        {
            await store.WriteAsync(name, StorageJson.Serialize(record), WriteCondition.IfAbsent, cancellationToken);
            return record;
        }
        catch (ConcurrencyConflictException)
        {
            return await GetAsync(request.Key, cancellationToken) ?? record;
        }
    }

    public async Task<SendRecord?> GetAsync(string key, CancellationToken cancellationToken)
    {
        if (!SendKeys.IsValid(key))
        {
            return null;
        }

        var name = SendKeys.ItemName(key);
        var blob = await store.ReadAsync(name, cancellationToken);
        return blob is null ? null : StorageJson.Deserialize<SendRecord>(blob, name);
    }

    public async Task<IReadOnlyList<string>> ListKeysAsync(string keyPrefix, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keyPrefix);
        var names = await store.ListAllAsync(SendKeys.Prefix + keyPrefix, cancellationToken);
        return names.Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Select(SendKeys.KeyOf).ToList();
    }

    public async Task<IReadOnlyList<SendRecord>> ReadManyAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var names = keys.Where(SendKeys.IsValid).Select(SendKeys.ItemName).ToList();
        var blobs = await store.ReadManyAsync(names, cancellationToken);
        return blobs.Where(b => b.Blob is not null).Select(b => StorageJson.Deserialize<SendRecord>(b.Blob!, b.Name)).ToList();
    }

    private SendRecord New(SendRequest request, SendStatus status, int attempt) => new()
    {
        Key = request.Key,
        Status = status,
        Target = request.Target,
        ClaimedBy = ProactiveInstance.Id,
        ClaimedAt = time.GetUtcNow(),
        Attempt = attempt,
        Details = request.Details is null ? new Dictionary<string, string>() : new Dictionary<string, string>(request.Details),
    };
}
