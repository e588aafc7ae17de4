using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// A loopback stand-in for Teams: the Bot Connector REST API v3 (<see cref="SimulatedConnector"/>), the Connector's
/// OpenID metadata, endorsed JWKS and signed tokens (<see cref="ConnectorTokenIssuer"/>), and the Entra token
/// endpoint the bot gets its outbound tokens from (<see cref="EntraTokenEndpoint"/>), with faults on demand and at
/// random (<see cref="ConnectorFaults"/>). This class is the one door tests use: it hosts the parts on one Kestrel
/// server, routes each request to its part, and posts Teams-shaped activities to a bot.
/// <code>
/// await using var sim = await TeamsSimulator.StartAsync(new TeamsSimulatorOptions());
/// var response = await sim.PostActivityAsync(botUri, sim.Activities.PersonalMessage("hello"));
/// var reply = (await sim.WaitForCallsAsync(1))[0];
/// </code>
/// </summary>
public sealed class TeamsSimulator : IAsyncDisposable
{
    public const string MetadataPath = ConnectorTokenIssuer.MetadataPath;
    public const string KeysPath = ConnectorTokenIssuer.KeysPath;

    /// <summary>Recorded as the status of a call whose client disconnected before the simulator answered.</summary>
    public const int ClientClosedRequest = 499;

    private readonly WebApplication _app;
    private readonly TeamsSimulatorOptions _options;
    private readonly ConnectorTokenIssuer _issuer;
    private readonly EntraTokenEndpoint _tokenEndpoint;
    private readonly ConnectorFaults _faults;
    private readonly SimulatedConnector _connector;
    private readonly SimulatedOneDrive _oneDrive;
    private readonly string _servicePath;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    private TeamsSimulator(WebApplication app, TeamsSimulatorOptions options, Uri baseUri, RefusableListener tokenPort)
    {
        _app = app;
        _options = options;
        BaseUri = baseUri;
        _servicePath = "/" + options.ServicePath.Trim('/') + "/";
        ServiceUrl = new Uri(baseUri, options.ServicePath.Trim('/') + "/").ToString();
        _issuer = new ConnectorTokenIssuer(options, baseUri);
        _tokenEndpoint = new EntraTokenEndpoint(options, tokenPort);
        _faults = new ConnectorFaults(options.Seed);
        _connector = new SimulatedConnector(options, _faults, _tokenEndpoint);
        _oneDrive = new SimulatedOneDrive(() => BaseUri);
        Activities = new TeamsActivityFactory(this);
    }

    public TeamsSimulatorOptions Options => _options;

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri BaseUri { get; }

    /// <summary>The Connector's serviceUrl as activities carry it, e.g. http://127.0.0.1:{port}/amer/.</summary>
    public string ServiceUrl { get; }

    /// <summary>The value for the bot's ToBotFromChannelOpenIdMetadataUrl.</summary>
    public string OpenIdMetadataUrl => new Uri(BaseUri, MetadataPath).ToString();

    /// <summary>
    /// The value for the bot's ToChannelFromBotLoginUrl (an Entra-style authority with the tenant), on the token
    /// endpoint's own port so that <see cref="TokenEndpointFault"/> can make it unreachable alone.
    /// </summary>
    public string LoginUrl => new UriBuilder(BaseUri) { Port = _tokenEndpoint.Port, Path = _options.TenantId }.Uri.ToString();

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

    // The issuer: metadata, keys and the tokens the Connector signs.

    /// <summary>When false, the metadata and key endpoints answer 503, as an outage would.</summary>
    public bool MetadataAvailable
    {
        get => _issuer.MetadataAvailable;
        set => _issuer.MetadataAvailable = value;
    }

    /// <summary>When set, the metadata endpoint answers 200 with exactly this body (broken JSON, a missing jwks_uri...).</summary>
    public string? MetadataOverride
    {
        get => _issuer.MetadataOverride;
        set => _issuer.MetadataOverride = value;
    }

    public int MetadataRequestCount => _issuer.MetadataRequestCount;

    public int KeysRequestCount => _issuer.KeysRequestCount;

    public SimulatorKey CurrentSigningKey => _issuer.CurrentSigningKey;

    /// <summary>Publishes a new signing key and signs good tokens with it from now on (a Connector key rollover).</summary>
    public SimulatorKey RotateSigningKey() => _issuer.RotateSigningKey();

    /// <summary>Stops publishing a signing key: tokens it signed must no longer be accepted once the bot has refreshed its keys.</summary>
    public void WithdrawSigningKey(SimulatorKey key) => _issuer.WithdrawSigningKey(key);

    /// <summary>The Authorization header value the Connector would send, with the given flaw (null for <see cref="TokenFlaw.NoHeader"/>).</summary>
    public string? CreateAuthorizationHeader(TokenFlaw flaw = TokenFlaw.None, string? serviceUrl = null) =>
        _issuer.CreateAuthorizationHeader(flaw, serviceUrl ?? ServiceUrl);

