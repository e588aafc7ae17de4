using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfoStoryBot.Benchmarks;

/// <summary>
/// The turn benchmark's floor: the least an endpoint can do for a Teams message and still answer it. For each
/// POST it reads the activity, makes the one Connector call the bot makes (reply to the activity, with a bearer
/// token got once from the same token endpoint), and answers 200. No JWT validation, no state, no logging.
/// Run by <see cref="TurnBenchmark"/> as its own process (hidden subcommand <c>floor-server</c>), configured like
/// the bot: ASPNETCORE_URLS, MicrosoftAppId, MicrosoftAppPassword, ToChannelFromBotLoginUrl.
/// </summary>
internal static class FloorServer
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();

        // The same client settings as the bot's IHttpClientFactory client: pooled sockets, handler renewed every 2 minutes.
        using var connector = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        var token = await AcquireTokenAsync(connector, app.Configuration);

        app.MapGet("/healthz", () => Results.Text("ok", "text/plain"));
        app.MapPost("/api/messages", async (HttpContext http, CancellationToken cancellationToken) =>
        {
            using var activity = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
            var root = activity.RootElement;
            var serviceUrl = root.GetProperty("serviceUrl").GetString()!;
            var conversationId = root.GetProperty("conversation").GetProperty("id").GetString()!;
            var activityId = root.GetProperty("id").GetString()!;
            var reply = new JsonObject
            {
                ["type"] = "message",
                ["text"] = "Thank you, noted.",
                ["replyToId"] = activityId,
                ["conversation"] = new JsonObject { ["id"] = conversationId },
                ["from"] = root.GetProperty("recipient").GetProperty("id").GetString(),
                ["recipient"] = root.GetProperty("from").GetProperty("id").GetString(),
            };
            var url = $"{serviceUrl.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}";
            using var request = new HttpRequestMessage(HttpMethod.Post, url)
            {
                Content = new StringContent(reply.ToJsonString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await connector.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? Results.Ok() : Results.StatusCode(StatusCodes.Status502BadGateway);
        });

        await app.RunAsync();
        return 0;
    }

    // Client credentials against the simulator's Entra stand-in, once: the floor pays for no token logic per turn.
    private static async Task<string> AcquireTokenAsync(HttpClient http, IConfiguration configuration)
    {
        var loginUrl = configuration["ToChannelFromBotLoginUrl"] ?? throw new InvalidOperationException("floor-server needs ToChannelFromBotLoginUrl.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = configuration["MicrosoftAppId"] ?? throw new InvalidOperationException("floor-server needs MicrosoftAppId."),
            ["client_secret"] = configuration["MicrosoftAppPassword"] ?? "",
            ["scope"] = "https://api.botframework.com/.default",
        });
        using var response = await http.PostAsync(loginUrl.TrimEnd('/') + "/oauth2/v2.0/token", form);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"floor-server could not get a token: {(int)response.StatusCode} {body}");
        }

        return JsonNode.Parse(body)?["access_token"]?.GetValue<string>() ?? throw new InvalidOperationException("The token endpoint answered without access_token.");
    }
}
