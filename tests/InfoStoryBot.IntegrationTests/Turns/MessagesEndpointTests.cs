using System.Net;
using System.Net.Http.Headers;
using System.Text;
using InfoStoryBot.IntegrationTests.Infrastructure;

namespace InfoStoryBot.IntegrationTests.Turns;

/// <summary>
/// The shape checks of POST /api/messages, against the real app in local mode (Development, loopback,
/// no token), so each status comes from the endpoint itself and not from authentication.
/// </summary>
public sealed class MessagesEndpointTests : IDisposable
{
    private readonly BotHost _host = BotHost.Start();
    private readonly HttpClient _http;

    public MessagesEndpointTests() => _http = _host.CreateHttpClient();

    public void Dispose()
    {
        _http.Dispose();
        _host.Dispose();
    }

    private static string Activity(string type, string extra = "") =>
        $$"""{"type":"{{type}}","id":"{{Guid.NewGuid():n}}","channelId":"emulator","serviceUrl":"http://127.0.0.1:9/","from":{"id":"user-1"},"recipient":{"id":"bot"},"conversation":{"id":"conv-{{Guid.NewGuid():n}}"}{{extra}}}""";

    private Task<HttpResponseMessage> PostAsync(string body, string? contentType = "application/json")
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return _http.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content });
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Post_NotJson_Answers415(string? contentType)
    {
        using var response = await PostAsync(Activity("message"), contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_JsonWithCharset_IsAccepted()
    {
        using var response = await PostAsync(Activity("typing"), "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_Answers413()
    {
        var huge = Activity("message", $",\"text\":\"{new string('x', 300 * 1024)}\"");

        using var response = await PostAsync(huge);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverTheLimit_Answers413()
    {
        var huge = Encoding.UTF8.GetBytes(Activity("message", $",\"text\":\"{new string('x', 300 * 1024)}\""));
        using var content = new StreamContent(new MemoryStream(huge));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"message\"")]
    [InlineData("not json at all")]
    [InlineData("{\"type\":\"message\",\"text\":5}")]
    [InlineData("{}")]
    [InlineData("{\"text\":\"no type\"}")]
    [InlineData("null")]
    [InlineData("[]")]
    public async Task Post_MalformedOrWithoutType_Answers400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_WithoutConversation_Answers400()
    {
        using var response = await PostAsync("""{"type":"message","serviceUrl":"http://127.0.0.1:9/","text":"hi"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task OtherMethods_Answer405(string method)
    {
        using var response = await _http.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    [InlineData("somethingTeamsAddsNextYear")]
    public async Task Post_TypesWithNothingToDo_AreAcknowledged(string type)
    {
        using var response = await PostAsync(Activity(type));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_InvokeNobodyHandles_Answers501()
    {
        using var response = await PostAsync(Activity("invoke", ",\"name\":\"composeExtension/query\""));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }
}
