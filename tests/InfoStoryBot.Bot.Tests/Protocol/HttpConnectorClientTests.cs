using InfoStoryBot.Bot.Concurrency;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sim = InfoStoryBot.TeamsSimulator.TeamsSimulator;

namespace InfoStoryBot.Bot.Tests.Protocol;

public sealed class HttpConnectorClientTests : IAsyncLifetime
{
    private const string ChannelThread = "19:3b8e1f0c6d2a4e9b8c7d6e5f4a3b2c1d@thread.tacv2;messageid=1700000000123";

    private readonly AutoAdvancingTimeProvider _clock = new();
    private Sim _sim = null!;
    private IHost _host = null!;
    private IConnectorClient _client = null!;

    public async Task InitializeAsync()
    {
        _sim = await Sim.StartAsync();
        _host = await ProtocolHost.StartAsync(_sim, _clock);
        _client = _host.Services.GetRequiredService<IConnectorClient>();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await _sim.DisposeAsync();
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private string PersonalConversation => _sim.Activities.PersonalConversationId();

    [Fact]
    public async Task Send_ThrottledWithRetryAfter_WaitsAtLeastRetryAfterThenSucceeds()
    {
        _sim.InjectFault(SimulatedFault.Throttled(TimeSpan.FromSeconds(3), times: 2));

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ErrorCode);
        Assert.Equal(3, result.Attempts);
        Assert.Equal(3, _sim.Calls.Count);
        var waits = _clock.RequestedDelays;
        Assert.Equal(2, waits.Count);
        Assert.All(waits, wait => Assert.True(wait >= TimeSpan.FromSeconds(3), $"waited {wait}"));
    }

    [Fact]
    public async Task Send_RetryAfterAsHttpDate_WaitsUntilThatTime()
    {
        _sim.InjectFault(new SimulatedFault { StatusCode = 503, RetryAfterDate = _clock.GetUtcNow().AddSeconds(20) });

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        var wait = Assert.Single(_clock.RequestedDelays);
        Assert.InRange(wait, TimeSpan.FromSeconds(18), TimeSpan.FromSeconds(23));
    }

    [Fact]
    public async Task Send_RetryAfterBeyondWhatTheClientWaits_FailsAtOnceAsThrottled()
    {
        _sim.InjectFault(SimulatedFault.Throttled(TimeSpan.FromMinutes(10)));

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(429, result.StatusCode);
        Assert.Equal("Throttled", result.ErrorCode);
        Assert.Single(_sim.Calls);
        Assert.Empty(_clock.RequestedDelays);
    }

    [Fact]
    public async Task Send_KeepsFailing_StopsAfterTheRetryBound()
    {
        _sim.InjectFault(SimulatedFault.Status(502, times: 100));

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(502, result.StatusCode);
        Assert.Equal("BadGateway", result.ErrorCode);
        Assert.Equal(4, result.Attempts);
        Assert.Equal(4, _sim.Calls.Count);

        // Exponential: each back-off (±20% jitter) is larger than the one before, up to the cap.
        var waits = _clock.RequestedDelays;
        Assert.Equal(3, waits.Count);
        Assert.True(waits[0] < waits[2], string.Join(", ", waits));
        Assert.All(waits, w => Assert.True(w <= TimeSpan.FromMilliseconds(100) * 1.2));
    }

