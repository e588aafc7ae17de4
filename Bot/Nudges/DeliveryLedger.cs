using System.Globalization;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>Where one nudge to one channel stands, as admins see it.</summary>
public enum DeliveryStatus
{
    /// <summary>Claimed by a live instance and on its way.</summary>
    Sending,

    Sent,

    /// <summary>Not posted; <see cref="DeliveryRecord.Retryable"/> says whether the scheduler will try again.</summary>
    Failed,

    /// <summary>The channel answered 403/404 and is marked gone.</summary>
    Gone,

    /// <summary>It may or may not have been posted (the bot died or Teams gave no clear answer after the request left). Never re-sent.</summary>
    Unknown,

    /// <summary>Not sent on purpose: muted, gone already, or the channel's daily limit reached (see the reason).</summary>
    Skipped,

    /// <summary>The slot passed while the bot was down, beyond the grace window.</summary>
    Missed,
}

/// <summary>Why a channel was skipped; stored as the record's reason code.</summary>
public enum SkipReason
{
    Muted,
    Gone,
    DailyLimit,

    /// <summary>The channel is not (or no longer) registered: the bot is not installed in its team.</summary>
    NotRegistered,
}

/// <summary>One nudge to one channel for one slot of a campaign, as the ledger remembers it.</summary>
public sealed record DeliveryRecord
{
    /// <summary>"{campaign}~{slot}~{channel key}" (<see cref="DeliveryIds"/>): what the card's buttons carry.</summary>
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public required DateTimeOffset SlotUtc { get; init; }
    public required string ChannelId { get; init; }
    public required DeliveryStatus Status { get; init; }

    /// <summary>Which instance claimed or recorded it (machine/process/start).</summary>
    public required string ClaimedBy { get; init; }
    public required DateTimeOffset ClaimedAt { get; init; }

    /// <summary>1 for the first claim; a retried failure counts up; 0 for a skip or a miss.</summary>
    public int Attempt { get; init; }

    /// <summary>The catalogue entry posted (e.g. "story-of-the-day").</summary>
    public string? NudgeId { get; init; }

    /// <summary>The entry the plan (or the admin) asked for, when another was used instead.</summary>
    public string? PlannedNudgeId { get; init; }

    public string? Variant { get; init; }

    /// <summary>The featured story, for story of the day.</summary>
    public string? StoryId { get; init; }

    /// <summary>The admin who sent it now (Entra object id); null for a scheduled slot.</summary>
    public string? SentBy { get; init; }

    /// <summary>The id of the posted activity, when sent.</summary>
    public string? ActivityId { get; init; }

    /// <summary>The new thread's conversation id, when sent.</summary>
    public string? ThreadId { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Why it failed, was skipped or is unknown, in words (never message text).</summary>
    public string? Reason { get; init; }

    public SkipReason? Skip { get; init; }

    /// <summary>A failure the scheduler will try again while the slot is within its grace window.</summary>
    public bool Retryable { get; init; }

    /// <summary>Counts against the channel's daily limit: it was, or may have been, posted.</summary>
    public bool CountsAsPosted => Status is DeliveryStatus.Sent or DeliveryStatus.Sending or DeliveryStatus.Unknown;

    /// <summary>Nothing more will happen to it.</summary>
    public bool IsFinal => Status is not (DeliveryStatus.Sending) && !(Status == DeliveryStatus.Failed && Retryable);
}

/// <summary>
/// The deliveries of nudges, for the fan-out and for admins: a typed view of the proactive send ledger's
/// records under "nudges/". The ledger itself (claims, outcomes, unknowns) belongs to <see cref="ISendLedger"/>.
/// </summary>
public interface IDeliveryLedger
{
    Task<DeliveryRecord?> GetAsync(string deliveryId, CancellationToken cancellationToken);

    /// <summary>Every delivery of a campaign, oldest slot first: for reports (sent, skipped, failed, unknown, missed).</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListForCampaignAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>The deliveries of one slot (one per channel that has a record).</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListForSlotAsync(string campaignId, DateTimeOffset slotUtc, CancellationToken cancellationToken);

    /// <summary>The deliveries of slots in [<paramref name="fromUtc"/>, <paramref name="untilUtc"/>), e.g. one local day.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListBetweenAsync(string campaignId, DateTimeOffset fromUtc, DateTimeOffset untilUtc, CancellationToken cancellationToken);

