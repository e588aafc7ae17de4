using System.Net;
using InfoStoryBot.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.IntegrationTests.DevChat;

public sealed class DevChatModeTests
{
    public static TheoryData<string, string?> NotLocal => new()
    {
        { "Production", null },
        { "Production", "11111111-2222-3333-4444-555555555555" },
        { "Development", "11111111-2222-3333-4444-555555555555" },
        { "Staging", null },
    };

    [Theory]
    [MemberData(nameof(NotLocal))]
    public async Task Endpoints_OutsideLocalMode_DoNotExist(string environment, string? appId)
    {
        var settings = new Dictionary<string, string?> { ["MicrosoftAppId"] = appId };
        using var app = KestrelApp.Start(environment, settings);
        using var http = app.Http();

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
        using var app = KestrelApp.Start(environment, new Dictionary<string, string?> { ["MicrosoftAppId"] = appId });

        Assert.IsNotType<InfoStoryBot.Bot.DevChat.DevChatConnectorClient>(app.Services.GetService<IConnectorClient>());
    }

    [Fact]
    public async Task Endpoints_CallerNotOnLoopback_403()
    {
        // The in-memory test server has no remote address, which DevChat must treat as "not this machine".
        using var app = KestrelApp.StartInMemory();
        using var http = app.CreateClient();

        var response = await http.GetAsync("/devchat/info");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
