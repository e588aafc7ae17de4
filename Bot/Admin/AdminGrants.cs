using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Admin;

/// <summary>An admin made by another admin in chat. Bootstrap admins come from configuration and are never stored here.</summary>
public sealed record AdminGrant(string AadObjectId, string? Name, string GrantedBy, DateTimeOffset GrantedAt);

/// <summary>Every grant, in one item: a team has a handful of admins, and one ETag makes add and remove safe to race.</summary>
public sealed record AdminGrantList
{
    public IReadOnlyList<AdminGrant> Grants { get; init; } = [];
}

public interface IAdminGrantStore
{
    Task<Versioned<AdminGrantList>?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Conditional on <paramref name="etag"/> (null = create). Throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> SaveAsync(AdminGrantList grants, string? etag, CancellationToken cancellationToken);
}

/// <summary>"admin/grants.json".</summary>
internal sealed class AdminGrantStore(IBlobStore store) : IAdminGrantStore
{
    private const string Name = "admin/grants.json";

    public async Task<Versioned<AdminGrantList>?> GetAsync(CancellationToken cancellationToken)
    {
        var blob = await store.ReadAsync(Name, cancellationToken);
        return blob is null ? null : new Versioned<AdminGrantList>(StorageJson.Deserialize<AdminGrantList>(blob, Name), blob.ETag);
    }

    public Task<string> SaveAsync(AdminGrantList grants, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grants);
        return store.WriteAsync(Name, StorageJson.Serialize(grants), WriteCondition.FromETag(etag), cancellationToken);
    }
}
