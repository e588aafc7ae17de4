global using Simulator = InfoStoryBot.TeamsSimulator.TeamsSimulator;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real bot wired to the Teams simulator: real tokens both ways, activities shaped as Teams sends them,
/// every Connector call the bot makes recorded.
/// </summary>
public sealed class TeamsHarness : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _config;
    private readonly Action<IServiceCollection>? _services;

    private TeamsHarness(Simulator simulator, Dictionary<string, string?> config, Action<IServiceCollection>? services)
    {
        Teams = simulator;
        _config = config;
        _services = services;
        Bot = BotHost.Start(config, "Development", services);
        Http = Bot.CreateHttpClient();
    }

    public Simulator Teams { get; }

    public BotHost Bot { get; private set; }

    public HttpClient Http { get; private set; }

    /// <summary>Stops the bot and starts a new process-equivalent on the same storage, as a redeploy or crash would.</summary>
    public async Task RestartBotAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
        Bot = BotHost.Start(_config, "Development", _services);
        Http = Bot.CreateHttpClient();
    }

    /// <param name="simulator">The simulator's options; <c>AppId = null</c> runs the bot in local mode.</param>
    public static async Task<TeamsHarness> StartAsync(Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null, TeamsSimulatorOptions? simulator = null)
    {
        var teams = await Simulator.StartAsync(simulator ?? new TeamsSimulatorOptions());
        var config = new Dictionary<string, string?>(teams.BotConfiguration) { ["Storage:LocalPath"] = BotHost.NewStoragePath() };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        return new TeamsHarness(teams, config, services);
    }

    public T Service<T>() where T : notnull => Bot.Services.GetRequiredService<T>();

    /// <summary>
    /// A second instance of the bot on the same storage and simulator, as a scaled-out deployment runs: Teams may
    /// deliver any turn to either. The caller disposes it.
    /// </summary>
    public BotHost StartAnotherInstance() => BotHost.Start(_config, "Development", _services);

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, TokenFlaw flaw = TokenFlaw.None) =>
        Teams.PostActivityAsync(Http, new Uri("/api/messages", UriKind.Relative), activity, flaw);

    /// <summary>The messages the bot sent (POSTs of activities to conversations), in order.</summary>
    public IReadOnlyList<Activity> Sent() =>
        [.. Teams.Calls
            .Where(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal) && c.ResponseStatus is >= 200 and < 300)
            .Select(c => c.BodyAs<Activity>(ProtocolJson.Options)!)];

    /// <summary>Waits until the bot has sent at least <paramref name="count"/> messages.</summary>
    public async Task<IReadOnlyList<Activity>> WaitForSentAsync(int count, TimeSpan? timeout = null)
    {
        await Teams.WaitForCallsAsync(count, timeout ?? TimeSpan.FromSeconds(10),
            c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal) && c.ResponseStatus is >= 200 and < 300);
        return Sent();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Bot.DisposeAsync();
        await Teams.DisposeAsync();
        BotHost.DeleteStorage(_config["Storage:LocalPath"]!);
    }
}
