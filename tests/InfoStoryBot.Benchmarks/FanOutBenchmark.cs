using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Testing;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Simulator = InfoStoryBot.TeamsSimulator.TeamsSimulator;

namespace InfoStoryBot.Benchmarks;

/// <summary>
/// One nudge to each of N channels by the real bot (Release build, its own process), through the Teams simulator
/// enforcing the per-tenant limit and answering a fraction P of calls 429 with Retry-After, while ten storytellers
/// keep telling stories to the bot in 1:1 chat. The fan-out is not triggered by any test hook: the benchmark stores
/// a running campaign whose slot is a few seconds away, as an admin's campaign would be, and the bot's scheduler
/// posts it. Goals (N = 600, P = 0.05): ratio to the floor (N / limit) at most 1.10, no duplicates, none missing,
/// storytellers' p99 under 1 s during the fan-out.
/// </summary>
internal static class FanOutBenchmark
{
    private const string TeamId = "19:benchteam0000000000000000000000@thread.tacv2";
    private static readonly IReadOnlyList<string> Story = GuidedStory.Messages();

    public static async Task<int> RunAsync(Arguments args)
    {
        var channels = args.Int("channels", 600);
        var throttle = args.Double("throttle", 0);
        var limit = args.Int("limit", 30);
        var storytellers = args.Int("storytellers", 10);
        var think = TimeSpan.FromMilliseconds(args.Int("think-ms", 10_000));
        var lead = TimeSpan.FromSeconds(args.Int("lead", 10));
        var useAzurite = args.Flag("azurite");
        var writeDocs = !args.Flag("no-docs");
        if (throttle is < 0 or >= 1)
        {
            throw new ArgumentException($"--throttle takes a fraction from 0 to below 1, not {throttle}.");
        }

        var loadBefore = TurnBenchmark.LoadAverage();
        await using var simulator = await Simulator.StartAsync(new TeamsSimulatorOptions { TenantRequestsPerSecond = limit });
        if (throttle > 0)
        {
            simulator.RandomFaults = RandomFaultPolicy.Throttling(throttle, TimeSpan.FromSeconds(1));
        }

        var folder = Path.Combine(Path.GetTempPath(), "infostorybot-fanout-" + Guid.NewGuid().ToString("N"));
        await using var azurite = useAzurite ? await Azurite.StartAsync() : null;
        var settings = new Dictionary<string, string?>(simulator.BotConfiguration)
        {
            ["Connector:RequestsPerSecondPerTenant"] = limit.ToString(CultureInfo.InvariantCulture),
            ["Nudges:TickInterval"] = "00:00:00.200",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (azurite is not null)
        {
            settings["Storage:ConnectionString"] = azurite.ConnectionString;
            settings["Storage:Container"] = "fanout-bench";
        }
        else
        {
            settings["Storage:LocalPath"] = folder;
        }

        BotProcess? bot = null;
        using var storage = StorageHost(settings);
        try
        {
            await storage.Services.GetRequiredService<IBlobStore>().InitializeAsync(CancellationToken.None);
            var channelIds = await RegisterChannelsAsync(storage.Services, simulator, channels);
            bot = await BotProcess.StartAsync(settings);
            Console.WriteLine($"fan-out benchmark: {channels} channels, limit {limit}/s, throttle {(throttle * 100).ToString("F0", CultureInfo.InvariantCulture)}%, {storytellers} storytellers (one message every {think.TotalSeconds:F0} s), " +
                              $"{(azurite is null ? "local storage" : "Azurite")}; {Environment.ProcessorCount} cores; load average {loadBefore}");

            using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }) { Timeout = TimeSpan.FromSeconds(30) };
            var authorization = simulator.CreateAuthorizationHeader()!;
            using var stop = new CancellationTokenSource();
            var turns = new List<Turn>();
            var talking = Enumerable.Range(0, storytellers)
                .Select(i => TalkAsync(simulator, client, authorization, bot, SimulatedUser.Create(9000 + i), think, i, turns, stop.Token))
                .ToList();

            // As an admin's running campaign would be: its slot a few seconds away, in the campaign's zone.
            var slot = await StoreCampaignAsync(storage.Services, channelIds, lead);
            var floor = (double)channels / limit;
            var deadline = slot + TimeSpan.FromSeconds(Math.Max(120, floor * 5));
            while (simulator.ChannelPosts.Select(p => p.ChannelId).Distinct().Count() < channels && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(200);
            }

            // Let a straggler (a duplicate, if there were one) arrive before counting.
            await Task.Delay(TimeSpan.FromSeconds(2));
            await stop.CancelAsync();
            await Task.WhenAll(talking);

            var posts = simulator.ChannelPosts;
            var result = Result.From(posts, channelIds, slot, floor, turns, simulator, throttle);
            var table = result.Table(channels, limit, throttle, storytellers, think, azurite is not null, loadBefore, TurnBenchmark.LoadAverage());
            Console.WriteLine();
            Console.WriteLine(table);
            if (writeDocs)
            {
                var command = $"dotnet run -c Release --project tests/InfoStoryBot.Benchmarks -- fanout --channels {channels}" + (throttle > 0 ? $" --throttle {throttle.ToString(CultureInfo.InvariantCulture)}" : "");
                var path = BenchmarkDocs.WriteSection($"fanout-{channels}-{(int)Math.Round(throttle * 100)}", $"### Fan-out: {channels} channels, throttle {(throttle * 100).ToString("F0", CultureInfo.InvariantCulture)}%\n\n```bash\n{command}\n```\n\n```\n{table}\n```");
                Console.WriteLine($"wrote {path}");
            }

            Console.WriteLine(result.Json().ToJsonString());
            return result.Duplicates == 0 && result.Missing == 0 ? 0 : 1;
        }
        finally
        {
            if (bot is not null)
            {
                await bot.DisposeAsync();
            }

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }

