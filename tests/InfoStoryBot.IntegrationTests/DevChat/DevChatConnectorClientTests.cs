using InfoStoryBot.Bot.DevChat;
using InfoStoryBot.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.IntegrationTests.DevChat;

public sealed class DevChatConnectorClientTests
{
    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/uk/";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly DevChatOptions _options = new() { MaxConversations = 2, ConversationIdleTimeout = TimeSpan.FromMinutes(30) };

    [Fact]
    public async Task Send_ToATeamsServiceUrl_GoesToTheDecoratedClient()
    {
        var inner = new RecordingClient();
        var client = Create(inner, out _);

        var result = await client.SendToConversationAsync(TeamsServiceUrl, "a:1", new Activity { Type = "message" }, CancellationToken.None);

        Assert.Same(RecordingClient.Sent, result);
        Assert.Equal([(TeamsServiceUrl, "a:1")], inner.Calls);
    }

    [Fact]
    public async Task Send_ToDevChat_LandsInTheTranscriptNotTheDecoratedClient()
    {
        var inner = new RecordingClient();
        var client = Create(inner, out var conversations);
        var conversation = conversations.Create(new DevChatCast(_options).Storyteller);

        var result = await client.SendToConversationAsync("https://DEVCHAT.invalid", conversation.Id, new Activity { Type = "message", Text = "hi" }, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(1, conversation.Count);
        Assert.NotNull(conversation.Get(result.Value!.Id!));
        Assert.Empty(inner.Calls);
    }

    [Fact]
    public async Task ReplyThenDelete_InDevChat_ReplyNamesTheActivityAndDeleteRemovesIt()
    {
        var client = Create(new MissingConnectorClient(), out var conversations);
        var conversation = conversations.Create(new DevChatCast(_options).Storyteller);

        var reply = await client.ReplyToActivityAsync(DevChatCast.ServiceUrl, conversation.Id, "incoming-1", new Activity { Type = "message", Text = "hi" }, CancellationToken.None);
        var stored = conversation.Get(reply.Value!.Id!)!.Value;
        var deleted = await client.DeleteActivityAsync(DevChatCast.ServiceUrl, conversation.Id, reply.Value.Id!, CancellationToken.None);
        var again = await client.DeleteActivityAsync(DevChatCast.ServiceUrl, conversation.Id, reply.Value.Id!, CancellationToken.None);

        Assert.Equal("incoming-1", stored.GetProperty("replyToId").GetString());
        Assert.True(deleted.IsSuccess);
        Assert.Equal(0, conversation.Count);
        Assert.Equal(404, again.StatusCode);
    }

    [Fact]
    public void AdaptCard_ExecuteAndSubmit_BecomeMarkedSubmitsAndRefreshIsLeftAlone()
    {
        var card = System.Text.Json.Nodes.JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5",
             "refresh":{"action":{"type":"Action.Execute","verb":"refreshCard"}},
             "body":[{"type":"ActionSet","actions":[{"type":"Action.Execute","verb":"approve","data":{"storyId":"s1"}}]}],
             "actions":[{"type":"Action.Submit","title":"No data"},{"type":"Action.Submit","title":"Text","data":"help"}]}
            """);

        var adapted = DevChatCardActions.Adapt(card, "a|1")!;

        var execute = adapted["body"]![0]!["actions"]![0]!;
        Assert.Equal("Action.Submit", (string?)execute["type"]);
        Assert.Null(execute["verb"]);
        Assert.Equal("s1", (string?)execute["data"]!["storyId"]);
        Assert.Equal("approve", (string?)execute["data"]![DevChatCardActions.MarkerProperty]!["execute"]!["verb"]);
        Assert.Equal("a|1", (string?)adapted["actions"]![0]!["data"]![DevChatCardActions.MarkerProperty]!["replyToId"]);
        Assert.Equal("help", (string?)adapted["actions"]![1]!["data"]);
        Assert.Equal("Action.Execute", (string?)adapted["refresh"]!["action"]!["type"]);

        var click = DevChatCardActions.ReadClick(execute["data"]);
        Assert.NotNull(click);
        Assert.True(click.IsExecute);
        Assert.Equal("a|1", click.ReplyToId);
        Assert.Equal("""{"storyId":"s1"}""", click.Data!.Value.GetRawText());
    }

    [Fact]
    public async Task Send_ToAnExpiredDevChatConversation_IsConversationGone()
    {
        var client = Create(new MissingConnectorClient(), out var conversations);
        var conversation = conversations.Create(new DevChatCast(_options).Storyteller);
        _time.Advance(TimeSpan.FromMinutes(31));

        var result = await client.SendToConversationAsync(DevChatCast.ServiceUrl, conversation.Id, new Activity { Type = "message" }, CancellationToken.None);

        Assert.Equal(ConnectorOutcome.ConversationGone, result.Outcome);
        Assert.Equal("ConversationNotFound", result.ErrorCode);
    }

    [Fact]
    public async Task CreateConversation_WithADevChatPerson_PostsIntoTheirOpenConversation()
    {
        var client = Create(new MissingConnectorClient(), out var conversations);
        var cast = new DevChatCast(_options);
        var conversation = conversations.Create(cast.Admin);

        var result = await client.CreateConversationAsync(DevChatCast.ServiceUrl, new ConversationParameters
        {
            Members = [new ChannelAccount { Id = cast.Admin.UserId }],
            Activity = new Activity { Type = "message", Text = "A story is waiting for moderation." },
        }, CancellationToken.None);

        Assert.True(result.IsSuccess);
        Assert.Equal(conversation.Id, result.Value!.Id);
        Assert.Equal(1, conversation.Count);
    }

    [Fact]
    public async Task CreateConversation_WithAPersonWhoHasNoChatOpen_OpensOneThePageCanResume()
    {
        var client = Create(new MissingConnectorClient(), out var conversations);
        var cast = new DevChatCast(_options);

        var result = await client.CreateConversationAsync(DevChatCast.ServiceUrl, new ConversationParameters { Members = [new ChannelAccount { Id = cast.Storyteller.UserId }] }, CancellationToken.None);

        Assert.True(result.IsSuccess);
        var opened = conversations.FindLatestForUser(cast.Storyteller.UserId);
        Assert.Equal(opened!.Id, result.Value!.Id);
        Assert.False(opened.TryMarkStarted()); // no install welcome: the bot's own message comes first
    }

    [Fact]
    public async Task NewThreadInALocalChannel_ReachesEveryMembersViewOnceUnderOneIdAndRepliesFollowIt()
    {
        var client = Create(new MissingConnectorClient(), out var conversations, out var channels);
        var cast = new DevChatCast(_options);
        var stories = cast.Team.Channels[1];
        var samsView = channels.Open(cast.Storyteller, stories);

        var created = await client.CreateConversationAsync(DevChatCast.ServiceUrl, new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = stories.Id } },
            Activity = new Activity { Type = "message", Text = "Story of the day" },
        }, CancellationToken.None);
        var alexsView = channels.Open(cast.Admin, stories); // joins later: sees the history
        var reply = await client.SendToConversationAsync(DevChatCast.ServiceUrl, created.Value!.Id!, new Activity { Type = "message", Text = "In the thread" }, CancellationToken.None);
        var elsewhere = await client.CreateConversationAsync(DevChatCast.ServiceUrl, new ConversationParameters
        {
            IsGroup = true,
            ChannelData = new TeamsChannelData { Channel = new ChannelInfo { Id = "19:unknown@thread.tacv2" } },
            Activity = new Activity { Type = "message" },
        }, CancellationToken.None);

        Assert.True(created.IsSuccess);
        Assert.Equal(DevChatChannels.ThreadId(stories.Id, created.Value.ActivityId!), created.Value.Id);
        Assert.True(reply.IsSuccess);
        foreach (var view in new[] { samsView, alexsView })
        {
            Assert.Equal(2, view.Count);
            Assert.NotNull(view.Get(created.Value.ActivityId!));
            Assert.NotNull(view.Get(reply.Value!.Id!));
        }

        Assert.Equal(created.Value.ActivityId, channels.RootOf(stories, reply.Value!.Id));
        Assert.Null(conversations.FindLatestForUser(cast.Storyteller.UserId)); // a channel view is not anyone's 1:1 chat
        Assert.Equal(ConnectorOutcome.ConversationGone, elsewhere.Outcome);
    }

    [Fact]
    public async Task TeamEndpoints_ForTheLocalTeam_ListItsChannelsNameAndBothMembers()
    {
        var client = Create(new MissingConnectorClient(), out _);
        var cast = new DevChatCast(_options);

        var channelList = await client.GetTeamChannelsAsync(DevChatCast.ServiceUrl, cast.Team.Id, CancellationToken.None);
        var details = await client.GetTeamDetailsAsync(DevChatCast.ServiceUrl, cast.Team.Id, CancellationToken.None);
        var members = await client.GetPagedMembersAsync(DevChatCast.ServiceUrl, cast.Team.Id, null, null, CancellationToken.None);
        var other = await client.GetTeamChannelsAsync(DevChatCast.ServiceUrl, "19:other@thread.tacv2", CancellationToken.None);

        Assert.Equal(cast.Team.Channels.Select(c => c.Id), channelList.Value!.Select(c => c.Id));
        Assert.Equal([null, "Stories"], channelList.Value!.Select(c => c.Name));
        Assert.Equal(cast.Team.Name, details.Value!.Name);
        Assert.Equal([cast.Storyteller.AadObjectId, cast.Admin.AadObjectId], members.Value!.Members!.Select(m => m.AadObjectId));
        Assert.Equal(ConnectorOutcome.ConversationGone, other.Outcome);
    }

    [Fact]
    public void Conversations_BeyondTheLimit_DropTheLeastRecentlyUsed()
    {
        var conversations = new DevChatConversations(_options, _time);
        var cast = new DevChatCast(_options);
        var first = conversations.Create(cast.Storyteller);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = conversations.Create(cast.Admin);
        _time.Advance(TimeSpan.FromMinutes(1));
        conversations.Find(first.Id);

        conversations.Create(cast.Storyteller);

        Assert.NotNull(conversations.Find(first.Id));
        Assert.Null(conversations.Find(second.Id));
    }

    [Fact]
    public void Decorate_RegisteredByType_WrapsTheRegisteredClientKeepingItsLifetime()
    {
        var services = new ServiceCollection();
        services.AddScoped<IConnectorClient, RecordingClient>();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton(_options);
        services.AddSingleton<DevChatCast>();
        services.AddSingleton<DevChatConversations>();
        services.AddSingleton<DevChatTranscript>();
        services.AddSingleton<DevChatChannels>();

        DevChatExtensions.DecorateConnectorClient(services);

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IConnectorClient));
        Assert.Equal(ServiceLifetime.Scoped, descriptor.Lifetime);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        Assert.IsType<DevChatConnectorClient>(scope.ServiceProvider.GetRequiredService<IConnectorClient>());
    }

    [Fact]
    public async Task NoConnectorRegistered_NonDevChatCall_FailsSayingWhy()
    {
        var client = Create(new MissingConnectorClient(), out _);

        var result = await client.SendToConversationAsync(TeamsServiceUrl, "a:1", new Activity(), CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Contains("AddBotProtocol", result.Message);
    }

    private DevChatConnectorClient Create(IConnectorClient inner, out DevChatConversations conversations) => Create(inner, out conversations, out _);

    private DevChatConnectorClient Create(IConnectorClient inner, out DevChatConversations conversations, out DevChatChannels channels)
    {
        var cast = new DevChatCast(_options);
        conversations = new DevChatConversations(_options, _time);
        var transcript = new DevChatTranscript(cast, _time);
        channels = new DevChatChannels(cast, conversations, transcript, _options);
        return new DevChatConnectorClient(inner, conversations, transcript, cast, channels);
    }

    /// <summary>Stands in for the real Connector client, which needs Teams; only SendToConversation is expected.</summary>
    private sealed class RecordingClient : IConnectorClient
    {
        public static ConnectorResult<ResourceResponse> Sent { get; } = ConnectorResult<ResourceResponse>.Success(new ResourceResponse { Id = "1:teams" });

        public List<(string ServiceUrl, string ConversationId)> Calls { get; } = [];

        public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
        {
            Calls.Add((serviceUrl, conversationId));
            return Task.FromResult(Sent);
        }

        public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ConnectorResult<bool>> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ConnectorResult<IReadOnlyList<ChannelInfo>>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ConnectorResult<TeamDetails>> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
