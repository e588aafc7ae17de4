using System.Text;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Storage.AzureBlob;
using InfoStoryBot.Bot.Storage.Local;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfoStoryBot.Benchmarks;

/// <summary>
/// Seeds N stories through the real <see cref="StoryStore"/> (story items plus storybook index entries), then
/// times storybook pages: the median of repeated first-page queries, unfiltered and filtered.
/// Goals at 100,000 stories in the local store: first page under 50 ms, filtered page under 100 ms, peak memory
/// under 300 MB. Peak memory is the process's peak working set (Process.PeakWorkingSet64, VmHWM on Linux) over
/// the whole run, seeding included; the query phase alone is shown too (VmHWM reset through /proc/self/clear_refs).
/// </summary>
internal static class StorybookBenchmark
{
    private static readonly DateTimeOffset Origin = new(2024, 9, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly string[] Campaigns = ["autumn-2024", "spring-2025", "autumn-2025", "spring-2026", "summer-2026"];

    public static async Task<int> RunAsync(Arguments args)
    {
        var count = args.Int("stories", 10_000);
        var queries = args.Int("queries", 25);
        var useAzurite = args.Flag("azurite");
        var keptPath = args.String("path");

        await using var azurite = useAzurite ? await Azurite.StartAsync() : null;
        var folder = keptPath ?? Path.Combine(Path.GetTempPath(), "infostorybot-bench-" + Guid.NewGuid().ToString("N"));
        IBlobStore blobs = azurite is not null
            ? AzureBlobStoreFactory.FromConnectionString(azurite.ConnectionString, "storybook-bench")
            : new LocalFolderBlobStore(folder, TimeProvider.System);
        var backend = azurite is not null ? $"Azurite (port {azurite.Port})" : $"local folder {folder}";
        try
        {
            await blobs.InitializeAsync(CancellationToken.None);
            var store = new StoryStore(blobs, NullLogger<StoryStore>.Instance);

            Console.WriteLine($"storybook benchmark: {count:N0} stories, {backend}");
            var seedSeconds = await SeedAsync(blobs, store, count);

            GC.Collect();
            var peakBeforeQueries = Process.GetCurrentProcess().PeakWorkingSet64;
            var queryPeakReset = ResetPeakWorkingSet();

            var cases = new (string Name, bool Filtered, StoryQuery Query)[]
            {
                ("first page: 20 newest approved", false, new StoryQuery { Status = StoryStatus.Approved, PageSize = 20 }),
                ("storybook (approved + consented)", true, StoryQuery.Storybook()),
                ("campaign spring-2026", true, StoryQuery.Storybook("spring-2026")),
                ("pillar technology", true, StoryQuery.Storybook() with { Pillar = Pillar.Technology }),
                ("element creativity", true, StoryQuery.Storybook() with { Element = PartnershipElement.Creativity }),
                ("pillar governance + element environment", true, StoryQuery.Storybook() with { Pillar = Pillar.InformationGovernance, Element = PartnershipElement.Environment }),
                ("campaign + pillar + featured", true, StoryQuery.Storybook("autumn-2025") with { Pillar = Pillar.Culture, FeaturedOnly = true }),
                ("status submitted (moderation queue)", true, new StoryQuery { Status = StoryStatus.Submitted }),
                ("one teller's own stories", true, new StoryQuery { Status = null, TellerAadObjectId = Teller(7) }),
            };

            var rows = new List<(string Name, bool Filtered, double Median, double P90, int Returned, double NextPage)>();
            foreach (var (name, filtered, query) in cases)
            {
                var timings = new List<double>();
                StoryPage? first = null;
                for (var i = 0; i < queries + 3; i++)
                {
                    var watch = Stopwatch.StartNew();
                    var page = await store.ListAsync(query, null, CancellationToken.None);
                    watch.Stop();
                    first ??= page;
                    if (i >= 3)
                    {
                        timings.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }

                var nextTimings = new List<double>();
                if (first!.Continuation is not null)
                {
                    for (var i = 0; i < Math.Max(5, queries / 2); i++)
                    {
                        var watch = Stopwatch.StartNew();
                        await store.ListAsync(query, first.Continuation, CancellationToken.None);
                        nextTimings.Add(watch.Elapsed.TotalMilliseconds);
                    }
                }

                rows.Add((name, filtered, Median(timings), Percentile(timings, 0.9), first.Stories.Count, nextTimings.Count == 0 ? double.NaN : Median(nextTimings)));
            }

            var process = Process.GetCurrentProcess();
            process.Refresh();
            if (keptPath is null && azurite is null)
            {
                // Cleaned up before the report so that the JSON line really is the last thing printed.
                Console.WriteLine("removing the seeded folder...");
                Directory.Delete(folder, recursive: true);
            }

            var peakMb = Math.Max(process.PeakWorkingSet64, peakBeforeQueries) / 1024.0 / 1024.0;
            var queryPeakMb = queryPeakReset ? process.PeakWorkingSet64 / 1024.0 / 1024.0 : double.NaN;

            Console.WriteLine();
            Console.WriteLine($"{"query (page of 20, first page)",-42} {"median ms",10} {"p90 ms",8} {"stories",8} {"page 2 ms",10}");
            Console.WriteLine(new string('-', 82));
            foreach (var row in rows)
            {
                Console.WriteLine($"{row.Name,-42} {row.Median,10:F2} {row.P90,8:F2} {row.Returned,8} {(double.IsNaN(row.NextPage) ? "-" : row.NextPage.ToString("F2", CultureInfo.InvariantCulture)),10}");
            }

            Console.WriteLine(new string('-', 82));
            var firstPageMs = rows[0].Median;
            var filteredPageMs = rows.Where(r => r.Filtered).Max(r => r.Median);
            Console.WriteLine($"stories {count:N0}; seeding {seedSeconds:F1} s; {queries} timed runs per query after 3 warm-up runs");
            Console.WriteLine($"first page median {firstPageMs:F2} ms (goal < 50 ms at 100,000 local); slowest filtered median {filteredPageMs:F2} ms (goal < 100 ms)");
            Console.WriteLine($"peak working set {peakMb:F0} MB whole run (goal < 300 MB); query phase alone {(double.IsNaN(queryPeakMb) ? "n/a" : queryPeakMb.ToString("F0", CultureInfo.InvariantCulture) + " MB")}");
            var json = JsonSerializer.Serialize(new
            {
                stories = count,
                firstPageMs = Math.Round(firstPageMs, 2),
                filteredPageMs = Math.Round(filteredPageMs, 2),
                peakMemoryMb = Math.Round(peakMb, 1),
                queryPeakMemoryMb = double.IsNaN(queryPeakMb) ? (double?)null : Math.Round(queryPeakMb, 1),
                seedSeconds = Math.Round(seedSeconds, 1),
                backend = azurite is not null ? "azurite" : "local",
            });
            if (!args.Flag("no-docs"))
            {
                var written = WriteDocs(rows, count, azurite is not null, seedSeconds, peakMb, json);
                Console.WriteLine($"wrote its section of {written}");
            }

            // The JSON stays the last line, as every benchmark promises.
            Console.WriteLine(json);
            return 0;
        }
        finally
        {
            if (keptPath is null && azurite is null && Directory.Exists(folder))
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException e)
                {
                    Console.Error.WriteLine($"could not remove {folder}: {e.Message}");
                }
            }
        }
    }