    /// <summary>A raw JWT as the Connector mints it, with the given flaw (for flaws that are JWTs).</summary>
    public string CreateToken(TokenFlaw flaw = TokenFlaw.None, string? serviceUrl = null) =>
        _issuer.CreateToken(flaw, serviceUrl ?? ServiceUrl);

    // The Entra token endpoint: the bot's outbound tokens.

    /// <summary>Token endpoint requests, successful or not: what "MSAL caches" tests count.</summary>
    public int TokenRequestCount => _tokenEndpoint.RequestCount;

    /// <summary>Every request to the token endpoint, with how the client authenticated.</summary>
    public IReadOnlyList<TokenRequest> TokenRequests => _tokenEndpoint.Requests;

    /// <summary>
    /// Breaks the token endpoint until set back to <see cref="TokenEndpointFault.None"/>: unreachable (connections
    /// refused), silent (connections accepted, never answered) or refusing the bot's credentials with AADSTS7000215.
    /// The Connector and the metadata stay up.
    /// </summary>
    public TokenEndpointFault TokenEndpointFault
    {
        get => _tokenEndpoint.Fault;
        set => _tokenEndpoint.Fault = value;
    }

    // The Connector: what the bot called, and what went wrong on purpose.

    public IReadOnlyList<ConnectorCall> Calls => _connector.Calls;

    /// <summary>The most Connector calls ever in progress at once: 1 proves a client serialised its calls.</summary>
    public int PeakConcurrentCalls => _connector.PeakConcurrentCalls;

    /// <summary>New threads the bot started in channels and Teams accepted, in arrival order.</summary>
    public IReadOnlyList<SimulatedChannelPost> ChannelPosts => _connector.ChannelPosts;

    /// <summary>Calls answered 429 for being over <see cref="TeamsSimulatorOptions.TenantRequestsPerSecond"/>.</summary>
    public int RefusedOverTenantLimit => _connector.RefusedOverTenantLimit;

    /// <summary>From now on posts to this channel answer 403 BotNotInConversationRoster, as after the bot was removed.</summary>
    public void RemoveBotFromChannel(string channelId) => _connector.RemoveBotFromChannel(channelId);

    /// <summary>Random failures on Connector calls; null for none.</summary>
    public RandomFaultPolicy? RandomFaults
    {
        get => _faults.Random;
        set => _faults.Random = value;
    }

    /// <summary>Queues a fault for the next matching Connector calls.</summary>
    public void InjectFault(SimulatedFault fault) => _faults.Inject(fault);

    /// <summary>Drops every queued fault and the random policy.</summary>
    public void ClearFaults() => _faults.Clear();

    public void ClearCalls() => _connector.ClearCalls();

    // OneDrive: where an accepted file consent's upload goes.

    /// <summary>The <c>uploadInfo</c> of an accepted file consent for a file of this name, with a fresh upload session here.</summary>
    public JsonObject NewUploadInfo(string fileName) => _oneDrive.NewUploadInfo(fileName);

    /// <summary>Every PUT to an upload session, in order.</summary>
    public IReadOnlyList<UploadCall> UploadCalls => _oneDrive.Calls;

    /// <summary>Files whose upload completed.</summary>
    public IReadOnlyList<UploadedFile> UploadedFiles => _oneDrive.Files;

    /// <summary>Waits until at least <paramref name="count"/> Connector calls (matching, if given) have arrived; throws TimeoutException listing what did.</summary>
    public Task<IReadOnlyList<ConnectorCall>> WaitForCallsAsync(int count, TimeSpan? timeout = null, Func<ConnectorCall, bool>? match = null, CancellationToken cancellationToken = default) =>
        _connector.WaitForCallsAsync(count, timeout ?? TimeSpan.FromSeconds(10), match, cancellationToken);

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
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First().TrimEnd('/') + "/");
        var tokenPort = new RefusableListener(new IPEndPoint(IPAddress.Loopback, address.Port));
        simulator = new TeamsSimulator(app, options, address, tokenPort);
        return simulator;
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

    internal string NextActivityId() => _connector.NextActivityId();

    public async ValueTask DisposeAsync()
    {
        // The token endpoint's port first: it cuts any request a NoAnswer fault is holding, so the server stops at once.
        _tokenEndpoint.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
        _issuer.Dispose();
    }

    private Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (_issuer.TryHandle(context, path, out var handled))
        {
            return handled;
        }

        if (_tokenEndpoint.Matches(context, path))
        {
            return _tokenEndpoint.HandleAsync(context, path);
        }

        if (path.StartsWith(SimulatedOneDrive.PathPrefix, StringComparison.Ordinal))
        {
            return _oneDrive.HandleAsync(context, path);
        }

        if (path.StartsWith(_servicePath + "v3/", StringComparison.OrdinalIgnoreCase))
        {
            return _connector.HandleAsync(context, path[_servicePath.Length..]);
        }

        return SimulatorResponses.WriteErrorAsync(context, 404, "NotFound", $"The simulator has nothing at {path}.");
    }
}
