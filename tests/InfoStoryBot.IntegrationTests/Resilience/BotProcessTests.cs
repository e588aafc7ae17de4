using System.Net;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.Resilience;

/// <summary>The child-process host itself: what a test sees when the bot cannot start, and what it can measure.</summary>
public sealed class BotProcessTests
{
    [Fact]
    public async Task Start_ProductionWithoutAnAppId_FailsWithTheBotsOwnMessage()
    {
        // Local mode is refused outside Development, so the bot exits at start-up; the test must see why.
        var failure = await Assert.ThrowsAsync<BotProcessStartException>(() =>
            BotProcess.StartAsync(new Dictionary<string, string?> { ["Storage:LocalPath"] = Path.Combine(Path.GetTempPath(), "infostorybot-tests", Guid.NewGuid().ToString("n")) }));

        Assert.Contains("exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("MicrosoftAppId", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_AfterAKill_ServesAgainOnTheSamePortAndReportsItsPeakMemory()
    {
        await using var sim = await Simulator.StartAsync(new TeamsSimulatorOptions());
        var storage = Path.Combine(Path.GetTempPath(), "infostorybot-tests", Guid.NewGuid().ToString("n"));
        await using var bot = await BotProcess.StartAsync(new Dictionary<string, string?>(sim.BotConfiguration) { ["Storage:LocalPath"] = storage });
        var port = bot.Port;
        var firstPid = bot.ProcessId;

        await bot.KillAsync();
        Assert.False(bot.IsRunning);
        await bot.RestartAsync();

        Assert.Equal(port, bot.Port);
        Assert.NotEqual(firstPid, bot.ProcessId);
        using var http = new HttpClient();
        using var health = await http.GetAsync(new Uri(bot.BaseAddress, "healthz"));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        if (OperatingSystem.IsLinux())
        {
            Assert.InRange(bot.ReadPeakMemoryBytes() ?? 0, 10L * 1024 * 1024, 4L * 1024 * 1024 * 1024);
        }

        await bot.DisposeAsync();
        Directory.Delete(storage, recursive: true);
    }
}