    private static async Task<double> SeedAsync(IBlobStore blobs, StoryStore store, int count)
    {
        var marker = $"bench/seeded-{count}";
        if (await blobs.ReadAsync(marker, CancellationToken.None) is not null)
        {
            Console.WriteLine("reusing stories seeded by an earlier run in this folder");
            return 0;
        }

        var watch = Stopwatch.StartNew();
        var done = 0;
        var span = TimeSpan.FromDays(730);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            await store.CreateAsync(MakeStory(i, count, span), ct);
            var n = Interlocked.Increment(ref done);
            if (n % Math.Max(1, count / 10) == 0)
            {
                Console.WriteLine($"  seeded {n:N0}/{count:N0} in {watch.Elapsed.TotalSeconds:F0} s");
            }
        });
        await blobs.WriteAsync(marker, ReadOnlyMemory<byte>.Empty, WriteCondition.Always, CancellationToken.None);
        return watch.Elapsed.TotalSeconds;
    }

    private static Story MakeStory(int i, int count, TimeSpan span)
    {
        var random = new Random(i);
        var createdAt = Origin + TimeSpan.FromTicks(span.Ticks / count * i) + TimeSpan.FromSeconds(random.Next(0, 600));
        var roll = random.Next(100);
        var status = roll switch
        {
            < 70 => StoryStatus.Approved,
            < 85 => StoryStatus.Submitted,
            < 95 => StoryStatus.Rejected,
            _ => StoryStatus.Draft,
        };
        var pillars = Enum.GetValues<Pillar>().Where(_ => random.Next(3) == 0).DefaultIfEmpty((Pillar)random.Next(3)).ToArray();
        var elements = Enum.GetValues<PartnershipElement>().Where(_ => random.Next(5) == 0).DefaultIfEmpty((PartnershipElement)random.Next(6)).ToArray();
        return new Story
        {
            Id = StoryIdGenerator.New(createdAt),
            CampaignId = random.Next(10) == 0 ? null : Campaigns[random.Next(Campaigns.Length)],
            Status = status,
            Featured = status == StoryStatus.Approved && random.Next(20) == 0,
            Content = new StoryContent
            {
                Title = $"Story {i}: the review where everyone already knew",
                WhatHappened = "The school, the health visitor and the housing officer met before the review and agreed what to share. "
                    + "Because the plan was shared the day before, the family told their story once.",
                WhoWasInvolved = ["school", "health visiting", "housing"],
                InformationShared = "The care plan and the school attendance record.",
                DifferenceMade = "The family did not have to repeat themselves; support started a week earlier.",
                Pillars = pillars,
                Elements = elements,
                Kind = random.Next(4) == 0 ? StoryKind.Barrier : StoryKind.Success,
                Attribution = (Attribution)random.Next(3),
                TellerRole = "Family support worker",
                TellerOrganisation = "Northshire County Council",
                ConsentToPublish = random.Next(20) != 0,
            },
            Teller = new StoryTeller(Teller(random.Next(500)), null, "Teller"),
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            SubmittedAt = status == StoryStatus.Draft ? null : createdAt,
        };
    }

    private static string Teller(int n) => $"00000000-0000-0000-0000-{n:D12}";

    /// <summary>Resets VmHWM so the query phase's own peak can be read; Linux only.</summary>
    private static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var index = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(index);
        var high = (int)Math.Ceiling(index);
        return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
    }

    /// <summary>Rewrites this backend's section of docs/benchmarks.md with the figures just measured.</summary>
    private static string WriteDocs(
        List<(string Name, bool Filtered, double Median, double P90, int Returned, double NextPage)> rows,
        int count, bool azurite, double seedSeconds, double peakMb, string json)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"## Storybook benchmark, {count:N0} stories, {(azurite ? "Azurite" : "local folder")}");
        md.AppendLine();
        md.AppendLine(c, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} on {Environment.ProcessorCount} cores; load average {LoadAverage()}. Pages of 20, medians of the timed runs after 3 warm-up runs; peak memory is the benchmark process's peak working set over the whole run, seeding included; seeding took {seedSeconds:F0} s.");
        md.AppendLine();
        md.AppendLine("| query | median ms | p90 ms | stories | page 2 ms |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            md.AppendLine(c, $"| {row.Name} | {row.Median:F2} | {row.P90:F2} | {row.Returned} | {(double.IsNaN(row.NextPage) ? "-" : row.NextPage.ToString("F2", c))} |");
        }

        md.AppendLine();
        md.AppendLine(c, $"Peak memory {peakMb:F0} MB. Goals at 100,000 stories in the local store: first page under 50 ms, a filtered page under 100 ms, peak memory under 300 MB.");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine(c, $"dotnet run -c Release --project tests/InfoStoryBot.Benchmarks -- storybook --stories {count}{(azurite ? " --azurite" : "")}");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("```json");
        md.AppendLine(json);
        md.AppendLine("```");
        return BenchmarkDocs.WriteSection(azurite ? "storybook-azurite" : "storybook-local", md.ToString());
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
