using System.Net;
using InfoStoryBot.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using InfoStoryBot.IntegrationTests.Infrastructure;

namespace InfoStoryBot.IntegrationTests.DevChat;

public sealed class DevChatModeTests
{
    // Without an app id the app refuses to start outside Development (Protocol's own tests show that),
    // so the only way to be outside local mode and running is to have a complete bot identity.
    public static TheoryData<string, string?> NotLocal => new()
    {
        { "Production", "11111111-2222-3333-4444-555555555555" },
        { "Development", "11111111-2222-3333-4444-555555555555" },
        { "Staging", "11111111-2222-3333-4444-555555555555" },
    };

    private static Dictionary<string, string?> Identity(string? appId) => new()
    {
        ["MicrosoftAppId"] = appId,
        ["MicrosoftAppPassword"] = "not-a-real-secret",
        ["MicrosoftAppTenantId"] = "99999999-8888-7777-6666-555555555555",
    };

    [Theory]
    [MemberData(nameof(NotLocal))]
    public async Task Endpoints_OutsideLocalMode_DoNotExist(string environment, string? appId)
    {
        var settings = Identity(appId);
        using var app = BotHost.Start(settings, environment);
        using var http = app.CreateHttpClient();

        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, "/"),
                     (HttpMethod.Get, "/devchat/info"),
                     (HttpMethod.Get, "/webchat/webchat.js"),
                     (HttpMethod.Post, "/v3/directline/tokens/generate"),
                     (HttpMethod.Post, "/v3/directline/conversations"),
                     (HttpMethod.Get, "/v3/directline/conversations/x/activities"),
                 })
        {
            var response = await http.SendAsync(new HttpRequestMessage(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode} in {environment} with app id '{appId}'");
        }
    }

    [Theory]
    [MemberData(nameof(NotLocal))]
    public void ConnectorClient_OutsideLocalMode_IsNotDecorated(string environment, string? appId)
    {
        using var app = BotHost.Start(Identity(appId), environment);

        Assert.IsNotType<InfoStoryBot.Bot.DevChat.DevChatConnectorClient>(app.Services.GetService<IConnectorClient>());
    }

    [Fact]
    public async Task Endpoints_CallerNotOnLoopback_403()
    {
        // The in-memory test server has no remote address, which DevChat must treat as "not this machine".
        using var app = BotHost.StartInMemory();
        using var http = app.CreateClient();

        var response = await http.GetAsync("/devchat/info");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public void Startup_AdminObjectIdNotAGuid_FailsNamingTheSetting()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var app = BotHost.Start(settings: new Dictionary<string, string?> { ["DevChat:AdminObjectId"] = "alex@example.org" });
        });

        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains("DevChat:AdminObjectId must be a GUID", messages);
    }

    [Fact]
    public async Task Conversation_IdleLongerThanTheTimeout_IsGone404()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var app = BotHost.Start(
            settings: new Dictionary<string, string?> { ["DevChat:ConversationIdleTimeout"] = "00:30:00" },
            services: s =>
            {
                DirectLineEndpointsTests.EchoServices(s);
                s.AddSingleton<TimeProvider>(clock);
            });
        using var http = app.CreateHttpClient();
        var client = await DirectLineClient.StartedAsync(http);

        clock.Advance(TimeSpan.FromMinutes(29));
        var stillThere = await client.GetRawAsync("");
        clock.Advance(TimeSpan.FromMinutes(31));
        var gone = await client.GetRawAsync("");

        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static IEnumerable<Exception> Flatten(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error;
            if (error is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
