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

    /// <summary>
    /// Entra's OAuth error as login.microsoftonline.com sends it: the AADSTS code leads the description (which ends
    /// with trace and correlation ids and a timestamp) and is listed again in <c>error_codes</c>.
    /// </summary>
    /// <param name="description">Starts with the code, e.g. <c>AADSTS7000215: Invalid client secret provided.</c></param>
    public static Task<int> WriteOAuthErrorAsync(HttpContext context, int status, string error, string description)
    {
        var code = int.Parse(description[6..description.IndexOf(':', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        var traceId = Guid.NewGuid().ToString();
        var correlationId = Guid.NewGuid().ToString();
        var timestamp = DateTimeOffset.UtcNow;
        return WriteJsonAsync(context, status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = $"{description} Trace ID: {traceId} Correlation ID: {correlationId} Timestamp: {timestamp.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = timestamp.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["trace_id"] = traceId,
            ["correlation_id"] = correlationId,
            ["error_uri"] = "https://login.microsoftonline.com/error?code=" + code.ToString(CultureInfo.InvariantCulture),
        });
    }
}
