using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// A loopback stand-in for Teams: the Bot Connector REST API v3, the Connector's OpenID metadata and endorsed
/// JWKS, and the Entra token endpoint the bot gets its outbound tokens from. It records every Connector call,
/// injects faults on demand and posts Teams-shaped activities (with good or deliberately broken tokens) to a bot.
/// <code>
/// await using var sim = await TeamsSimulator.StartAsync(new TeamsSimulatorOptions());
/// var response = await sim.PostActivityAsync(botUri, sim.Activities.PersonalMessage("hello"));
/// var reply = (await sim.WaitForCallsAsync(1))[0];
/// </code>
/// </summary>
public sealed class TeamsSimulator : IAsyncDisposable
{
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";

    /// <summary>Recorded as the status of a call whose client disconnected before the simulator answered.</summary>
    public const int ClientClosedRequest = 499;

    private readonly WebApplication _app;
    private readonly TeamsSimulatorOptions _options;
    private readonly SimulatorKeyRing _keys;
    private readonly JsonWebTokenHandler _tokenHandler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly List<ConnectorCall> _calls = [];
    private readonly List<SimulatedFault> _faults = [];
    private readonly List<TokenRequest> _tokenLog = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issuedAccessTokens = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Random _random;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private TaskCompletionSource _callArrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _activitySequence;
    private int _metadataRequests;
    private int _keysRequests;
    private int _tokenRequests;
    private int _inFlight;
    private int _peakInFlight;

    private TeamsSimulator(WebApplication app, TeamsSimulatorOptions options, Uri baseUri)
    {
        _app = app;
        _options = options;
        _keys = new SimulatorKeyRing(options.ChannelId);
        _random = new Random(options.Seed);
        BaseUri = baseUri;
        ServiceUrl = new Uri(baseUri, options.ServicePath.Trim('/') + "/").ToString();
        Activities = new TeamsActivityFactory(this);
    }

    public TeamsSimulatorOptions Options => _options;

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUri { get; }

    /// <summary>The Connector's serviceUrl as activities carry it, e.g. http://127.0.0.1:{port}/amer/.</summary>
    public string ServiceUrl { get; }

    /// <summary>The value for the bot's ToBotFromChannelOpenIdMetadataUrl.</summary>
    public string OpenIdMetadataUrl => new Uri(BaseUri, MetadataPath).ToString();

    /// <summary>The value for the bot's ToChannelFromBotLoginUrl (an Entra-style authority with the tenant).</summary>
    public string LoginUrl => new Uri(BaseUri, _options.TenantId).ToString();

    public string? AppId => _options.AppId;

    /// <summary>The bot's Teams id, 28:{appId}.</summary>
    public string BotId => "28:" + (_options.AppId ?? "00000000-0000-0000-0000-000000000000");

    public TeamsActivityFactory Activities { get; }

    public SimulatedTeam Team => _options.Teams[0];

    /// <summary>Configuration for a bot that trusts this simulator: the Bot Framework root keys.</summary>
    public IReadOnlyDictionary<string, string?> BotConfiguration => new Dictionary<string, string?>
    {
        ["MicrosoftAppType"] = "SingleTenant",
        ["MicrosoftAppId"] = _options.AppId,
        ["MicrosoftAppPassword"] = _options.AppId is null ? null : _options.AppPassword,
        ["MicrosoftAppTenantId"] = _options.AppId is null ? null : _options.TenantId,
        ["ToBotFromChannelOpenIdMetadataUrl"] = OpenIdMetadataUrl,
        ["ToBotFromChannelTokenIssuer"] = _options.Issuer,
        ["ToChannelFromBotLoginUrl"] = LoginUrl,
    };

    /// <summary>When false, the metadata and key endpoints answer 503, as an outage would.</summary>
    public bool MetadataAvailable { get; set; } = true;

    /// <summary>When set, the metadata endpoint answers 200 with exactly this body (broken JSON, a missing jwks_uri...).</summary>
    public string? MetadataOverride { get; set; }

    /// <summary>Random failures on Connector calls; null for none.</summary>
    public RandomFaultPolicy? RandomFaults { get; set; }

    public int MetadataRequestCount => Volatile.Read(ref _metadataRequests);

    /// <summary>The most Connector calls ever in progress at once: 1 proves a client serialised its calls.</summary>
    public int PeakConcurrentCalls => Volatile.Read(ref _peakInFlight);

    public int KeysRequestCount => Volatile.Read(ref _keysRequests);

    /// <summary>Token endpoint requests, successful or not: what "MSAL caches" tests count.</summary>
    public int TokenRequestCount => Volatile.Read(ref _tokenRequests);

