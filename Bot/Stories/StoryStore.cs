using System.Text;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Stories;

/// <summary>Stories on the storage seam, with the <see cref="StorybookIndex"/> kept beside them.</summary>
internal sealed partial class StoryStore(IBlobStore store, ILogger<StoryStore> logger) : IStoryStore
{
    private const int MaxListBatch = 5000;

    public async Task<string> CreateAsync(Story story, CancellationToken cancellationToken)
    {
        Check(story);
        var name = StorybookIndex.StoryName(story.Id);
        string etag;
        try
        {
            etag = await store.WriteAsync(name, StorageJson.Serialize(story), WriteCondition.IfAbsent, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Creating an existing id is a retry (callers pick the id once): the first try may have stopped after the
            // story but before its entries (storage failed in between). Finish its entries, then report the conflict.
            if (await store.ReadAsync(name, cancellationToken) is { } existing
                && StorageJson.Deserialize<Story>(existing, name) is { Status: not StoryStatus.Withdrawn } stored)
            {
                await WriteEntriesAsync(StorybookIndex.EntriesFor(stored), cancellationToken);
            }

            throw;
        }

        await WriteEntriesAsync(StorybookIndex.EntriesFor(story), cancellationToken);
        return etag;
    }

    public async Task<Versioned<Story>?> GetAsync(string storyId, CancellationToken cancellationToken)
    {
        if (!StoryIds.IsValid(storyId))
        {
            return null;
        }

        var name = StorybookIndex.StoryName(storyId);
        var blob = await store.ReadAsync(name, cancellationToken);
        if (blob is null)
        {
            return null;
        }

        var story = StorageJson.Deserialize<Story>(blob, name);
        return story.Status == StoryStatus.Withdrawn ? null : new Versioned<Story>(story, blob.ETag);
    }

    public async Task<string> UpdateAsync(Story story, string etag, CancellationToken cancellationToken)
    {
        Check(story);
        ArgumentException.ThrowIfNullOrEmpty(etag);
        var name = StorybookIndex.StoryName(story.Id);
        var current = await store.ReadAsync(name, cancellationToken)
            ?? throw new ConcurrencyConflictException(name, $"Story {story.Id} no longer exists.");
        if (current.ETag != etag)
        {
            throw new ConcurrencyConflictException(name, $"Story {story.Id} changed since it was read.");
        }

        var before = StorageJson.Deserialize<Story>(current, name);
        if (before.CreatedAt != story.CreatedAt)
        {
            throw new ArgumentException("A story's creation time never changes.", nameof(story));
        }

        var newETag = await store.WriteAsync(name, StorageJson.Serialize(story), WriteCondition.IfMatch(etag), cancellationToken);
        var oldEntries = StorybookIndex.EntriesFor(before);
        var newEntries = StorybookIndex.EntriesFor(story);
        await WriteEntriesAsync(newEntries.Except(oldEntries, StringComparer.Ordinal).ToList(), cancellationToken);
        var removed = oldEntries.Except(newEntries, StringComparer.Ordinal).ToList();
        await DeleteEntriesAsync(removed, cancellationToken);
        if (removed.Count > 0)
        {
            // A concurrent update may have just re-added an entry we removed (a status flipped back): put it back.
            await RestoreEntriesAsync(story.Id, removed, newETag, cancellationToken);
        }

        return newETag;
    }

    public async Task<bool> WithdrawAsync(string storyId, CancellationToken cancellationToken)
    {
        if (!StoryIds.IsValid(storyId))
        {
            return false;
        }

        var name = StorybookIndex.StoryName(storyId);
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.ReadAsync(name, cancellationToken);
            if (current is null)
            {
                return false;
            }

            var story = StorageJson.Deserialize<Story>(current, name);
            try
            {
                // Blank first: if the process dies before the end, no text of a withdrawn story survives, and the
                // rebuild finishes the job.
                var tombstone = story with { Status = StoryStatus.Withdrawn, Content = new StoryContent() };
                var etag = await store.WriteAsync(name, StorageJson.Serialize(tombstone), WriteCondition.IfMatch(current.ETag), cancellationToken);
                await DeleteEntriesAsync(StorybookIndex.EntriesFor(story), cancellationToken);
                await store.DeleteAsync(name, etag, cancellationToken);
                LogWithdrawn(logger, storyId);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                // An edit or moderation landed in between: withdraw the newer version.
            }
        }
    }

