using System.Security.Cryptography;
using System.Text;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Stories;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Experiments;

/// <summary>What recording an outcome did.</summary>
public enum OutcomeRecording
{
    Recorded,

    /// <summary>This person (or story) was already counted for this delivery: a second press, a redelivery.</summary>
    AlreadyRecorded,

    /// <summary>The delivery id is not in the ledger (a forged or garbled button): nothing is counted.</summary>
    UnknownDelivery,

    /// <summary>A story submitted with no press by its teller on that delivery: not attributed to it.</summary>
    NoPress,

    /// <summary>A story submitted later than the attribution window after the press: not attributed.</summary>
    OutsideWindow,
}

/// <summary>
/// What nudges led to: presses, story dialogs started, stories submitted within the attribution window after a press,
/// pledges made and kept. Callers are the nudge buttons (press, pledge), the story dialog (started, submitted) and
/// the pledge reminders (kept). Every method is idempotent, so a redelivered activity or a re-run turn counts once.
/// </summary>
public interface IAttributionLedger
{
    /// <param name="variant">The variant the button carried; the ledger's own record of the delivery wins (a button can be forged).</param>
    /// <param name="personId">The presser's Entra object id (or Teams id); stored only as a keyed hash.</param>
    Task<OutcomeRecording> RecordPressAsync(string deliveryId, string? variant, string personId, CancellationToken cancellationToken);

    Task<OutcomeRecording> RecordDialogStartedAsync(string deliveryId, string? variant, string personId, CancellationToken cancellationToken);

    /// <summary>
    /// Attributes a submitted story to the delivery that started it (<see cref="Story.Origin"/>), when its teller
    /// pressed that delivery no longer than <see cref="ExperimentsOptions.AttributionWindow"/> before
    /// <paramref name="submittedAt"/>. Holds the story id only, never its text.
    /// </summary>
    Task<OutcomeRecording> RecordStorySubmittedAsync(StoryOrigin origin, string storyId, string personId, DateTimeOffset submittedAt, CancellationToken cancellationToken);

    Task<OutcomeRecording> RecordPledgeMadeAsync(string deliveryId, string? variant, string personId, CancellationToken cancellationToken);

    Task<OutcomeRecording> RecordPledgeKeptAsync(string deliveryId, string? variant, string personId, CancellationToken cancellationToken);

    /// <summary>Every outcome of a campaign, read from item names only (no item is opened).</summary>
    Task<IReadOnlyList<OutcomeFact>> ListAsync(string campaignId, CancellationToken cancellationToken);
}

