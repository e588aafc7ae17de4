using System.Globalization;
using System.Security.Cryptography;
using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Admin;

/// <summary>One change made by an admin. <see cref="Details"/> is a short description, never story text.</summary>
public sealed record AuditEntry
{
    public required DateTimeOffset At { get; init; }

    /// <summary>Entra object id of who did it.</summary>
    public required string ActorAadObjectId { get; init; }

    public string? ActorName { get; init; }

    /// <summary>A stable verb, e.g. "campaign.create", "story.approve", "admin.grant".</summary>
    public required string Action { get; init; }

    /// <summary>What it was done to (a campaign id, a story id, an object id).</summary>
    public string? Target { get; init; }

    public string? Details { get; init; }
}

public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="count"/> entries (1 to 500), newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> ListRecentAsync(int count, CancellationToken cancellationToken);
}

/// <summary>
/// Append-only: "audit/{long.MaxValue - ticks, 19 digits}-{random}.json", each entry its own item created if
/// absent, so concurrent admins never overwrite each other and a listing of "audit/" is newest first.
/// </summary>
internal sealed class AuditLog(IBlobStore store) : IAuditLog
{
    public const int MaxCount = 500;
    private const string Prefix = "audit/";

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.Action);
        ArgumentException.ThrowIfNullOrEmpty(entry.ActorAadObjectId);
        var inverted = (long.MaxValue - entry.At.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        var name = $"{Prefix}{inverted}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.json";
        await store.WriteAsync(name, StorageJson.Serialize(entry), WriteCondition.IfAbsent, cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> ListRecentAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        var page = await store.ListAsync(Prefix, count, null, cancellationToken);
        var blobs = await store.ReadManyAsync(page.Names, cancellationToken);
        return blobs.Where(b => b.Blob is not null).Select(b => StorageJson.Deserialize<AuditEntry>(b.Blob!, b.Name)).ToList();
    }
}
