using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>Where a pledge stands.</summary>
public enum PledgeStatus
{
    /// <summary>Made; its reminder (if any) is still to come, and a story now keeps it.</summary>
    Open,

    /// <summary>Its one reminder went (or may have gone: an unknown send is never sent again). A story now still keeps it.</summary>
    Reminded,

    /// <summary>The person told a story after pledging: thanked by the figures, never reminded.</summary>
    Kept,

    /// <summary>The reminder could not go (no chat, or the bot was down far past its time).</summary>
    NotReminded,
}

/// <summary>
/// "I’ll share a story this week", by one person on one nudge post. Holds ids and an address, never story text.
/// </summary>
/// <param name="PersonId">The Entra object id (the Teams id where there is none), as stories record their teller.</param>
/// <param name="Chat">The person's 1:1 chat, opened when they picked a reminder time, so the reminder needs no Connector call but the send.</param>
public sealed record Pledge
{
    public required string Id { get; init; }
    public required string DeliveryId { get; init; }
    public required string CampaignId { get; init; }
    public string? Variant { get; init; }
    public required string PersonId { get; init; }
    public required DateTimeOffset MadeAt { get; init; }
    public PledgeStatus Status { get; init; } = PledgeStatus.Open;

    /// <summary>When to remind, in UTC; null while no time is picked, or when the person wanted no reminder.</summary>
    public DateTimeOffset? RemindAt { get; init; }

    /// <summary>The zone the person picked the time in (for wording it back).</summary>
    public string? ZoneId { get; init; }

    public ConversationReference? Chat { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>The story that kept it.</summary>
    public string? StoryId { get; init; }

    /// <summary>Why it was not reminded, in words (never message text).</summary>
    public string? Reason { get; init; }

    /// <summary>A story still counts for it: made and not yet kept, reminded or not.</summary>
    public bool IsOpen => Status is PledgeStatus.Open or PledgeStatus.Reminded;
}

/// <summary>A reminder that is due: the index entry and the time it names.</summary>
public sealed record DuePledge(string EntryName, string PledgeId, DateTimeOffset At);

/// <summary>
/// Pledges and their reminders, kept so that several instances and restarts remind each person once. Each pledge is one
/// item written conditionally on its ETag; a reminder time is also an empty index entry whose name holds the time, so
/// "what is due" is a listing (in time order) that opens nothing but the due pledges; a person's pledges are listed the
/// same way when a story of theirs arrives.
/// </summary>
public interface IPledgeStore
{
    /// <summary>The id of one person's pledge on one delivery: the same press, the same pledge, on every instance.</summary>
    string IdFor(string deliveryId, string personId);

    Task<Versioned<Pledge>?> GetAsync(string pledgeId, CancellationToken cancellationToken);

