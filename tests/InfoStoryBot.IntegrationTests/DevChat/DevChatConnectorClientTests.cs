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

    private DevChatConnectorClient Create(IConnectorClient inner, out DevChatConversations conversations)
    {
        var cast = new DevChatCast(_options);
        conversations = new DevChatConversations(_options, _time);
        return new DevChatConnectorClient(inner, conversations, new DevChatTranscript(cast, _time), cast);
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
