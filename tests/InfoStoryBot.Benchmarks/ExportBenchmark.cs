using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Exports;
using InfoStoryBot.Bot.Storage.Local;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Benchmarks;

/// <summary>
/// <c>export --stories N [--format csv|json|html|all]</c>: seeds one campaign of N approved, consented stories, plus one in
/// fifty that must be left out (<see cref="MeasureSeed"/>), in the local store, then exports it once per format, each in a CHILD process (this program's hidden
/// <c>export-run</c>), so the peak memory is the export's own: the child reads its VmHWM (/proc/self/status) when it has
/// written the file, and seeding never counts. Goals at 100,000 stories: under 30 s and under 300 MB per export.
/// The JSON line's stories, seconds, peakMemoryMb and bytes are the worst over the formats run; "formats" has each.
/// </summary>
internal static class ExportBenchmark
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var count = args.Int("stories", 10_000);
        var keptPath = args.String("path");
        var which = (args.String("format") ?? "all").ToLowerInvariant();
        ExportFormat[] formats = which switch
        {
            "all" => [ExportFormat.Csv, ExportFormat.Json, ExportFormat.Html],
            "csv" => [ExportFormat.Csv],
            "json" => [ExportFormat.Json],
            "html" => [ExportFormat.Html],
            _ => throw new ArgumentException($"--format takes csv, json, html or all, not '{which}'."),
        };

        var folder = keptPath ?? Path.Combine(Path.GetTempPath(), "infostorybot-export-bench-" + Guid.NewGuid().ToString("N"));
        var blobs = new LocalFolderBlobStore(folder, TimeProvider.System);
        try
        {
            await blobs.InitializeAsync(CancellationToken.None);
            Console.WriteLine($"export benchmark: {count:N0} stories in one campaign, local folder {folder}");
            var seedSeconds = await MeasureSeed.SeedAsync(blobs, count, exportable: true);

            var rows = new List<(ExportFormat Format, int Stories, double Seconds, double PeakMb, long Bytes)>();
            foreach (var format in formats)
            {
                var output = Path.Combine(Path.GetTempPath(), $"infostorybot-export-bench-{Guid.NewGuid():N}.{format.ToString().ToLowerInvariant()}");
                try
                {
                    using var child = await RunChildAsync(folder, format, output);
                    rows.Add((format, child.RootElement.GetProperty("stories").GetInt32(), child.RootElement.GetProperty("seconds").GetDouble(),
                        child.RootElement.GetProperty("peakMemoryMb").GetDouble(), child.RootElement.GetProperty("bytes").GetInt64()));
                }
                finally
                {
                    File.Delete(output);
                }
            }

            if (keptPath is null)
            {
                Console.WriteLine("removing the seeded folder...");
                Directory.Delete(folder, recursive: true);
            }

            Console.WriteLine();
            Console.WriteLine($"{"format",-8} {"stories",10} {"seconds",10} {"peak MB",10} {"MB written",12}");
            Console.WriteLine(new string('-', 54));
            foreach (var row in rows)
            {
                Console.WriteLine($"{row.Format.ToString().ToLowerInvariant(),-8} {row.Stories,10:N0} {row.Seconds,10:F2} {row.PeakMb,10:F0} {row.Bytes / 1024.0 / 1024.0,12:F1}");
            }

            Console.WriteLine(new string('-', 54));
            var seconds = rows.Max(r => r.Seconds);
            var peak = rows.Max(r => r.PeakMb);
            Console.WriteLine($"goals at 100,000 stories: under 30 s ({(seconds < 30 ? "met" : "NOT met")}, slowest {seconds:F1} s) and under 300 MB ({(peak < 300 ? "met" : "NOT met")}, highest {peak:F0} MB); each export ran in its own process; seeding {seedSeconds:F0} s; load average {MeasureSeed.LoadAverage()}");
            var json = JsonSerializer.Serialize(new
            {
                stories = rows.Max(r => r.Stories),
                seconds = Math.Round(seconds, 2),
                peakMemoryMb = Math.Round(peak, 1),
                bytes = rows.Max(r => r.Bytes),
                formats = rows.ToDictionary(r => r.Format.ToString().ToLowerInvariant(), r => new { stories = r.Stories, seconds = Math.Round(r.Seconds, 2), peakMemoryMb = Math.Round(r.PeakMb, 1), bytes = r.Bytes }),
            });
            if (!args.Flag("no-docs"))
            {
                Console.WriteLine($"wrote its section of {WriteDocs(count, rows, json)}");
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

    /// <summary>The hidden <c>export-run --path DIR --format F --out FILE</c>: one export, then its own figures as one JSON line.</summary>
    public static async Task<int> RunChildAsync(Arguments args)
    {
        var path = args.String("path") ?? throw new ArgumentException("export-run needs --path.");
        var output = args.String("out") ?? throw new ArgumentException("export-run needs --out.");
        var format = Enum.Parse<ExportFormat>(args.String("format") ?? "csv", ignoreCase: true);
        var blobs = new LocalFolderBlobStore(path, TimeProvider.System);
        var exporter = new StorybookExporter(blobs, new CampaignStore(blobs), TimeProvider.System);
        var watch = Stopwatch.StartNew();
        ExportResult? result;
        await using (var file = new FileStream(output, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            result = await exporter.WriteAsync(MeasureSeed.CampaignId, format, file, CultureInfo.GetCultureInfo("en-GB"), CancellationToken.None);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        if (result is null)
        {
            Console.Error.WriteLine("The seeded campaign is missing.");
            return 1;
        }

        Console.WriteLine(JsonSerializer.Serialize(new { stories = result.Stories, seconds, peakMemoryMb = MeasureSeed.PeakMemoryMb() ?? double.NaN, bytes = result.Bytes }));
        return 0;
    }

    private static async Task<JsonDocument> RunChildAsync(string folder, ExportFormat format, string output)
    {
        var self = typeof(ExportBenchmark).Assembly.Location;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { self, "export-run", "--path", folder, "--format", format.ToString().ToLowerInvariant(), "--out", output })
        {
            start.ArgumentList.Add(arg);
        }

        Console.WriteLine($"  exporting as {format.ToString().ToLowerInvariant()} in a child process...");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the export child process.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        await process.WaitForExitAsync(timeout.Token);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"The export child failed (exit {process.ExitCode}): {await stderr}");
        }

        return JsonDocument.Parse(lines[^1]);
    }

    private static string WriteDocs(int count, List<(ExportFormat Format, int Stories, double Seconds, double PeakMb, long Bytes)> rows, string json)
    {
        var c = CultureInfo.InvariantCulture;
        var md = new StringBuilder();
        md.AppendLine(c, $"## Export benchmark, {count:N0} stories, local folder");
        md.AppendLine();
        md.AppendLine(c, $"Measured {DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ} on {Environment.ProcessorCount} cores; load average {MeasureSeed.LoadAverage()}. Each export runs in its own child process, whose peak memory (VmHWM) is the export's own.");
        md.AppendLine();
        md.AppendLine("| format | stories | seconds | peak MB | MB written |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            md.AppendLine(c, $"| {row.Format.ToString().ToLowerInvariant()} | {row.Stories:N0} | {row.Seconds:F2} | {row.PeakMb:F0} | {row.Bytes / 1024.0 / 1024.0:F1} |");
        }

        md.AppendLine();
        md.AppendLine("Goals at 100,000 stories on the local store: under 30 seconds and under 300 MB peak memory.");
        md.AppendLine();
        md.AppendLine("```bash");
        md.AppendLine(c, $"dotnet run -c Release --project tests/InfoStoryBot.Benchmarks -- export --stories {count}");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("```json");
        md.AppendLine(json);
        md.AppendLine("```");
        return BenchmarkDocs.WriteSection("export-local", md.ToString());
    }
}