    [Theory]
    [InlineData("ConversationBlockedByUser")]
    [InlineData("BotNotInConversationRoster")]
    [InlineData("BotDisabledByAdmin")]
    public async Task Send_Forbidden_IsGoneWithTheCodeAndNotRetried(string code)
    {
        _sim.InjectFault(SimulatedFault.Forbidden(code, times: 5));

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.ConversationGone, result.Outcome);
        Assert.Equal(403, result.StatusCode);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal(1, result.Attempts);
        Assert.Single(_sim.Calls);
    }

    [Fact]
    public async Task Send_BlockedByUserInTeamsErrorShape_IsGoneWithErrorCode209()
    {
        _sim.InjectFault(SimulatedFault.MessageWritesBlocked());

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.ConversationGone, result.Outcome);
        Assert.Equal("209", result.ErrorCode);
        Assert.Contains("MessageWritesBlocked", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ConversationNotFound_IsGoneAndNotRetried()
    {
        _sim.InjectFault(SimulatedFault.ConversationNotFound(times: 5));

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.ConversationGone, result.Outcome);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal("ConversationNotFound", result.ErrorCode);
        Assert.Single(_sim.Calls);
    }

    [Fact]
    public async Task Send_InternalServerError_IsNotRetriedBecauseThePostMayHaveLanded()
    {
        _sim.InjectFault(SimulatedFault.Status(500, times: 5));

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(500, result.StatusCode);
        Assert.Single(_sim.Calls);
    }

    [Fact]
    public async Task Update_InternalServerError_IsRetriedBecausePutIsIdempotent()
    {
        _sim.InjectFault(SimulatedFault.Status(500, times: 1));

        var result = await _client.UpdateActivityAsync(_sim.ServiceUrl, PersonalConversation, "1700000000009", Message("edited"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal("1700000000009", result.Value!.Id);
        Assert.Equal(2, _sim.Calls.Count);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Reply_IdsWithColonSemicolonAt_AreEscapedInThePath(bool trailingSlash)
    {
        var serviceUrl = trailingSlash ? _sim.ServiceUrl : _sim.ServiceUrl.TrimEnd('/');

        var result = await _client.ReplyToActivityAsync(serviceUrl, ChannelThread, "1700000000123", Message("in thread"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ErrorCode);
        var call = Assert.Single(_sim.Calls);
        Assert.Equal("/amer/v3/conversations/19%3A3b8e1f0c6d2a4e9b8c7d6e5f4a3b2c1d%40thread.tacv2%3Bmessageid%3D1700000000123/activities/1700000000123", call.RawTarget);
        Assert.Equal($"v3/conversations/{ChannelThread}/activities/1700000000123", call.Path);
        Assert.Equal("1700000000123", call.Json!["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_ManyToOneConversation_AreSerialisedInOrder()
    {
        var latency = TimeSpan.FromMilliseconds(150);
        _sim.InjectFault(SimulatedFault.Slow(latency, times: 4) with { PathContains = PersonalConversation });

        var sends = Enumerable.Range(1, 4)
            .Select(i => _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message($"message {i}"), CancellationToken.None))
            .ToList();
        var results = await Task.WhenAll(sends);

        Assert.All(results, r => Assert.True(r.IsSuccess));
        var calls = _sim.Calls;
        Assert.Equal(["message 1", "message 2", "message 3", "message 4"], calls.Select(c => c.Text));
        for (var i = 1; i < calls.Count; i++)
        {
            var gap = calls[i].ReceivedAt - calls[i - 1].ReceivedAt;
            Assert.True(gap >= latency * 0.9, $"call {i} arrived {gap.TotalMilliseconds} ms after the previous one: not serialised");
        }

        Assert.Equal(1, _sim.PeakConcurrentCalls);
        Assert.Equal(0, _host.Services.GetRequiredKeyedService<KeyedLock>(HttpConnectorClient.SendLocks).ActiveKeys);
    }

    [Fact]
    public async Task Send_ToDifferentConversations_RunInParallel()
    {
        await _client.SendToConversationAsync(_sim.ServiceUrl, "a:1warm", Message("warm the token cache"), CancellationToken.None);
        _sim.InjectFault(SimulatedFault.Slow(TimeSpan.FromSeconds(1), times: 4));
        var conversations = _sim.Options.Users.Select(u => _sim.Activities.PersonalConversationId(u)).Append(ChannelThread).Append("a:1other").ToList();

        var results = await Task.WhenAll(conversations.Select(c => _client.SendToConversationAsync(_sim.ServiceUrl, c, Message("hi"), CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        Assert.True(_sim.PeakConcurrentCalls >= 2, $"sends to different conversations never overlapped (peak {_sim.PeakConcurrentCalls})");
    }

    [Fact]
    public async Task Send_ManyCalls_OneTokenRequestAndEveryCallAuthorised()
    {
        for (var i = 0; i < 10; i++)
        {
            var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message($"n{i}"), CancellationToken.None);
            Assert.True(result.IsSuccess, result.ErrorCode);
        }

        Assert.Equal(1, _sim.TokenRequestCount);
        Assert.Equal(10, _sim.Calls.Count);
        Assert.All(_sim.Calls, c => Assert.StartsWith("Bearer sim-at.", c.Authorization));
        Assert.Single(_sim.Calls.Select(c => c.Authorization).Distinct());
    }

    [Fact]
    public async Task Send_ConnectorRejectsToken_RefreshesTokenOnceAndRetries()
    {
        await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("warm the cache"), CancellationToken.None);
        _sim.InjectFault(SimulatedFault.Status(401, times: 1, errorCode: "Unauthorized"));

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, _sim.TokenRequestCount);
    }

    [Fact]
    public async Task Send_ConnectorKeepsRejectingToken_FailsWith401()
    {
        _sim.InjectFault(SimulatedFault.Status(401, times: 10, errorCode: "BotNotRegistered"));

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(401, result.StatusCode);
        Assert.Equal("BotNotRegistered", result.ErrorCode);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task CreateConversation_Personal_SendsTenantInBothPlacesAndReturnsId()
    {
        var user = _sim.Options.Users[1];
        var result = await _client.CreateConversationAsync(_sim.ServiceUrl, new ConversationParameters
        {
            Bot = new ChannelAccount { Id = _sim.BotId },
            Members = [new ChannelAccount { Id = user.Id }],
            TenantId = _sim.Options.TenantId,
        }, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ErrorCode);
        Assert.Equal(_sim.Activities.PersonalConversationId(user), result.Value!.Id);
        var body = Assert.Single(_sim.Calls).Json!;
        Assert.Equal(_sim.Options.TenantId, body["tenantId"]!.GetValue<string>());
        Assert.Equal(_sim.Options.TenantId, body["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal(user.Id, body["members"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateConversation_ChannelThread_ReturnsThreadIdAndRootActivity()
    {
        var channel = _sim.Team.Channels[2];
        var result = await _client.CreateConversationAsync(_sim.ServiceUrl, new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = channel.Id } },
            Activity = Message("A new story from the partnership"),
        }, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ErrorCode);
        Assert.StartsWith(channel.Id + ";messageid=", result.Value!.Id);
        Assert.EndsWith(result.Value.ActivityId!, result.Value.Id);
        Assert.Equal("A new story from the partnership", Assert.Single(_sim.Calls).Text);
    }

    [Fact]
    public async Task Delete_Succeeds()
    {
        var result = await _client.DeleteActivityAsync(_sim.ServiceUrl, ChannelThread, "1700000000123", CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal("DELETE", Assert.Single(_sim.Calls).Method);
    }

    [Fact]
    public async Task TeamReads_ChannelsDetailsAndPagedRoster_ComeBackTyped()
    {
        var team = SimulatedTeam.Partnership(extraMembers: 118);
        await using var sim = await Sim.StartAsync(new TeamsSimulatorOptions { Teams = [team] });
        using var host = await ProtocolHost.StartAsync(sim, _clock);
        var client = host.Services.GetRequiredService<IConnectorClient>();

        var channels = await client.GetTeamChannelsAsync(sim.ServiceUrl, team.Id, CancellationToken.None);
        var details = await client.GetTeamDetailsAsync(sim.ServiceUrl, team.Id, CancellationToken.None);
        var members = new List<TeamsChannelAccount>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await client.GetPagedMembersAsync(sim.ServiceUrl, team.Id, 50, continuation, CancellationToken.None);
            Assert.True(page.IsSuccess, page.ErrorCode);
            members.AddRange(page.Value!.Members!);
            continuation = page.Value.ContinuationToken;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(3, channels.Value!.Count);
        Assert.Null(channels.Value[0].Name);
        Assert.Equal(team.Id, channels.Value[0].Id);
        Assert.Equal(team.Name, details.Value!.Name);
        Assert.Equal(team.AadGroupId, details.Value.AadGroupId);
        Assert.Equal(120, members.Count);
        Assert.Equal(3, pages);
        Assert.Contains(sim.Calls, c => c.RawTarget.Contains("/v3/teams/19%3Aa7f3c2e1b9d84f6a8e5c3b2a1d0f9e8c%40thread.tacv2/conversations", StringComparison.Ordinal));
        Assert.Contains(sim.Calls, c => c.Query == "?pageSize=50&continuationToken=50");
    }

    [Fact]
    public async Task TeamDetails_UnknownTeam_IsGone()
    {
        var result = await _client.GetTeamDetailsAsync(_sim.ServiceUrl, "19:unknown@thread.tacv2", CancellationToken.None);

        Assert.Equal(ConnectorOutcome.ConversationGone, result.Outcome);
        Assert.Equal(404, result.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("ftp://example.com/")]
    [InlineData("http://smba.trafficmanager.net/amer/")]
    public async Task Send_BadServiceUrl_FailsWithoutACall(string serviceUrl)
    {
        var result = await _client.SendToConversationAsync(serviceUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal("InvalidServiceUrl", result.ErrorCode);
        Assert.Empty(_sim.Calls);
    }

    [Fact]
    public async Task Send_ConnectorUnreachable_FailsAfterRetriesWithoutThrowing()
    {
        await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("warm the token cache"), CancellationToken.None);
        var deadUrl = _sim.ServiceUrl;
        await _sim.DisposeAsync();

        var result = await _client.SendToConversationAsync(deadUrl, PersonalConversation, Message("hello"), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Null(result.StatusCode);
        Assert.Equal(4, result.Attempts);
        _sim = await Sim.StartAsync();
    }

    [Fact]
    public async Task Send_Cancelled_Throws()
    {
        _sim.InjectFault(SimulatedFault.Slow(TimeSpan.FromSeconds(5)));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("hello"), cancellation.Token));
        Assert.Equal(0, _host.Services.GetRequiredKeyedService<KeyedLock>(HttpConnectorClient.SendLocks).ActiveKeys);
    }

    [Fact]
    public async Task Send_LocalMode_SendsNoAuthorizationHeader()
    {
        await using var sim = await Sim.StartAsync(new TeamsSimulatorOptions { AppId = null });
        using var host = await ProtocolHost.StartAsync(sim, _clock);
        var client = host.Services.GetRequiredService<IConnectorClient>();

        var result = await client.SendToConversationAsync(sim.ServiceUrl, "a:1local", Message("hello"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Null(Assert.Single(sim.Calls).Authorization);
        Assert.Equal(0, sim.TokenRequestCount);
    }

    [Fact]
    public async Task Send_RandomFailures_RetriesCarryNearlyEverySendThrough()
    {
        _sim.RandomFaults = new RandomFaultPolicy(0.2);

        var results = new List<ConnectorResult<ResourceResponse>>();
        for (var i = 0; i < 30; i++)
        {
            results.Add(await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message($"n{i}"), CancellationToken.None));
        }

        // 0.2^4 per send of losing all four attempts: a failure is possible but must be an honest one.
        Assert.True(results.Count(r => r.IsSuccess) >= 28, string.Join(", ", results.Select(r => r.Outcome)));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(4, r.Attempts));
        Assert.True(_sim.Calls.Count > 30, "no faults were injected");
        Assert.Equal(30, _sim.Calls.Count(c => c.ResponseStatus == 201) + results.Count(r => !r.IsSuccess));
    }

    [Fact]
    public async Task Send_OverTheTenantBudget_IsPacedNotRejected()
    {
        await using var sim = await Sim.StartAsync();
        using var host = await ProtocolHost.StartAsync(sim, _clock, overrides: new Dictionary<string, string?> { ["Connector:RequestsPerSecondPerTenant"] = "10" });
        var client = host.Services.GetRequiredService<IConnectorClient>();
        var tenantActivity = Message("paced") with { Conversation = new ConversationAccount { TenantId = sim.Options.TenantId } };
        await client.SendToConversationAsync(sim.ServiceUrl, "a:1warm", tenantActivity, CancellationToken.None);
        var before = _clock.GetUtcNow();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.SendToConversationAsync(sim.ServiceUrl, $"a:1conversation{i}", tenantActivity, CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.IsSuccess));
        // The gate waits on the injected clock: 21 sends at 10 a second span at least a second of it.
        Assert.True(_clock.GetUtcNow() - before >= TimeSpan.FromSeconds(0.9), $"21 sends at 10 per second took only {_clock.GetUtcNow() - before} on the clock");
        Assert.Equal(21, sim.Calls.Count(c => c.ResponseStatus == 201));
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(500)]
    public async Task ProactivePost_ServerErrorThatMayHavePosted_IsNotRetriedAndSaysSo(int status)
    {
        _sim.InjectFault(SimulatedFault.Status(status, times: 3));

        ConnectorResult<ResourceResponse> result;
        using (ConnectorCallScope.Proactive())
        {
            result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("nudge"), CancellationToken.None);
        }

        Assert.False(result.IsSuccess);
        Assert.True(result.MayHaveActed);
        Assert.Equal(1, result.Attempts);
        Assert.Single(_sim.Calls);
    }

    [Fact]
    public async Task ProactivePost_Throttled_IsRetriedBecauseTeamsDidNothing()
    {
        _sim.InjectFault(SimulatedFault.Throttled(TimeSpan.FromSeconds(1), times: 2));

        ConnectorResult<ResourceResponse> result;
        bool mayHaveActed;
        using (var scope = ConnectorCallScope.Proactive())
        {
            result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("nudge"), CancellationToken.None);
            mayHaveActed = scope.AnyRequestMayHaveActed;
        }

        Assert.True(result.IsSuccess);
        Assert.Equal(3, result.Attempts);
        // Two refusals proved nothing was done; the third was answered 201, so one request did act.
        Assert.True(mayHaveActed);
    }

    [Fact]
    public async Task ProactiveScope_OnlyRefusals_ProveNothingWasPosted()
    {
        _sim.InjectFault(SimulatedFault.Status(503, times: 4));

        ConnectorResult<ResourceResponse> result;
        bool mayHaveActed;
        int started;
        using (var scope = ConnectorCallScope.Proactive())
        {
            result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("nudge"), CancellationToken.None);
            mayHaveActed = scope.AnyRequestMayHaveActed;
            started = scope.RequestsStarted;
        }

        Assert.False(result.IsSuccess);
        Assert.False(result.MayHaveActed);
        Assert.False(mayHaveActed);
        Assert.Equal(4, started);
    }

    [Fact]
    public async Task InteractivePost_BadGateway_IsStillRetried()
    {
        _sim.InjectFault(SimulatedFault.Status(502, times: 1));

        var result = await _client.SendToConversationAsync(_sim.ServiceUrl, PersonalConversation, Message("reply"), CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Attempts);
        Assert.Null(ConnectorCallScope.Current);
    }
}