/// <summary>
/// One item per event, created if absent: "outcomes/{campaign}/{kind}/{delivery id}/{subject}", where the subject
/// is a keyed hash of the person (press, started, pledged, kept) or the story id (submitted). Creating an item
/// either wins or finds it there, so several instances and many people pressing at once count exactly, with no
/// read-modify-write to lose; a report lists names under the campaign and opens nothing. The person hash is an
/// HMAC with a random key kept in storage ("keys/attribution"), so the names say nothing about who pressed.
/// </summary>
/// <remarks>
/// Withdrawal: the submitted item holds the story id, and every summary keeps a submitted story only while the
/// story still exists (<see cref="ExperimentSummaries"/> asks the story store; reports join against the storybook
/// index, which never lists a withdrawn story), so a withdrawn story leaves every later sample without this ledger
/// having to hear of it.
/// </remarks>
internal sealed partial class AttributionLedger(
    IBlobStore store,
    IDeliveryLedger deliveries,
    IOptions<ExperimentsOptions> options,
    TimeProvider time,
    ILogger<AttributionLedger> log) : IAttributionLedger
{
    public const string Prefix = "outcomes/";
    private const string KeyName = "keys/attribution";

    private static readonly Dictionary<OutcomeKind, string> Segments = new()
    {
        [OutcomeKind.Press] = "press",
        [OutcomeKind.DialogStarted] = "started",
        [OutcomeKind.StorySubmitted] = "submitted",
        [OutcomeKind.PledgeMade] = "pledged",
        [OutcomeKind.PledgeKept] = "kept",
    };

    private static readonly Dictionary<string, OutcomeKind> Kinds = Segments.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private byte[]? _key;

    public Task<OutcomeRecording> RecordPressAsync(string deliveryId, string? variant, string personId, CancellationToken cancellationToken) =>
        RecordPersonAsync(OutcomeKind.Press, deliveryId, variant, personId, cancellationToken);

    public Task<OutcomeRecording> RecordDialogStartedAsync(string deliveryId, string? variant, string personId, CancellationToken cancellationToken) =>
        RecordPersonAsync(OutcomeKind.DialogStarted, deliveryId, variant, personId, cancellationToken);

    public Task<OutcomeRecording> RecordPledgeMadeAsync(string deliveryId, string? variant, string personId, CancellationToken cancellationToken) =>
        RecordPersonAsync(OutcomeKind.PledgeMade, deliveryId, variant, personId, cancellationToken);

    public Task<OutcomeRecording> RecordPledgeKeptAsync(string deliveryId, string? variant, string personId, CancellationToken cancellationToken) =>
        RecordPersonAsync(OutcomeKind.PledgeKept, deliveryId, variant, personId, cancellationToken);

    public async Task<OutcomeRecording> RecordStorySubmittedAsync(StoryOrigin origin, string storyId, string personId, DateTimeOffset submittedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentException.ThrowIfNullOrEmpty(personId);
        if (!StoryIds.IsValid(storyId))
        {
            throw new ArgumentException($"'{storyId}' is not a story id.", nameof(storyId));
        }

        if (await DeliveryAsync(origin.DeliveryId, origin.Variant, cancellationToken) is not { } delivery)
        {
            return OutcomeRecording.UnknownDelivery;
        }

        var person = await PersonKeyAsync(personId, cancellationToken);
        var pressedAt = await ReadAtAsync(Name(delivery.CampaignId, OutcomeKind.Press, delivery.Id, person), cancellationToken)
            ?? await ReadAtAsync(Name(delivery.CampaignId, OutcomeKind.DialogStarted, delivery.Id, person), cancellationToken);
        if (pressedAt is not { } pressed)
        {
            LogNotAttributed(log, storyId, delivery.Id, "no press by its teller");
            return OutcomeRecording.NoPress;
        }

        if (submittedAt - pressed > options.Value.AttributionWindow)
        {
            LogNotAttributed(log, storyId, delivery.Id, "submitted after the attribution window");
            return OutcomeRecording.OutsideWindow;
        }

        return await CreateAsync(Name(delivery.CampaignId, OutcomeKind.StorySubmitted, delivery.Id, storyId), new OutcomeItem(submittedAt, pressed), cancellationToken);
    }

    public async Task<IReadOnlyList<OutcomeFact>> ListAsync(string campaignId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        if (!campaignId.All(BlobNames.IsNameChar))
        {
            return [];
        }

        var prefix = Prefix + campaignId + "/";
        var facts = new List<OutcomeFact>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(prefix, 5000, continuation, cancellationToken);
            foreach (var name in page.Names)
            {
                var parts = name[prefix.Length..].Split('/');
                if (parts.Length == 3 && Kinds.TryGetValue(parts[0], out var kind))
                {
                    facts.Add(new OutcomeFact(kind, parts[1], parts[2]));
                }
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        return facts;
    }

    private async Task<OutcomeRecording> RecordPersonAsync(OutcomeKind kind, string deliveryId, string? variant, string personId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        if (await DeliveryAsync(deliveryId, variant, cancellationToken) is not { } delivery)
        {
            return OutcomeRecording.UnknownDelivery;
        }

        var person = await PersonKeyAsync(personId, cancellationToken);
        return await CreateAsync(Name(delivery.CampaignId, kind, delivery.Id, person), new OutcomeItem(time.GetUtcNow(), null), cancellationToken);
    }

    private async Task<DeliveryRecord?> DeliveryAsync(string deliveryId, string? variant, CancellationToken cancellationToken)
    {
        var delivery = string.IsNullOrEmpty(deliveryId) ? null : await deliveries.GetAsync(deliveryId, cancellationToken);
        if (delivery is null)
        {
            LogUnknownDelivery(log);
            return null;
        }

        if (!string.Equals(variant ?? "", delivery.Variant ?? "", StringComparison.Ordinal))
        {
            // Counted all the same: summaries take the variant from the ledger, never from the button.
            LogVariantMismatch(log, delivery.Id, delivery.Variant);
        }

        return delivery;
    }

    private async Task<OutcomeRecording> CreateAsync(string name, OutcomeItem item, CancellationToken cancellationToken)
    {
        try
        {
            await store.WriteAsync(name, StorageJson.Serialize(item), WriteCondition.IfAbsent, cancellationToken);
            return OutcomeRecording.Recorded;
        }
        catch (ConcurrencyConflictException)
        {
            return OutcomeRecording.AlreadyRecorded;
        }
    }

    private async Task<DateTimeOffset?> ReadAtAsync(string name, CancellationToken cancellationToken) =>
        await store.ReadAsync(name, cancellationToken) is { } blob ? StorageJson.Deserialize<OutcomeItem>(blob, name).At : null;

    private static string Name(string campaignId, OutcomeKind kind, string deliveryId, string subject) =>
        $"{Prefix}{campaignId}/{Segments[kind]}/{deliveryId}/{subject}";

    /// <summary>HMAC-SHA256 of the person's id under the stored key, 128 bits in hex: the same person, the same name, on every instance.</summary>
    private async Task<string> PersonKeyAsync(string personId, CancellationToken cancellationToken)
    {
        var key = _key ?? await LoadKeyAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(personId)).AsSpan(0, 16));
    }

    private async Task<byte[]> LoadKeyAsync(CancellationToken cancellationToken)
    {
        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            if (_key is not null)
            {
                return _key;
            }

            try
            {
                await store.WriteAsync(KeyName, RandomNumberGenerator.GetBytes(32), WriteCondition.IfAbsent, cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Another instance (or an earlier run) made it: everyone uses that one.
            }

            var stored = await store.ReadAsync(KeyName, cancellationToken)
                ?? throw new InvalidOperationException($"The attribution key '{KeyName}' vanished right after it was written.");
            return _key = stored.Content.ToArray();
        }
        finally
        {
            _keyGate.Release();
        }
    }

    /// <summary>When it happened; for a submitted story, also when its teller pressed.</summary>
    private sealed record OutcomeItem(DateTimeOffset At, DateTimeOffset? PressedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "An outcome named a delivery the ledger does not have; nothing was counted")]
    private static partial void LogUnknownDelivery(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A button of delivery {DeliveryId} carried a variant other than the ledger's {Variant}; the ledger's counts")]
    private static partial void LogVariantMismatch(ILogger logger, string deliveryId, string? variant);

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} was not attributed to delivery {DeliveryId}: {Reason}")]
    private static partial void LogNotAttributed(ILogger logger, string storyId, string deliveryId, string reason);
}
