namespace InfoStoryBot.Bot.Storage;

internal static class BlobStoreExtensions
{
    /// <summary>Every name under a prefix; only for sets that stay small (teams, campaigns), never for stories.</summary>
    public static async Task<List<string>> ListAllAsync(this IBlobStore store, string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(prefix, 5000, continuation, cancellationToken);
            names.AddRange(page.Names);
            continuation = page.Continuation;
        }
        while (continuation is not null);

        return names;
    }

    /// <summary>Reads in parallel (bounded), keeping the order of <paramref name="names"/>; a vanished item gives a null blob.</summary>
    public static async Task<(string Name, StoredBlob? Blob)[]> ReadManyAsync(this IBlobStore store, IReadOnlyList<string> names, CancellationToken cancellationToken)
    {
        var results = new (string, StoredBlob?)[names.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, names.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (i, ct) => results[i] = (names[i], await store.ReadAsync(names[i], ct)));
        return results;
    }
}