    /// <summary>Stores a new pledge, or returns the one already stored under its id.</summary>
    Task<Versioned<Pledge>> MakeAsync(Pledge pledge, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the pledge conditionally on <paramref name="etag"/>, keeping the due index in step (a new reminder time
    /// is indexed before the pledge names it; an index entry the pledge no longer names is removed after). Throws
    /// <see cref="ConcurrencyConflictException"/> when someone else changed it first.
    /// </summary>
    Task<Versioned<Pledge>> UpdateAsync(Pledge pledge, string etag, CancellationToken cancellationToken);

    /// <summary>Index entries due at or before <paramref name="nowUtc"/>, oldest first.</summary>
    Task<IReadOnlyList<DuePledge>> DueAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken);

    Task RemoveDueAsync(DuePledge due, CancellationToken cancellationToken);

    /// <summary>Every pledge the person made.</summary>
    Task<IReadOnlyList<Versioned<Pledge>>> ForPersonAsync(string personId, CancellationToken cancellationToken);
}

internal sealed class PledgeStore(IBlobStore store) : IPledgeStore
{
    private const string Items = "pledges/items/";
    private const string Due = "pledges/due/";
    private const string People = "pledges/people/";
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    public string IdFor(string deliveryId, string personId)
    {
        ArgumentException.ThrowIfNullOrEmpty(deliveryId);
        ArgumentException.ThrowIfNullOrEmpty(personId);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId + "\n" + personId)).AsSpan(0, 12));
    }

    public async Task<Versioned<Pledge>?> GetAsync(string pledgeId, CancellationToken cancellationToken)
    {
        if (!IsId(pledgeId))
        {
            return null;
        }

        var name = ItemName(pledgeId);
        var blob = await store.ReadAsync(name, cancellationToken);
        return blob is null ? null : new Versioned<Pledge>(StorageJson.Deserialize<Pledge>(blob, name), blob.ETag);
    }

    public async Task<Versioned<Pledge>> MakeAsync(Pledge pledge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pledge);

        // The person's entry first: a pledge that exists is always found when their story arrives.
        await store.WriteAsync(PersonName(pledge.PersonId, pledge.Id), ReadOnlyMemory<byte>.Empty, WriteCondition.Always, cancellationToken);
        try
        {
            var etag = await store.WriteAsync(ItemName(pledge.Id), StorageJson.Serialize(pledge), WriteCondition.IfAbsent, cancellationToken);
            return new Versioned<Pledge>(pledge, etag);
        }
        catch (ConcurrencyConflictException)
        {
            // The same person pressed again (or on another instance): the pledge they made first stands.
            return await GetAsync(pledge.Id, cancellationToken) ?? throw new InvalidOperationException($"Pledge {pledge.Id} vanished right after it was found.");
        }
    }

    public async Task<Versioned<Pledge>> UpdateAsync(Pledge pledge, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pledge);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var before = await GetAsync(pledge.Id, cancellationToken);
        if (pledge.Status == PledgeStatus.Open && pledge.RemindAt is { } at)
        {
            // Indexed before the pledge names it: a crash in between leaves an entry that names nothing, which the
            // reminders drop, never a pledge whose reminder nobody will find.
            await store.WriteAsync(DueName(at, pledge.Id), ReadOnlyMemory<byte>.Empty, WriteCondition.Always, cancellationToken);
        }

        var written = await store.WriteAsync(ItemName(pledge.Id), StorageJson.Serialize(pledge), WriteCondition.IfMatch(etag), cancellationToken);
        if (before?.Value.RemindAt is { } old && (old != pledge.RemindAt || pledge.Status != PledgeStatus.Open))
        {
            await store.DeleteAsync(DueName(old, pledge.Id), null, cancellationToken);
        }

        return new Versioned<Pledge>(pledge, written);
    }

    public async Task<IReadOnlyList<DuePledge>> DueAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        var due = new List<DuePledge>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(Due, 1000, continuation, cancellationToken);
            foreach (var name in page.Names)
            {
                var rest = name[Due.Length..];
                var cut = rest.IndexOf('~', StringComparison.Ordinal);
                if (cut < 0 || !DateTimeOffset.TryParseExact(rest[..cut], TimeFormat, CultureInfo.InvariantCulture,
                        DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                {
                    continue;
                }

                if (at > nowUtc)
                {
                    return due; // names sort by time: nothing later is due either
                }

                due.Add(new DuePledge(name, rest[(cut + 1)..], at));
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        return due;
    }

    public Task RemoveDueAsync(DuePledge due, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        return due.EntryName.StartsWith(Due, StringComparison.Ordinal)
            ? store.DeleteAsync(due.EntryName, null, cancellationToken)
            : throw new ArgumentException($"'{due.EntryName}' is not a pledge reminder entry.", nameof(due));
    }

    public async Task<IReadOnlyList<Versioned<Pledge>>> ForPersonAsync(string personId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(personId);
        var prefix = People + BlobNames.EncodeKey(personId) + "/";
        var ids = (await store.ListAllAsync(prefix, cancellationToken)).Select(n => n[prefix.Length..]).Where(IsId).ToList();
        var blobs = await store.ReadManyAsync([.. ids.Select(ItemName)], cancellationToken);
        return [.. blobs.Where(b => b.Blob is not null).Select(b => new Versioned<Pledge>(StorageJson.Deserialize<Pledge>(b.Blob!, b.Name), b.Blob!.ETag))];
    }

    private static bool IsId(string? id) => id is { Length: 24 } && id.All(char.IsAsciiHexDigitLower);

    private static string ItemName(string pledgeId) => Items + pledgeId + ".json";

    private static string DueName(DateTimeOffset at, string pledgeId) =>
        Due + at.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture) + "~" + pledgeId;

    private static string PersonName(string personId, string pledgeId) => People + BlobNames.EncodeKey(personId) + "/" + pledgeId;
}
