using System.Diagnostics;
using System.Text;
using System.Text.Json;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Storage.Local;
using InfoStoryBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.Bot.Tests.Storage;

/// <summary>What only the local folder needs to prove: processes sharing a folder, crashes, lease expiry.</summary>
public sealed class LocalFolderBlobStoreTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<LocalFolderBlobStore> NewStoreAsync(TimeProvider? time = null)
    {
        var store = new LocalFolderBlobStore(_folder.Path, time ?? TimeProvider.System);
        await store.InitializeAsync(None);
        return store;
    }

    [Fact]
    public async Task WriteIfAbsent_TwoStoreInstancesOnOneFolderManyThreads_EachNameWonOnce()
    {
        var stores = new[] { await NewStoreAsync(), await NewStoreAsync() };

        var wins = new int[50];
        await Parallel.ForEachAsync(Enumerable.Range(0, 400), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var n = i % 50;
            try
            {
                await stores[i % 2].WriteAsync($"claims/{n:D2}", Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), WriteCondition.IfAbsent, ct);
                Interlocked.Increment(ref wins[n]);
            }
            catch (ConcurrencyConflictException)
            {
            }
        });

        Assert.All(wins, w => Assert.Equal(1, w));
    }

    [Fact]
    public async Task ConditionalWrites_TwoOtherProcessesAndThisOne_NoDuplicateCreateNoLostUpdate()
    {
        var store = await NewStoreAsync();
        await store.WriteAsync("race/counter", Encoding.UTF8.GetBytes("0"), WriteCondition.IfAbsent, None);
        var helper = BenchmarksAssembly();

        var processes = new[] { "p1", "p2" }.Select(who => StartHelper(helper, who)).ToList();
        var local = RaceHereAsync(store, creates: 200, increments: 50);
        var outputs = await Task.WhenAll(processes.Select(ReadResultAsync));
        var localWon = await local;

        var winners = outputs.SelectMany(o => o.Won.Select(i => (i, o.Who))).Concat(localWon.Select(i => (i, Who: "here"))).ToList();
        Assert.Equal(Enumerable.Range(0, 200), winners.Select(w => w.i).Order());
        foreach (var (i, who) in winners)
        {
            var blob = await store.ReadAsync($"race/create/{i:D4}", None);
            Assert.Equal(who, Encoding.UTF8.GetString(blob!.Content.Span));
        }

        var counter = await store.ReadAsync("race/counter", None);
        Assert.Equal("150", Encoding.UTF8.GetString(counter!.Content.Span));
    }

    [Fact]
    public async Task Crash_MidWrite_LeavesOldContentAndNoVisibleDebris()
    {
        var store = await NewStoreAsync();
        await store.WriteAsync("doc", Encoding.UTF8.GetBytes("complete old version"), WriteCondition.Always, None);
        // What a process killed mid-write leaves: a half-written temporary file; the item itself is untouched
        // because only a finished, flushed file is ever renamed over it.
        var debris = Path.Combine(_folder.Path, ".tmp", Guid.NewGuid().ToString("N") + ".tmp");
        await File.WriteAllTextAsync(debris, "\"etag\"\ncomplete new ver");
        File.SetLastWriteTimeUtc(debris, DateTime.UtcNow.AddHours(-2));

        Assert.Equal("complete old version", Encoding.UTF8.GetString((await store.ReadAsync("doc", None))!.Content.Span));
        Assert.Equal(["doc"], (await store.ListAsync("", 100, null, None)).Names);

        await NewStoreAsync(); // the next start-up sweeps abandoned temporary files
        Assert.False(File.Exists(debris));
    }

    [Fact]
    public async Task Write_Replacing_NeverShowsPartialContentToConcurrentReaders()
    {
        var store = await NewStoreAsync();
        var big = Enumerable.Range(0, 5).Select(i => Encoding.UTF8.GetBytes(new string((char)('a' + i), 200_000))).ToArray();
        await store.WriteAsync("big", big[0], WriteCondition.Always, None);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1.5));

        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await store.WriteAsync("big", big[i % big.Length], WriteCondition.Always, None);
            }
        });
        var reads = 0;
        while (!stop.IsCancellationRequested)
        {
            var blob = await store.ReadAsync("big", None);
            var span = blob!.Content.Span;
            Assert.Equal(200_000, span.Length);
            Assert.Equal(-1, span.IndexOfAnyExcept(span[0]));
            reads++;
        }

        await writer;
        Assert.True(reads > 0);
    }

    [Fact]
    public async Task Lease_Expired_CanBeTakenAndOldHolderCannotRenew()
    {
        var time = new FakeTimeProvider();
        var store = await NewStoreAsync(time);
        var first = await store.TryAcquireLeaseAsync("locks/scheduler", TimeSpan.FromSeconds(15), None);
        Assert.NotNull(first);

        time.Advance(TimeSpan.FromSeconds(14));
        Assert.Null(await store.TryAcquireLeaseAsync("locks/scheduler", TimeSpan.FromSeconds(15), None));
        time.Advance(TimeSpan.FromSeconds(2));
        var second = await store.TryAcquireLeaseAsync("locks/scheduler", TimeSpan.FromSeconds(15), None);

        Assert.NotNull(second);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => first.RenewAsync(None));
    }

    [Fact]
    public async Task List_AWriterDiedBeforeItsRename_ItsTemporaryFileIsNeverListedAndGoesOnceOld()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var store = await NewStoreAsync(time);
        await store.WriteAsync("state/msteams/k1.json", Encoding.UTF8.GetBytes("1"), WriteCondition.IfAbsent, None);
        // What a process killed between its fsync and its rename leaves beside the item.
        var leftover = Path.Combine(_folder.Path, "state", "msteams", ".0123456789abcdef0123456789abcdef.tmp");
        await File.WriteAllTextAsync(leftover, "\"etag\"\nhalf a state");
        File.SetLastWriteTimeUtc(leftover, time.GetUtcNow().UtcDateTime.AddMinutes(-30));

        Assert.Equal(["state/msteams/k1.json"], (await store.ListAsync("state/", 10, null, None)).Names);
        Assert.True(File.Exists(leftover)); // it may still be a live writer's: left alone

        File.SetLastWriteTimeUtc(leftover, time.GetUtcNow().UtcDateTime.AddHours(-2));
        Assert.Equal(["state/msteams/k1.json"], (await store.ListAsync("state/", 10, null, None)).Names);
        Assert.False(File.Exists(leftover));
        Assert.Equal("1", Encoding.UTF8.GetString((await store.ReadAsync("state/msteams/k1.json", None))!.Content.Span));
    }

    [Fact]
    public async Task Write_BeforeInitialize_CreatesWhatItNeeds()
    {
        var store = new LocalFolderBlobStore(Path.Combine(_folder.Path, "fresh"), TimeProvider.System);

        await store.WriteAsync("a/b", Encoding.UTF8.GetBytes("1"), WriteCondition.IfAbsent, None);

        Assert.NotNull(await store.ReadAsync("a/b", None));
    }

    [Fact]
    public async Task Write_ManyFirstWritesIntoNewFoldersAtOnce_AllLand()
    {
        // The report benchmark's seeding once failed here: a new file's "no such folder" surfaced as a
        // FileNotFoundException when a concurrent first write created the folder in between.
        var store = await NewStoreAsync();

        await Parallel.ForEachAsync(Enumerable.Range(0, 2000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
            await store.WriteAsync($"sends/nudges/c/{i / 40:D3}/item-{i:D4}", Encoding.UTF8.GetBytes("1"), WriteCondition.IfAbsent, ct));

        var listed = 0;
        string? token = null;
        do
        {
            var page = await store.ListAsync("sends/nudges/c/", 5000, token, None);
            listed += page.Names.Count;
            token = page.Continuation;
        }
        while (token is not null);

        Assert.Equal(2000, listed);
    }

    [Fact]
    public async Task Delete_LastItemInFolder_RemovesEmptyFolders()
    {
        var store = await NewStoreAsync();
        await store.WriteAsync("stories/x/y/z.json", Encoding.UTF8.GetBytes("1"), WriteCondition.Always, None);

        await store.DeleteAsync("stories/x/y/z.json", null, None);

        Assert.False(Directory.Exists(Path.Combine(_folder.Path, "stories")));
    }

    private static async Task<List<int>> RaceHereAsync(LocalFolderBlobStore store, int creates, int increments)
    {
        var won = new List<int>();
        for (var i = 0; i < creates; i++)
        {
            try
            {
                await store.WriteAsync($"race/create/{i:D4}", Encoding.UTF8.GetBytes("here"), WriteCondition.IfAbsent, None);
                won.Add(i);
            }
            catch (ConcurrencyConflictException)
            {
            }
        }

        for (var i = 0; i < increments; i++)
        {
            while (true)
            {
                var current = (await store.ReadAsync("race/counter", None))!;
                var next = int.Parse(Encoding.UTF8.GetString(current.Content.Span), System.Globalization.CultureInfo.InvariantCulture) + 1;
                try
                {
                    await store.WriteAsync("race/counter", Encoding.UTF8.GetBytes(next.ToString(System.Globalization.CultureInfo.InvariantCulture)), WriteCondition.IfMatch(current.ETag), None);
                    break;
                }
                catch (ConcurrencyConflictException)
                {
                }
            }
        }

        return won;
    }

    private Process StartHelper(string helper, string who)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { helper, "local-store-race", "--path", _folder.Path, "--who", who, "--creates", "200", "--increments", "50" })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the helper process.");
    }

    private static async Task<(string Who, int[] Won)> ReadResultAsync(Process process)
    {
        using (process)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"helper failed ({process.ExitCode}): {await stderr}");
            var json = JsonDocument.Parse((await stdout).Trim().Split('\n')[^1]).RootElement;
            return (json.GetProperty("who").GetString()!, json.GetProperty("won").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        }
    }

    /// <summary>The benchmarks console app doubles as the second process (hidden subcommand local-store-race).</summary>
    private static string BenchmarksAssembly()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(RepoPaths.Root, "tests", "InfoStoryBot.Benchmarks", "bin", configuration, "net10.0", "InfoStoryBot.Benchmarks.dll");
        Assert.True(File.Exists(path), $"{path} is missing: build tests/InfoStoryBot.Benchmarks ({configuration}) first; ./test.sh builds everything.");
        return path;
    }
}
