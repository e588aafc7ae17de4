using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Testing;
using InfoStoryBot.TeamsSimulator;
using Simulator = InfoStoryBot.TeamsSimulator.TeamsSimulator;

namespace InfoStoryBot.Benchmarks;

/// <summary>
/// Turns per second and turn latency of the real bot (Release build, its own process, Kestrel on loopback)
/// behind the Teams simulator, with signed tokens, at several numbers of concurrent 1:1 conversations; and the
/// same for a floor (<see cref="FloorServer"/>): an endpoint that makes only the one Connector call per turn.
/// Closed loop: each virtual user is one person in their own 1:1 chat, telling guided stories one answer at a
/// time and sending the next answer as soon as the last POST returned. A POST returns after the bot saved the
/// state and its replies reached the simulator, so its latency is the whole turn.
/// Goals at 50 conversations, local storage, 2 cores: at least 60% of the floor's throughput, p99 under 50 ms,
/// peak memory under 250 MB.
/// </summary>
internal static class TurnBenchmark
{
    // One guided story as a person types it (tests/Shared/GuidedStory.cs); after "submit" the next one starts.
    private static readonly IReadOnlyList<string> Story = GuidedStory.Messages();

    private const string StoredConfirmation = GuidedStory.Stored;
    private const int MaxSeconds = 120;
    private const int MaxRuns = 10;

