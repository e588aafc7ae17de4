using System.Globalization;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Testing;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace InfoStoryBot.IntegrationTests.Nudges;

/// <summary>
/// Two real bot processes on one Azurite, both running the scheduler, and one of them killed with SIGKILL in the
/// middle of a fan-out: every (slot, channel) is posted at most once, and whatever may or may not have gone out is
/// shown as unknown, never lost silently and never sent again. Coordination is Azure Blob conditional writes (the
/// ledger) and a blob lease on the slot, nothing else.
/// </summary>
public sealed class NudgeInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int FanOutConcurrency = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    private readonly string _container = "nudges" + Guid.NewGuid().ToString("N")[..12];
    private Azurite _azurite = null!;
    private Simulator _teams = null!;
    private IHost _storage = null!;
    private readonly List<BotProcess> _bots = [];

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _teams = await Simulator.StartAsync(new TeamsSimulatorOptions());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Settings());
        builder.AddStorage();
        builder.AddProactive();
        builder.AddTeams();
        builder.AddAdmin();
        builder.AddStories();
        builder.AddCampaigns();
        builder.AddNudges();
        _storage = builder.Build();
        await _storage.Services.GetRequiredService<IBlobStore>().InitializeAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var bot in _bots)
        {
            await bot.DisposeAsync();
        }

        _storage.Dispose();
        await _teams.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    /// <summary>A slow budget (5 calls a second) so the fan-out lasts long enough to be killed in the middle.</summary>
    private Dictionary<string, string?> Settings() => new(_teams.BotConfiguration)
    {
        ["Storage:ConnectionString"] = _azurite.ConnectionString,
        ["Storage:Container"] = _container,
        ["Connector:RequestsPerSecondPerTenant"] = "5",
        ["Nudges:TickInterval"] = "00:00:01",
        ["Nudges:FanOutLease"] = "00:00:15",
        ["Nudges:FanOutConcurrency"] = FanOutConcurrency.ToString(CultureInfo.InvariantCulture),
        ["Proactive:SendDeadline"] = "00:00:08",
        ["Proactive:ClaimTimeout"] = "00:00:16",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    private T Service<T>() where T : notnull => _storage.Services.GetRequiredService<T>();

    /// <summary>A running campaign whose one slot is <paramref name="ahead"/> from now, on <paramref name="channels"/> registered channels.</summary>
    private async Task<(Campaign Campaign, DateTimeOffset Slot)> SeedAsync(int channels, TimeSpan ahead)
    {
        var ids = Enumerable.Range(1, channels).Select(NudgeHarness.ChannelId).ToList();
        await Service<ITeamStore>().SaveAsync(new TeamRecord
        {
            TeamId = NudgeHarness.TeamId,
            Name = "Northshire Safeguarding Partnership",
            TenantId = _teams.Options.TenantId,
            ServiceUrl = _teams.ServiceUrl,
            InstalledAt = DateTimeOffset.UtcNow,
            Channels = [.. ids.Select((id, i) => new ChannelRecord(id, $"Partners {i + 1}"))],
        }, null, CancellationToken.None);

        var now = DateTimeOffset.UtcNow;
        var slot = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero) + ahead;
        var day = DateOnly.FromDateTime(slot.UtcDateTime);
        var campaign = NudgeHarness.Campaign("instances", "Etc/UTC", day, day, TimeOnly.FromTimeSpan(slot.TimeOfDay), ids, now);
        await Service<ICampaignStore>().SaveAsync(campaign, null, CancellationToken.None);
        return (campaign, slot);
    }

    private async Task StartBotsAsync(int count)
    {
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(_ => BotProcess.StartAsync(Settings())));
        _bots.AddRange(started);
    }

    private Task<IReadOnlyList<DeliveryRecord>> SlotAsync(Campaign campaign, DateTimeOffset slot) =>
        Service<IDeliveryLedger>().ListForSlotAsync(campaign.Id, slot, CancellationToken.None);

    /// <summary>Waits until every channel of the slot has its final record, written (an abandoned claim stored as unknown, not only read as such).</summary>
    private async Task<IReadOnlyList<DeliveryRecord>> UntilCompleteAsync(Campaign campaign, DateTimeOffset slot)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var records = await SlotAsync(campaign, slot);
            if (records.Count == campaign.TargetChannelIds.Count && records.All(r => r.IsFinal && r.CompletedAt is not null))
            {
                return records;
            }

            Assert.True(DateTime.UtcNow < deadline,
                $"After {Patience} the slot has {records.Count} records, {records.Count(r => !r.IsFinal || r.CompletedAt is null)} not final: " +
                string.Join(", ", records.Where(r => !r.IsFinal || r.CompletedAt is null).Select(r => $"{r.Status} by {r.ClaimedBy}")) +
                $"\nBots:\n{string.Join("\n---\n", _bots.Select(b => b.Output()))}");
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task TwoInstances_BothRunningTheScheduler_PostEveryChannelOfTheSlotExactlyOnce()
    {
        var (campaign, slot) = await SeedAsync(20, TimeSpan.FromSeconds(20));
        await StartBotsAsync(2);

        var records = await UntilCompleteAsync(campaign, slot);

        Assert.All(records, r => Assert.Equal(DeliveryStatus.Sent, r.Status));
        var posts = _teams.ChannelPosts.GroupBy(p => p.ChannelId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(campaign.TargetChannelIds.Order(StringComparer.Ordinal), posts.Keys.Order(StringComparer.Ordinal));
        Assert.All(posts.Values, p => Assert.Single(p));
        Assert.All(records, r => Assert.Equal(posts[r.ChannelId][0].ActivityId, r.ActivityId));
        Assert.All(records, r => Assert.Contains(ProactiveInstance.ProcessIdOf(r.ClaimedBy)!.Value, _bots.Select(b => b.ProcessId)));
    }

    [Fact]
    public async Task OneInstanceKilledMidFanOut_AndRestarted_NothingIsPostedTwiceAndNothingIsLostSilently()
    {
        const int channels = 30;
        var (campaign, slot) = await SeedAsync(channels, TimeSpan.FromSeconds(20));
        await StartBotsAsync(2);

        // The fan-out is under way (5 posts a second): kill whichever instance is doing it.
        var deadline = DateTime.UtcNow + Patience;
        while (_teams.ChannelPosts.Count < 8)
        {
            Assert.True(DateTime.UtcNow < deadline, "the fan-out did not start");
            await Task.Delay(50);
        }

        var claimants = (await SlotAsync(campaign, slot)).Select(r => ProactiveInstance.ProcessIdOf(r.ClaimedBy)).OfType<int>()
            .GroupBy(pid => pid).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var owner = _bots.Single(b => b.ProcessId == claimants[0]);
        await owner.KillAsync();
        var postsAtKill = _teams.ChannelPosts.Count;
        Assert.True(postsAtKill < channels, "the fan-out finished before the kill; nothing was tested");
        await owner.RestartAsync();

        var records = await UntilCompleteAsync(campaign, slot);

        var posts = _teams.ChannelPosts.GroupBy(p => p.ChannelId).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(posts, p => Assert.True(p.Value.Count == 1, $"{p.Key} was posted {p.Value.Count} times"));
        Assert.Equal(channels, records.Count);
        foreach (var record in records)
        {
            switch (record.Status)
            {
                case DeliveryStatus.Sent:
                    Assert.Equal(posts[record.ChannelId][0].ActivityId, record.ActivityId);
                    break;
                case DeliveryStatus.Unknown:
                    // It may or may not be in the channel, and stays so: never sent again (at most the one post).
                    Assert.True(!posts.TryGetValue(record.ChannelId, out var seen) || seen.Count == 1);
                    break;
                default:
                    Assert.Fail($"{record.ChannelId} ended {record.Status}: {record.Reason}");
                    break;
            }
        }

        output.WriteLine($"killed {claimants[0]} (claimants then: {string.Join(",", claimants)}); records by claimant: " +
                         string.Join(", ", records.GroupBy(r => ProactiveInstance.ProcessIdOf(r.ClaimedBy)).Select(g => $"{g.Key}: {g.Count()} (attempts {string.Join("/", g.Select(r => r.Attempt).Distinct())})")));
        output.WriteLine($"killed after {postsAtKill} posts; {records.Count(r => r.Status == DeliveryStatus.Sent)} sent, " +
                         $"{records.Count(r => r.Status == DeliveryStatus.Unknown)} unknown ({records.Count(r => r.Status == DeliveryStatus.Unknown && posts.ContainsKey(r.ChannelId))} of them did reach the channel)");

        foreach (var unknown in records.Where(r => r.Status == DeliveryStatus.Unknown))
        {
            output.WriteLine($"unknown {unknown.ChannelId}: {unknown.Reason}");
        }

        // The claims the dead process left without an outcome were found and marked unknown; there can be no more of
        // them than its fan-out had in flight at once. (A send a live instance had to give up on, its deadline passed
        // after the request left, is unknown too, with its own reason: it is no orphan.)
        var orphans = records.Where(r => r.Status == DeliveryStatus.Unknown && r.Reason?.StartsWith("Claimed by", StringComparison.Ordinal) == true).ToList();
        Assert.All(orphans, r => Assert.Equal(claimants[0], ProactiveInstance.ProcessIdOf(r.ClaimedBy)));
        Assert.InRange(orphans.Count, 0, FanOutConcurrency);
        Assert.All(records.Where(r => r.Status == DeliveryStatus.Sent), r => Assert.True(posts.ContainsKey(r.ChannelId)));
        var silent = campaign.TargetChannelIds.Where(c => !posts.ContainsKey(c) && records.Single(r => r.ChannelId == c).Status != DeliveryStatus.Unknown);
        Assert.Empty(silent);
    }
}
