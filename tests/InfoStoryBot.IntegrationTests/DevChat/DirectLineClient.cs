using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace InfoStoryBot.IntegrationTests.DevChat;

/// <summary>Speaks DevChat's Direct Line subset the way Web Chat's polling client does.</summary>
internal sealed class DirectLineClient(HttpClient http)
{
    public string ConversationId { get; private set; } = "";

    public string Token { get; private set; } = "";

    public string Watermark { get; private set; } = "";

    public Task<HttpResponseMessage> GenerateAsync(string identity = "storyteller") => GenerateWithAsync(new { identity });

    /// <summary>With DevChat's own fields too: <c>channel</c> for a view of a local channel, <c>resume</c> for a live 1:1.</summary>
    public async Task<HttpResponseMessage> GenerateWithAsync(object request)
    {
        var response = await http.PostAsJsonAsync("/v3/directline/tokens/generate", request);
        if (response.IsSuccessStatusCode)
        {
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            ConversationId = body.GetProperty("conversationId").GetString()!;
            Token = body.GetProperty("token").GetString()!;
        }

        return response;
    }

    public Task<HttpResponseMessage> StartAsync() =>
        SendAsync(HttpMethod.Post, "/v3/directline/conversations", """{"user":{"id":"dl_page"},"locale":"en-GB"}""");

    public static async Task<DirectLineClient> StartedAsync(HttpClient http, string identity = "storyteller")
    {
        var client = new DirectLineClient(http);
        (await client.GenerateAsync(identity)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Created, (await client.StartAsync()).StatusCode);
        return client;
    }

    public Task<HttpResponseMessage> PostRawAsync(string json, string? conversationId = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities", json);

    public async Task<string> PostAsync(object activity)
    {
        var response = await PostRawAsync(JsonSerializer.Serialize(activity));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST activity answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    public Task<string> SayAsync(string text) =>
        PostAsync(new { type = "message", text, from = new { id = "dl_page", role = "user" }, channelData = new { clientActivityID = Guid.NewGuid().ToString("N") } });

    public Task<HttpResponseMessage> GetRawAsync(string? watermark, string? conversationId = null) =>
        SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId ?? ConversationId}/activities?watermark={watermark}", null);

    /// <summary>Everything after the current watermark, moving the watermark on as Web Chat does.</summary>
    public async Task<IReadOnlyList<JsonElement>> PollAsync()
    {
        var response = await GetRawAsync(Watermark);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET activities answered {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Watermark = body.GetProperty("watermark").GetString()!;
        return body.GetProperty("activities").EnumerateArray().Select(a => a.Clone()).ToList();
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, string? token = null)
    {
        var request = new HttpRequestMessage(method, path);
        var bearer = token ?? Token;
        if (bearer.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }
}
