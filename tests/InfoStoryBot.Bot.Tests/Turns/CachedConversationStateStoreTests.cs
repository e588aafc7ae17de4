using System.Text.Json;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Tests.Turns;

/// <summary>
/// The in-memory copy of conversation state on a real store (local folder and Azurite): two stores over one blob
/// store are two bot instances, each with its own memory.
/// </summary>
public abstract class CachedConversationStateStoreTests : StorageBackend
{
    private const string Channel = "msteams";
    private const string Conversation = "a:1Xyz-AbC_9;messageid=1234@thread.tacv2";
    private static readonly CancellationToken None = CancellationToken.None;

    private CountingBlobStore _counted = null!;

    protected override Task OnInitializedAsync()
    {
        _counted = new CountingBlobStore(Blobs);
        return Task.CompletedTask;
    }

    private IConversationStateStore Instance(IBlobStore? blobs = null) =>
        new CachedConversationStateStore(new ConversationStateStore(blobs ?? _counted), new ConversationStateCache(1024 * 1024, () => MemoryPressure.Low));

    private static ConversationState State(string step) =>
        new() { Dialog = JsonSerializer.SerializeToElement(new { step }), RecentActivityIds = [step] };

    private static string? Step(Versioned<ConversationState>? state) => state?.Value.Dialog?.GetProperty("step").GetString();

    [Fact]
    public async Task Turns_OnTheSameInstance_OnlyWrite()
    {
        var store = Instance();
        var etag = await store.SaveAsync(Channel, Conversation, State("one"), null, None);

        for (var turn = 0; turn < 5; turn++)
        {
            var loaded = await store.GetAsync(Channel, Conversation, None);
            Assert.Equal(etag, loaded!.ETag);
            etag = await store.SaveAsync(Channel, Conversation, State("turn" + turn), loaded.ETag, None);
        }

        Assert.Equal(0, _counted.Reads);
        Assert.Equal(6, _counted.Writes);
        Assert.Equal("turn4", Step(await Instance(Blobs).GetAsync(Channel, Conversation, None)));
    }

    [Fact]
    public async Task Get_NothingKept_ReadsStorageOnceAndKeepsIt()
    {
        await Instance(Blobs).SaveAsync(Channel, Conversation, State("stored"), null, None);
        var store = Instance();

        Assert.Equal("stored", Step(await store.GetAsync(Channel, Conversation, None)));
        Assert.Equal("stored", Step(await store.GetAsync(Channel, Conversation, None)));

        Assert.Equal(1, _counted.Reads);
    }

    [Fact]
    public async Task Save_OfACopyAnotherInstanceMovedOnFrom_ConflictsAndTheRerunReadsTheirs()
    {
        var a = Instance();
        var b = Instance();
        await a.SaveAsync(Channel, Conversation, State("one"), null, None);
        var onB = await b.GetAsync(Channel, Conversation, None);
        await b.SaveAsync(Channel, Conversation, State("two"), onB!.ETag, None);

        var stale = await a.GetAsync(Channel, Conversation, None);
        Assert.Equal("one", Step(stale)); // a's own copy: it has not heard of b's turn
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => a.SaveAsync(Channel, Conversation, State("three"), stale!.ETag, None));

        var fresh = await a.GetAsync(Channel, Conversation, None);
        Assert.Equal("two", Step(fresh));
        await a.SaveAsync(Channel, Conversation, State("three"), fresh!.ETag, None);
        Assert.Equal("three", Step(await Instance(Blobs).GetAsync(Channel, Conversation, None)));
    }

    [Fact]
    public async Task Save_FailingForAnotherReason_DropsTheCopySoTheNextGetReadsStorage()
    {
        var failing = new CountingBlobStore(Blobs);
        var store = Instance(failing);
        var etag = await store.SaveAsync(Channel, Conversation, State("one"), null, None);

        failing.FailWrites = true;
        await Assert.ThrowsAsync<IOException>(() => store.SaveAsync(Channel, Conversation, State("two"), etag, None));
        failing.FailWrites = false;

        var reads = failing.Reads;
        Assert.Equal("one", Step(await store.GetAsync(Channel, Conversation, None)));
        Assert.Equal(reads + 1, failing.Reads);
    }

    [Fact]
    public async Task GetLatest_WithACopyKept_ReadsStorage()
    {
        var a = Instance();
        var b = Instance(Blobs);
        var etag = await a.SaveAsync(Channel, Conversation, State("one"), null, None);
        await b.SaveAsync(Channel, Conversation, State("two"), etag, None);

        Assert.Equal("one", Step(await a.GetAsync(Channel, Conversation, None)));
        Assert.Equal("two", Step(await a.GetLatestAsync(Channel, Conversation, None)));
        Assert.Equal("two", Step(await a.GetAsync(Channel, Conversation, None)));
    }

    [Fact]
    public async Task Delete_DropsTheCopy()
    {
        var store = Instance();
        await store.SaveAsync(Channel, Conversation, State("one"), null, None);

        await store.DeleteAsync(Channel, Conversation, None);

        Assert.Null(await store.GetAsync(Channel, Conversation, None));
        Assert.Equal(1, _counted.Reads);
    }

    /// <summary>A real store that counts what reaches it, and can be told to fail writes as a sick disk or service would.</summary>
    private sealed class CountingBlobStore(IBlobStore inner) : IBlobStore
    {
        private int _reads;
        private int _writes;

        public int Reads => Volatile.Read(ref _reads);

        public int Writes => Volatile.Read(ref _writes);

        public bool FailWrites { get; set; }

        public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

        public Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return inner.ReadAsync(name, cancellationToken);
        }

        public Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _writes);
            return FailWrites ? throw new IOException("The disk is sick (simulated).") : inner.WriteAsync(name, content, condition, cancellationToken);
        }

        public Task<bool> DeleteAsync(string name, string? ifMatch, CancellationToken cancellationToken) => inner.DeleteAsync(name, ifMatch, cancellationToken);

        public Task<BlobPage> ListAsync(string prefix, int maxResults, string? continuation, CancellationToken cancellationToken) =>
            inner.ListAsync(prefix, maxResults, continuation, cancellationToken);

        public Task<IBlobLease?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken) =>
            inner.TryAcquireLeaseAsync(name, duration, cancellationToken);
    }
}

public sealed class LocalCachedConversationStateStoreTests : CachedConversationStateStoreTests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteCachedConversationStateStoreTests(AzuriteFixture azurite) : CachedConversationStateStoreTests
{
    protected override AzuriteFixture Azurite => azurite;
}
