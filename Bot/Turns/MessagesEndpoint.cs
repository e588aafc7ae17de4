using System.Net.Mime;
using System.Text.Json;
using InfoStoryBot.Bot.Protocol;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// <c>POST /api/messages</c>: where every Teams (or Emulator) turn enters. Checks the request's shape,
/// parses the activity, authenticates it, then hands it to the <see cref="ITurnProcessor"/>.
/// </summary>
public static partial class MessagesEndpoint
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync)
            .WithName("Messages")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IInboundAuthenticator authenticator,
        ITurnProcessor turns,
        IOptions<MessagesOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var log = loggers.CreateLogger(typeof(MessagesEndpoint));
        var limit = options.Value.MaxBodyBytes;

        if (!IsJson(http.Request.ContentType))
        {
            LogRejected(log, StatusCodes.Status415UnsupportedMediaType, "content type is not JSON");
            return Results.StatusCode(StatusCodes.Status415UnsupportedMediaType);
        }

        if (http.Request.ContentLength > limit)
        {
            LogRejected(log, StatusCodes.Status413PayloadTooLarge, "declared body too large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadBodyAsync(http, limit, cancellationToken);
        if (body is null)
        {
            LogRejected(log, StatusCodes.Status413PayloadTooLarge, "body too large");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var activity = ActivityParser.TryParse(body, out var parseError);
        if (activity is null)
        {
            LogRejected(log, StatusCodes.Status400BadRequest, parseError);
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a Bot Framework activity.", detail: parseError);
        }

        var header = http.Request.Headers.Authorization.ToString();
        var auth = await authenticator.AuthenticateAsync(header.Length > 0 ? header : null, activity, RequestOrigin.From(http), cancellationToken);
        if (!auth.Succeeded || auth.Identity is null)
        {
            // The authenticator logged the reason; the caller learns nothing that would help an attacker.
            return Results.StatusCode(auth.StatusCode is 403 ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);
        }

        var result = await turns.ProcessAsync(activity, auth.Identity, cancellationToken);
        return result.Body is null
            ? Results.StatusCode(result.StatusCode)
            : Results.Json(result.Body, ProtocolJson.Options, statusCode: result.StatusCode);
    }

    private static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        try
        {
            var mediaType = new ContentType(contentType).MediaType;
            return mediaType.Equals(MediaTypeNames.Application.Json, StringComparison.OrdinalIgnoreCase)
                || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is longer (chunked bodies declare no length).</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, int limit, CancellationToken cancellationToken)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected a request to /api/messages with {Status}: {Reason}")]
    private static partial void LogRejected(ILogger logger, int status, string? reason);
}
