using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.IntegrationTests.Protocol;

/// <summary>The real protocol registrations (AddBotProtocol) pointed at a simulator, on a clock the test moves.</summary>
internal sealed class AuthenticatorHost : IAsyncDisposable
{
    private AuthenticatorHost(IHost host, FakeTimeProvider clock)
    {
        Host = host;
        Clock = clock;
        Authenticator = host.Services.GetRequiredService<IInboundAuthenticator>();
    }

    public IHost Host { get; }

    public FakeTimeProvider Clock { get; }

    public IInboundAuthenticator Authenticator { get; }

    public static async Task<AuthenticatorHost> StartAsync(TeamsSimulator.TeamsSimulator simulator, string environment = "Development", IDictionary<string, string?>? overrides = null, FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = Build(simulator.BotConfiguration, environment, clock, overrides);
        await host.StartAsync();
        return new AuthenticatorHost(host, clock);
    }

    public static IHost Build(IReadOnlyDictionary<string, string?> configuration, string environment, TimeProvider clock, IDictionary<string, string?>? overrides = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            DisableDefaults = true,
        });
        var settings = new Dictionary<string, string?>(configuration);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(clock);
        builder.AddBotProtocol();
        return builder.Build();
    }

    public static Activity ToActivity(JsonObject activity) => JsonSerializer.Deserialize<Activity>(activity.ToJsonString(), ProtocolJson.Options)!;

    public Task<InboundAuthResult> AuthenticateAsync(string? header, JsonObject activity, bool loopback = false) =>
        Authenticator.AuthenticateAsync(header, ToActivity(activity), new RequestOrigin(loopback), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