    /// <summary>Every missed slot delivery of a campaign, for admins.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListMissedAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Records a channel skipped or a slot missed, unless the delivery already has a record; returns what stands.</summary>
    Task<DeliveryRecord> RecordUnsentAsync(DeliveryKey delivery, DeliveryStatus status, SkipReason? skip, string reason, CancellationToken cancellationToken);
}

/// <summary>One (campaign, slot, channel).</summary>
public sealed record DeliveryKey(string CampaignId, DateTimeOffset SlotUtc, string ChannelId)
{
    public string Id => DeliveryIds.For(CampaignId, SlotUtc, ChannelId);

    /// <summary>The key in the proactive send ledger.</summary>
    public string SendKey => DeliveryIds.SendKey(Id)!;

    /// <summary>What the ledger keeps with the record so it can be read back as a <see cref="DeliveryRecord"/>.</summary>
    internal Dictionary<string, string> Details() => new(StringComparer.Ordinal)
    {
        [DeliveryDetails.Campaign] = CampaignId,
        [DeliveryDetails.Slot] = SlotUtc.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        [DeliveryDetails.Channel] = ChannelId,
    };
}

/// <summary>
/// Delivery ids are "{campaign id}~{slot, UTC, yyyyMMddTHHmm}~{channel key}", safe in names and card data; the
/// ledger key is "nudges/{campaign id}/{slot}/{channel key}", so one campaign, or one slot, lists by prefix.
/// </summary>
public static class DeliveryIds
{
    private const string SlotFormat = "yyyyMMdd'T'HHmm";
    internal const string KeyPrefix = "nudges/";

    public static string For(string campaignId, DateTimeOffset slotUtc, string channelId)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        return $"{campaignId}~{Slot(slotUtc)}~{BlobNames.EncodeKey(channelId)}";
    }

    /// <summary>The send-ledger key of a delivery id, or null for an id that is not one.</summary>
    public static string? SendKey(string deliveryId)
    {
        var parts = deliveryId?.Split('~');
        if (parts is not { Length: 3 } || parts.Any(p => p.Length == 0 || !p.All(BlobNames.IsNameChar)))
        {
            return null;
        }

        var key = KeyPrefix + string.Join('/', parts);
        return SendKeys.IsValid(key) ? key : null;
    }

    internal static string CampaignPrefix(string campaignId) => $"{KeyPrefix}{campaignId}/";

    internal static string SlotPrefix(string campaignId, DateTimeOffset slotUtc) => $"{KeyPrefix}{campaignId}/{Slot(slotUtc)}/";

    /// <summary>The slot instant in a ledger key (minute precision), or null.</summary>
    internal static DateTimeOffset? SlotOfKey(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 4 && DateTimeOffset.TryParseExact(parts[2], SlotFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var slot)
            ? slot.ToUniversalTime()
            : null;
    }

    internal static string Slot(DateTimeOffset slotUtc) => slotUtc.UtcDateTime.ToString(SlotFormat, CultureInfo.InvariantCulture);
}

/// <summary>The names under which a delivery's facts are kept in the send ledger's details.</summary>
internal static class DeliveryDetails
{
    public const string Campaign = "campaign";
    public const string Slot = "slot";
    public const string Channel = "channel";
    public const string Entry = "entry";
    public const string Planned = "planned";
    public const string Variant = "variant";
    public const string Story = "story";
    public const string SentBy = "sentBy";
    public const string Skip = "skip";
}

