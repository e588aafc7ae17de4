using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using static InfoStoryBot.TeamsSimulator.SimulatorResponses;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// The Bot Connector REST API v3 under the service path: create conversation, send, reply, update, delete, team
/// channels, team details and paged members. Every call is recorded (<see cref="ConnectorCall"/>), answered by a
/// fault when one applies, and otherwise refused unless it carries a token the Entra endpoint issued.
/// </summary>
internal sealed class SimulatedConnector(TeamsSimulatorOptions options, ConnectorFaults faults, EntraTokenEndpoint tokens)
{
    private readonly Lock _gate = new();
    private readonly List<ConnectorCall> _calls = [];
    private readonly List<SimulatedChannelPost> _channelPosts = [];
    private readonly HashSet<string> _goneChannels = new(StringComparer.Ordinal);
    private readonly TenantRateLimit? _tenantLimit = options.TenantRequestsPerSecond is > 0 and var limit ? new TenantRateLimit(limit, options.TimeProvider) : null;
    private TaskCompletionSource _callArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _activitySequence;
    private int _inFlight;
    private int _peakInFlight;

    public int PeakConcurrentCalls => Volatile.Read(ref _peakInFlight);

    public IReadOnlyList<ConnectorCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public void ClearCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
            _channelPosts.Clear();
        }
    }

    /// <summary>New threads the bot started in channels (create conversation with channelData.channel), accepted ones only.</summary>
    public IReadOnlyList<SimulatedChannelPost> ChannelPosts
    {
        get
        {
            lock (_gate)
            {
                return [.. _channelPosts];
            }
        }
    }

    /// <summary>Calls refused for being over <see cref="TeamsSimulatorOptions.TenantRequestsPerSecond"/>.</summary>
    public int RefusedOverTenantLimit => _tenantLimit?.Refused ?? 0;

    /// <summary>From now on a new thread in this channel is refused with 403 BotNotInConversationRoster (the bot was removed).</summary>
    public void RemoveBotFromChannel(string channelId)
    {
        lock (_gate)
        {
            _goneChannels.Add(channelId);
        }
    }

    private bool IsGone(string channelId)
    {
        lock (_gate)
        {
            return _goneChannels.Contains(channelId);
        }
    }

    public async Task<IReadOnlyList<ConnectorCall>> WaitForCallsAsync(int count, TimeSpan timeout, Func<ConnectorCall, bool>? match, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                var matching = _calls.Where(c => c.ResponseStatus != 0 && (match?.Invoke(c) ?? true)).ToList();
                if (matching.Count >= count)
                {
                    return matching;
                }

                signal = _callArrived.Task;
            }

            try
            {
                await signal.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Expected {count} Connector calls but saw: [{string.Join(", ", Calls)}]");
            }
        }
    }

    public string NextActivityId() =>
        (1_700_000_000_000L + Interlocked.Increment(ref _activitySequence)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The id Teams gives the personal conversation between the bot and a user (stable per user).</summary>
    public static string PersonalConversationId(string userId) =>
        "a:1" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..40].ToLowerInvariant();

    /// <param name="path">The path below the service path, e.g. <c>v3/conversations</c>.</param>
    public async Task HandleAsync(HttpContext context, string path)
    {
        var inFlight = Interlocked.Increment(ref _inFlight);
        for (var peak = Volatile.Read(ref _peakInFlight); inFlight > peak; peak = Volatile.Read(ref _peakInFlight))
        {
            if (Interlocked.CompareExchange(ref _peakInFlight, inFlight, peak) == peak)
            {
                break;
            }
        }

        try
        {
            await HandleCountedAsync(context, path);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleCountedAsync(HttpContext context, string path)
    {
        var call = await RecordAsync(context, path);
        try
        {
            context.Response.Headers["X-Correlating-OperationId"] = Guid.NewGuid().ToString("N")[..16];
            var fault = faults.Take(call);
            if (fault?.Latency > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(fault.Latency, context.RequestAborted);
                }
                catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
                {
                    // The client gave up (its own timeout): nothing was done, and 499 (nginx's "client closed request")
                    // keeps this call out of every "delivered" count.
                    call.Fault = fault;
                    call.ResponseStatus = TeamsSimulator.ClientClosedRequest;
                    return;
                }
            }

            if (fault?.StatusCode is { } faultStatus)
            {
                call.Fault = fault;
                await AnswerWithFaultAsync(context, fault, faultStatus);
                call.ResponseStatus = faultStatus;
                return;
            }

            if (_tenantLimit?.TryTake() is { } wait)
            {
                context.Response.Headers.RetryAfter = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await WriteErrorAsync(context, 429, "Throttled", "Too many requests for this app in this tenant.");
                call.ResponseStatus = 429;
                return;
            }

            if (options.RequireConnectorAuth && options.AppId is not null && !tokens.Accepts(call.Authorization))
            {
                await WriteErrorAsync(context, 401, "BotNotRegistered", "Authorization has been denied for this request.");
                call.ResponseStatus = 401;
                return;
            }

            call.ResponseStatus = await RouteAsync(context, call);
        }
        finally
        {
            if (call.ResponseStatus == 0)
            {
                call.ResponseStatus = context.Response.StatusCode;
            }

            lock (_gate)
            {
                var arrived = _callArrived;
                _callArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                arrived.TrySetResult();
            }
        }
    }

    private async Task<ConnectorCall> RecordAsync(HttpContext context, string path)
    {
        var request = context.Request;
        string? body = null;
        JsonNode? json = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            body = await reader.ReadToEndAsync(context.RequestAborted);
            try
            {
                json = body.Length > 0 ? JsonNode.Parse(body) : null;
            }
            catch (JsonException)
            {
                json = null;
            }
        }

        var call = new ConnectorCall
        {
            Method = request.Method,
            Path = path,
            RawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget,
            Query = request.QueryString.Value ?? string.Empty,
            Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            Body = body,
            Json = json,
            ReceivedAt = options.TimeProvider.GetUtcNow(),
        };
        lock (_gate)
        {
            _calls.Add(call);
        }

        return call;
    }

    private static async Task AnswerWithFaultAsync(HttpContext context, SimulatedFault fault, int status)
    {
        if (fault.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        else if (fault.RetryAfterDate is { } date)
        {
            context.Response.Headers.RetryAfter = date.ToString("R", CultureInfo.InvariantCulture);
        }

        if (fault.RawBody is { } raw)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(raw, context.RequestAborted);
        }
        else
        {
            await WriteErrorAsync(context, status, fault.ErrorCode ?? SimulatedFault.DefaultCode(status), fault.ErrorMessage ?? "Simulated failure.");
        }
    }

    private async Task<int> RouteAsync(HttpContext context, ConnectorCall call)
    {
        var segments = call.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var method = call.Method;

        // v3/conversations
        if (segments is ["v3", "conversations"] && HttpMethods.IsPost(method))
        {
            return await CreateConversationAsync(context, call);
        }

        // v3/conversations/{id}/activities[/{activityId}]
        if (segments is ["v3", "conversations", _, "activities"] && HttpMethods.IsPost(method))
        {
            return await WriteJsonAsync(context, 201, new JsonObject { ["id"] = NextActivityId() });
        }

        if (segments is ["v3", "conversations", _, "activities", var activityId])
        {
            if (HttpMethods.IsPost(method))
            {
                return await WriteJsonAsync(context, 201, new JsonObject { ["id"] = NextActivityId() });
            }

            if (HttpMethods.IsPut(method))
            {
                return await WriteJsonAsync(context, 200, new JsonObject { ["id"] = activityId });
            }

            if (HttpMethods.IsDelete(method))
            {
                context.Response.StatusCode = 200;
                return 200;
            }
        }

        if (segments is ["v3", "conversations", var conversationId, "pagedmembers"] && HttpMethods.IsGet(method))
        {
            return await PagedMembersAsync(context, conversationId);
        }

        if (segments is ["v3", "teams", var teamId, "conversations"] && HttpMethods.IsGet(method))
        {
            var team = FindTeam(teamId);
            return team is null
                ? await WriteErrorAsync(context, 404, "NotFound", "Team not found.")
                : await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["conversations"] = new JsonArray([.. team.Channels.Select(c => (JsonNode)new JsonObject { ["id"] = c.Id, ["name"] = c.Name })]),
                });
        }

        if (segments is ["v3", "teams", var detailsTeamId] && HttpMethods.IsGet(method))
        {
            var team = FindTeam(detailsTeamId);
            return team is null
                ? await WriteErrorAsync(context, 404, "NotFound", "Team not found.")
                : await WriteJsonAsync(context, 200, new JsonObject
                {
                    ["id"] = team.Id,
                    ["name"] = team.Name,
                    ["aadGroupId"] = team.AadGroupId,
                    ["channelCount"] = team.Channels.Count,
                    ["memberCount"] = team.Members.Count,
                    ["type"] = "standard",
                });
        }

        return await WriteErrorAsync(context, 404, "NotFound", $"The simulated Connector has no {method} {call.Path}.");
    }

    private async Task<int> CreateConversationAsync(HttpContext context, ConnectorCall call)
    {
        if (call.Json is not JsonObject parameters)
        {
            return await WriteErrorAsync(context, 400, "BadArgument", "A ConversationParameters body is required.");
        }

        var channelId = parameters["channelData"]?["channel"]?["id"]?.GetValue<string>();
        if (parameters["isGroup"]?.GetValue<bool>() == true && channelId is not null)
        {
            if (IsGone(channelId))
            {
                return await WriteErrorAsync(context, 403, "BotNotInConversationRoster", "The bot is not part of the conversation roster.");
            }

            var rootId = NextActivityId();
            var threadId = $"{channelId};messageid={rootId}";
            lock (_gate)
            {
                _channelPosts.Add(new SimulatedChannelPost(channelId, threadId, rootId, call.ReceivedAt, call));
            }

            return await WriteJsonAsync(context, 201, new JsonObject { ["id"] = threadId, ["activityId"] = rootId });
        }

        var member = parameters["members"]?[0]?["id"]?.GetValue<string>();
        var tenant = parameters["tenantId"]?.GetValue<string>() ?? parameters["channelData"]?["tenant"]?["id"]?.GetValue<string>();
        if (member is null || tenant is null)
        {
            return await WriteErrorAsync(context, 400, "BadArgument", "Members and a tenant id are required to create a personal conversation.");
        }

        var result = new JsonObject { ["id"] = PersonalConversationId(member) };
        if (parameters["activity"] is not null)
        {
            result["activityId"] = NextActivityId();
        }

        return await WriteJsonAsync(context, 201, result);
    }

    private async Task<int> PagedMembersAsync(HttpContext context, string conversationId)
    {
        var team = FindTeam(conversationId.Split(';')[0]);
        if (team is null)
        {
            return await WriteErrorAsync(context, 404, "ConversationNotFound", "Conversation not found.");
        }

        // The real service treats sizes below 50 as 50 and caps at 500.
        var pageSize = int.TryParse(context.Request.Query["pageSize"], CultureInfo.InvariantCulture, out var requested) ? Math.Clamp(requested, 50, 500) : 200;
        var start = int.TryParse(context.Request.Query["continuationToken"], CultureInfo.InvariantCulture, out var offset) ? offset : 0;
        var page = team.Members.Skip(start).Take(pageSize).ToList();
        var next = start + page.Count < team.Members.Count ? (start + page.Count).ToString(CultureInfo.InvariantCulture) : null;
        var result = new JsonObject
        {
            ["members"] = new JsonArray([.. page.Select(m => (JsonNode)new JsonObject
            {
                ["id"] = m.Id,
                ["name"] = m.Name,
                ["aadObjectId"] = m.AadObjectId,
                ["objectId"] = m.AadObjectId,
                ["givenName"] = m.Name.Split(' ')[0],
                ["surname"] = m.Name.Split(' ')[^1],
                ["email"] = m.Email,
                ["userPrincipalName"] = m.Email,
                ["tenantId"] = options.TenantId,
                ["userRole"] = "user",
            })]),
        };
        if (next is not null)
        {
            result["continuationToken"] = next;
        }

        return await WriteJsonAsync(context, 200, result);
    }

    private SimulatedTeam? FindTeam(string teamId) => options.Teams.FirstOrDefault(t => string.Equals(t.Id, teamId, StringComparison.Ordinal));
}
