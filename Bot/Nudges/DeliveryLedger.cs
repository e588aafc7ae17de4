using System.Globalization;
using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Nudges;

public enum DeliveryStatus
{
    Claimed,
    Sent,
    Failed,
    Skipped,
}

/// <summary>One nudge to one channel for one slot of a campaign, as the ledger remembers it.</summary>
public sealed record DeliveryRecord
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public required DateTimeOffset SlotUtc { get; init; }
    public required string ChannelId { get; init; }
    public DeliveryStatus Status { get; init; } = DeliveryStatus.Claimed;

    /// <summary>Which instance claimed it (machine and process), to explain a stuck claim.</summary>
    public required string ClaimedBy { get; init; }
    public required DateTimeOffset ClaimedAt { get; init; }

    /// <summary>1 for the first claim; a stale or retryable claim taken over counts up.</summary>
    public int Attempt { get; init; } = 1;
    public string? NudgeId { get; init; }
    public string? Variant { get; init; }

    /// <summary>The id of the posted activity, when sent.</summary>
    public string? ActivityId { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Why it failed or was skipped, in words (never message text).</summary>
    public string? Reason { get; init; }

    /// <summary>A failure worth another attempt at the next scheduler tick (429 or 5xx from Teams).</summary>
    public bool Retryable { get; init; }
}

public sealed record DeliveryRequest(string CampaignId, DateTimeOffset SlotUtc, string ChannelId, string ClaimedBy, string? NudgeId = null, string? Variant = null);

/// <summary>A claim held by this instance; record its outcome with the same object.</summary>
public sealed record DeliveryClaim(DeliveryRecord Record, string ETag);

public sealed record DeliveryOutcome(DeliveryStatus Status, string? ActivityId = null, string? Reason = null, bool Retryable = false);

/// <summary>
/// The ledger that makes a delivery happen once even with several instances: a delivery is claimed by
/// creating its item if absent, so only one instance gets the claim and sends.
/// </summary>
public interface IDeliveryLedger
{
    /// <summary>
    /// Claims the delivery. Null when another instance holds a live claim or it is already done. A claim older
    /// than <paramref name="staleAfter"/> without an outcome (the claimer died), or a retryable failure, is taken
    /// over conditionally, so again only one instance wins.
    /// </summary>
    Task<DeliveryClaim?> TryClaimAsync(DeliveryRequest request, TimeSpan staleAfter, CancellationToken cancellationToken);

    /// <summary>Records how it went. Throws <see cref="ConcurrencyConflictException"/> when the claim was taken over meanwhile.</summary>
    Task<DeliveryRecord> RecordOutcomeAsync(DeliveryClaim claim, DeliveryOutcome outcome, CancellationToken cancellationToken);

    Task<DeliveryRecord?> GetAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>Every delivery of a campaign, for reports.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListForCampaignAsync(string campaignId, CancellationToken cancellationToken);
}

/// <summary>
/// Delivery ids are "{campaign id}~{slot, UTC, yyyyMMddTHHmm}~{channel key}", safe in names and card data;
/// the item is "deliveries/{campaign id}/{slot}/{channel key}.json", so one campaign lists by prefix.
/// </summary>
public static class DeliveryIds
{
    public static string For(string campaignId, DateTimeOffset slotUtc, string channelId)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        return $"{campaignId}~{slotUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture)}~{BlobNames.EncodeKey(channelId)}";
    }

    internal static string? ItemName(string deliveryId)
    {
        var parts = deliveryId.Split('~');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || !p.All(BlobNames.IsNameChar)))
        {
            return null;
        }

        return $"deliveries/{parts[0]}/{parts[1]}/{parts[2]}.json";
    }
}

internal sealed class DeliveryLedger(IBlobStore store, TimeProvider time) : IDeliveryLedger
{
    public async Task<DeliveryClaim?> TryClaimAsync(DeliveryRequest request, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = DeliveryIds.For(request.CampaignId, request.SlotUtc, request.ChannelId);
        var name = DeliveryIds.ItemName(id) ?? throw new ArgumentException($"Campaign id '{request.CampaignId}' cannot be part of a delivery id.", nameof(request));
        var record = new DeliveryRecord
        {
            Id = id,
            CampaignId = request.CampaignId,
            SlotUtc = request.SlotUtc.ToUniversalTime(),
            ChannelId = request.ChannelId,
            ClaimedBy = request.ClaimedBy,
            ClaimedAt = time.GetUtcNow(),
            NudgeId = request.NudgeId,
            Variant = request.Variant,
        };

        try
        {
            var etag = await store.WriteAsync(name, StorageJson.Serialize(record), WriteCondition.IfAbsent, cancellationToken);
            return new DeliveryClaim(record, etag);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone claimed it first; see below whether that claim is dead or retryable.
        }

        var existing = await store.ReadAsync(name, cancellationToken);
        if (existing is null)
        {
            return null; // deleted meanwhile: leave it to the next tick rather than race again
        }

        var current = StorageJson.Deserialize<DeliveryRecord>(existing, name);
        var takeOver = (current.Status == DeliveryStatus.Claimed && time.GetUtcNow() - current.ClaimedAt > staleAfter)
            || (current.Status == DeliveryStatus.Failed && current.Retryable);
        if (!takeOver)
        {
            return null;
        }

        var retaken = record with { Attempt = current.Attempt + 1 };
        try
        {
            var etag = await store.WriteAsync(name, StorageJson.Serialize(retaken), WriteCondition.IfMatch(existing.ETag), cancellationToken);
            return new DeliveryClaim(retaken, etag);
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    public async Task<DeliveryRecord> RecordOutcomeAsync(DeliveryClaim claim, DeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status == DeliveryStatus.Claimed)
        {
            throw new ArgumentException("An outcome is Sent, Failed or Skipped.", nameof(outcome));
        }

        var done = claim.Record with
        {
            Status = outcome.Status,
            ActivityId = outcome.ActivityId,
            Reason = outcome.Reason,
            Retryable = outcome.Status == DeliveryStatus.Failed && outcome.Retryable,
            CompletedAt = time.GetUtcNow(),
        };
        var name = DeliveryIds.ItemName(claim.Record.Id)!;
        await store.WriteAsync(name, StorageJson.Serialize(done), WriteCondition.IfMatch(claim.ETag), cancellationToken);
        return done;
    }

    public async Task<DeliveryRecord?> GetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        if (DeliveryIds.ItemName(deliveryId) is not { } name)
        {
            return null;
        }

        var blob = await store.ReadAsync(name, cancellationToken);
        return blob is null ? null : StorageJson.Deserialize<DeliveryRecord>(blob, name);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListForCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        if (!campaignId.All(BlobNames.IsNameChar))
        {
            return [];
        }

        var names = await store.ListAllAsync($"deliveries/{campaignId}/", cancellationToken);
        var blobs = await store.ReadManyAsync(names, cancellationToken);
        return blobs.Where(b => b.Blob is not null).Select(b => StorageJson.Deserialize<DeliveryRecord>(b.Blob!, b.Name)).ToList();
    }
}
