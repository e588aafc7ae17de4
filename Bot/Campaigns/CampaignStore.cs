using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Dialogs.Campaigns;

namespace InfoStoryBot.Bot.Campaigns;

public interface ICampaignStore
{
    Task<Versioned<Campaign>?> GetAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>Conditional on <paramref name="etag"/> (null = create, the id must be new). Throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> SaveAsync(Campaign campaign, string? etag, CancellationToken cancellationToken);

    /// <summary>Every campaign with its ETag; a team runs a handful, so this reads them all.</summary>
    Task<IReadOnlyList<Versioned<Campaign>>> ListAsync(CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string campaignId, string? etag, CancellationToken cancellationToken);
}

/// <summary>"campaigns/{id}.json"; campaign ids are already name-safe.</summary>
internal sealed class CampaignStore(IBlobStore store) : ICampaignStore
{
    private const string Prefix = "campaigns/";

    public async Task<Versioned<Campaign>?> GetAsync(string campaignId, CancellationToken cancellationToken)
    {
        if (!CampaignIds.IsValid(campaignId))
        {
            return null;
        }

        var name = Name(campaignId);
        var blob = await store.ReadAsync(name, cancellationToken);
        return blob is null ? null : new Versioned<Campaign>(StorageJson.Deserialize<Campaign>(blob, name), blob.ETag);
    }

    public Task<string> SaveAsync(Campaign campaign, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var problems = campaign.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The campaign cannot be saved: " + string.Join(" ", problems), nameof(campaign));
        }

        return store.WriteAsync(Name(campaign.Id), StorageJson.Serialize(campaign), WriteCondition.FromETag(etag), cancellationToken);
    }

    public async Task<IReadOnlyList<Versioned<Campaign>>> ListAsync(CancellationToken cancellationToken)
    {
        var names = await store.ListAllAsync(Prefix, cancellationToken);
        var blobs = await store.ReadManyAsync(names, cancellationToken);
        return blobs.Where(b => b.Blob is not null)
            .Select(b => new Versioned<Campaign>(StorageJson.Deserialize<Campaign>(b.Blob!, b.Name), b.Blob!.ETag))
            .ToList();
    }

    public Task<bool> DeleteAsync(string campaignId, string? etag, CancellationToken cancellationToken) =>
        CampaignIds.IsValid(campaignId) ? store.DeleteAsync(Name(campaignId), etag, cancellationToken) : Task.FromResult(false);

    private static string Name(string campaignId) => Prefix + campaignId + ".json";
}
