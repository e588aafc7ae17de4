using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Reports;
using InfoStoryBot.Bot.Storage.Local;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Benchmarks;

/// <summary>
/// <c>report --stories N</c>: seeds one campaign of N stories with its nudges (<see cref="MeasureSeed"/>) in the local
/// store, then times the whole report as an admin gets it: index names read, ledgers read, figures added up, the
/// chart drawn with ScottPlot and stored, the card laid out. The chart library is warmed up first, as the bot does at
/// start-up; the first run is reported apart, and the goal, under 2 seconds at 100,000 stories, is for every run. Peak memory is this process's VmHWM.
/// </summary>
internal static class ReportBenchmark
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static async Task<int> RunAsync(Arguments args)
    {
        var count = args.Int("stories", 10_000);
        var runs = args.Int("runs", 10);
        var keptPath = args.String("path");
        var folder = keptPath ?? Path.Combine(Path.GetTempPath(), "infostorybot-report-bench-" + Guid.NewGuid().ToString("N"));
        var blobs = new LocalFolderBlobStore(folder, TimeProvider.System);
        try
        {
            await blobs.InitializeAsync(CancellationToken.None);
            Console.WriteLine($"report benchmark: {count:N0} stories in one campaign, local folder {folder}");
            var seedSeconds = await MeasureSeed.SeedAsync(blobs, count);

            var proactive = Options.Create(new ProactiveOptions());
            var ledger = new DeliveryLedger(new SendLedger(blobs, proactive, TimeProvider.System), proactive, TimeProvider.System);
            var service = new ReportService(
                new CampaignStore(blobs),
                new CampaignStoryIndex(blobs),
                ledger,
                new AttributionLedger(blobs, ledger, Options.Create(new ExperimentsOptions()), TimeProvider.System, NullLogger<AttributionLedger>.Instance),
                new ChartStore(blobs),
                Options.Create(new ReportsOptions()),
                new HttpContextAccessor(),
                TimeProvider.System,
                NullLogger<ReportService>.Instance);
            var baseUrl = new Uri("https://bench.invalid/");

            // The bot draws a throwaway chart at start-up (ChartWarmUp), so the first report does not load SkiaSharp.
            var warmUp = Stopwatch.StartNew();
            ReportChartDrawing.Draw(new Dialogs.Reports.CampaignReport
            {
                CampaignId = "warm-up", CampaignName = "warm-up", TimeZone = "Europe/London",
                StartDate = new DateOnly(2026, 1, 5), EndDate = new DateOnly(2026, 1, 11), GeneratedAt = DateTimeOffset.UnixEpoch,
            }, new Dialogs.Reports.ReportChartText("warm-up", "Stories", "Successes", "Barriers", []));
            Console.WriteLine($"chart warm-up (the bot does this at start-up): {warmUp.Elapsed.TotalMilliseconds:F0} ms");

            var timings = new List<double>();
            ReportResult? result = null;
            for (var i = 0; i <= runs; i++)
            {
                var watch = Stopwatch.StartNew();
                result = await service.BuildAsync(MeasureSeed.CampaignId, baseUrl, EnGb, CancellationToken.None)
                    ?? throw new InvalidOperationException("The seeded campaign is missing.");
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }

            var cold = timings[0];
            var warm = timings.Skip(1).Order().ToList();
            var median = Percentile(warm, 0.5);
            var p90 = Percentile(warm, 0.9);
            var slowest = timings.Max();
            var peak = MeasureSeed.PeakMemoryMb();
            var report = result!.Report;

            if (keptPath is null)
            {
                Console.WriteLine("removing the seeded folder...");
                Directory.Delete(folder, recursive: true);
            }

            Console.WriteLine();
            Console.WriteLine($"{"report of one campaign",-40} {"ms",10}");
            Console.WriteLine(new string('-', 51));
            Console.WriteLine($"{"first run",-40} {cold,10:F1}");
            Console.WriteLine($"{$"median of {runs} runs",-40} {median,10:F1}");
            Console.WriteLine($"{"p90",-40} {p90,10:F1}");
            Console.WriteLine($"{"slowest run",-40} {slowest,10:F1}");
            Console.WriteLine(new string('-', 51));
            Console.WriteLine($"stories counted {report.Stories:N0} of {count:N0} seeded (submitted or approved); weeks {report.Weeks.Count}; deliveries {report.Nudges.Deliveries:N0}; presses {report.Nudges.Presses:N0}; stories after a nudge {report.Nudges.StoriesFollowed:N0}");
            Console.WriteLine($"goal: every run under 2000 ms at 100,000 stories: {(slowest < 2000 ? "met" : "NOT met")} (slowest {slowest:F0} ms); peak memory {(peak is { } p ? p.ToString("F0", CultureInfo.InvariantCulture) + " MB" : "n/a")}; seeding {seedSeconds:F0} s; load average {MeasureSeed.LoadAverage()}");
            var json = JsonSerializer.Serialize(new
            {
                stories = count,
                counted = report.Stories,
                coldMs = Math.Round(cold, 1),
                medianMs = Math.Round(median, 1),
                p90Ms = Math.Round(p90, 1),
                slowestMs = Math.Round(slowest, 1),
                deliveries = report.Nudges.Deliveries,
                peakMemoryMb = peak is { } mb ? Math.Round(mb, 1) : (double?)null,
                backend = "local",
            });
            if (!args.Flag("no-docs"))
            {
                Console.WriteLine($"wrote its section of {WriteDocs(count, runs, cold, median, p90, slowest, peak, json)}");
            }

            Console.WriteLine(json);
            return 0;
        }
        finally
        {
            if (keptPath is null && Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    internal static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var index = (sorted.Count - 1) * p;
        var low = (int)Math.Floor(index);
        var high = (int)Math.Ceiling(index);
        return sorted[low] + (sorted[high] - sorted[low]) * (index - low);
    }

    private static string WriteDocs(int count, int runs, double cold, double median, double p90, double slowest, double? peak, string json)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"## Report benchmark, {count:N0} stories, local folder");
        md.AppendLine();
        md.AppendLine(c, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} on {Environment.ProcessorCount} cores; load average {MeasureSeed.LoadAverage()}. The whole report of one campaign (index names, ledgers, tally, ScottPlot chart drawn and stored, card); {runs} runs after the first.");
        md.AppendLine();
        md.AppendLine("| run | ms |");
        md.AppendLine("|---|---:|");
        md.AppendLine(c, $"| first | {cold:F1} |");
        md.AppendLine(c, $"| median | {median:F1} |");
        md.AppendLine(c, $"| p90 | {p90:F1} |");
        md.AppendLine(c, $"| slowest | {slowest:F1} |");
        md.AppendLine();
        md.AppendLine(c, $"Peak memory {(peak is { } p ? p.ToString("F0", c) + " MB" : "n/a")} (VmHWM, seeding included). Goal: under 2 seconds at 100,000 stories on the local store.");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine(c, $"dotnet run -c Release --project tests/InfoStoryBot.Benchmarks -- report --stories {count}");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("```json");
        md.AppendLine(json);
        md.AppendLine("```");
        return BenchmarkDocs.WriteSection("report-local", md.ToString());
    }
}
