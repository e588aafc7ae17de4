using InfoStoryBot.Bot.Concurrency;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Protocol;

/// <summary>
/// The Connector REST API v3 over HttpClient. Never throws for an HTTP failure (only cancellation propagates):
/// 403/404 become <see cref="ConnectorOutcome.ConversationGone"/> with the Connector's error code, no token for the
/// bot becomes <see cref="ConnectorOutcome.TokenUnavailable"/> with the cause, everything else that does not succeed
/// after the retries becomes <see cref="ConnectorOutcome.Failed"/>.
/// </summary>
/// <remarks>
/// What is retried, and why:
/// <list type="bullet">
/// <item>429, 412, 502, 504 for every method: Teams' own guidance; 429/412 mean the Connector did not act.
/// 502/504 on a POST could in rare cases duplicate a message; Microsoft recommends retrying them anyway and a
/// rare duplicate beats a lost reply.</item>
/// <item>503 for every method: the service refused the request before acting on it, and usually says when to come back.</item>
/// <item>500, our own per-attempt timeout and a connection dropped mid-request: only for GET/PUT/DELETE, which are
/// idempotent. A POST may already have posted the message, and a duplicated nudge in a channel of hundreds is worse
/// than a failure the caller can see and reschedule.</item>
/// <item>Inside a <see cref="ConnectorCallScope"/> (proactive sends), a POST is retried only where Teams' answer
/// proves it did nothing (429, 412, 503, no connection): 502 and 504 are not retried there, and every failure that
/// leaves open whether the message was posted says so (<see cref="ConnectorResult{T}.MayHaveActed"/>), so the sender
/// records "unknown" instead of sending it again.</item>
/// <item>A connection that could not be opened: every method, since nothing was sent.</item>
/// <item>401 once, after forcing a fresh token (a token revoked or rotated before its cached expiry).</item>
/// </list>
/// Writes to one conversation are serialised (<see cref="KeyedLock"/>) for the whole retry sequence, so order
/// is kept within this process (across instances, the 412 retry covers the rare overlap); every attempt waits for
/// its slot in the tenant's budget and the thread's limits (<see cref="ConnectorRateGate"/>), interactive calls
/// first; delays go through the injected <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class HttpConnectorClient(
    HttpClient http,
    IBotTokenProvider tokens,
    [FromKeyedServices(HttpConnectorClient.SendLocks)] KeyedLock locks,
    ConnectorRateGate rateGate,
    IOptions<ConnectorClientOptions> options,
    TimeProvider timeProvider,
    ILogger<HttpConnectorClient> logger) : IConnectorClient
{
    public const string HttpClientName = "InfoStoryBot.Connector";

    /// <summary>The DI key of the lock map that orders writes to one conversation.</summary>
    public const string SendLocks = "connector-sends";
    public const string CorrelationHeader = "X-Correlating-OperationId";
    private const int MaxErrorBodyChars = 16 * 1024;

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(new Call<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", ReadResource)
        {
            Body = activity,
            SerialiseOn = conversationId,
            ThreadKey = conversationId,
            TenantId = TenantOf(activity),
        }, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(new Call<ResourceResponse>(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", ReadResource)
        {
            Body = activity.ReplyToId is null ? activity with { ReplyToId = activityId } : activity,
            SerialiseOn = conversationId,
            ThreadKey = conversationId,
            TenantId = TenantOf(activity),
        }, cancellationToken);

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(new Call<ResourceResponse>(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", ReadResource)
        {
            Body = activity.Id is null ? activity with { Id = activityId } : activity,
            SerialiseOn = conversationId,
            ThreadKey = conversationId,
            TenantId = TenantOf(activity),
        }, cancellationToken);

    public Task<ConnectorResult<bool>> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        SendAsync(new Call<bool>(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", static (_, _) => Task.FromResult(true))
        {
            SerialiseOn = conversationId,
            ThreadKey = conversationId,
        }, cancellationToken);

    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync(new Call<ConversationResourceResponse>(HttpMethod.Post, serviceUrl, "v3/conversations", ReadJson<ConversationResourceResponse>)
        {
            Body = WithTenantInBothPlaces(parameters),
            TenantId = parameters.TenantId ?? parameters.ChannelData?.Tenant?.Id,
            // A new thread in a channel counts against that channel; a new 1:1 chat against that person's chat.
            ThreadKey = parameters.ChannelData?.Channel?.Id ?? (parameters.Members is [var member, ..] ? member.Id : null),
            SerialiseOn = parameters.ChannelData?.Channel?.Id,
        }, cancellationToken);

    public Task<ConnectorResult<IReadOnlyList<ChannelInfo>>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        SendAsync(new Call<IReadOnlyList<ChannelInfo>>(HttpMethod.Get, serviceUrl, $"v3/teams/{Escape(teamId)}/conversations", async (response, ct) =>
            (await ReadJson<ConversationList>(response, ct)).Conversations ?? []), cancellationToken);

    public Task<ConnectorResult<TeamDetails>> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        SendAsync(new Call<TeamDetails>(HttpMethod.Get, serviceUrl, $"v3/teams/{Escape(teamId)}", ReadJson<TeamDetails>), cancellationToken);

    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        }

        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers" + (query.Count > 0 ? "?" + string.Join('&', query) : string.Empty);
        return SendAsync(new Call<PagedMembersResult>(HttpMethod.Get, serviceUrl, path, ReadJson<PagedMembersResult>), cancellationToken);
    }

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private static string? TenantOf(Activity activity) => activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;

    // botbuilder sets both: channelData.tenant is what Teams has always read, tenantId the documented home.
    private static ConversationParameters WithTenantInBothPlaces(ConversationParameters parameters)
    {
        var tenant = parameters.TenantId ?? parameters.ChannelData?.Tenant?.Id;
        if (tenant is null)
        {
            return parameters;
        }

        var channelData = parameters.ChannelData ?? new TeamsChannelData();
        if (channelData.Tenant?.Id is null)
        {
            channelData = channelData with { Tenant = new TenantInfo { Id = tenant } };
        }

        return parameters with { TenantId = tenant, ChannelData = channelData };
    }

    private async Task<ConnectorResult<T>> SendAsync<T>(Call<T> call, CancellationToken cancellationToken)
    {
        if (!TryBuildUri(call.ServiceUrl, call.Path, out var uri))
        {
            logger.LogWarning("Connector {Method} refused: serviceUrl {ServiceUrl} is not an absolute https URL (or http on loopback)", call.Method, call.ServiceUrl);
            return ConnectorResult<T>.Failure(null, "InvalidServiceUrl", "The serviceUrl must be an absolute https URL (http only on loopback): it receives our bearer token.", 0);
        }

        var body = call.Body is null ? null : JsonSerializer.SerializeToUtf8Bytes(call.Body, call.Body.GetType(), ProtocolJson.Options);
        if (call.SerialiseOn is null)
        {
            return await SendWithRetriesAsync(call, uri, body, cancellationToken);
        }

        using (await locks.AcquireAsync(call.SerialiseOn, cancellationToken))
        {
            return await SendWithRetriesAsync(call, uri, body, cancellationToken);
        }
    }

    private async Task<ConnectorResult<T>> SendWithRetriesAsync<T>(Call<T> call, Uri uri, byte[]? body, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var idempotent = call.Method != HttpMethod.Post;
        var scope = ConnectorCallScope.Current;
        var priority = scope is null ? ConnectorPriority.Interactive : ConnectorPriority.Proactive;

        // A proactive POST must not be repeated unless Teams proved it did nothing: the sender records the rest as unknown.
        var atMostOnce = scope is not null && !idempotent;
        var forcedTokenRefresh = false;
        var refreshTokenNow = false;
        var attempt = 0;
        while (true)
        {
            attempt++;
            var retriesLeft = attempt <= settings.MaxRetries;
            if (!await rateGate.WaitAsync(call.TenantId, call.ThreadKey, priority, cancellationToken))
            {
                return ConnectorResult<T>.Failure(null, "RateGateOverflow", "Too many Connector calls queued for this tenant.", attempt);
            }

            var bearer = await tokens.GetTokenAsync(refreshTokenNow, cancellationToken);
            refreshTokenNow = false;
            if (!bearer.IsAvailable)
            {
                // Not retried here: MSAL has retried what it could within the token timeout, and Teams redelivers
                // the activity whose reply this was. Not logged here either: the caller's one line names the cause.
                return ConnectorResult<T>.NoToken(bearer, attempt);
            }

            var token = bearer.AccessToken;
            using var request = new HttpRequestMessage(call.Method, uri);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            }

            HttpResponseMessage response;
            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(settings.AttemptTimeout);
            try
            {
                scope?.RequestStarting();
                response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attemptTimeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                logger.LogWarning("Connector {Method} {Path} timed out after {Timeout} (attempt {Attempt})", call.Method, call.LogPath, settings.AttemptTimeout, attempt);
                if (idempotent && retriesLeft)
                {
                    await DelayAsync(Backoff(attempt), cancellationToken);
                    continue;
                }

                return ConnectorResult<T>.Failure(null, "Timeout", "The Connector did not answer in time.", attempt) with { MayHaveActed = !idempotent };
            }
            catch (HttpRequestException ex)
            {
                var nothingSent = ex.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
                if (nothingSent)
                {
                    scope?.RequestProvedNothing();
                }

                logger.LogWarning(ex, "Connector {Method} {Path} failed to connect ({Error}, attempt {Attempt})", call.Method, call.LogPath, ex.HttpRequestError, attempt);
                if ((nothingSent || idempotent) && retriesLeft)
                {
                    await DelayAsync(Backoff(attempt), cancellationToken);
                    continue;
                }

                return ConnectorResult<T>.Failure(null, ex.HttpRequestError.ToString(), ex.Message, attempt) with { MayHaveActed = !idempotent && !nothingSent };
            }

            using (response)
            {
                var status = (int)response.StatusCode;
                var correlation = response.Headers.TryGetValues(CorrelationHeader, out var values) ? string.Join(',', values) : null;
                if (response.IsSuccessStatusCode)
                {
                    logger.LogDebug("Connector {Method} {Path} answered {Status} (correlation {CorrelationId}, attempt {Attempt})", call.Method, call.LogPath, status, correlation, attempt);
                    try
                    {
                        return ConnectorResult<T>.Success(await call.Read(response, attemptTimeout.Token), attempt);
                    }
                    catch (JsonException ex)
                    {
                        logger.LogWarning("Connector {Method} {Path} answered {Status} with a body that is not the expected JSON: {Error} (correlation {CorrelationId})", call.Method, call.LogPath, status, ex.Message, correlation);
                        return ConnectorResult<T>.Failure(status, "InvalidResponse", ex.Message, attempt) with { MayHaveActed = true };
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException
                        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                    {
                        // The Connector acted (2xx) but the body was lost: not retried, as that would repeat the action.
                        logger.LogWarning("Connector {Method} {Path} answered {Status} but the body could not be read: {Error} (correlation {CorrelationId})", call.Method, call.LogPath, status, ex.Message, correlation);
                        return ConnectorResult<T>.Failure(status, "ResponseInterrupted", ex.Message, attempt) with { MayHaveActed = true };
                    }
                }

                if (ProvesNothingWasDone(response.StatusCode))
                {
                    scope?.RequestProvedNothing();
                }

                var (code, message) = await ReadErrorAsync(response, attemptTimeout.Token, cancellationToken);
                logger.LogWarning("Connector {Method} {Path} answered {Status} {ErrorCode} (correlation {CorrelationId}, attempt {Attempt})", call.Method, call.LogPath, status, code, correlation, attempt);

                if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && !forcedTokenRefresh && retriesLeft)
                {
                    forcedTokenRefresh = true;
                    refreshTokenNow = true;
                    continue;
                }

                if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
                {
                    return ConnectorResult<T>.Gone(status, code, message, attempt);
                }

                if (retriesLeft && IsRetryable(response.StatusCode, idempotent, atMostOnce))
                {
                    var retryAfter = RetryAfter(response);
                    if (retryAfter > settings.MaxRetryAfter)
                    {
                        return ConnectorResult<T>.Failure(status, code ?? "Throttled", $"Retry-After {retryAfter} is longer than the client waits.", attempt);
                    }

                    await DelayAsync(retryAfter is { } wait ? WithUpwardJitter(wait) : Backoff(attempt), cancellationToken);
                    continue;
                }

                return ConnectorResult<T>.Failure(status, code, message, attempt) with { MayHaveActed = !idempotent && MayHaveActedOn(response.StatusCode) };
            }
        }
    }

    private static bool IsRetryable(HttpStatusCode status, bool idempotent, bool atMostOnce) => status switch
    {
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.ServiceUnavailable => true,
        HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => !atMostOnce,
        HttpStatusCode.InternalServerError => idempotent,
        _ => false,
    };

    /// <summary>Answers by which Teams says it refused the request before acting on it.</summary>
    private static bool ProvesNothingWasDone(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            or HttpStatusCode.RequestEntityTooLarge;

    /// <summary>A server error on a POST: Teams may have posted before it failed (a gateway lost the answer, or the service broke after writing).</summary>
    private static bool MayHaveActedOn(HttpStatusCode status) =>
        (int)status >= 500 && status != HttpStatusCode.ServiceUnavailable;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    // Exponential from BaseDelay, capped at MaxDelay, ±20% so a crowd of retries does not arrive together.
    private TimeSpan Backoff(int attempt)
    {
        var settings = options.Value;
        var exponential = settings.BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, settings.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    // Never earlier than the server asked; up to 10% later so throttled callers spread out.
    private static TimeSpan WithUpwardJitter(TimeSpan wait) =>
        wait + TimeSpan.FromMilliseconds(wait.TotalMilliseconds * Random.Shared.NextDouble() * 0.1);

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
        delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, cancellationToken);

    private static bool TryBuildUri(string serviceUrl, string path, out Uri uri)
    {
        uri = null!;
        if (string.IsNullOrWhiteSpace(serviceUrl)
            || !Uri.TryCreate(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute, out var baseUri)
            || (baseUri.Scheme != Uri.UriSchemeHttps && !(baseUri.Scheme == Uri.UriSchemeHttp && BotAuthenticationOptions.IsLoopbackHost(baseUri))))
        {
            return false;
        }

        uri = new Uri(baseUri, path);
        return true;
    }

    private static async Task<T> ReadJson<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : new()
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return string.IsNullOrWhiteSpace(text) ? new T() : JsonSerializer.Deserialize<T>(text, ProtocolJson.Options) ?? new T();
    }

    private static Task<ResourceResponse> ReadResource(HttpResponseMessage response, CancellationToken cancellationToken) =>
        ReadJson<ResourceResponse>(response, cancellationToken);

    /// <summary>Reads <c>{"error":{"code","message"}}</c>, or Teams' <c>{"errorCode":209,"message":...}</c>.</summary>
    private static async Task<(string? Code, string? Message)> ReadErrorAsync(HttpResponseMessage response, CancellationToken attemptToken, CancellationToken cancellationToken)
    {
        string text;
        try
        {
            text = await response.Content.ReadAsStringAsync(attemptToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The status alone decides what happens next; the code is a nicety for the log and the caller.
            return (null, null);
        }

        if (text.Length > MaxErrorBodyChars)
        {
            text = text[..MaxErrorBodyChars];
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                return (AsText(error, "code"), AsText(error, "message"));
            }

            return (AsText(root, "errorCode") ?? AsText(root, "code"), AsText(root, "message"));
        }
        catch (JsonException)
        {
            return (null, text.Length > 200 ? text[..200] : text);
        }
    }

    private static string? AsText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private sealed record Call<T>(HttpMethod Method, string ServiceUrl, string Path, Func<HttpResponseMessage, CancellationToken, Task<T>> Read)
    {
        public object? Body { get; init; }
        public string? SerialiseOn { get; init; }

        /// <summary>The thread whose per-thread limits the call counts against (sends and creates only).</summary>
        public string? ThreadKey { get; init; }
        public string? TenantId { get; init; }

        /// <summary>The path without ids' query part, for logs (ids are not personal, but continuation tokens are noise).</summary>
        public string LogPath => Path.Split('?')[0];
    }
}
