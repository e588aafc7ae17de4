using System.Globalization;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Exports;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Exports;

/// <summary>How an export went: how many stories it holds and how many bytes it wrote.</summary>
public sealed record ExportResult(int Stories, long Bytes);

/// <summary>
/// Writes a campaign's storybook (approved stories whose tellers consented, with the credit each chose) as CSV,
/// JSON or printable HTML to a stream. Streams: stories are read in small batches straight from the storybook index
/// and written as they arrive, so memory does not grow with the campaign.
/// </summary>
public interface IStorybookExporter
{
    /// <summary>Null when there is no such campaign; nothing is written then.</summary>
    Task<ExportResult?> WriteAsync(string campaignId, ExportFormat format, Stream output, CultureInfo culture, CancellationToken cancellationToken);

    /// <summary>How many stories the export would hold, from index names only (stories changed since may differ by a few).</summary>
    Task<int> CountAsync(string campaignId, CancellationToken cancellationToken);

    /// <summary>The count, and the file's size estimated from its first stories: what a file consent card shows.</summary>
    Task<(int Stories, long Bytes)> EstimateAsync(string campaignId, ExportFormat format, CultureInfo culture, CancellationToken cancellationToken);
}

/// <summary>
/// Reads "storybook/campaign/{campaign}/approved/" (newest first), keeps entries whose mask says consented, reads
/// those stories 256 at a time (16 in parallel, order kept) and checks each on the story itself
/// (<see cref="StoryExports.From"/>): a withdrawn story has neither entries nor a story item, so it is never exported.
/// </summary>
internal sealed class StorybookExporter(IBlobStore store, ICampaignStore campaigns, TimeProvider time) : IStorybookExporter
{
    private const int Batch = 256;

    public async Task<ExportResult?> WriteAsync(string campaignId, ExportFormat format, Stream output, CultureInfo culture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (await campaigns.GetAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return null;
        }

        var counting = new CountingStream(output);
        var count = 0;
        await using (var writer = ExportWriter.For(format, counting, culture))
        {
            await writer.BeginAsync(campaign.Value, time.GetUtcNow(), cancellationToken);
            await foreach (var story in ReadAsync(campaign.Value, cancellationToken))
            {
                await writer.WriteAsync(story, cancellationToken);
                count++;
            }

            await writer.EndAsync(count, cancellationToken);
        }

        await counting.FlushAsync(cancellationToken);
        return new ExportResult(count, counting.Written);
    }

    public async Task<int> CountAsync(string campaignId, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in EntriesAsync(campaignId, cancellationToken))
        {
            count++;
        }

        return count;
    }

    public async Task<(int Stories, long Bytes)> EstimateAsync(string campaignId, ExportFormat format, CultureInfo culture, CancellationToken cancellationToken)
    {
        const int Sample = 20;
        var count = await CountAsync(campaignId, cancellationToken);
        if (await campaigns.GetAsync(campaignId, cancellationToken) is not { } campaign)
        {
            return (0, 0);
        }

        using var sample = new MemoryStream();
        var sampled = 0;
        long empty;
        await using (var writer = ExportWriter.For(format, sample, culture))
        {
            await writer.BeginAsync(campaign.Value, time.GetUtcNow(), cancellationToken);
            await writer.EndAsync(0, cancellationToken);
        }

        empty = sample.Length;
        sample.SetLength(0);
        await using (var writer = ExportWriter.For(format, sample, culture))
        {
            await writer.BeginAsync(campaign.Value, time.GetUtcNow(), cancellationToken);
            await foreach (var story in ReadAsync(campaign.Value, cancellationToken))
            {
                await writer.WriteAsync(story, cancellationToken);
                if (++sampled == Sample)
                {
                    break;
                }
            }

            await writer.EndAsync(sampled, cancellationToken);
        }

        var perStory = sampled == 0 ? 0 : (double)(sample.Length - empty) / sampled;
        return (count, empty + (long)Math.Ceiling(perStory * count));
    }

    /// <summary>Stories in index order; the next batch is read while the caller writes this one.</summary>
    private async IAsyncEnumerable<StoryExport> ReadAsync(Campaign campaign, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Task<IReadOnlyList<StoryExport>>? pending = null;
        var batch = new List<string>(Batch);
        await foreach (var entry in EntriesAsync(campaign.Id, cancellationToken))
        {
            batch.Add(StorybookIndex.StoryName(entry.StoryId));
            if (batch.Count < Batch)
            {
                continue;
            }

            var next = ReadBatchAsync(batch, campaign.Id, cancellationToken);
            batch = new List<string>(Batch);
            if (pending is not null)
            {
                foreach (var story in await pending)
                {
                    yield return story;
                }
            }

            pending = next;
        }

        if (pending is not null)
        {
            foreach (var story in await pending)
            {
                yield return story;
            }
        }

        foreach (var story in await ReadBatchAsync(batch, campaign.Id, cancellationToken))
        {
            yield return story;
        }
    }

    private async Task<IReadOnlyList<StoryExport>> ReadBatchAsync(List<string> names, string campaignId, CancellationToken cancellationToken)
    {
        if (names.Count == 0)
        {
            return [];
        }

        var blobs = await store.ReadManyAsync(names, cancellationToken);
        var stories = new List<StoryExport>(blobs.Length);
        foreach (var (name, blob) in blobs)
        {
            if (blob is not null && StoryExports.From(StorageJson.Deserialize<Story>(blob, name), campaignId) is { } story)
            {
                stories.Add(story);
            }
        }

        return stories;
    }

    private async IAsyncEnumerable<IndexEntry> EntriesAsync(string campaignId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = StoryQuery.Storybook(campaignId);
        var prefix = StorybookIndex.PrefixFor(query);
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(prefix, 5000, continuation, cancellationToken);
            foreach (var name in page.Names)
            {
                if (StorybookIndex.Parse(name) is { } entry && StorybookIndex.MaskMatches(query, entry.Mask))
                {
                    yield return entry;
                }
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    /// <summary>Counts what passes through, so the size is known without buffering.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            inner.Write(buffer);
            Written += buffer.Length;
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            Written += buffer.Length;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
