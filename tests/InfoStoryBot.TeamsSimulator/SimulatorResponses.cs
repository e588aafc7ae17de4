using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>The three answer shapes the simulated services use: plain JSON, the Connector's error and Entra's OAuth error.</summary>
internal static class SimulatorResponses
{
    public static async Task<int> WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        return status;
    }

    /// <summary>The Connector's <c>{"error":{"code","message"}}</c>.</summary>
    public static Task<int> WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteJsonAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    /// <summary>Entra's OAuth error, whose description starts with the AADSTS code it also lists in <c>error_codes</c>.</summary>
    public static Task<int> WriteOAuthErrorAsync(HttpContext context, int status, string error, string description) =>
        WriteJsonAsync(context, status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = description,
            ["error_codes"] = new JsonArray(int.Parse(description[6..description.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture)),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture),
            ["trace_id"] = Guid.NewGuid().ToString(),
            ["correlation_id"] = Guid.NewGuid().ToString(),
        });
}
