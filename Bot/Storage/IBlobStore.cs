namespace InfoStoryBot.Bot.Storage;

/// <summary>
/// The one storage seam: named items (blobs or files) with ETags. Every purpose-named store sits on top of
/// it, and the contract suite holds both implementations (Azure Blob, local folder) to the same semantics.
/// Names are validated by <see cref="BlobNames"/> so that whatever works locally also works in Azure.
/// </summary>
public interface IBlobStore
{
    /// <summary>Creates the container or folder if it is missing. Called once at start-up.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>The item and its ETag, or null when it does not exist.</summary>
    Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the whole item. Throws <see cref="ConcurrencyConflictException"/> when the condition does not hold
    /// (the item exists for <see cref="WriteCondition.IfAbsent"/>, or its ETag differs or it is gone for IfMatch).
    /// Returns the new ETag.
    /// </summary>
    Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the item; false when it did not exist. With <paramref name="ifMatch"/>, throws
    /// <see cref="ConcurrencyConflictException"/> when the item changed since that ETag was read.
    /// </summary>
    Task<bool> DeleteAsync(string name, string? ifMatch, CancellationToken cancellationToken);

    /// <summary>
    /// Names starting with <paramref name="prefix"/>, in ordinal (byte) order, at most <paramref name="maxResults"/>
    /// (1..5000, Azure's own ceiling) per page. Pass the returned continuation back for the next page; null means done.
    /// Listing never reads item contents.
    /// </summary>
    Task<BlobPage> ListAsync(string prefix, int maxResults, string? continuation, CancellationToken cancellationToken);

    /// <summary>
    /// A lock on a dedicated lock item (created empty when missing), held for <paramref name="duration"/>
    /// (15 to 60 seconds, as Azure allows) unless renewed. Null when someone else holds it.
    /// Lock items are only for locking: do not also write data to them through <see cref="WriteAsync"/>.
    /// </summary>
    Task<IBlobLease?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken);
}

public sealed record StoredBlob(ReadOnlyMemory<byte> Content, string ETag);

public sealed record BlobPage(IReadOnlyList<string> Names, string? Continuation);

/// <summary>When a write may happen: always, only if the item is absent (create), or only if its ETag matches.</summary>
public readonly record struct WriteCondition
{
    private WriteCondition(bool ifAbsent, string? ifMatch)
    {
        RequireAbsent = ifAbsent;
        IfMatchETag = ifMatch;
    }

    public bool RequireAbsent { get; }

    public string? IfMatchETag { get; }

    public static WriteCondition Always => default;

    public static WriteCondition IfAbsent => new(true, null);

    public static WriteCondition IfMatch(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new(false, etag);
    }

    /// <summary>The storage convention of the purpose-named stores: a null ETag means "create".</summary>
    public static WriteCondition FromETag(string? etag) => etag is null ? IfAbsent : IfMatch(etag);
}

public interface IBlobLease : IAsyncDisposable
{
    string Name { get; }

    string LeaseId { get; }

    /// <summary>Extends the lease by its duration. Throws <see cref="ConcurrencyConflictException"/> when it was lost.</summary>
    Task RenewAsync(CancellationToken cancellationToken);

    Task ReleaseAsync(CancellationToken cancellationToken);
}