    public SimulatorKey CurrentSigningKey => _keys.Current;

    /// <summary>Every request to the token endpoint, with how the client authenticated.</summary>
    public IReadOnlyList<TokenRequest> TokenRequests
    {
        get
        {
            lock (_gate)
            {
                return [.. _tokenLog];
            }
        }
    }

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

    public static async Task<TeamsSimulator> StartAsync(TeamsSimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new TeamsSimulatorOptions();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        TeamsSimulator? simulator = null;
        app.Run(context => simulator!.HandleAsync(context));
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        simulator = new TeamsSimulator(app, options, new Uri(address.TrimEnd('/') + "/"));
        return simulator;
    }

    /// <summary>Publishes a new signing key and signs good tokens with it from now on (a Connector key rollover).</summary>
    public SimulatorKey RotateSigningKey() => _keys.Rotate();

    /// <summary>Queues a fault for the next matching Connector calls.</summary>
    public void InjectFault(SimulatedFault fault)
    {
        lock (_gate)
        {
            _faults.Add(fault);
        }
    }

    public void ClearFaults()
    {
        lock (_gate)
        {
            _faults.Clear();
        }

        RandomFaults = null;
    }

    public void ClearCalls()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> Connector calls (matching, if given) have arrived; throws TimeoutException listing what did.</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null, Func<ConnectorCall, bool>? match = null, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout ?? TimeSpan.FromSeconds(10));
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

    /// <summary>The Authorization header value the Connector would send, with the given flaw (null for <see cref="TokenFlaw.NoHeader"/>).</summary>
    public string? CreateAuthorizationHeader(TokenFlaw flaw = TokenFlaw.None, string? serviceUrl = null)
    {
        serviceUrl ??= ServiceUrl;
        switch (flaw)
        {
            case TokenFlaw.NoHeader:
                return null;
            case TokenFlaw.WrongScheme:
                return "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_options.AppId}:{_options.AppPassword}"));
            case TokenFlaw.Garbage:
                return "Bearer this-is.not-a.jwt-at-all";
            case TokenFlaw.AlgNone:
                var good = CreateToken(TokenFlaw.None, serviceUrl);
                var header = Base64UrlEncoder.Encode($$"""{"alg":"none","typ":"JWT","kid":"{{_keys.Current.Kid}}"}""");
                return $"Bearer {header}.{good.Split('.')[1]}.";
            default:
                return "Bearer " + CreateToken(flaw, serviceUrl);
        }
    }

    /// <summary>A raw JWT as the Connector mints it, with the given flaw (for flaws that are JWTs).</summary>
    public string CreateToken(TokenFlaw flaw = TokenFlaw.None, string? serviceUrl = null)
    {
        var now = _options.TimeProvider.GetUtcNow().UtcDateTime;
        var (notBefore, expires) = flaw switch
        {
            TokenFlaw.Expired => (now.AddMinutes(-70), now.AddMinutes(-10)),
            TokenFlaw.ExpiredWithinSkew => (now.AddMinutes(-62), now.AddMinutes(-2)),
            TokenFlaw.NotYetValid => (now.AddMinutes(10), now.AddMinutes(70)),
            _ => (now.AddMinutes(-5), now.AddMinutes(55)),
        };

        var current = _keys.Current;
        SecurityKey key = flaw switch
        {
            TokenFlaw.UnpublishedKeyUnderKnownKid => new RsaSecurityKey(_keys.Unpublished.Rsa) { KeyId = current.Kid },
            TokenFlaw.UnknownKid => _keys.Unpublished.SecurityKey,
            TokenFlaw.NotEndorsedForChannel => _keys.OtherChannel.SecurityKey,
            TokenFlaw.Hs256 => new SymmetricSecurityKey(current.Rsa.ExportParameters(false).Modulus) { KeyId = current.Kid },
            _ => current.SecurityKey,
        };
        var algorithm = flaw switch
        {
            TokenFlaw.Rs384 => SecurityAlgorithms.RsaSha384,
            TokenFlaw.Rs512 => SecurityAlgorithms.RsaSha512,
            TokenFlaw.Hs256 => SecurityAlgorithms.HmacSha256,
            _ => SecurityAlgorithms.RsaSha256,
        };

        var claims = new Dictionary<string, object>();
        if (flaw != TokenFlaw.ServiceUrlMissing)
        {
            claims["serviceurl"] = flaw == TokenFlaw.ServiceUrlDifferent ? "https://smba.trafficmanager.net/emea/" : serviceUrl ?? ServiceUrl;
        }

        return _tokenHandler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = flaw == TokenFlaw.WrongIssuer ? "https://sts.windows.net/f8cdef31-a31e-4b4a-93e4-5f571e91255a/" : _options.Issuer,
            Audience = flaw == TokenFlaw.WrongAudience ? "0f3c9a1e-2b4d-4c6e-8a0b-9d7e5f3a1c2b" : _options.AppId,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>POSTs an activity to a bot over real HTTP, authorised as the Connector would (or with the given flaw).</summary>
    public Task<HttpResponseMessage> PostActivityAsync(Uri botEndpoint, JsonObject activity, TokenFlaw flaw = TokenFlaw.None, CancellationToken cancellationToken = default) =>
        PostActivityAsync(_http, botEndpoint, activity, flaw, cancellationToken);

    /// <summary>As above through the caller's HttpClient, e.g. one from WebApplicationFactory.</summary>
    public Task<HttpResponseMessage> PostActivityAsync(HttpClient client, Uri botEndpoint, JsonObject activity, TokenFlaw flaw = TokenFlaw.None, CancellationToken cancellationToken = default)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, botEndpoint)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        var header = _options.AppId is null && flaw == TokenFlaw.None
            ? null
            : CreateAuthorizationHeader(flaw, activity["serviceUrl"]?.GetValue<string>());
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        return SendAndDisposeRequestAsync(client, request, cancellationToken);
    }

    private static async Task<HttpResponseMessage> SendAndDisposeRequestAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using (request)
        {
            return await client.SendAsync(request, cancellationToken);
        }
    }

    internal string NextActivityId() =>
        (1_700_000_000_000L + Interlocked.Increment(ref _activitySequence)).ToString(CultureInfo.InvariantCulture);

    internal int NextRandom(int max)
    {
        lock (_gate)
        {
            return _random.Next(max);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
        _keys.Dispose();
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path.Equals(MetadataPath, StringComparison.OrdinalIgnoreCase) || path.Equals("/v1/.well-known/openid-configuration", StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _metadataRequests);
            if (MetadataOverride is { } overridden)
            {
                context.Response.ContentType = "application/json";
                return context.Response.WriteAsync(overridden, context.RequestAborted);
            }

            return MetadataAvailable
                ? WriteJsonAsync(context, 200, new JsonObject
                {
                    ["issuer"] = _options.Issuer,
                    ["authorization_endpoint"] = new Uri(BaseUri, "v1/botframework/authorize").ToString(),
                    ["jwks_uri"] = new Uri(BaseUri, KeysPath.TrimStart('/')).ToString(),
                    ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                    ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
                })
                : WriteJsonAsync(context, 503, new JsonObject { ["error"] = "unavailable" });
        }

        if (path.Equals(KeysPath, StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _keysRequests);
            return MetadataAvailable
                ? WriteJsonAsync(context, 200, _keys.ToJwks())
                : WriteJsonAsync(context, 503, new JsonObject { ["error"] = "unavailable" });
        }

        if (path.EndsWith("/oauth2/v2.0/token", StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(context.Request.Method))
        {
            return IssueAccessTokenAsync(context, path);
        }

        var servicePath = "/" + _options.ServicePath.Trim('/') + "/";
        if (path.StartsWith(servicePath + "v3/", StringComparison.OrdinalIgnoreCase))
        {
            return HandleConnectorAsync(context, path[servicePath.Length..]);
        }

        return WriteErrorAsync(context, 404, "NotFound", $"The simulator has nothing at {path}.");
    }

    // The Entra v2 client-credentials endpoint, as far as MSAL needs it.
    private async Task IssueAccessTokenAsync(HttpContext context, string path)
    {
        Interlocked.Increment(ref _tokenRequests);
        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        var tenant = path.Trim('/').Split('/')[0];
        if (form is null || form["grant_type"] != "client_credentials")
        {
            await WriteOAuthErrorAsync(context, 400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
            return;
        }

        if (!string.Equals(tenant, _options.TenantId, StringComparison.OrdinalIgnoreCase) && !string.Equals(tenant, "botframework.com", StringComparison.OrdinalIgnoreCase))
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_request", $"AADSTS90002: Tenant '{tenant}' not found.");
            return;
        }

        if (_options.AppId is null || form["client_id"] != _options.AppId)
        {
            await WriteOAuthErrorAsync(context, 400, "unauthorized_client", $"AADSTS700016: Application with identifier '{form["client_id"]}' was not found in the directory.");
            return;
        }

        var secretOk = form["client_secret"] == _options.AppPassword;
        var assertionOk = form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" && !string.IsNullOrEmpty(form["client_assertion"]);
        lock (_gate)
        {
            _tokenLog.Add(new TokenRequest(tenant, form["client_id"].ToString(), form["scope"].ToString(), !string.IsNullOrEmpty(form["client_secret"]), !string.IsNullOrEmpty(form["client_assertion"])));
        }

        if (!secretOk && !assertionOk)
        {
            await WriteOAuthErrorAsync(context, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
            return;
        }

        var scope = form["scope"].ToString();
        if (!scope.Split(' ').Contains("https://api.botframework.com/.default"))
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_scope", $"AADSTS70011: The provided scope '{scope}' is not valid.");
            return;
        }

        var accessToken = "sim-at." + Guid.NewGuid().ToString("N");
        _issuedAccessTokens[accessToken] = _options.TimeProvider.GetUtcNow() + _options.AccessTokenLifetime;
        var lifetime = (int)_options.AccessTokenLifetime.TotalSeconds;
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = accessToken,
        });
    }

    private async Task HandleConnectorAsync(HttpContext context, string path)
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
            await HandleCountedConnectorAsync(context, path);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task HandleCountedConnectorAsync(HttpContext context, string path)
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
            ReceivedAt = _options.TimeProvider.GetUtcNow(),
        };
        lock (_gate)
        {
            _calls.Add(call);
        }

        try
        {
            context.Response.Headers["X-Correlating-OperationId"] = Guid.NewGuid().ToString("N")[..16];
            var fault = TakeFault(call);
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
                    call.ResponseStatus = ClientClosedRequest;
                    return;
                }
            }

            if (fault?.StatusCode is { } faultStatus)
            {
                call.Fault = fault;
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
                    context.Response.StatusCode = faultStatus;
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.WriteAsync(raw, context.RequestAborted);
                }
                else
                {
                    await WriteErrorAsync(context, faultStatus, fault.ErrorCode ?? SimulatedFault.DefaultCode(faultStatus), fault.ErrorMessage ?? "Simulated failure.");
                }

                call.ResponseStatus = faultStatus;
                return;
            }

            if (!IsAuthorised(call.Authorization))
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

    private SimulatedFault? TakeFault(ConnectorCall call)
    {
        lock (_gate)
        {
            for (var i = 0; i < _faults.Count; i++)
            {
                var fault = _faults[i];
                if ((fault.PathContains is null || call.Path.Contains(fault.PathContains, StringComparison.OrdinalIgnoreCase))
                    && (fault.Method is null || string.Equals(fault.Method, call.Method, StringComparison.OrdinalIgnoreCase)))
                {
                    if (fault.Times <= 1)
                    {
                        _faults.RemoveAt(i);
                    }
                    else
                    {
                        _faults[i] = fault with { Times = fault.Times - 1 };
                    }

                    return fault;
                }
            }

            if (RandomFaults is { } policy && _random.NextDouble() < policy.Rate)
            {
                if (_random.NextDouble() < policy.TimeoutShare)
                {
                    return SimulatedFault.Status(504, errorCode: "GatewayTimeout") with { Latency = policy.HangFor };
                }

                var status = policy.Statuses[_random.Next(policy.Statuses.Count)];
                return SimulatedFault.Status(status) with { RetryAfter = status is 429 or 503 ? policy.RetryAfter : null };
            }

            return null;
        }
    }

    private bool IsAuthorised(string? authorization)
    {
        if (!_options.RequireConnectorAuth || _options.AppId is null)
        {
            return true;
        }

        if (authorization is null || !AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.Ordinal) || header.Parameter is null)
        {
            return false;
        }

        return _issuedAccessTokens.TryGetValue(header.Parameter, out var expires) && expires > _options.TimeProvider.GetUtcNow();
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
            var rootId = NextActivityId();
            return await WriteJsonAsync(context, 201, new JsonObject { ["id"] = $"{channelId};messageid={rootId}", ["activityId"] = rootId });
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
                ["tenantId"] = _options.TenantId,
                ["userRole"] = "user",
            })]),
        };
        if (next is not null)
        {
            result["continuationToken"] = next;
        }

        return await WriteJsonAsync(context, 200, result);
    }

    internal static string PersonalConversationId(string userId) =>
        "a:1" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..40].ToLowerInvariant();

    private SimulatedTeam? FindTeam(string teamId) => _options.Teams.FirstOrDefault(t => string.Equals(t.Id, teamId, StringComparison.Ordinal));

    private static async Task<int> WriteJsonAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
        return status;
    }

    private static Task<int> WriteErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteJsonAsync(context, status, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    private static Task<int> WriteOAuthErrorAsync(HttpContext context, int status, string error, string description) =>
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

/// <summary>One request to the simulated token endpoint.</summary>
public sealed record TokenRequest(string Tenant, string ClientId, string Scope, bool UsedSecret, bool UsedClientAssertion);
