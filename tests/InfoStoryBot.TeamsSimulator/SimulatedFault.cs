namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// An answer the simulated Connector gives instead of the real one, for the next <see cref="Times"/> matching calls.
/// A fault with only <see cref="Latency"/> delays the call and then answers normally.
/// </summary>
public sealed record SimulatedFault
{
    public int? StatusCode { get; init; }

    /// <summary>Sent as Retry-After in seconds.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Sent as Retry-After in HTTP-date form.</summary>
    public DateTimeOffset? RetryAfterDate { get; init; }

    public string? ErrorCode { get; init; }

    public string? ErrorMessage { get; init; }

    public TimeSpan Latency { get; init; }

    /// <summary>A body sent verbatim instead of the generic <c>{"error":{code,message}}</c>, e.g. Teams' <c>{"errorCode":209,...}</c>.</summary>
    public string? RawBody { get; init; }

    public int Times { get; init; } = 1;

    /// <summary>Only calls whose decoded path contains this (ordinal, case-insensitive) are affected.</summary>
    public string? PathContains { get; init; }

    /// <summary>Only calls with this method are affected.</summary>
    public string? Method { get; init; }

    public static SimulatedFault Throttled(TimeSpan retryAfter, int times = 1) =>
        new() { StatusCode = 429, RetryAfter = retryAfter, ErrorCode = "Throttled", ErrorMessage = "Too many requests.", Times = times };

    public static SimulatedFault Status(int statusCode, int times = 1, string? errorCode = null) =>
        new() { StatusCode = statusCode, ErrorCode = errorCode ?? DefaultCode(statusCode), ErrorMessage = "Simulated failure.", Times = times };

    public static SimulatedFault Forbidden(string errorCode = "BotNotInConversationRoster", int times = 1) =>
        new() { StatusCode = 403, ErrorCode = errorCode, ErrorMessage = "The bot is not part of the conversation roster.", Times = times };

    public static SimulatedFault ConversationNotFound(int times = 1) =>
        new() { StatusCode = 404, ErrorCode = "ConversationNotFound", ErrorMessage = "Conversation not found.", Times = times };

    /// <summary>What Teams answers when the user blocked the bot or uninstalled it: 403 with errorCode 209.</summary>
    public static SimulatedFault MessageWritesBlocked(int times = 1) => new()
    {
        StatusCode = 403,
        RawBody = """{"errorCode":209,"message":"{\"subCode\":\"MessageWritesBlocked\",\"details\":\"Thread is blocked from message writes.\"}"}""",
        Times = times,
    };

    public static SimulatedFault Slow(TimeSpan latency, int times = 1) => new() { Latency = latency, Times = times };

    internal static string DefaultCode(int statusCode) => statusCode switch
    {
        400 => "BadArgument",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "NotFound",
        412 => "PreconditionFailed",
        413 => "MessageSizeTooBig",
        429 => "Throttled",
        502 => "BadGateway",
        503 => "ServiceUnavailable",
        504 => "GatewayTimeout",
        _ => "ServiceError",
    };
}

/// <summary>Random failures for soak and fault suites: each Connector call fails with <see cref="Rate"/> probability.</summary>
public sealed record RandomFaultPolicy(double Rate)
{
    /// <summary>The statuses a random failure picks from; by default all are ones a well-behaved client retries.</summary>
    public IReadOnlyList<int> Statuses { get; init; } = [429, 502, 503, 504];

    /// <summary>Retry-After sent with 429 and 503.</summary>
    public TimeSpan RetryAfter { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// The share of random failures that are timeouts instead of a status: the call hangs for <see cref="HangFor"/>
    /// (set it longer than the client's per-attempt timeout) and, if the client is still waiting, answers 504.
    /// A timed-out call never acts, so the message it carried is not delivered.
    /// </summary>
    public double TimeoutShare { get; init; }

    public TimeSpan HangFor { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A fraction <paramref name="rate"/> of calls answered 429 with <paramref name="retryAfter"/>, nothing else.</summary>
    public static RandomFaultPolicy Throttling(double rate, TimeSpan retryAfter) =>
        new(rate) { Statuses = [429], RetryAfter = retryAfter };

    /// <summary>
    /// The mix issue 6 asks for: a third each of 429 (always retried), 500 (not retried on POST: the Connector may have
    /// acted) and timeouts (not retried on POST either).
    /// </summary>
    public static RandomFaultPolicy ThrottlingErrorsAndTimeouts(double rate, TimeSpan hangFor) =>
        new(rate) { Statuses = [429, 500], TimeoutShare = 1.0 / 3, HangFor = hangFor };
}
