using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Teams;

/// <summary>"teams/{team key}.json", one item per team with its channels, written conditionally on its ETag.</summary>
internal sealed class TeamStore(IBlobStore store) : ITeamStore
{
    private const string Prefix = "teams/";

    public async Task<Versioned<TeamRecord>?> GetAsync(string teamId, CancellationToken cancellationToken)
    {
        var name = Name(teamId);
        var blob = await store.ReadAsync(name, cancellationToken);
        return blob is null ? null : new Versioned<TeamRecord>(StorageJson.Deserialize<TeamRecord>(blob, name), blob.ETag);
    }

    public Task<string> SaveAsync(TeamRecord team, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(team);
        return store.WriteAsync(Name(team.TeamId), StorageJson.Serialize(team), WriteCondition.FromETag(etag), cancellationToken);
    }

    public async Task<IReadOnlyList<TeamRecord>> ListAsync(CancellationToken cancellationToken)
    {
        var names = await store.ListAllAsync(Prefix, cancellationToken);
        var teams = await store.ReadManyAsync(names, cancellationToken);
        return teams.Where(b => b.Blob is not null).Select(b => StorageJson.Deserialize<TeamRecord>(b.Blob!, b.Name)).ToList();
    }

    public async Task DeleteAsync(string teamId, CancellationToken cancellationToken) =>
        await store.DeleteAsync(Name(teamId), null, cancellationToken);

    private static string Name(string teamId)
    {
        ArgumentException.ThrowIfNullOrEmpty(teamId);
        return Prefix + BlobNames.EncodeKey(teamId) + ".json";
    }
}