internal sealed class DeliveryLedger(ISendLedger sends, IOptions<ProactiveOptions> proactive, TimeProvider time) : IDeliveryLedger
{
    public async Task<DeliveryRecord?> GetAsync(string deliveryId, CancellationToken cancellationToken)
    {
        if (DeliveryIds.SendKey(deliveryId) is not { } key)
        {
            return null;
        }

        var record = await sends.GetAsync(key, cancellationToken);
        return record is null ? null : ToDelivery(record);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListForCampaignAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (!IsNameSafe(campaignId))
        {
            return [];
        }

        var keys = await sends.ListKeysAsync(DeliveryIds.CampaignPrefix(campaignId), cancellationToken);
        return await ReadAsync(keys, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListForSlotAsync(string campaignId, DateTimeOffset slotUtc, CancellationToken cancellationToken)
    {
        if (!IsNameSafe(campaignId))
        {
            return [];
        }

        var keys = await sends.ListKeysAsync(DeliveryIds.SlotPrefix(campaignId, slotUtc), cancellationToken);
        return await ReadAsync(keys, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListBetweenAsync(string campaignId, DateTimeOffset fromUtc, DateTimeOffset untilUtc, CancellationToken cancellationToken)
    {
        if (!IsNameSafe(campaignId) || untilUtc <= fromUtc)
        {
            return [];
        }

        // Slot segments start with the UTC date, so a local day is one or two date prefixes; only those names are listed.
        var keys = new List<string>();
        for (var date = fromUtc.UtcDateTime.Date; date < untilUtc.UtcDateTime; date = date.AddDays(1))
        {
            var prefix = DeliveryIds.CampaignPrefix(campaignId) + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            keys.AddRange(await sends.ListKeysAsync(prefix, cancellationToken));
        }

        var wanted = keys.Where(k => DeliveryIds.SlotOfKey(k) is { } slot && slot >= Minute(fromUtc) && slot < untilUtc).ToList();
        return await ReadAsync(wanted, cancellationToken);
    }

    public async Task<IReadOnlyList<DeliveryRecord>> ListMissedAsync(string campaignId, CancellationToken cancellationToken) =>
        (await ListForCampaignAsync(campaignId, cancellationToken)).Where(d => d.Status == DeliveryStatus.Missed).ToList();

    public async Task<DeliveryRecord> RecordUnsentAsync(DeliveryKey delivery, DeliveryStatus status, SkipReason? skip, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var sendStatus = status switch
        {
            DeliveryStatus.Skipped => SendStatus.Skipped,
            DeliveryStatus.Missed => SendStatus.Missed,
            _ => throw new ArgumentException("An unsent delivery is Skipped or Missed.", nameof(status)),
        };
        var details = delivery.Details();
        if (skip is { } why)
        {
            details[DeliveryDetails.Skip] = why.ToString();
        }

        var record = await sends.RecordUnsentAsync(new SendRequest(delivery.SendKey, delivery.ChannelId, details), sendStatus, reason, cancellationToken);
        return ToDelivery(record);
    }

    private async Task<IReadOnlyList<DeliveryRecord>> ReadAsync(IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var records = await sends.ReadManyAsync(keys, cancellationToken);
        return records.Select(ToDelivery).OrderBy(d => d.SlotUtc).ThenBy(d => d.ChannelId, StringComparer.Ordinal).ToList();
    }

    private DeliveryRecord ToDelivery(SendRecord record)
    {
        var details = record.Details;
        string? Detail(string name) => details.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
        var parts = record.Key.Split('/');
        var slot = Detail(DeliveryDetails.Slot) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : DeliveryIds.SlotOfKey(record.Key) ?? DateTimeOffset.MinValue;
        return new DeliveryRecord
        {
            Id = parts.Length == 4 ? string.Join('~', parts[1..]) : record.Key,
            CampaignId = Detail(DeliveryDetails.Campaign) ?? (parts.Length > 1 ? parts[1] : ""),
            SlotUtc = slot,
            ChannelId = Detail(DeliveryDetails.Channel) ?? record.Target ?? "",
            Status = record.StatusAt(time.GetUtcNow(), proactive.Value.ClaimTimeout) switch
            {
                SendStatus.Claimed => DeliveryStatus.Sending,
                SendStatus.Sent => DeliveryStatus.Sent,
                SendStatus.Failed => DeliveryStatus.Failed,
                SendStatus.Gone => DeliveryStatus.Gone,
                SendStatus.Unknown => DeliveryStatus.Unknown,
                SendStatus.Skipped => DeliveryStatus.Skipped,
                _ => DeliveryStatus.Missed,
            },
            ClaimedBy = record.ClaimedBy,
            ClaimedAt = record.ClaimedAt,
            Attempt = record.Attempt,
            NudgeId = Detail(DeliveryDetails.Entry),
            PlannedNudgeId = Detail(DeliveryDetails.Planned),
            Variant = Detail(DeliveryDetails.Variant),
            StoryId = Detail(DeliveryDetails.Story),
            SentBy = Detail(DeliveryDetails.SentBy),
            ActivityId = record.ActivityId,
            ThreadId = record.ConversationId,
            CompletedAt = record.CompletedAt,
            Reason = record.Reason,
            Skip = Enum.TryParse<SkipReason>(Detail(DeliveryDetails.Skip), out var skip) ? skip : null,
            Retryable = record.Retryable,
        };
    }

    private static DateTimeOffset Minute(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
    }

    private static bool IsNameSafe(string campaignId) =>
        !string.IsNullOrEmpty(campaignId) && campaignId.All(BlobNames.IsNameChar);
}
