using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sim = InfoStoryBot.TeamsSimulator.TeamsSimulator;

namespace InfoStoryBot.Bot.Tests.Proactive;

/// <summary>The proactive sender with the real Connector client, the simulator and a local ledger: what leaves, and what the ledger says after.</summary>
public sealed class ProactiveSenderTests : IAsyncLifetime
{
    private readonly TempFolder _storage = new();
    private Sim _sim = null!;
    private IHost _host = null!;

    private IProactiveSender Sender => _host.Services.GetRequiredService<IProactiveSender>();

    private ISendLedger Ledger => _host.Services.GetRequiredService<ISendLedger>();

    private string Channel => _sim.Team.Channels[1].Id;

    public async Task InitializeAsync()
    {
        _sim = await Sim.StartAsync();
        _host = await StartHostAsync(new Dictionary<string, string?>());
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _sim.DisposeAsync();
        _storage.Dispose();
    }

    private async Task<IHost> StartHostAsync(IDictionary<string, string?> overrides)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", DisableDefaults = true });
        var settings = new Dictionary<string, string?>(_sim.BotConfiguration)
        {
            ["Storage:LocalPath"] = _storage.Path,
            ["Connector:BaseDelay"] = "00:00:00.010",
            ["Connector:MaxDelay"] = "00:00:00.050",
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddBotProtocol();
        builder.AddStorage();
        builder.AddProactive();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    private ChannelPost Post(string key, string? channel = null) => new(
        key,
        new ChannelAddress(channel ?? Channel, _sim.ServiceUrl, _sim.Options.TenantId, new ChannelAccount { Id = _sim.BotId }),
        new Activity { Type = ActivityTypes.Message, Text = "Got two minutes?" },
        new Dictionary<string, string> { ["entry"] = "two-minute-share" });

    [Fact]
    public async Task SendToChannel_TwiceWithOneKey_PostsOneNewThreadAndRecordsIt()
    {
        var first = await Sender.SendToChannelAsync(Post("tests/once"), CancellationToken.None);
        var second = await Sender.SendToChannelAsync(Post("tests/once"), CancellationToken.None);

        var post = Assert.Single(_sim.ChannelPosts);
        Assert.Equal(Channel, post.ChannelId);
        Assert.Equal("Got two minutes?", post.Activity?["text"]?.GetValue<string>());
        Assert.Equal(_sim.Options.TenantId, post.Call.Json?["channelData"]?["tenant"]?["id"]?.GetValue<string>());
        Assert.Equal(ProactiveOutcome.Sent, first.Outcome);
        Assert.Equal(post.ActivityId, first.ActivityId);
        Assert.Equal(post.ThreadId, first.Record.ConversationId);
        Assert.Equal(ProactiveOutcome.AlreadyHandled, second.Outcome);
        Assert.Equal(SendStatus.Sent, second.Record.Status);
        var stored = await Ledger.GetAsync("tests/once", CancellationToken.None);
        Assert.Equal(SendStatus.Sent, stored!.Status);
        Assert.Equal("two-minute-share", stored.Details["entry"]);
    }

    [Fact]
    public async Task SendToChannel_ThrottledTwice_IsRetriedAndPostedOnce()
    {
        _sim.InjectFault(SimulatedFault.Throttled(TimeSpan.FromSeconds(1), times: 2));

        var result = await Sender.SendToChannelAsync(Post("tests/throttled"), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Sent, result.Outcome);
        Assert.Single(_sim.ChannelPosts);
        Assert.Equal(3, _sim.Calls.Count);
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task SendToChannel_AnswerThatMayHavePosted_IsUnknownAndNeverSentAgain(int status)
    {
        _sim.InjectFault(SimulatedFault.Status(status));

        var result = await Sender.SendToChannelAsync(Post("tests/unknown"), CancellationToken.None);
        var again = await Sender.SendToChannelAsync(Post("tests/unknown"), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Unknown, result.Outcome);
        Assert.Contains("may have been posted", result.Record.Reason, StringComparison.Ordinal);
        Assert.Equal(ProactiveOutcome.AlreadyHandled, again.Outcome);
        Assert.Equal(SendStatus.Unknown, again.Record.Status);
        Assert.Single(_sim.Calls);
    }

    [Fact]
    public async Task SendToChannel_BotRemovedFromTheChannel_IsGoneAndFinal()
    {
        _sim.RemoveBotFromChannel(Channel);

        var result = await Sender.SendToChannelAsync(Post("tests/gone"), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Gone, result.Outcome);
        Assert.Equal(403, result.Record.StatusCode);
        Assert.Equal("BotNotInConversationRoster", result.Record.ErrorCode);
        Assert.False(result.Retryable);
        Assert.Empty(_sim.ChannelPosts);
        Assert.Equal(ProactiveOutcome.AlreadyHandled, (await Sender.SendToChannelAsync(Post("tests/gone"), CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task SendToChannel_OnlyRefusals_FailsRetryably_AndTheNextAttemptPosts()
    {
        _sim.InjectFault(SimulatedFault.Status(503, times: 4));

        var failed = await Sender.SendToChannelAsync(Post("tests/retry"), CancellationToken.None);
        var retried = await Sender.SendToChannelAsync(Post("tests/retry"), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Failed, failed.Outcome);
        Assert.True(failed.Retryable);
        Assert.Equal(ProactiveOutcome.Sent, retried.Outcome);
        Assert.Equal(2, retried.Record.Attempt);
        Assert.Single(_sim.ChannelPosts);
    }

    [Fact]
    public async Task SendToChannel_CutOffWhileTheRequestHangs_IsUnknown()
    {
        using var host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["Proactive:SendDeadline"] = "00:00:01",
            ["Proactive:ClaimTimeout"] = "00:00:05",
        });
        _sim.InjectFault(SimulatedFault.Slow(TimeSpan.FromSeconds(10)));

        var result = await host.Services.GetRequiredService<IProactiveSender>().SendToChannelAsync(Post("tests/hang"), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Unknown, result.Outcome);
        Assert.Equal(SendStatus.Unknown, (await Ledger.GetAsync("tests/hang", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task SendToChannel_CutOffWhileWaitingForTheBudget_FailsRetryablyBecauseNothingLeft()
    {
        using var host = await StartHostAsync(new Dictionary<string, string?>
        {
            ["Proactive:SendDeadline"] = "00:00:01",
            ["Proactive:ClaimTimeout"] = "00:00:05",
            ["Connector:RequestsPerSecondPerTenant"] = "1",
        });
        var connector = host.Services.GetRequiredService<IConnectorClient>();
        var reply = new Activity { Type = ActivityTypes.Message, Text = "a reply", Conversation = new ConversationAccount { TenantId = _sim.Options.TenantId } };
        await connector.SendToConversationAsync(_sim.ServiceUrl, "a:1someone", reply, CancellationToken.None);
        var queued = connector.SendToConversationAsync(_sim.ServiceUrl, "a:1someone", reply, CancellationToken.None);

        var result = await host.Services.GetRequiredService<IProactiveSender>().SendToChannelAsync(Post("tests/queued"), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Failed, result.Outcome);
        Assert.True(result.Retryable);
        Assert.Contains("before any request reached Teams", result.Record.Reason, StringComparison.Ordinal);
        Assert.Empty(_sim.ChannelPosts);
        Assert.True((await queued).IsSuccess);
    }

    [Fact]
    public async Task SendToPerson_ByStoredReference_WritesInTheirChat()
    {
        var reference = new ConversationReference
        {
            Bot = new ChannelAccount { Id = _sim.BotId },
            User = new ChannelAccount { Id = SimulatedUser.Priya.Id, AadObjectId = SimulatedUser.Priya.AadObjectId },
            ChannelId = "msteams",
            ServiceUrl = _sim.ServiceUrl,
            Conversation = new ConversationAccount { Id = _sim.Activities.PersonalConversationId(), ConversationType = ConversationTypes.Personal, TenantId = _sim.Options.TenantId },
        };

        var result = await Sender.SendToPersonAsync(new PersonalMessage("tests/notice", reference, new Activity { Text = "A heads-up" }), CancellationToken.None);

        Assert.Equal(ProactiveOutcome.Sent, result.Outcome);
        var call = Assert.Single(_sim.Calls);
        Assert.Equal($"v3/conversations/{_sim.Activities.PersonalConversationId()}/activities", call.Path);
        Assert.Equal("A heads-up", call.Text);
        Assert.Equal(SimulatedUser.Priya.Id, call.Json?["recipient"]?["id"]?.GetValue<string>());
    }
}
