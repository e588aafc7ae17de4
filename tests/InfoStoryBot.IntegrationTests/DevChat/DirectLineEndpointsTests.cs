using System.Net;
using System.Text.Json;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Turns;
using Microsoft.Extensions.DependencyInjection;
using InfoStoryBot.IntegrationTests.Infrastructure;

namespace InfoStoryBot.IntegrationTests.DevChat;

public sealed class DirectLineEndpointsTests : IDisposable
{
    private readonly BotHost _app;
    private readonly HttpClient _http;

    public DirectLineEndpointsTests()
    {
        _app = BotHost.Start(
            settings: new Dictionary<string, string?> { ["DevChat:MaxActivitiesPerConversation"] = "12", ["DevChat:AdminObjectId"] = "6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09" },
            services: EchoServices);
        _http = _app.CreateHttpClient();
    }

    private EchoTurnProcessor Bot => _app.Services.GetRequiredService<EchoTurnProcessor>();

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    internal static void EchoServices(IServiceCollection services)
    {
        services.AddSingleton<EchoTurnProcessor>();
        services.AddSingleton<ITurnProcessor>(sp => sp.GetRequiredService<EchoTurnProcessor>());
    }

    [Fact]
    public async Task StartConversation_WithGeneratedToken_RunsTheWelcomeOnceAsAPersonalInstall()
    {
        var client = new DirectLineClient(_http);
        (await client.GenerateAsync()).EnsureSuccessStatusCode();

        var first = await client.StartAsync();
        var again = await client.StartAsync();
        var activities = await client.PollAsync();

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var welcome = Assert.Single(activities);
        Assert.Equal("Welcome, Sam Storyteller.", welcome.GetProperty("text").GetString());
        Assert.Equal("bot", welcome.GetProperty("from").GetProperty("role").GetString());

        var update = Assert.Single(Bot.Received);
        Assert.Equal(ActivityTypes.ConversationUpdate, update.Type);
        Assert.Equal(ConversationTypes.Personal, update.Conversation!.ConversationType);
        Assert.Contains(update.MembersAdded!, m => m.Id == update.Recipient!.Id);
        Assert.Contains(update.MembersAdded!, m => m.Id == "29:devchat-storyteller");
        Assert.NotNull(update.ChannelData?.Tenant?.Id);
    }