    public async Task<StoryPage> ListAsync(StoryQuery query, string? continuation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.PageSize is < 1 or > StoryQuery.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.PageSize, $"Page size must be 1 to {StoryQuery.MaxPageSize}.");
        }

        var prefix = StorybookIndex.PrefixFor(query);
        var (marker, after) = DecodeToken(continuation);
        var filtersOnName = query.Pillar is not null || query.Element is not null || query.FeaturedOnly || query.Kind is not null || query.ConsentedOnly;
        // Name filters skip entries, so later listings ask for more names; without them one small listing is the page.
        var batch = filtersOnName ? query.PageSize * 4 : query.PageSize + 10;
        var results = new List<Versioned<Story>>(query.PageSize);

        while (true)
        {
            var page = await store.ListAsync(prefix, batch, marker, cancellationToken);
            var candidates = new List<IndexEntry>();
            foreach (var name in page.Names)
            {
                if (after is not null && string.CompareOrdinal(name, after) <= 0)
                {
                    continue;
                }

                if (StorybookIndex.Parse(name) is { } entry && StorybookIndex.MaskMatches(query, entry.Mask))
                {
                    candidates.Add(entry);
                }
            }

            var next = 0;
            while (next < candidates.Count)
            {
                var take = candidates.Skip(next).Take(query.PageSize - results.Count).ToList();
                next += take.Count;
                var stories = await Task.WhenAll(take.Select(e => ReadForListingAsync(e, query, cancellationToken)));
                results.AddRange(stories.OfType<Versioned<Story>>());
                if (results.Count == query.PageSize)
                {
                    // Resume from the same listing page, after the last entry used. Names left on this page that are
                    // not candidates cannot match, so only candidates or a further page mean "more".
                    var more = next < candidates.Count || page.Continuation is not null;
                    return new StoryPage(results, more ? EncodeToken(marker, take[^1].Name) : null);
                }
            }

            if (page.Continuation is null)
            {
                return new StoryPage(results, null);
            }

            marker = page.Continuation;
            after = null;
            batch = Math.Min(batch * 4, MaxListBatch);
        }
    }

    public async Task<IndexRebuildReport> RebuildIndexAsync(CancellationToken cancellationToken)
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        int stories = 0, withdrawals = 0;
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(StorybookIndex.StoriesPrefix, 1000, continuation, cancellationToken);
            foreach (var (name, blob) in await store.ReadManyAsync(page.Names, cancellationToken))
            {
                if (blob is null)
                {
                    continue;
                }

                var story = StorageJson.Deserialize<Story>(blob, name);
                if (story.Status == StoryStatus.Withdrawn)
                {
                    await store.DeleteAsync(name, null, cancellationToken);
                    withdrawals++;
                    continue;
                }

                stories++;
                expected.UnionWith(StorybookIndex.EntriesFor(story));
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);

        var existing = new HashSet<string>(await store.ListAllAsync(StorybookIndex.IndexPrefix, cancellationToken), StringComparer.Ordinal);
        var missing = expected.Where(e => !existing.Contains(e)).ToList();
        var stray = existing.Where(e => !expected.Contains(e)).ToList();
        await WriteEntriesAsync(missing, cancellationToken);
        await DeleteEntriesAsync(stray, cancellationToken);
        LogRebuilt(logger, stories, missing.Count, stray.Count, withdrawals);
        return new IndexRebuildReport(stories, missing.Count, stray.Count, withdrawals);
    }

    private async Task<Versioned<Story>?> ReadForListingAsync(IndexEntry entry, StoryQuery query, CancellationToken cancellationToken)
    {
        var name = StorybookIndex.StoryName(entry.StoryId);
        var blob = await store.ReadAsync(name, cancellationToken);
        var story = blob is null ? null : StorageJson.Deserialize<Story>(blob, name);
        if (story is null || !StorybookIndex.EntriesFor(story).Contains(entry.Name, StringComparer.Ordinal))
        {
            // A stray entry left by an interrupted change: the story no longer produces it.
            LogStrayEntry(logger, entry.StoryId);
            try
            {
                await store.DeleteAsync(entry.Name, null, cancellationToken);
                await RestoreEntriesAsync(entry.StoryId, [entry.Name], blob?.ETag, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogStrayEntryNotRemoved(logger, entry.StoryId, e);
            }

            return null;
        }

        return StorybookIndex.StoryMatches(query, story) ? new Versioned<Story>(story, blob!.ETag) : null;
    }

    /// <summary>Re-writes those of <paramref name="removed"/> that the story, if it changed since <paramref name="knownETag"/>, now wants.</summary>
    private async Task RestoreEntriesAsync(string storyId, IReadOnlyList<string> removed, string? knownETag, CancellationToken cancellationToken)
    {
        var name = StorybookIndex.StoryName(storyId);
        var latest = await store.ReadAsync(name, cancellationToken);
        if (latest is null || latest.ETag == knownETag)
        {
            return;
        }

        var wanted = StorybookIndex.EntriesFor(StorageJson.Deserialize<Story>(latest, name));
        await WriteEntriesAsync(removed.Intersect(wanted, StringComparer.Ordinal).ToList(), cancellationToken);
    }

    private Task WriteEntriesAsync(IReadOnlyList<string> entries, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (entry, ct) => await store.WriteAsync(entry, ReadOnlyMemory<byte>.Empty, WriteCondition.Always, ct));

    private Task DeleteEntriesAsync(IReadOnlyList<string> entries, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
            async (entry, ct) => await store.DeleteAsync(entry, null, ct));

    private static void Check(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (!StoryIds.IsValid(story.Id))
        {
            throw new ArgumentException($"'{story.Id}' is not a story id; make one with StoryIdGenerator.New.", nameof(story));
        }

        if (story.Status == StoryStatus.Withdrawn)
        {
            throw new ArgumentException("Withdraw a story with WithdrawAsync, which deletes it.", nameof(story));
        }

        ArgumentException.ThrowIfNullOrEmpty(story.Teller?.AadObjectId, "story.Teller.AadObjectId");
    }

    // The token is ours, base64url of "marker\nafter": the listing marker to resume from, and the last entry used.
    private static string EncodeToken(string? marker, string after) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes((marker ?? "") + "\n" + after)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (string? Marker, string? After) DecodeToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, null);
        }

        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - base64.Length % 4) % 4), '=');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var newline = text.IndexOf('\n');
            if (newline < 0)
            {
                throw new FormatException();
            }

            var marker = text[..newline];
            return (marker.Length == 0 ? null : marker, text[(newline + 1)..]);
        }
        catch (FormatException e)
        {
            throw new ArgumentException("That continuation token is not one this store issued.", nameof(token), e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} withdrawn and removed from the storybook index")]
    private static partial void LogWithdrawn(ILogger logger, string storyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing a stray storybook index entry for story {StoryId}")]
    private static partial void LogStrayEntry(ILogger logger, string storyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove a stray storybook index entry for story {StoryId}")]
    private static partial void LogStrayEntryNotRemoved(ILogger logger, string storyId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storybook index rebuilt: {Stories} stories, {Added} entries added, {Removed} removed, {Withdrawals} withdrawals completed")]
    private static partial void LogRebuilt(ILogger logger, int stories, int added, int removed, int withdrawals);
}