    public static async Task<int> RunAsync(Arguments args)
    {
        var seconds = Math.Min(args.Int("seconds", 10), MaxSeconds);
        var runs = Math.Min(args.Int("runs", 3), MaxRuns);
        // Tiered compilation (with PGO) keeps recompiling hot methods for many seconds under load; measure after it settles.
        var warmUp = TimeSpan.FromSeconds(Math.Min(args.Int("warmup", 30), MaxSeconds));
        var levels = ParseLevels(args.String("concurrency") ?? "1,10,50");
        var useAzurite = args.Flag("azurite");
        var rateGate = args.Flag("rate-gate");
        var writeDocs = !args.Flag("no-docs");
        var noFloor = args.Flag("no-floor");
        // For experiments while profiling: extra bot settings (or DOTNET_ variables) "Key=Value;Key=Value", and
        // --show-output to print the processes' last log lines.
        var pairs = (args.String("bot-settings") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).ToArray();
        if (pairs.Any(kv => kv.Length != 2 || kv[0].Length == 0))
        {
            Console.Error.WriteLine("--bot-settings takes Key=Value pairs separated by ';', e.g. Logging:LogLevel:Default=Warning;DOTNET_gcServer=0");
            return 2;
        }

        var extraSettings = pairs.ToDictionary(kv => kv[0], kv => (string?)kv[1]);
        var tempRoot = args.String("temp") ?? Path.GetTempPath();
        var storageNote = $"the local storage folder is under {tempRoot} ({FileSystemType(tempRoot)})";
        var loadBefore = LoadAverage();

        await using var simulator = await Simulator.StartAsync(new TeamsSimulatorOptions());
        var botSettings = new Dictionary<string, string?>(simulator.BotConfiguration);
        if (!rateGate)
        {
            // The bot queues its Connector calls to stay under Teams' 30 a second per tenant; every simulated user
            // shares one tenant, so with the gate on the benchmark would measure the gate, not the bot.
            botSettings["Connector:RequestsPerSecondPerTenant"] = "0";
        }

        foreach (var (key, value) in extraSettings)
        {
            botSettings[key] = value;
        }

        var localFolder = Path.Combine(tempRoot, "infostorybot-turns-" + Guid.NewGuid().ToString("N"));
        await using var azurite = useAzurite ? await Azurite.StartAsync() : null;
        var targets = new List<Target>();
        try
        {
            targets.Add(new Target("local", await BotProcess.StartAsync(new Dictionary<string, string?>(botSettings) { ["Storage:LocalPath"] = localFolder })));
            if (azurite is not null)
            {
                targets.Add(new Target("azurite", await BotProcess.StartAsync(new Dictionary<string, string?>(botSettings)
                {
                    ["Storage:ConnectionString"] = azurite.ConnectionString,
                    ["Storage:Container"] = "turns-bench",
                })));
            }

            var self = typeof(TurnBenchmark).Assembly.Location;
            if (!noFloor)
            {
                targets.Add(new Target("floor", await BotProcess.StartDllAsync(self, ["floor-server"], simulator.BotConfiguration, "Production")));
            }

            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };
            // One Connector token for the whole run (valid 55 minutes): the bot still validates it on every turn,
            // and the load generator does not spend the shared cores signing JWTs.
            var authorization = simulator.CreateAuthorizationHeader()!;
            var driver = new Driver(simulator, client, authorization);

            Console.WriteLine($"turn benchmark: {string.Join(", ", targets.Select(t => t.Name))}; concurrency {string.Join(",", levels)}; " +
                              $"{seconds}s per level, {runs} run(s); {Environment.ProcessorCount} cores; load average {loadBefore}; rate gate {(rateGate ? "on" : "off")}");

            foreach (var target in targets.Where(t => t.Name != "floor"))
            {
                await driver.CheckOneStoryAsync(target);
            }

            foreach (var target in targets)
            {
                await driver.RunLevelAsync(target, levels.Max(), warmUp);
            }

            for (var run = 0; run < runs; run++)
            {
                foreach (var level in levels)
                {
                    foreach (var target in targets)
                    {
                        var result = await driver.RunLevelAsync(target, level, TimeSpan.FromSeconds(seconds));
                        target.Add(level, result);
                        Console.WriteLine($"  run {run + 1} {target.Name,-8} c{level,-3} {result.TurnsPerSecond,8:F1} turns/s  p50 {result.P50Ms,6:F1}  p95 {result.P95Ms,6:F1}  p99 {result.P99Ms,6:F1} ms  cpu {result.CpuMsPerTurn,5:F2} ms/turn" +
                                          (result.Errors > 0 ? $"  ERRORS {result.Errors} ({result.FirstError})" : ""));
                    }
                }
            }

            foreach (var target in targets)
            {
                target.PeakMemoryBytes = target.Process.PeakMemoryBytesOverAllRuns();
                if (args.Flag("show-output"))
                {
                    Console.WriteLine($"--- {target.Name} output (last lines) ---{Environment.NewLine}{target.Process.Output()}");
                }
            }

            var loadAfter = LoadAverage();
            var report = Report.Build(targets, levels, seconds, runs, warmUp, rateGate, loadBefore, loadAfter, storageNote, args.String("temp"));
            var table = report.Table();
            Console.WriteLine();
            Console.WriteLine(table);
            if (writeDocs)
            {
                // A run with --temp (e.g. tmpfs, to see what the disk costs) keeps its own section beside the default one.
                var path = BenchmarkDocs.WriteSection(args.String("temp") is null ? "turns" : "turns-temp", report.Markdown(table));
                Console.WriteLine($"wrote {path}");
            }

            Console.WriteLine(report.Json.ToJsonString());
            return report.AnyErrors ? 1 : 0;
        }
        finally
        {
            foreach (var target in targets)
            {
                await target.Process.DisposeAsync();
            }

            try
            {
                Directory.Delete(localFolder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }

    private static int[] ParseLevels(string text)
    {
        var levels = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 500
                ? n
                : throw new ArgumentException($"--concurrency takes numbers from 1 to 500 separated by commas, not '{text}'."))
            .Distinct()
            .ToArray();
        return levels.Length > 0 ? levels : throw new ArgumentException("--concurrency needs at least one number.");
    }

    /// <summary>The file system type of the mount holding the path (ext4, tmpfs...), from /proc/mounts.</summary>
    internal static string FileSystemType(string path)
    {
        try
        {
            var full = Path.GetFullPath(path);
            var best = (Mount: "", Type: "unknown");
            foreach (var line in File.ReadLines("/proc/mounts"))
            {
                var parts = line.Split(' ');
                if (parts.Length > 2 && full.StartsWith(parts[1], StringComparison.Ordinal) && parts[1].Length > best.Mount.Length)
                {
                    best = (parts[1], parts[2]);
                }
            }

            return best.Type;
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    internal static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    internal sealed class Target(string name, BotProcess process)
    {
        public string Name { get; } = name;

        public BotProcess Process { get; } = process;

        public Dictionary<int, List<LevelResult>> Results { get; } = [];

        public long? PeakMemoryBytes { get; set; }

        public void Add(int level, LevelResult result)
        {
            if (!Results.TryGetValue(level, out var list))
            {
                Results[level] = list = [];
            }

            list.Add(result);
        }
    }

    internal sealed record LevelResult(int Turns, double Seconds, double P50Ms, double P95Ms, double P99Ms, int Errors, int RepliesMissing, string? FirstError, double CpuMsPerTurn)
    {
        public double TurnsPerSecond => Turns / Seconds;
    }

    /// <summary>Drives virtual users; each gets a user (and so a 1:1 conversation) never used before.</summary>
    private sealed class Driver(Simulator simulator, HttpClient client, string authorization)
    {
        private int _nextUser = 1000;

        /// <summary>One person tells one whole story, checking every turn got a reply and the story was stored: proof the script still fits the dialog.</summary>
        public async Task CheckOneStoryAsync(Target target)
        {
            simulator.ClearCalls();
            var user = SimulatedUser.Create(Interlocked.Increment(ref _nextUser));
            foreach (var text in Story)
            {
                var (status, error) = await PostAsync(target, user, text, CancellationToken.None);
                if (status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{target.Name}: the story script failed at '{text}': {error ?? ((int)status).ToString(CultureInfo.InvariantCulture)}{Environment.NewLine}{target.Process.Output()}");
                }
            }

            var replies = Replies();
            if (replies.Count < Story.Count || !replies[^1].Body!.Contains(StoredConfirmation, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{target.Name}: the story script no longer fits the dialog: {replies.Count} replies to {Story.Count} turns, last reply: {(replies.Count > 0 ? replies[^1].Body : "(none)")}");
            }

            simulator.ClearCalls();
        }

        public async Task<LevelResult> RunLevelAsync(Target target, int concurrency, TimeSpan duration)
        {
            simulator.ClearCalls();
            var users = Enumerable.Range(0, concurrency).Select(_ => SimulatedUser.Create(Interlocked.Increment(ref _nextUser))).ToArray();
            var latencies = users.Select(_ => new List<double>(4096)).ToArray();
            var errors = 0;
            string? firstError = null;
            var counted = 0;
            var allSent = 0;
            var cpuBefore = target.Process.CpuTime();
            var start = Stopwatch.GetTimestamp();
            var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

            async Task UserLoopAsync(int index)
            {
                var step = 0;
                while (Stopwatch.GetTimestamp() < end)
                {
                    var began = Stopwatch.GetTimestamp();
                    var (status, error) = await PostAsync(target, users[index], Story[step], CancellationToken.None);
                    var finished = Stopwatch.GetTimestamp();
                    Interlocked.Increment(ref allSent);
                    step = (step + 1) % Story.Count;
                    if (status != HttpStatusCode.OK)
                    {
                        Interlocked.Increment(ref errors);
                        Interlocked.CompareExchange(ref firstError, error ?? $"HTTP {(int)status}", null);
                        continue;
                    }

                    if (finished <= end)
                    {
                        latencies[index].Add(Stopwatch.GetElapsedTime(began, finished).TotalMilliseconds);
                        Interlocked.Increment(ref counted);
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Task.Run(() => UserLoopAsync(i))));
            var cpu = target.Process.CpuTime() - cpuBefore;

            // Every successful turn sent at least one reply; fewer replies than turns means answers went missing.
            var replies = Replies().Count;
            var missing = Math.Max(0, allSent - errors - replies);
            simulator.ClearCalls();

            var all = latencies.SelectMany(l => l).Order().ToArray();
            var cpuMsPerTurn = cpu is { } used && allSent > 0 ? used.TotalMilliseconds / allSent : double.NaN;
            return new LevelResult(counted, duration.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), errors, missing, firstError, cpuMsPerTurn);
        }

        private List<ConnectorCall> Replies() =>
            [.. simulator.Calls.Where(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal) && c.ResponseStatus is >= 200 and < 300)];

        private async Task<(HttpStatusCode Status, string? Error)> PostAsync(Target target, SimulatedUser user, string text, CancellationToken cancellationToken)
        {
            var activity = simulator.Activities.PersonalMessage(text, user);
            using var request = new HttpRequestMessage(HttpMethod.Post, target.Process.MessagesUrl)
            {
                Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
            try
            {
                using var response = await client.SendAsync(request, cancellationToken);
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                return (response.StatusCode, response.StatusCode == HttpStatusCode.OK ? null : $"HTTP {(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return ((HttpStatusCode)0, e.GetType().Name + ": " + e.Message);
            }
        }

        private static double Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Medians over the runs, the ratio to the floor, the goals; as a table, Markdown and one JSON line.</summary>
    private sealed class Report
    {
        private readonly List<Target> _targets;
        private readonly int[] _levels;
        private readonly int _seconds;
        private readonly int _runs;
        private readonly bool _rateGate;
        private readonly string _loadBefore;
        private readonly string _loadAfter;
        private readonly TimeSpan _warmUp;
        private readonly string _storageNote;
        private readonly string? _temp;

        private Report(List<Target> targets, int[] levels, int seconds, int runs, TimeSpan warmUp, bool rateGate, string loadBefore, string loadAfter, string storageNote, string? temp)
        {
            _warmUp = warmUp;
            _storageNote = storageNote;
            _temp = temp;
            _targets = targets;
            _levels = levels;
            _seconds = seconds;
            _runs = runs;
            _rateGate = rateGate;
            _loadBefore = loadBefore;
            _loadAfter = loadAfter;
            Json = BuildJson();
        }

        public JsonObject Json { get; }

        public bool AnyErrors => _targets.Any(t => t.Results.Values.SelectMany(r => r).Any(r => r.Errors > 0 || r.RepliesMissing > 0));

        public static Report Build(List<Target> targets, int[] levels, int seconds, int runs, TimeSpan warmUp, bool rateGate, string loadBefore, string loadAfter, string storageNote, string? temp) =>
            new(targets, levels, seconds, runs, warmUp, rateGate, loadBefore, loadAfter, storageNote, temp);

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        private static double Round(double value, int digits = 1) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

        private (double Tps, double P50, double P95, double P99, int Errors, int Missing) Figures(Target target, int level)
        {
            var results = target.Results[level];
            return (Median(results.Select(r => r.TurnsPerSecond)), Median(results.Select(r => r.P50Ms)), Median(results.Select(r => r.P95Ms)),
                Median(results.Select(r => r.P99Ms)), results.Sum(r => r.Errors), results.Sum(r => r.RepliesMissing));
        }

        private double CpuMsPerTurn(Target target, int level) => Median(target.Results[level].Select(r => r.CpuMsPerTurn));

        private Target? Find(string name) => _targets.FirstOrDefault(t => t.Name == name);

        private double? Ratio(string name, int level) =>
            Find(name) is { } target && Find("floor") is { } floor ? Round(Figures(target, level).Tps / Figures(floor, level).Tps, 2) : null;

        private static double? Mb(long? bytes) => bytes is { } b ? Round(b / 1024.0 / 1024.0) : null;

        private JsonObject BuildJson()
        {
            var json = new JsonObject
            {
                ["benchmark"] = "turns",
                ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["secondsPerLevel"] = _seconds,
                ["runs"] = _runs,
                ["statistic"] = "median over runs",
                ["cores"] = Environment.ProcessorCount,
                ["memoryMb"] = MachineMemoryMb(),
                ["loadAverageBefore"] = _loadBefore,
                ["loadAverageAfter"] = _loadAfter,
                ["warmUpSeconds"] = _warmUp.TotalSeconds,
                ["rateGate"] = _rateGate,
                ["storage"] = _storageNote,
            };
            foreach (var target in _targets)
            {
                var node = new JsonObject();
                foreach (var level in _levels)
                {
                    var (tps, p50, p95, p99, errors, missing) = Figures(target, level);
                    node["c" + level.ToString(CultureInfo.InvariantCulture)] = new JsonObject
                    {
                        ["turnsPerSecond"] = Round(tps),
                        ["p50Ms"] = Round(p50, 2),
                        ["p95Ms"] = Round(p95, 2),
                        ["p99Ms"] = Round(p99, 2),
                        ["cpuMsPerTurn"] = Round(CpuMsPerTurn(target, level), 3),
                        ["errors"] = errors,
                        ["repliesMissing"] = missing,
                    };
                }

                node["peakMemoryMb"] = Mb(target.PeakMemoryBytes);
                json[target.Name] = node;
            }

            foreach (var name in new[] { "local", "azurite" })
            {
                if (Find(name) is null)
                {
                    continue;
                }

                var ratios = new JsonObject();
                foreach (var level in _levels)
                {
                    ratios["c" + level.ToString(CultureInfo.InvariantCulture)] = Ratio(name, level);
                }

                json[name == "local" ? "ratioToFloor" : "azuriteRatioToFloor"] = ratios;
            }

            if (_levels.Contains(50) && Find("local") is { } local)
            {
                var (_, _, _, p99, errors, missing) = Figures(local, 50);
                var ratio = Ratio("local", 50) ?? 0;
                var memory = Mb(local.PeakMemoryBytes) ?? double.MaxValue;
                json["goals"] = new JsonObject
                {
                    ["ratioToFloorAtC50AtLeast0.6"] = ratio >= 0.6,
                    ["p99AtC50Under50Ms"] = p99 < 50,
                    ["peakMemoryUnder250Mb"] = memory < 250,
                    ["noErrors"] = errors == 0 && missing == 0,
                };
            }

            return json;
        }

        public string Table()
        {
            var text = new StringBuilder();
            text.AppendLine("| target | conversations | turns/s | p50 ms | p95 ms | p99 ms | CPU ms/turn | errors | vs floor |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var level in _levels)
            {
                foreach (var target in _targets)
                {
                    var (tps, p50, p95, p99, errors, missing) = Figures(target, level);
                    var ratio = target.Name == "floor" ? "1.00" : Ratio(target.Name, level)?.ToString("F2", CultureInfo.InvariantCulture) ?? "";
                    var errorText = errors.ToString(CultureInfo.InvariantCulture) + (missing > 0 ? $" (+{missing} replies missing)" : "");
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {target.Name} | {level} | {tps:F1} | {p50:F1} | {p95:F1} | {p99:F1} | {CpuMsPerTurn(target, level):F2} | {errorText} | {ratio} |");
                }
            }

            text.AppendLine();
            text.AppendLine("| process | peak memory (VmHWM) |");
            text.AppendLine("|---|---:|");
            foreach (var target in _targets)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {target.Name} | {Mb(target.PeakMemoryBytes)?.ToString("F1", CultureInfo.InvariantCulture) ?? "n/a"} MB |");
            }

            if (Json["goals"] is JsonObject goals)
            {
                text.AppendLine();
                text.AppendLine("Goals at 50 conversations, local storage: " + string.Join(", ", goals.Select(g => $"{g.Key} {((bool)g.Value! ? "met" : "MISSED")}")));
            }

            return text.ToString().TrimEnd();
        }

        public string Markdown(string table)
        {
            var text = new StringBuilder();
            text.AppendLine(_temp is null ? "## Turn benchmark" : $"## Turn benchmark, local storage under {_temp}");
            text.AppendLine();
            text.AppendLine("The real bot (Release build, its own process, Kestrel on loopback) behind the Teams simulator, with signed");
            text.AppendLine("Connector tokens checked on every turn. Each virtual user is one person in their own 1:1 chat, telling guided");
            text.AppendLine(CultureInfo.InvariantCulture, $"stories one answer at a time ({Story.Count} turns a story, then the next story), sending the next answer as soon as the");
            text.AppendLine("last POST returned (closed loop). A turn's latency is its POST: the bot answers after it saved the conversation");
            text.AppendLine("state and its replies reached the simulator. The floor is a minimal ASP.NET Core endpoint in its own process");
            text.AppendLine("that parses the activity and makes only the same one Connector call (with a token fetched once) before");
            text.AppendLine("answering 200. Peak memory is each process's VmHWM (peak resident set, /proc/{pid}/status) over the whole run.");
            text.AppendLine(_rateGate
                ? "The bot's Connector rate gate (30 calls a second per tenant) was ON."
                : "The bot's Connector rate gate (30 calls a second per tenant, Teams' budget) is off for the benchmark " +
                  "(`Connector__RequestsPerSecondPerTenant=0`): every simulated user shares one tenant, so with it on the benchmark would measure the gate. `--rate-gate` keeps it.");
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Measured {Json["date"]} on {Environment.ProcessorCount} cores, {MachineMemoryMb()} MB memory, load average {_loadBefore} before and {_loadAfter} after " +
                $"(other work was running on the machine); {_storageNote}; {_warmUp.TotalSeconds} s warm-up per process at the highest level, then {_seconds} s per level, " +
                $"median of {_runs} run(s), levels and targets interleaved.");
            text.AppendLine();
            text.AppendLine(table);
            text.AppendLine();
            text.AppendLine("Command (the `--azurite` rows need Azurite, installed by `./test.sh` in tests/tools):");
            text.AppendLine();
            text.AppendLine("```bash");
            text.AppendLine("dotnet build -c Release Bot");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"dotnet run -c Release --project tests/InfoStoryBot.Benchmarks -- turns --seconds {_seconds} --runs {_runs} --warmup {_warmUp.TotalSeconds} --concurrency {string.Join(",", _levels)}" +
                $"{(Find("azurite") is not null ? " --azurite" : "")}{(_rateGate ? " --rate-gate" : "")}{(_temp is not null ? " --temp " + _temp : "")}{(Find("floor") is null ? " --no-floor" : "")}");
            text.AppendLine("```");
            text.AppendLine();
            text.AppendLine("The last line it prints is one JSON object with every figure (`local`, `azurite`, `floor`, `ratioToFloor`, `goals`).");
            return text.ToString();
        }

        private static long? MachineMemoryMb()
        {
            try
            {
                var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                return null;
            }
        }
    }
}