    [Fact]
    public async Task StartConversation_WithoutToken_CreatesAStorytellerConversation()
    {
        var response = await new DirectLineClient(_http).SendAsync(HttpMethod.Post, "/v3/directline/conversations", "{}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("devchat-", body.GetProperty("conversationId").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("token").GetString()));
        Assert.True(body.GetProperty("expires_in").GetInt32() > 0);
        Assert.False(body.TryGetProperty("streamUrl", out _), "no streamUrl, so Web Chat polls");
    }

    [Fact]
    public async Task PostMessage_AsStoryteller_TurnGetsATeamsPersonalActivity()
    {
        var client = await DirectLineClient.StartedAsync(_http);

        await client.SayAsync("share a story");

        var message = Bot.Received.Last();
        Assert.Equal(ActivityTypes.Message, message.Type);
        Assert.Equal("share a story", message.Text);
        Assert.Equal("msteams", message.ChannelId);
        Assert.Equal("https://devchat.invalid/", message.ServiceUrl);
        Assert.Equal(client.ConversationId, message.Conversation!.Id);
        Assert.Equal(ConversationTypes.Personal, message.Conversation.ConversationType);
        Assert.Equal("29:devchat-storyteller", message.From!.Id);
        Assert.Equal("Sam Storyteller", message.From.Name);
        Assert.False(string.IsNullOrEmpty(message.From.AadObjectId));
        Assert.Equal(message.Conversation.TenantId, message.ChannelData!.Tenant!.Id);
    }

    [Fact]
    public async Task PostMessage_AsAdmin_CarriesTheConfiguredAdminObjectId()
    {
        var client = await DirectLineClient.StartedAsync(_http, "admin");

        await client.SayAsync("campaigns");

        var message = Bot.Received.Last();
        Assert.Equal("29:devchat-admin", message.From!.Id);
        Assert.Equal("6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09", message.From.AadObjectId);
    }

    [Fact]
    public async Task PostMessage_PageClaimsAnotherSender_SenderIsTheChosenIdentity()
    {
        var client = await DirectLineClient.StartedAsync(_http);

        await client.PostAsync(new { type = "message", text = "hi", from = new { id = "29:someone-else", name = "Mallory", aadObjectId = "6f1d2c3b-0a9e-4f8d-b7c6-5e4d3c2b1a09" } });

        Assert.Equal("29:devchat-storyteller", Bot.Received.Last().From!.Id);
        var echo = (await client.PollAsync()).Single(a => a.GetProperty("from").GetProperty("role").GetString() == "user");
        Assert.Equal("29:devchat-storyteller", echo.GetProperty("from").GetProperty("id").GetString());
    }

    [Fact]
    public async Task GetActivities_AfterWatermark_ReturnsOnlyNewActivitiesOfBothSides()
    {
        var client = await DirectLineClient.StartedAsync(_http);
        var welcome = await client.PollAsync();
        var afterWelcome = client.Watermark;

        var clientActivityId = Guid.NewGuid().ToString("N");
        var id = await client.PostAsync(new { type = "message", text = "hello", channelData = new { clientActivityID = clientActivityId } });
        var turn = await client.PollAsync();
        var nothing = await client.PollAsync();

        Assert.Single(welcome);
        Assert.Equal(3, turn.Count);
        Assert.Equal(id, turn[0].GetProperty("id").GetString());
        Assert.Equal("user", turn[0].GetProperty("from").GetProperty("role").GetString());
        Assert.Equal(clientActivityId, turn[0].GetProperty("channelData").GetProperty("clientActivityID").GetString());
        Assert.Equal("You said: hello", turn[1].GetProperty("text").GetString());
        Assert.Equal(Attachment.AdaptiveCardContentType, turn[2].GetProperty("attachments")[0].GetProperty("contentType").GetString());
        Assert.All(turn, a => Assert.True(a.TryGetProperty("timestamp", out _)));
        Assert.Equal(3, turn.Select(a => a.GetProperty("id").GetString()).Distinct().Count());
        Assert.Empty(nothing);
        Assert.True(long.Parse(client.Watermark) > long.Parse(afterWelcome));
    }

    [Fact]
    public async Task GetActivities_NoWatermark_ReturnsTheWholeTranscript()
    {
        var client = await DirectLineClient.StartedAsync(_http);
        await client.SayAsync("one");

        var response = await client.GetRawAsync(watermark: null);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(4, body.GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task GetActivities_UnknownConversation_404()
    {
        var client = await DirectLineClient.StartedAsync(_http);

        var response = await client.GetRawAsync("", conversationId: "devchat-doesnotexist");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("not found", body.GetProperty("error").GetProperty("message").GetString());
    }

    [Fact]
    public async Task PostActivity_UnknownConversation_404()
    {
        var client = await DirectLineClient.StartedAsync(_http);

        var response = await client.PostRawAsync("""{"type":"message","text":"hi"}""", conversationId: "devchat-doesnotexist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1,2]", "JSON object")]
    [InlineData("""{"text":"no type"}""", "type")]
    [InlineData("""{"type":"invoke","name":"adaptiveCard/action"}""", "type")]
    [InlineData("", "activity")]
    public async Task PostActivity_BadBody_400WithAReason(string body, string reason)
    {
        var client = await DirectLineClient.StartedAsync(_http);
        var before = Bot.Received.Count;

        var response = await client.PostRawAsync(body);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("error");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BadArgument", error.GetProperty("code").GetString());
        Assert.Contains(reason, error.GetProperty("message").GetString());
        Assert.Equal(before, Bot.Received.Count);
    }

    [Fact]
    public async Task GetActivities_WatermarkNotANumber_400()
    {
        var client = await DirectLineClient.StartedAsync(_http);

        var response = await client.GetRawAsync("abc");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostActivity_TokenOfAnotherConversation_403()
    {
        var mine = await DirectLineClient.StartedAsync(_http);
        var theirs = await DirectLineClient.StartedAsync(_http);

        var response = await mine.SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{theirs.ConversationId}/activities", """{"type":"message","text":"hi"}""");
        var read = await mine.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{theirs.ConversationId}/activities", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
    }

    [Fact]
    public async Task GetActivities_NoToken_401()
    {
        var client = await DirectLineClient.StartedAsync(_http);

        var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}/activities", null, token: "");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task GenerateToken_UnknownIdentity_400NamingTheChoices()
    {
        var response = await new DirectLineClient(_http).GenerateAsync("superuser");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("storyteller", text);
        Assert.Contains("admin", text);
    }

    [Fact]
    public async Task PostActivity_OverTheSizeLimit_413()
    {
        var client = await DirectLineClient.StartedAsync(_http);

        var response = await client.PostRawAsync(JsonSerializer.Serialize(new { type = "message", text = new string('x', 300 * 1024) }));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Transcript_BeyondTheCap_KeepsOnlyTheNewestActivities()
    {
        var client = await DirectLineClient.StartedAsync(_http);
        for (var i = 0; i < 8; i++)
        {
            await client.SayAsync($"message {i}");
        }

        var all = await client.PollAsync();

        Assert.Equal(12, all.Count);
        Assert.Equal("message 7", all[^3].GetProperty("text").GetString());
        Assert.DoesNotContain(all, a => a.TryGetProperty("text", out var t) && t.GetString() == "message 0");
    }

    [Fact]
    public async Task ResumeConversation_KnownToken_AnswersTheConversationForWebChatsReconnect()
    {
        var client = await DirectLineClient.StartedAsync(_http);

        var response = await client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{client.ConversationId}?watermark=", null);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(client.ConversationId, body.GetProperty("conversationId").GetString());
    }

    [Fact]
    public async Task RefreshToken_KnownToken_ReturnsAToken()
    {
        var client = await DirectLineClient.StartedAsync(_http);

        var ok = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null);
        var unknown = await client.SendAsync(HttpMethod.Post, "/v3/directline/tokens/refresh", null, token: "not-a-token");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unknown.StatusCode);
    }

    [Fact]
    public async Task CardSubmit_ClickFromWebChat_ArrivesAsTeamsDoesWithValueAndReplyToId()
    {
        var client = await DirectLineClient.StartedAsync(_http);
        await client.SayAsync("hello");
        var card = (await client.PollAsync())[^1];
        var submit = card.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions")[0];

        // Web Chat posts an Action.Submit's data (inputs merged) as a postBack message with that value.
        await client.PostAsync(new { type = "message", value = submit.GetProperty("data"), channelData = new { postBack = true } });
        var reply = (await client.PollAsync())[^1];

        var click = Bot.Received.Last();
        Assert.Equal(card.GetProperty("id").GetString(), click.ReplyToId);
        Assert.Equal("""{"choice":"more"}""", click.Value!.Value.GetRawText());
        Assert.Equal("You chose more.", reply.GetProperty("text").GetString());
    }

    [Fact]
    public async Task CardExecute_ClickFromWebChat_RunsAnInvokeAndReplacesTheCard()
    {
        var client = await DirectLineClient.StartedAsync(_http);
        await client.SayAsync("hello");
        var card = (await client.PollAsync())[^1];
        var execute = card.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions")[1];

        Assert.Equal("Action.Submit", execute.GetProperty("type").GetString());
        await client.PostAsync(new { type = "message", value = execute.GetProperty("data"), channelData = new { postBack = true } });
        var updates = await client.PollAsync();

        var invoke = Bot.Received.Last();
        Assert.Equal(ActivityTypes.Invoke, invoke.Type);
        Assert.Equal("adaptiveCard/action", invoke.Name);
        Assert.Equal(card.GetProperty("id").GetString(), invoke.ReplyToId);
        var action = invoke.Value!.Value.GetProperty("action");
        Assert.Equal("Action.Execute", action.GetProperty("type").GetString());
        Assert.Equal("refresh", action.GetProperty("verb").GetString());
        Assert.Equal("""{"n":1}""", action.GetProperty("data").GetRawText());

        var replaced = updates.Single(a => a.GetProperty("id").GetString() == card.GetProperty("id").GetString());
        Assert.Contains("Refreshed by refresh.", replaced.GetProperty("attachments")[0].GetProperty("content").GetRawText());
    }

    [Fact]
    public async Task UpdateActivity_BotEditsItsMessage_WebChatReceivesItAgainUnderTheSameId()
    {
        var client = await DirectLineClient.StartedAsync(_http);
        await client.PollAsync();

        await client.SayAsync("update me");
        var activities = await client.PollAsync();

        var bot = activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot").ToList();
        var message = Assert.Single(bot);
        Assert.Equal("Version 2.", message.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Turn_BotThrows_ConversationShowsANoticeAndTheMessageIsStillAccepted()
    {
        var client = await DirectLineClient.StartedAsync(_http);
        await client.PollAsync();

        await client.SayAsync("boom");
        var activities = await client.PollAsync();

        var notice = activities[^1];
        Assert.Equal("DevChat", notice.GetProperty("from").GetProperty("name").GetString());
        Assert.Contains("InvalidOperationException", notice.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Info_InLocalMode_DescribesStorageAndThePeople()
    {
        var response = await _http.GetAsync("/devchat/info");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(_app.StoragePath, body.GetProperty("storage").GetString());
        Assert.Equal(["storyteller", "admin"], body.GetProperty("people").EnumerateArray().Select(p => p.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Page_InLocalMode_ServesTheWebChatHost()
    {
        var page = await _http.GetAsync("/");
        var script = await _http.GetAsync("/devchat/devchat.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/webchat/webchat.js", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }
}
