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
/// Turns per second, turn latency, CPU and blob requests per turn of the real bot (Release build, its own process,
/// Kestrel on loopback) behind the Teams simulator, with signed tokens, at several numbers of concurrent 1:1
/// conversations; and the same for a floor (<see cref="FloorServer"/>): an endpoint that makes only the one Connector
/// call per turn. Closed loop: each virtual user is one person in their own 1:1 chat, going round a fixed
/// conversation one message at a time and sending the next as soon as the last POST returned. A POST returns after
/// the bot saved the state and its replies reached the simulator, so its latency is the whole turn.
/// With <c>--compare DLL</c> a second bot (e.g. a build of an older commit) runs beside this one on the same load,
/// the two alternating run by run, and the table gives the ratio of their CPU per turn.
/// Goals at 50 conversations, local storage, 2 cores: at least 60% of the floor's throughput, p99 under 50 ms,
/// peak memory under 250 MB; in a steady conversation on Azurite at most 1.1 blob requests per turn.
/// </summary>
internal static class TurnBenchmark
{
    /// <summary>
    /// The default conversation: the start of a story and a cancel, five turns, repeated. Defined here and not taken
    /// from the dialog's tests so that two builds compared with --compare see exactly the same turns even when the
    /// story dialog changes; each turn is a message the dialog answers and keeps in the conversation's state.
    /// </summary>
    private static readonly IReadOnlyList<string> FiveTurns =
    [
        "share a story",
        "A family moved between two council areas and the school's concern went with them. The new team picked it up on day one.",
        "Northtown Council, the police and a housing charity",
        "The school's safeguarding lead rang the new school and passed the file on.",
        "cancel",
    ];

    private const int MaxSeconds = 120;
    private const int MaxRuns = 10;

    /// <summary>Azurite containers of the two bots, so each one's requests are counted apart.</summary>
    private const string BotContainer = "turns-bench";
    private const string CompareContainer = "turns-compare";

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
        var script = Script.Parse(args.String("script") ?? "five");
        var compareDll = args.String("compare");
        if (args.Flag("compare") && (compareDll is null || !File.Exists(compareDll)))
        {
            Console.Error.WriteLine($"--compare needs the path of another build's InfoStoryBot.Bot.dll; '{compareDll}' does not exist.");
            return 2;
        }

        // For experiments while profiling: extra bot settings (or DOTNET_ variables) "Key=Value;Key=Value", and
        // --show-output to print the processes' last log lines.
        // --compare-settings the same for the compared bot only (e.g. one build against itself with a runtime knob changed).
        if (Settings(args, "bot-settings") is not { } extraSettings || Settings(args, "compare-settings") is not { } compareSettings)
        {
            Console.Error.WriteLine("--bot-settings and --compare-settings take Key=Value pairs separated by ';', e.g. Logging:LogLevel:Default=Warning;DOTNET_gcServer=0");
            return 2;
        }

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

        var localFolders = new List<string>();
        await using var azurite = useAzurite ? await Azurite.StartAsync(countRequests: true) : null;
        var targets = new List<Target>();
        try
        {
            async Task AddBotAsync(string name, string? dll, string container, IReadOnlyDictionary<string, string?> own)
            {
                var settings = new Dictionary<string, string?>(botSettings);
                foreach (var (key, value) in own)
                {
                    settings[key] = value;
                }

                var folder = Path.Combine(tempRoot, "infostorybot-turns-" + Guid.NewGuid().ToString("N"));
                localFolders.Add(folder);
                var local = new Dictionary<string, string?>(settings) { ["Storage:LocalPath"] = folder };
                targets.Add(new Target(name, await StartBotAsync(dll, local), null, dll is not null));
                if (azurite is not null)
                {
                    var onAzurite = new Dictionary<string, string?>(settings)
                    {
                        ["Storage:ConnectionString"] = azurite.ConnectionString,
                        ["Storage:Container"] = container,
                    };
                    targets.Add(new Target(name == "local" ? "azurite" : name + "-azurite", await StartBotAsync(dll, onAzurite), container, dll is not null));
                }
            }

            await AddBotAsync("local", null, BotContainer, new Dictionary<string, string?>());
            if (compareDll is not null)
            {
                await AddBotAsync("compare", Path.GetFullPath(compareDll), CompareContainer, compareSettings);
            }

            var self = typeof(TurnBenchmark).Assembly.Location;
            if (!noFloor)
            {
                targets.Add(new Target("floor", await BotProcess.StartDllAsync(self, ["floor-server"], simulator.BotConfiguration, "Production"), null, false));
            }

            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = TimeSpan.FromSeconds(30),
            };
            // One Connector token for the whole run (valid 55 minutes): the bot still validates it on every turn,
            // and the load generator does not spend the shared cores signing JWTs.
            var authorization = simulator.CreateAuthorizationHeader()!;
            var driver = new Driver(simulator, client, authorization, azurite, script);

