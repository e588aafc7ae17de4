using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace InfoStoryBot.Bot.Tests.Protocol;

/// <summary>The protocol registrations exactly as Program.cs makes them, pointed at a simulator, on a hand-moved clock.</summary>
internal static class ProtocolHost
{
    public static async Task<IHost> StartAsync(
        TeamsSimulator.TeamsSimulator simulator,
        TimeProvider clock,
        string environment = "Development",
        IDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            DisableDefaults = true,
        });
        var settings = new Dictionary<string, string?>(simulator.BotConfiguration)
        {
            // Tiny real back-off in case a delay ever bypasses the fake clock; the fake clock records what was asked.
            ["Connector:BaseDelay"] = "00:00:00.010",
            ["Connector:MaxDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddBotProtocol();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
