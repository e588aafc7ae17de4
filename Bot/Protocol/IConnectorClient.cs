namespace InfoStoryBot.Bot.Protocol;

/// <summary>
/// The Bot Connector REST API v3 as the bot uses it. Every call names the conversation's serviceUrl,
/// because Teams routes by region and the URL can change between activities.
/// Implementations retry throttling and transient failures themselves; what comes back is final.
/// </summary>
public interface IConnectorClient
{
    Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken);

    Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken);

    Task<ConnectorResult<bool>> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>Creates a 1:1 conversation with a user, or a new thread in a channel (isGroup + channelData.channel).</summary>
    Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken);

    Task<ConnectorResult<IReadOnlyList<ChannelInfo>>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken);

    Task<ConnectorResult<TeamDetails>> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken);

    Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken);
}

public enum ConnectorOutcome
{
    /// <summary>The call succeeded.</summary>
    Ok,

    /// <summary>403 or 404: the bot was removed, blocked, or the conversation no longer exists. Permanent for this conversation.</summary>
    ConversationGone,

    /// <summary>Anything else that did not succeed after the retries the client allows.</summary>
    Failed,

    /// <summary>
    /// Nothing was sent: the bot could not get its own token (Entra unreachable, or refusing the credentials). The
    /// error code says which (<see cref="BotToken.Unreachable"/>, or the AADSTS code). Not about this conversation.
    /// </summary>
    TokenUnavailable,
}

/// <summary>The final result of a Connector call: a value, a "conversation gone" the caller acts on, or a failure (of the call or of the bot's token) to report.</summary>
public sealed record ConnectorResult<T>
{
    public required ConnectorOutcome Outcome { get; init; }
    public T? Value { get; init; }
    public int? StatusCode { get; init; }

    /// <summary>The Connector's error code, e.g. <c>ConversationBlockedByUser</c> or <c>BotNotInConversationRoster</c>.</summary>
    public string? ErrorCode { get; init; }
    public string? Message { get; init; }
    public int Attempts { get; init; } = 1;

    /// <summary>
    /// A failed POST whose last attempt may still have acted: it timed out or lost its connection after sending,
    /// or Teams answered 2xx with a body we could not read, or a 5xx other than 503. Retrying it could post twice.
    /// </summary>
    public bool MayHaveActed { get; init; }

    public bool IsSuccess => Outcome == ConnectorOutcome.Ok;

    public static ConnectorResult<T> Success(T value, int attempts = 1) =>
        new() { Outcome = ConnectorOutcome.Ok, Value = value, StatusCode = 200, Attempts = attempts };

    public static ConnectorResult<T> Gone(int statusCode, string? errorCode, string? message, int attempts = 1) =>
        new() { Outcome = ConnectorOutcome.ConversationGone, StatusCode = statusCode, ErrorCode = errorCode, Message = message, Attempts = attempts };

    public static ConnectorResult<T> Failure(int? statusCode, string? errorCode, string? message, int attempts = 1) =>
        new() { Outcome = ConnectorOutcome.Failed, StatusCode = statusCode, ErrorCode = errorCode, Message = message, Attempts = attempts };

    public static ConnectorResult<T> NoToken(BotToken token, int attempts = 1) =>
        new() { Outcome = ConnectorOutcome.TokenUnavailable, ErrorCode = token.Problem, Message = token.Detail, Attempts = attempts };
}
