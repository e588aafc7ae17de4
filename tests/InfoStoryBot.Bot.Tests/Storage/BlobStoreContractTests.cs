using System.Text;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Storage.Local;

namespace InfoStoryBot.Bot.Tests.Storage;

/// <summary>
/// The semantics every <see cref="IBlobStore"/> must have. Run once per implementation by the subclasses at the end
/// of this file: the local folder and Azure Blob Storage (a real Azurite).
/// </summary>
public abstract class BlobStoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;

    protected IBlobStore Store { get; private set; } = null!;

    protected abstract Task<IBlobStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(StoredBlob blob) => Encoding.UTF8.GetString(blob.Content.Span);

    [Fact]
    public async Task Read_Missing_ReturnsNull()
    {
        Assert.Null(await Store.ReadAsync("nothing/here.json", None));
    }

    [Fact]
    public async Task Write_ThenRead_ReturnsContentAndSameETag()
    {
        var etag = await Store.WriteAsync("a/b.json", Bytes("{\"x\":1}"), WriteCondition.Always, None);

        var read = await Store.ReadAsync("a/b.json", None);

        Assert.NotNull(read);
        Assert.Equal("{\"x\":1}", Text(read));
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task Write_EmptyContent_RoundTrips()
    {
        await Store.WriteAsync("empty", ReadOnlyMemory<byte>.Empty, WriteCondition.Always, None);

        var read = await Store.ReadAsync("empty", None);

        Assert.NotNull(read);
        Assert.Equal(0, read.Content.Length);
    }

    [Fact]
    public async Task Overwrite_Unconditional_ChangesETag()
    {
        var first = await Store.WriteAsync("item", Bytes("1"), WriteCondition.Always, None);
        var second = await Store.WriteAsync("item", Bytes("2"), WriteCondition.Always, None);

        Assert.NotEqual(first, second);
        Assert.Equal("2", Text((await Store.ReadAsync("item", None))!));
    }

    [Fact]
    public async Task WriteIfAbsent_Missing_Creates()
    {
        var etag = await Store.WriteAsync("new", Bytes("v"), WriteCondition.IfAbsent, None);

        Assert.Equal(etag, (await Store.ReadAsync("new", None))!.ETag);
    }

    [Fact]
    public async Task WriteIfAbsent_Existing_ThrowsConflictAndKeepsContent()
    {
        await Store.WriteAsync("taken", Bytes("first"), WriteCondition.Always, None);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.WriteAsync("taken", Bytes("second"), WriteCondition.IfAbsent, None));

        Assert.Equal("taken", conflict.Key);
        Assert.Equal("first", Text((await Store.ReadAsync("taken", None))!));
    }

    [Fact]
    public async Task WriteIfMatch_CurrentETag_Succeeds()
    {
        var etag = await Store.WriteAsync("doc", Bytes("1"), WriteCondition.Always, None);

        var next = await Store.WriteAsync("doc", Bytes("2"), WriteCondition.IfMatch(etag), None);

        Assert.NotEqual(etag, next);
        Assert.Equal("2", Text((await Store.ReadAsync("doc", None))!));
    }

    [Fact]
    public async Task WriteIfMatch_StaleETag_ThrowsConflictAndKeepsNewer()
    {
        var stale = await Store.WriteAsync("doc", Bytes("1"), WriteCondition.Always, None);
        await Store.WriteAsync("doc", Bytes("2"), WriteCondition.IfMatch(stale), None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.WriteAsync("doc", Bytes("3"), WriteCondition.IfMatch(stale), None));

        Assert.Equal("2", Text((await Store.ReadAsync("doc", None))!));
    }

    [Fact]
    public async Task WriteIfMatch_Missing_ThrowsConflict()
    {
        var etag = await Store.WriteAsync("gone", Bytes("1"), WriteCondition.Always, None);
        await Store.DeleteAsync("gone", null, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.WriteAsync("gone", Bytes("2"), WriteCondition.IfMatch(etag), None));
        Assert.Null(await Store.ReadAsync("gone", None));
    }

    [Fact]
    public async Task Delete_Existing_ReturnsTrueAndRemoves()
    {
        await Store.WriteAsync("x/y", Bytes("1"), WriteCondition.Always, None);

        Assert.True(await Store.DeleteAsync("x/y", null, None));
        Assert.Null(await Store.ReadAsync("x/y", None));
    }

    [Fact]
    public async Task Delete_Missing_ReturnsFalse()
    {
        Assert.False(await Store.DeleteAsync("never", null, None));
    }

    [Fact]
    public async Task DeleteIfMatch_StaleETag_ThrowsConflictAndKeepsItem()
    {
        var stale = await Store.WriteAsync("keep", Bytes("1"), WriteCondition.Always, None);
        await Store.WriteAsync("keep", Bytes("2"), WriteCondition.Always, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.DeleteAsync("keep", stale, None));
        Assert.NotNull(await Store.ReadAsync("keep", None));
    }

    [Fact]
    public async Task DeleteIfMatch_CurrentETag_Deletes()
    {
        var etag = await Store.WriteAsync("drop", Bytes("1"), WriteCondition.Always, None);

        Assert.True(await Store.DeleteAsync("drop", etag, None));
        Assert.Null(await Store.ReadAsync("drop", None));
    }

    [Fact]
    public async Task List_Prefix_ReturnsOnlyMatchingNamesInOrdinalOrder()
    {
        string[] names = ["p/b", "p/a/2", "p/a/1", "p/c-x", "p/C", "q/a", "pa", "p/a-", "p/a0"];
        foreach (var name in names)
        {
            await Store.WriteAsync(name, Bytes(name), WriteCondition.Always, None);
        }

        var page = await Store.ListAsync("p/", 5000, null, None);

        Assert.Equal(["p/C", "p/a-", "p/a/1", "p/a/2", "p/a0", "p/b", "p/c-x"], page.Names);
        Assert.Null(page.Continuation);
    }

    [Fact]
    public async Task List_PartialSegmentPrefix_Matches()
    {
        foreach (var name in new[] { "s/2026-01/x", "s/2026-02/y", "s/2025-12/z" })
        {
            await Store.WriteAsync(name, Bytes("1"), WriteCondition.Always, None);
        }

        var page = await Store.ListAsync("s/2026", 10, null, None);

        Assert.Equal(["s/2026-01/x", "s/2026-02/y"], page.Names);
    }

    [Fact]
    public async Task List_Paging_VisitsEveryNameOnceInOrder()
    {
        var expected = Enumerable.Range(0, 23).Select(i => $"page/{i / 10}/{i:D3}").ToList();
        await Parallel.ForEachAsync(expected, async (name, ct) => await Store.WriteAsync(name, Bytes("1"), WriteCondition.Always, ct));

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync("page/", 5, continuation, None);
            Assert.True(page.Names.Count <= 5);
            seen.AddRange(page.Names);
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null && pages < 20);

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task List_NoMatch_ReturnsEmpty()
    {
        var page = await Store.ListAsync("none/", 10, null, None);

        Assert.Empty(page.Names);
        Assert.Null(page.Continuation);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a//b")]
    [InlineData("a/.hidden")]
    [InlineData("has space")]
    [InlineData("colon:id")]
    [InlineData("../escape")]
    public async Task Write_InvalidName_ThrowsArgumentException(string name)
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.WriteAsync(name, Bytes("1"), WriteCondition.Always, None));
    }

    [Fact]
    public async Task WriteIfAbsent_ManyConcurrentWriters_ExactlyOneWins()
    {
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            try
            {
                await Store.WriteAsync("race/create", Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), WriteCondition.IfAbsent, None);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        }));

        Assert.Single(outcomes, won => won);
    }

    [Fact]
    public async Task WriteIfMatch_ManyConcurrentWritersWithSameETag_ExactlyOneWins()
    {
        var etag = await Store.WriteAsync("race/update", Bytes("0"), WriteCondition.Always, None);

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 16).Select(async i =>
        {
            try
            {
                await Store.WriteAsync("race/update", Bytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), WriteCondition.IfMatch(etag), None);
                return i;
            }
            catch (ConcurrencyConflictException)
            {
                return 0;
            }
        }));

        var winner = Assert.Single(outcomes, i => i != 0);
        Assert.Equal(winner.ToString(System.Globalization.CultureInfo.InvariantCulture), Text((await Store.ReadAsync("race/update", None))!));
    }

    [Fact]
    public async Task Lease_HeldByOne_SecondAcquireGetsNullUntilReleased()
    {
        var first = await Store.TryAcquireLeaseAsync("locks/scheduler", TimeSpan.FromSeconds(15), None);
        Assert.NotNull(first);

        Assert.Null(await Store.TryAcquireLeaseAsync("locks/scheduler", TimeSpan.FromSeconds(15), None));
        await first.RenewAsync(None);
        Assert.Null(await Store.TryAcquireLeaseAsync("locks/scheduler", TimeSpan.FromSeconds(15), None));

        await first.ReleaseAsync(None);
        await using var second = await Store.TryAcquireLeaseAsync("locks/scheduler", TimeSpan.FromSeconds(15), None);
        Assert.NotNull(second);
        Assert.NotEqual(first.LeaseId, second.LeaseId);
    }

    [Fact]
    public async Task Lease_RenewAfterAnotherTookOver_ThrowsConflict()
    {
        var first = await Store.TryAcquireLeaseAsync("locks/renew", TimeSpan.FromSeconds(15), None);
        Assert.NotNull(first);
        await first.ReleaseAsync(None);
        await using var second = await Store.TryAcquireLeaseAsync("locks/renew", TimeSpan.FromSeconds(15), None);
        Assert.NotNull(second);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => first.RenewAsync(None));
    }

    [Fact]
    public async Task Lease_DurationOutsideAzureRange_Throws()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.TryAcquireLeaseAsync("locks/x", TimeSpan.FromSeconds(5), None));
    }
}

public sealed class LocalFolderBlobStoreContractTests : BlobStoreContractTests
{
    private readonly TempFolder _folder = new();

    protected override async Task<IBlobStore> CreateStoreAsync()
    {
        var store = new LocalFolderBlobStore(_folder.Path, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    public override Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreContractTests(AzuriteFixture azurite) : BlobStoreContractTests
{
    protected override async Task<IBlobStore> CreateStoreAsync() => await azurite.NewStoreAsync();
}
