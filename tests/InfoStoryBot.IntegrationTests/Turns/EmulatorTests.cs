using System.Net;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;

namespace InfoStoryBot.IntegrationTests.Turns;

/// <summary>
/// Local mode as the Bot Framework Emulator uses it: no app id, no token on the way in, a plain-http
/// loopback serviceUrl, and replies sent back without a token.
/// </summary>
public sealed class EmulatorTests : IAsyncLifetime
{
    private Simulator _emulator = null!;
    private BotHost _bot = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _emulator = await Simulator.StartAsync(new TeamsSimulatorOptions { AppId = null });
        _bot = BotHost.Start(new Dictionary<string, string?>(_emulator.BotConfiguration));
        _http = _bot.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task LocalMode_HelpWithoutAToken_IsAnsweredWithoutAToken()
    {
        var activity = _emulator.Activities.PersonalMessage("help");
        activity["channelId"] = "emulator";

        using var response = await _emulator.PostActivityAsync(_http, new Uri("/api/messages", UriKind.Relative), activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = Assert.Single(await _emulator.WaitForCallsAsync(1, TimeSpan.FromSeconds(10), c => c.Method == "POST"));
        Assert.Null(call.Authorization);
        Assert.StartsWith("http://127.0.0.1:", _emulator.ServiceUrl, StringComparison.Ordinal);
        Assert.Contains("How I can help", call.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalMode_ATokenThatIsSent_IsStillChecked()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(_emulator.Activities.PersonalMessage("help").ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "not.a.token");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_emulator.Calls);
    }
}
