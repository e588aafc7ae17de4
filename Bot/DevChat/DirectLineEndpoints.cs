using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// The subset of Direct Line 3.0 that Web Chat's polling client uses (webSocket: false): tokens,
/// start or resume a conversation, post an activity, get activities after a watermark. Errors use
/// Direct Line's body shape, <c>{"error":{"code","message"}}</c>.
/// </summary>
internal static class DirectLineEndpoints
{
    public static void Map(RouteGroupBuilder directLine)
    {
        directLine.MapPost("/tokens/generate", GenerateTokenAsync);
        directLine.MapPost("/tokens/refresh", RefreshToken);
        directLine.MapPost("/conversations", StartConversationAsync);
        directLine.MapGet("/conversations/{conversationId}", ResumeConversation);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
    }

    /// <summary>
    /// Issues a token bound to a new conversation for one of the two people. The page names the person
    /// with a DevChat-only <c>identity</c> field ("storyteller" or "admin"); any Direct Line fields are ignored.
    /// DevChat-only too: <c>channel</c> (a channel id of the local team) gives that person's view of the channel, and
    /// <c>resume: true</c> gives their live 1:1 conversation if there is one (the bot may have opened it, as Teams
    /// opens a chat when a button in a channel starts a story).
    /// </summary>
    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, DevChatConversations conversations, DevChatCast cast, DevChatChannels channels, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadOptionalObjectAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var key = body?["identity"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (cast.Find(key) is not { } identity)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", $"Unknown identity '{key}'. Use \"{DevChatIdentity.StorytellerKey}\" or \"{DevChatIdentity.AdminKey}\".");
        }

        var channelId = body?["channel"] is JsonValue c && c.TryGetValue<string>(out var id) ? id : null;
        if (channelId is not null)
        {
            return cast.Team.Find(channelId) is { } channel
                ? Results.Json(Describe(channels.Open(identity, channel), conversations), ProtocolJson.Options)
                : Error(StatusCodes.Status400BadRequest, "BadArgument", $"Unknown channel '{channelId}'. The local team's channels are: {string.Join(", ", cast.Team.Channels.Select(ch => ch.Id))}.");
        }

        var resume = body?["resume"] is JsonValue r && r.TryGetValue<bool>(out var yes) && yes;
        var conversation = (resume ? conversations.FindLatestForUser(identity.UserId) : null) ?? conversations.Create(identity);
        return Results.Json(Describe(conversation, conversations), ProtocolJson.Options);
    }

    private static IResult RefreshToken(HttpRequest request, DevChatConversations conversations)
    {
        if (BearerToken(request) is not { } token)
        {
            return Error(StatusCodes.Status401Unauthorized, "TokenMissing", "Send the conversation's token as 'Authorization: Bearer <token>'.");
        }

        return conversations.FindByToken(token) is { } conversation
            ? Results.Json(Describe(conversation, conversations), ProtocolJson.Options)
            : Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token is unknown or its conversation has expired.");
    }

    /// <summary>Starts the conversation a token was issued for, or, with no token, a new storyteller conversation.</summary>
    private static async Task<IResult> StartConversationAsync(HttpContext context, DevChatConversations conversations, DevChatCast cast, DevChatTurns turns, CancellationToken cancellationToken)
    {
        var (body, error) = await ReadOptionalObjectAsync(context.Request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        DevChatConversation conversation;
        if (BearerToken(context.Request) is { } token)
        {
            if (conversations.FindByToken(token) is not { } bound)
            {
                return Error(StatusCodes.Status403Forbidden, "TokenExpired", "The token is unknown or its conversation has expired.");
            }

            conversation = bound;
        }
        else
        {
            conversation = conversations.Create(cast.Storyteller);
        }

        if (!conversation.TryMarkStarted())
        {
            return Results.Json(Describe(conversation, conversations), ProtocolJson.Options);
        }

        var locale = body?["locale"] is JsonValue l && l.TryGetValue<string>(out var s) ? s : null;
        await turns.StartAsync(context.RequestServices, conversation, locale, cancellationToken);
        return Results.Json(Describe(conversation, conversations), ProtocolJson.Options, statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Web Chat calls this to reconnect to a known conversation (the page does so when switching identity).</summary>
    private static IResult ResumeConversation(string conversationId, HttpRequest request, DevChatConversations conversations)
    {
        var (conversation, error) = Authorise(conversationId, request, conversations);
        return error ?? Results.Json(Describe(conversation!, conversations), ProtocolJson.Options);
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext context, DevChatConversations conversations, DevChatTurns turns, DevChatOptions options, CancellationToken cancellationToken)
    {
        var (conversation, error) = Authorise(conversationId, context.Request, conversations);
        if (error is not null)
        {
            return error;
        }

        if (context.Request.ContentLength > options.MaxRequestBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"An activity may be at most {options.MaxRequestBytes} bytes.");
        }

        var (body, readError) = await ReadOptionalObjectAsync(context.Request, cancellationToken, options.MaxRequestBytes);
        if (readError is not null)
        {
            return readError;
        }

        if (body is null)
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be an activity (a JSON object).");
        }

        var type = body["type"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        if (type is not (ActivityTypes.Message or ActivityTypes.Event or ActivityTypes.Typing))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The activity's type must be \"message\", \"event\" or \"typing\".");
        }

        if (body["attachments"] is JsonArray { Count: > 0 })
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "DevChat does not take file uploads; Teams personal chats with this bot do not either.");
        }

        var id = await turns.PostAsync(context.RequestServices, conversation!, body, cancellationToken);
        return Results.Json(new ResourceResponse { Id = id }, ProtocolJson.Options);
    }

    private static IResult GetActivities(string conversationId, string? watermark, HttpRequest request, DevChatConversations conversations)
    {
        var (conversation, error) = Authorise(conversationId, request, conversations);
        if (error is not null)
        {
            return error;
        }

        long after = 0;
        if (!string.IsNullOrEmpty(watermark) && (!long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "The watermark must be one this endpoint returned (a whole number).");
        }

        var (activities, next) = conversation!.After(after);
        return Results.Json(new ActivitySet(activities, next.ToString(CultureInfo.InvariantCulture)), ProtocolJson.Options);
    }

    private static (DevChatConversation? Conversation, IResult? Error) Authorise(string conversationId, HttpRequest request, DevChatConversations conversations)
    {
        if (conversations.Find(conversationId) is not { } conversation)
        {
            return (null, Error(StatusCodes.Status404NotFound, "BadArgument", "Conversation not found; it may have expired. Start a new one."));
        }

        if (BearerToken(request) is not { } token)
        {
            return (null, Error(StatusCodes.Status401Unauthorized, "TokenMissing", "Send the conversation's token as 'Authorization: Bearer <token>'."));
        }

        if (!System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(token), System.Text.Encoding.UTF8.GetBytes(conversation.Token)))
        {
            return (null, Error(StatusCodes.Status403Forbidden, "TokenExpired", "This token is not valid for this conversation."));
        }

        return (conversation, null);
    }

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = header[prefix.Length..].Trim();

        // DirectLineJS sends "Bearer undefined" when it was given no token.
        return token.Length == 0 || token == "undefined" || token == "null" ? null : token;
    }

    private static async Task<(JsonObject? Body, IResult? Error)> ReadOptionalObjectAsync(HttpRequest request, CancellationToken cancellationToken, int maxBytes = 64 * 1024)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", $"The body may be at most {maxBytes} bytes."));
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, null);
        }

        // JsonNode checks UTF-8 only when a string is read, which would then throw deep inside a turn.
        if (!System.Text.Unicode.Utf8.IsValid(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body is not valid UTF-8."));
        }

        try
        {
            var node = JsonNode.Parse(buffer.ToArray(), documentOptions: new JsonDocumentOptions { MaxDepth = ProtocolJson.MaxDepth });
            return node switch
            {
                JsonObject obj => (obj, null),
                null => (null, null),
                _ => (null, Error(StatusCodes.Status400BadRequest, "BadArgument", "The body must be a JSON object.")),
            };
        }
        catch (JsonException ex)
        {
            return (null, Error(StatusCodes.Status400BadRequest, "BadArgument", $"The body is not valid JSON: {ex.Message}"));
        }
    }

    private static ConversationDescription Describe(DevChatConversation conversation, DevChatConversations conversations) =>
        new(conversation.Id, conversation.Token, (int)conversations.TokenLifetime.TotalSeconds);

    private static IResult Error(int statusCode, string code, string message) =>
        Results.Json(new DirectLineError(new DirectLineErrorDetail(code, message)), ProtocolJson.Options, statusCode: statusCode);

    // Direct Line's names are snake_case for expires_in only; streamUrl is left out so Web Chat polls.
    internal sealed record ConversationDescription(
        [property: System.Text.Json.Serialization.JsonPropertyName("conversationId")] string ConversationId,
        [property: System.Text.Json.Serialization.JsonPropertyName("token")] string Token,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);

    internal sealed record ActivitySet(IReadOnlyList<JsonElement> Activities, string Watermark);

    internal sealed record DirectLineError(DirectLineErrorDetail Error);

    internal sealed record DirectLineErrorDetail(string Code, string Message);
}