    /// <summary>The bot's own stores over the bot's storage, to register the team and the campaign as install capture and an admin would.</summary>
    private static IHost StorageHost(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddStorage();
        builder.AddTeams();
        builder.AddCampaigns();
        return builder.Build();
    }

    private static async Task<IReadOnlyList<string>> RegisterChannelsAsync(IServiceProvider services, Simulator simulator, int count)
    {
        var ids = Enumerable.Range(1, count).Select(n => $"19:bench{n:D5}channel000000000000000@thread.tacv2").ToList();
        await services.GetRequiredService<ITeamStore>().SaveAsync(new TeamRecord
        {
            TeamId = TeamId,
            Name = "Benchmark Partnership",
            TenantId = simulator.Options.TenantId,
            ServiceUrl = simulator.ServiceUrl,
            InstalledAt = DateTimeOffset.UtcNow,
            Channels = [.. ids.Select((id, i) => new ChannelRecord(id, $"Partners {i + 1}"))],
        }, null, CancellationToken.None);
        return ids;
    }

    private static async Task<DateTimeOffset> StoreCampaignAsync(IServiceProvider services, IReadOnlyList<string> channelIds, TimeSpan lead)
    {
        var now = DateTimeOffset.UtcNow;
        var slot = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) + lead;
        var day = DateOnly.FromDateTime(slot.UtcDateTime);
        await services.GetRequiredService<ICampaignStore>().SaveAsync(new Campaign
        {
            Id = "fanout-bench",
            Name = "#infostory benchmark",
            StartDate = day,
            EndDate = day,
            DaysOfWeek = Enum.GetValues<DayOfWeek>(),
            PostingTime = TimeOnly.FromTimeSpan(slot.TimeOfDay),
            TimeZone = "Etc/UTC",
            TargetChannelIds = channelIds,
            State = CampaignState.Running,
            LiveFrom = now,
            StoryTarget = 100,
            CreatedAt = now,
            UpdatedAt = now,
        }, null, CancellationToken.None);
        return slot;
    }

    /// <summary>One storyteller telling guided stories, a message every <paramref name="think"/>, until stopped.</summary>
    private static async Task TalkAsync(
        Simulator simulator, HttpClient client, string authorization, BotProcess bot, SimulatedUser user, TimeSpan think, int index, List<Turn> turns, CancellationToken stop)
    {
        // Spread the storytellers over the think time, as people would be.
        try
        {
            await Task.Delay(think * index / 10, stop);
            for (var step = 0; !stop.IsCancellationRequested; step++)
            {
                var activity = simulator.Activities.PersonalMessage(Story[step % Story.Count], user);
                using var request = new HttpRequestMessage(HttpMethod.Post, bot.MessagesUrl)
                {
                    Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
                };
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
                var started = DateTimeOffset.UtcNow;
                var stopwatch = Stopwatch.StartNew();
                HttpStatusCode status;
                try
                {
                    using var response = await client.SendAsync(request, CancellationToken.None);
                    await response.Content.LoadIntoBufferAsync(CancellationToken.None);
                    status = response.StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    status = 0;
                }

                lock (turns)
                {
                    turns.Add(new Turn(started, stopwatch.Elapsed.TotalMilliseconds, status));
                }

                await Task.Delay(think, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    private sealed record Turn(DateTimeOffset StartedAt, double Milliseconds, HttpStatusCode Status);

    private sealed record Result(
        int Channels, double Seconds, double FloorSeconds, double Ratio, int Duplicates, int Missing, double InteractiveP99Ms,
        double StartLagSeconds, int TurnsDuring, double InteractiveP50Ms, int TurnErrors, int Throttled, int OverLimit, int Requests)
    {
        public static Result From(IReadOnlyList<SimulatedChannelPost> posts, IReadOnlyList<string> channelIds, DateTimeOffset slot, double floor, List<Turn> turns, Simulator simulator, double throttle)
        {
            var perChannel = posts.GroupBy(p => p.ChannelId).ToDictionary(g => g.Key, g => g.Count());
            var duplicates = perChannel.Values.Sum(n => Math.Max(0, n - 1));
            var missing = channelIds.Count(id => !perChannel.ContainsKey(id));
            var first = posts.Count > 0 ? posts.Min(p => p.ReceivedAt) : slot;
            var last = posts.Count > 0 ? posts.Max(p => p.ReceivedAt) : slot;
            var seconds = (last - first).TotalSeconds;
            List<Turn> during;
            lock (turns)
            {
                during = turns.Where(t => t.StartedAt >= first && t.StartedAt <= last).ToList();
            }

            var latencies = during.Select(t => t.Milliseconds).Order().ToArray();
            var creates = simulator.Calls.Where(c => c.Method == "POST" && c.Path == "v3/conversations").ToList();
            return new Result(
                channelIds.Count, seconds, floor, floor > 0 ? seconds / floor : double.NaN, duplicates, missing, Percentile(latencies, 0.99),
                (first - slot).TotalSeconds, during.Count, Percentile(latencies, 0.50), during.Count(t => t.Status != HttpStatusCode.OK),
                creates.Count(c => c.Fault?.StatusCode == 429), simulator.RefusedOverTenantLimit, creates.Count);
        }

        public string Table(int channels, int limit, double throttle, int storytellers, TimeSpan think, bool azurite, string loadBefore, string loadAfter)
        {
            var goalsMet = Ratio <= 1.10 && Duplicates == 0 && Missing == 0 && InteractiveP99Ms < 1000;
            var rows = new (string Name, string Value)[]
            {
                ("channels posted", $"{channels - Missing} of {channels}"),
                ("duplicates", Duplicates.ToString(CultureInfo.InvariantCulture)),
                ("missing", Missing.ToString(CultureInfo.InvariantCulture)),
                ("fan-out, first post to last (s)", Seconds.ToString("F2", CultureInfo.InvariantCulture)),
                ($"floor, {channels} / {limit} a second (s)", FloorSeconds.ToString("F2", CultureInfo.InvariantCulture)),
                ("ratio to the floor (goal <= 1.10)", Ratio.ToString("F3", CultureInfo.InvariantCulture)),
                ("slot to first post (s)", StartLagSeconds.ToString("F2", CultureInfo.InvariantCulture)),
                ("channel-post requests", Requests.ToString(CultureInfo.InvariantCulture)),
                ($"answered 429 at random ({(throttle * 100).ToString("F0", CultureInfo.InvariantCulture)}%)", Throttled.ToString(CultureInfo.InvariantCulture)),
                ("answered 429 over the tenant limit", OverLimit.ToString(CultureInfo.InvariantCulture)),
                ($"storyteller turns during the fan-out ({storytellers}, every {think.TotalSeconds:F0} s)", TurnsDuring.ToString(CultureInfo.InvariantCulture)),
                ("storyteller p50 (ms)", InteractiveP50Ms.ToString("F1", CultureInfo.InvariantCulture)),
                ("storyteller p99 (ms, goal < 1000)", InteractiveP99Ms.ToString("F1", CultureInfo.InvariantCulture)),
                ("storyteller errors", TurnErrors.ToString(CultureInfo.InvariantCulture)),
                ("storage", azurite ? "Azurite" : "local folder"),
                ("load average before / after", $"{loadBefore} / {loadAfter}"),
                ("goals met", goalsMet ? "yes" : "no"),
            };
            var width = rows.Max(r => r.Name.Length);
            return string.Join(Environment.NewLine, rows.Select(r => $"  {r.Name.PadRight(width)}  {r.Value}"));
        }

        public JsonObject Json() => new()
        {
            ["channels"] = Channels,
            ["seconds"] = Math.Round(Seconds, 3),
            ["floorSeconds"] = Math.Round(FloorSeconds, 3),
            ["ratio"] = double.IsNaN(Ratio) ? null : Math.Round(Ratio, 4),
            ["duplicates"] = Duplicates,
            ["missing"] = Missing,
            ["interactiveP99Ms"] = double.IsNaN(InteractiveP99Ms) ? null : Math.Round(InteractiveP99Ms, 1),
        };

        private static double Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}