            Console.WriteLine($"turn benchmark: {string.Join(", ", targets.Select(t => t.Name))}; conversation '{script.Name}' ({script.Messages.Count} turns); " +
                              $"concurrency {string.Join(",", levels)}; {seconds}s per level, {runs} run(s); {Environment.ProcessorCount} cores; load average {loadBefore}; rate gate {(rateGate ? "on" : "off")}" +
                              (compareDll is not null ? $"; compare {Path.GetFullPath(compareDll)}" : ""));

            foreach (var target in targets.Where(t => t.Name != "floor"))
            {
                await driver.CheckConversationAsync(target);
            }

            foreach (var target in targets)
            {
                await driver.RunLevelAsync(target, levels.Max(), warmUp);
            }

            for (var run = 0; run < runs; run++)
            {
                foreach (var level in levels)
                {
                    // Every other run goes through the targets backwards, so neither build always runs first (ABBA):
                    // a machine whose load drifts favours neither.
                    foreach (var target in run % 2 == 0 ? targets : Enumerable.Reverse(targets))
                    {
                        var result = await driver.RunLevelAsync(target, level, TimeSpan.FromSeconds(seconds));
                        target.Add(level, result);
                        Console.WriteLine($"  run {run + 1} {target.Name,-15} c{level,-3} {result.TurnsPerSecond,8:F1} turns/s  p50 {result.P50Ms,6:F1}  p95 {result.P95Ms,6:F1}  p99 {result.P99Ms,6:F1} ms  cpu {result.CpuMsPerTurn,5:F2} ms/turn" +
                                          (result.BlobRequestsPerTurn is { } blobs ? $"  blob requests {blobs,5:F2}/turn" : "") +
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
            var report = Report.Build(new RunInfo(targets, levels, seconds, runs, warmUp, rateGate, loadBefore, loadAfter, storageNote, args.String("temp"), script, compareDll));
            var table = report.Table();
            Console.WriteLine();
            Console.WriteLine(table);
            if (writeDocs)
            {
                // A run with --temp (e.g. tmpfs, to see what the disk costs) or --compare (CPU against another build)
                // keeps its own section beside the default one.
                var section = args.String("compare") is not null ? "turns-compare" : args.String("temp") is null ? "turns" : "turns-temp";
                var path = BenchmarkDocs.WriteSection(section, report.Markdown(table));
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

            foreach (var folder in localFolders)
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (DirectoryNotFoundException)
                {
                }
            }
        }
    }

    private static Dictionary<string, string?>? Settings(Arguments args, string option)
    {
        var pairs = (args.String(option) ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2)).ToArray();
        return pairs.Any(kv => kv.Length != 2 || kv[0].Length == 0) ? null : pairs.ToDictionary(kv => kv[0], kv => (string?)kv[1]);
    }

    private static Task<BotProcess> StartBotAsync(string? dll, IReadOnlyDictionary<string, string?> settings) =>
        dll is null ? BotProcess.StartAsync(settings) : BotProcess.StartDllAsync(dll, [], settings, "Production");

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

    /// <summary>
    /// What each virtual user says, round and round in one conversation. "five" (the default) starts a story,
    /// answers three questions and cancels; "guided" tells the whole guided story of tests/Shared/GuidedStory.cs
    /// and submits it, so stories are stored too (it follows the current dialog, so it suits no --compare).
    /// </summary>
    internal sealed record Script(string Name, IReadOnlyList<string> Messages, string LastReplyContains)
    {
        public static Script Parse(string name) => name switch
        {
            "five" => new Script("five", FiveTurns, "share a story"),
            "guided" => new Script("guided", GuidedStory.Messages(), GuidedStory.Stored),
            _ => throw new ArgumentException($"--script is 'five' (start a story, three answers, cancel) or 'guided' (a whole story, stored), not '{name}'."),
        };
    }

    /// <param name="Container">The Azurite container of a bot on Azurite, whose requests are counted; null for the others.</param>
    /// <param name="IsCompare">The build given with --compare.</param>
    internal sealed class Target(string name, BotProcess process, string? container, bool isCompare)
    {
        public string Name { get; } = name;

        public BotProcess Process { get; } = process;

        public string? Container { get; } = container;

        public bool IsCompare { get; } = isCompare;

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

    /// <param name="BlobRequestsPerTurn">Requests Azurite logged for the bot's container over the turns sent; null off Azurite.</param>
    internal sealed record LevelResult(
        int Turns, double Seconds, double P50Ms, double P95Ms, double P99Ms, int Errors, int RepliesMissing, string? FirstError, double CpuMsPerTurn, double? BlobRequestsPerTurn)
    {
        public double TurnsPerSecond => Turns / Seconds;
    }

    /// <summary>Drives virtual users; each gets a user (and so a 1:1 conversation) never used before.</summary>
    private sealed class Driver(Simulator simulator, HttpClient client, string authorization, Azurite? azurite, Script script)
    {
        private static readonly TimeSpan LogQuiet = TimeSpan.FromMilliseconds(300);
        private int _nextUser = 1000;

        /// <summary>One person goes once round the conversation, checking every turn got a reply and the last one the expected answer: proof the script still fits the dialog.</summary>
        public async Task CheckConversationAsync(Target target)
        {
            simulator.ClearCalls();
            var user = SimulatedUser.Create(Interlocked.Increment(ref _nextUser));
            foreach (var text in script.Messages)
            {
                var (status, error) = await PostAsync(target, user, text, CancellationToken.None);
                if (status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"{target.Name}: the '{script.Name}' script failed at '{text}': {error ?? ((int)status).ToString(CultureInfo.InvariantCulture)}{Environment.NewLine}{target.Process.Output()}");
                }
            }

            var replies = Replies();
            if (replies.Count < script.Messages.Count || !replies[^1].Body!.Contains(script.LastReplyContains, StringComparison.Ordinal))
            {
                throw new InvalidOperationException(
                    $"{target.Name}: the '{script.Name}' script no longer fits the dialog: {replies.Count} replies to {script.Messages.Count} turns, last reply: {(replies.Count > 0 ? replies[^1].Body : "(none)")}");
            }

            simulator.ClearCalls();
        }

        public async Task<LevelResult> RunLevelAsync(Target target, int concurrency, TimeSpan duration)
        {
            simulator.ClearCalls();
            var messages = script.Messages;
            var users = Enumerable.Range(0, concurrency).Select(_ => SimulatedUser.Create(Interlocked.Increment(ref _nextUser))).ToArray();
            var latencies = users.Select(_ => new List<double>(4096)).ToArray();
            var errors = 0;
            string? firstError = null;
            var counted = 0;
            var allSent = 0;
            // Whatever the last level left in Azurite's log (its background work included) is not this level's.
            var requestsBefore = target.Container is { } container && azurite is not null ? await azurite.SettledRequestCountAsync(container, LogQuiet) : 0;
            var cpuBefore = target.Process.CpuTime();
            var start = Stopwatch.GetTimestamp();
            var end = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);

            async Task UserLoopAsync(int index)
            {
                var step = 0;
                while (Stopwatch.GetTimestamp() < end)
                {
                    var began = Stopwatch.GetTimestamp();
                    var (status, error) = await PostAsync(target, users[index], messages[step], CancellationToken.None);
                    var finished = Stopwatch.GetTimestamp();
                    Interlocked.Increment(ref allSent);
                    step = (step + 1) % messages.Count;
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
            double? blobRequestsPerTurn = target.Container is { } measured && azurite is not null && allSent > 0
                ? (await azurite.SettledRequestCountAsync(measured, LogQuiet) - requestsBefore) / (double)allSent
                : null;

            // Every successful turn sent at least one reply; fewer replies than turns means answers went missing.
            var replies = Replies().Count;
            var missing = Math.Max(0, allSent - errors - replies);
            simulator.ClearCalls();

            var all = latencies.SelectMany(l => l).Order().ToArray();
            var cpuMsPerTurn = cpu is { } used && allSent > 0 ? used.TotalMilliseconds / allSent : double.NaN;
            return new LevelResult(counted, duration.TotalSeconds, Percentile(all, 0.50), Percentile(all, 0.95), Percentile(all, 0.99), errors, missing, firstError, cpuMsPerTurn, blobRequestsPerTurn);
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

    internal sealed record RunInfo(
        List<Target> Targets, int[] Levels, int Seconds, int Runs, TimeSpan WarmUp, bool RateGate, string LoadBefore, string LoadAfter,
        string StorageNote, string? Temp, Script Script, string? CompareDll);

    /// <summary>Medians over the runs, the ratios to the floor and to the compared build, the goals; as a table, Markdown and one JSON line.</summary>
    private sealed class Report
    {
        private readonly RunInfo _run;

        private Report(RunInfo run)
        {
            _run = run;
            Json = BuildJson();
        }

        public JsonObject Json { get; }

        public bool AnyErrors => _run.Targets.Any(t => t.Results.Values.SelectMany(r => r).Any(r => r.Errors > 0 || r.RepliesMissing > 0));

        public static Report Build(RunInfo run) => new(run);

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }

        private static double Round(double value, int digits = 1) => Math.Round(value, digits, MidpointRounding.AwayFromZero);

        private static (double Tps, double P50, double P95, double P99, int Errors, int Missing) Figures(Target target, int level)
        {
            var results = target.Results[level];
            return (Median(results.Select(r => r.TurnsPerSecond)), Median(results.Select(r => r.P50Ms)), Median(results.Select(r => r.P95Ms)),
                Median(results.Select(r => r.P99Ms)), results.Sum(r => r.Errors), results.Sum(r => r.RepliesMissing));
        }

        private static double CpuMsPerTurn(Target target, int level) => Median(target.Results[level].Select(r => r.CpuMsPerTurn));

        private static double? BlobRequestsPerTurn(Target target, int level) =>
            target.Container is null ? null : Median(target.Results[level].Select(r => r.BlobRequestsPerTurn ?? double.NaN));

        private Target? Find(string name) => _run.Targets.FirstOrDefault(t => t.Name == name);

        /// <summary>This build's target of the same storage as a compared one ("compare" → "local", "compare-azurite" → "azurite").</summary>
        private Target? Counterpart(Target compared) => Find(compared.Name == "compare" ? "local" : compared.Name["compare-".Length..]);

        private double? Ratio(string name, int level) =>
            Find(name) is { } target && Find("floor") is { } floor ? Round(Figures(target, level).Tps / Figures(floor, level).Tps, 2) : null;

        /// <summary>
        /// This build's CPU per turn over the compared build's, as the median of the runs' own ratios: the two ran one
        /// after the other in each run, under much the same load, so each run's ratio is fairer than a ratio of medians.
        /// </summary>
        private static double CpuRatio(Target ours, Target theirs, int level) =>
            Round(Median(ours.Results[level].Zip(theirs.Results[level], (o, t) => o.CpuMsPerTurn / t.CpuMsPerTurn)), 3);

        private IEnumerable<(Target Ours, Target Theirs)> ComparedPairs() =>
            _run.Targets.Where(t => t.IsCompare).Select(t => (Counterpart(t), t)).Where(p => p.Item1 is not null).Select(p => (p.Item1!, p.t));

        private static double? Mb(long? bytes) => bytes is { } b ? Round(b / 1024.0 / 1024.0) : null;

        private static string Level(int level) => "c" + level.ToString(CultureInfo.InvariantCulture);

        private JsonObject BuildJson()
        {
            var json = new JsonObject
            {
                ["benchmark"] = "turns",
                ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["conversation"] = _run.Script.Name,
                ["turnsPerConversation"] = _run.Script.Messages.Count,
                ["secondsPerLevel"] = _run.Seconds,
                ["runs"] = _run.Runs,
                ["statistic"] = "median over runs",
                ["cores"] = Environment.ProcessorCount,
                ["memoryMb"] = MachineMemoryMb(),
                ["loadAverageBefore"] = _run.LoadBefore,
                ["loadAverageAfter"] = _run.LoadAfter,
                ["warmUpSeconds"] = _run.WarmUp.TotalSeconds,
                ["rateGate"] = _run.RateGate,
                ["storage"] = _run.StorageNote,
                ["compareDll"] = _run.CompareDll is null ? null : Path.GetFullPath(_run.CompareDll),
            };
            foreach (var target in _run.Targets)
            {
                var node = new JsonObject();
                foreach (var level in _run.Levels)
                {
                    var (tps, p50, p95, p99, errors, missing) = Figures(target, level);
                    node[Level(level)] = new JsonObject
                    {
                        ["turnsPerSecond"] = Round(tps),
                        ["p50Ms"] = Round(p50, 2),
                        ["p95Ms"] = Round(p95, 2),
                        ["p99Ms"] = Round(p99, 2),
                        ["cpuMsPerTurn"] = Round(CpuMsPerTurn(target, level), 3),
                        ["cpuMsPerTurnRuns"] = new JsonArray([.. target.Results[level].Select(r => (JsonNode)Round(r.CpuMsPerTurn, 3))]),
                        ["blobRequestsPerTurn"] = BlobRequestsPerTurn(target, level) is { } blobs ? Round(blobs, 3) : null,
                        ["errors"] = errors,
                        ["repliesMissing"] = missing,
                    };
                }

                node["peakMemoryMb"] = Mb(target.PeakMemoryBytes);
                json[target.Name] = node;
            }

            foreach (var name in new[] { "local", "azurite" })
            {
                if (Find(name) is null || Find("floor") is null)
                {
                    continue;
                }

                var ratios = new JsonObject();
                foreach (var level in _run.Levels)
                {
                    ratios[Level(level)] = Ratio(name, level);
                }

                json[name == "local" ? "ratioToFloor" : "azuriteRatioToFloor"] = ratios;
            }

            foreach (var (ours, theirs) in ComparedPairs())
            {
                var ratios = new JsonObject();
                foreach (var level in _run.Levels)
                {
                    ratios[Level(level)] = CpuRatio(ours, theirs, level);
                }

                json[ours.Name == "local" ? "cpuRatioToCompare" : "azuriteCpuRatioToCompare"] = ratios;
            }

            var goals = new JsonObject();
            if (_run.Levels.Contains(50) && Find("local") is { } local)
            {
                var (_, _, _, p99, errors, missing) = Figures(local, 50);
                if (Ratio("local", 50) is { } ratio)
                {
                    goals["ratioToFloorAtC50AtLeast0.6"] = ratio >= 0.6;
                }

                goals["p99AtC50Under50Ms"] = p99 < 50;
                goals["peakMemoryUnder250Mb"] = (Mb(local.PeakMemoryBytes) ?? double.MaxValue) < 250;
                goals["noErrors"] = errors == 0 && missing == 0;
            }

            if (_run.Script.Name == "five" && Find("azurite") is { } onAzurite)
            {
                goals["blobRequestsPerTurnAtMost1.1"] = _run.Levels.All(level => BlobRequestsPerTurn(onAzurite, level) <= 1.1);
            }

            if (goals.Count > 0)
            {
                json["goals"] = goals;
            }

            return json;
        }

        public string Table()
        {
            var text = new StringBuilder();
            text.AppendLine("| target | conversations | turns/s | p50 ms | p95 ms | p99 ms | CPU ms/turn | blob requests/turn | errors | vs floor |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var level in _run.Levels)
            {
                foreach (var target in _run.Targets)
                {
                    var (tps, p50, p95, p99, errors, missing) = Figures(target, level);
                    var ratio = target.Name == "floor" ? "1.00" : Ratio(target.Name, level)?.ToString("F2", CultureInfo.InvariantCulture) ?? "";
                    var errorText = errors.ToString(CultureInfo.InvariantCulture) + (missing > 0 ? $" (+{missing} replies missing)" : "");
                    var blobs = BlobRequestsPerTurn(target, level)?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a";
                    text.AppendLine(CultureInfo.InvariantCulture,
                        $"| {target.Name} | {level} | {tps:F1} | {p50:F1} | {p95:F1} | {p99:F1} | {CpuMsPerTurn(target, level):F2} | {blobs} | {errorText} | {ratio} |");
                }
            }

            var pairs = ComparedPairs().ToList();
            if (pairs.Count > 0)
            {
                text.AppendLine();
                text.AppendLine("| this build vs the compared one | conversations | CPU ms/turn, this | CPU ms/turn, compared | ratio (median of runs) |");
                text.AppendLine("|---|---:|---:|---:|---:|");
                foreach (var level in _run.Levels)
                {
                    foreach (var (ours, theirs) in pairs)
                    {
                        text.AppendLine(CultureInfo.InvariantCulture,
                            $"| {ours.Name} vs {theirs.Name} | {level} | {CpuMsPerTurn(ours, level):F3} | {CpuMsPerTurn(theirs, level):F3} | {CpuRatio(ours, theirs, level):F3} |");
                    }
                }
            }

            text.AppendLine();
            text.AppendLine("| process | peak memory (VmHWM) |");
            text.AppendLine("|---|---:|");
            foreach (var target in _run.Targets)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {target.Name} | {Mb(target.PeakMemoryBytes)?.ToString("F1", CultureInfo.InvariantCulture) ?? "n/a"} MB |");
            }

            if (Json["goals"] is JsonObject goals)
            {
                text.AppendLine();
                text.AppendLine("Goals: " + string.Join(", ", goals.Select(g => $"{g.Key} {((bool)g.Value! ? "met" : "MISSED")}")));
            }

            return text.ToString().TrimEnd();
        }

        public string Markdown(string table)
        {
            var text = new StringBuilder();
            text.AppendLine(_run.Temp is null ? "## Turn benchmark" : $"## Turn benchmark, local storage under {_run.Temp}");
            text.AppendLine();
            text.AppendLine("The real bot (Release build, its own process, Kestrel on loopback) behind the Teams simulator, with signed");
            text.AppendLine("Connector tokens checked on every turn. Each virtual user is one person in their own 1:1 chat, going round one");
            text.AppendLine(_run.Script.Name == "five"
                ? "conversation of five turns (start a story, answer three questions, cancel; fixed in the benchmark), one message at a time,"
                : "guided story (every question answered, then submitted and stored; tests/Shared/GuidedStory.cs), one message at a time,");
            text.AppendLine("sending the next as soon as the last POST returned (closed loop). A turn's latency is its POST: the bot answers after it");
            text.AppendLine("saved the conversation state and its replies reached the simulator. CPU per turn is the bot process's user + system time");
            text.AppendLine("(/proc/{pid}/stat) over the level, after a warm-up that lets tiered compilation settle, divided by the turns sent.");
            text.AppendLine("Blob requests per turn are the requests Azurite's own access log shows for the bot's container over the turns sent.");
            text.AppendLine("The floor is a minimal ASP.NET Core endpoint in its own process that parses the activity and makes only the same");
            text.AppendLine("one Connector call (with a token fetched once) before answering 200. Peak memory is each process's VmHWM");
            text.AppendLine("(peak resident set, /proc/{pid}/status) over the whole run.");
            text.AppendLine(_run.RateGate
                ? "The bot's Connector rate gate (30 calls a second per tenant) was ON."
                : "The bot's Connector rate gate (30 calls a second per tenant, Teams' budget) is off for the benchmark " +
                  "(`Connector__RequestsPerSecondPerTenant=0`): every simulated user shares one tenant, so with it on the benchmark would measure the gate. `--rate-gate` keeps it.");
            if (_run.CompareDll is not null)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"The compared build ({_run.CompareDll}) ran beside this one on the same load, in the same run, the order of the two reversed every other run.");
            }

            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture,
                $"Measured {Json["date"]} on {Environment.ProcessorCount} cores, {MachineMemoryMb()} MB memory, load average {_run.LoadBefore} before and {_run.LoadAfter} after " +
                $"(other work was running on the machine); {_run.StorageNote}; {_run.WarmUp.TotalSeconds} s warm-up per process at the highest level, then {_run.Seconds} s per level, " +
                $"median of {_run.Runs} run(s), levels and targets interleaved.");
            text.AppendLine();
            text.AppendLine(table);
            text.AppendLine();
            text.AppendLine("Command (the `--azurite` rows need Azurite, installed by `./test.sh` in tests/tools):");
            text.AppendLine();
            text.AppendLine("```bash");
            text.AppendLine("dotnet build -c Release Bot");
            text.AppendLine(CultureInfo.InvariantCulture,
                $"dotnet run -c Release --project tests/InfoStoryBot.Benchmarks -- turns --seconds {_run.Seconds} --runs {_run.Runs} --warmup {_run.WarmUp.TotalSeconds} --concurrency {string.Join(",", _run.Levels)}" +
                $"{(_run.Script.Name != "five" ? " --script " + _run.Script.Name : "")}{(Find("azurite") is not null ? " --azurite" : "")}{(_run.RateGate ? " --rate-gate" : "")}" +
                $"{(_run.Temp is not null ? " --temp " + _run.Temp : "")}{(Find("floor") is null ? " --no-floor" : "")}{(_run.CompareDll is not null ? " --compare " + _run.CompareDll : "")}");
            text.AppendLine("```");
            text.AppendLine();
            text.AppendLine("The last line it prints is one JSON object with every figure (`local`, `azurite`, `floor`, `compare`, `ratioToFloor`, `cpuRatioToCompare`, `goals`).");
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
