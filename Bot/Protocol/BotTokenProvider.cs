using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace InfoStoryBot.Bot.Protocol;

/// <summary>Bearer tokens for the bot's calls to the Bot Connector.</summary>
public interface IBotTokenProvider
{
    /// <summary>
    /// The access token to send (none in local mode, where no Authorization header is sent), or why none could be had.
    /// Never throws for an outage or a refusal, and never waits longer than <see cref="ConnectorClientOptions.TokenTimeout"/>;
    /// only cancellation of <paramref name="cancellationToken"/> propagates.
    /// </summary>
    Task<BotToken> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

/// <summary>What asking for the bot's outbound token came to: a token, no token needed (local mode), or a problem.</summary>
public sealed record BotToken
{
    /// <summary>The problem when the token endpoint (Entra, or the managed identity endpoint) cannot be reached or does not answer.</summary>
    public const string Unreachable = "TokenEndpointUnreachable";

    /// <summary>The bearer token; null in local mode and when there is a <see cref="Problem"/>.</summary>
    public string? AccessToken { get; init; }

    /// <summary>
    /// Why no token could be had, short and stable enough to log and alert on: <see cref="Unreachable"/>, the AADSTS
    /// code Entra answered (e.g. <c>AADSTS7000215</c>, a wrong or expired secret), or else MSAL's error code.
    /// </summary>
    public string? Problem { get; init; }

    /// <summary>The longer story (MSAL's message, the network error). It can name hosts and ids: logs only, never an anonymous caller.</summary>
    public string? Detail { get; init; }

    public bool IsAvailable => Problem is null;

    public static BotToken NotNeeded { get; } = new();

    public static BotToken Of(string accessToken) => new() { AccessToken = accessToken };

    public static BotToken Unavailable(string problem, string? detail) => new() { Problem = problem, Detail = detail };
}

/// <summary>
/// One long-lived MSAL application for the life of the process, so MSAL's in-memory app token cache serves
/// nearly every call: a confidential client (secret or certificate) for SingleTenant and legacy MultiTenant,
/// a managed identity application for UserAssignedMSI.
/// </summary>
/// <remarks>
/// A failure is an answer, not an exception: the callers (a turn's replies, proactive sends, the readiness check)
/// each report it once in their own words. MSAL retries what it considers transient on its own; the whole call,
/// retries included, is bounded by <see cref="ConnectorClientOptions.TokenTimeout"/> so a silent endpoint cannot
/// hold a turn past the time Teams waits for it.
/// </remarks>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    /// <summary>
    /// A token is handed out from memory until this long before it expires; then MSAL is asked again (its own cache
    /// renews a token within 5 minutes of expiry). Asking MSAL for every reply, even from its cache, cost more CPU
    /// than validating the inbound token.
    /// </summary>
    internal static readonly TimeSpan ReuseMargin = TimeSpan.FromMinutes(5);

    private readonly BotAuthenticationOptions _options;
    private readonly IOptions<ConnectorClientOptions> _connector;
    private readonly IConfidentialClientApplication? _confidential;
    private readonly IManagedIdentityApplication? _managedIdentity;
    private readonly TimeProvider _time;
    private readonly ILogger<MsalBotTokenProvider> _logger;
    private volatile HeldToken? _held;

    public MsalBotTokenProvider(
        IOptions<BotAuthenticationOptions> options,
        IOptions<ConnectorClientOptions> connector,
        IHttpClientFactory httpClientFactory,
        TimeProvider time,
        ILogger<MsalBotTokenProvider> logger)
    {
        _options = options.Value;
        _connector = connector;
        _time = time;
        _logger = logger;
        if (_options.IsLocalMode)
        {
            return;
        }

        if (_options.AppType == BotAppType.UserAssignedMSI)
        {
            _managedIdentity = ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(_options.MicrosoftAppId))
                .Build();
            return;
        }

        var authority = new Uri(_options.LoginAuthority);
        var builder = ConfidentialClientApplicationBuilder.Create(_options.MicrosoftAppId);
        if (BotAuthenticationOptions.IsLoopbackHost(authority))
        {
            // The simulator's token endpoint on loopback http. MSAL insists on https authorities, so it is told
            // https and a loopback-only HTTP factory sends plain http; instance discovery would leave loopback.
            var httpsAuthority = new UriBuilder(authority) { Scheme = Uri.UriSchemeHttps, Port = authority.Port }.Uri;
            builder = builder
                .WithAuthority(httpsAuthority.ToString(), validateAuthority: false)
                .WithInstanceDiscovery(false)
                .WithHttpClientFactory(new LoopbackMsalHttpClientFactory(httpClientFactory));
        }
        else
        {
            builder = builder.WithAuthority(authority.ToString());
        }

        builder = string.IsNullOrWhiteSpace(_options.MicrosoftAppCertificatePath)
            ? builder.WithClientSecret(_options.MicrosoftAppPassword)
            : builder.WithCertificate(X509CertificateLoader.LoadPkcs12FromFile(_options.MicrosoftAppCertificatePath, _options.MicrosoftAppCertificatePassword));
        _confidential = builder.Build();
    }

    public async Task<BotToken> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (_confidential is null && _managedIdentity is null)
        {
            return BotToken.NotNeeded;
        }

        if (forceRefresh)
        {
            _held = null;
        }
        else if (_held is { } held && held.ExpiresOn - _time.GetUtcNow() > ReuseMargin)
        {
            return BotToken.Of(held.AccessToken);
        }

        var timeout = _connector.Value.TokenTimeout;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(timeout);
        try
        {
            var result = _confidential is not null
                ? await _confidential
                    .AcquireTokenForClient([_options.ToChannelFromBotOAuthScope])
                    .WithForceRefresh(forceRefresh)
                    .ExecuteAsync(bounded.Token)
                : await _managedIdentity!
                    .AcquireTokenForManagedIdentity(BotAuthenticationOptions.ManagedIdentityResource)
                    .WithForceRefresh(forceRefresh)
                    .ExecuteAsync(bounded.Token);
            LogSource(result);
            _held = new HeldToken(result.AccessToken, result.ExpiresOn);
            return BotToken.Of(result.AccessToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return BotToken.Unavailable(BotToken.Unreachable, $"no answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            // MSAL lets a connection that cannot be made through unwrapped: refused, no route, no such host.
            return BotToken.Unavailable(BotToken.Unreachable, $"{e.HttpRequestError}: {e.Message}");
        }
        catch (MsalServiceException e)
        {
            return BotToken.Unavailable(ProblemOf(e), $"{e.ErrorCode}, HTTP {e.StatusCode}: {FirstLine(e.Message)}");
        }
        catch (MsalException e)
        {
            return BotToken.Unavailable(e.ErrorCode, FirstLine(e.Message));
        }
    }

    /// <summary>Entra's AADSTS code when it gave one (the precise reason, e.g. a secret expired); "unreachable" for network failures MSAL reports itself.</summary>
    private static string ProblemOf(MsalServiceException e)
    {
        if (e.ErrorCodesForLogging is [{ Length: > 0 } code, ..])
        {
            return code.StartsWith("AADSTS", StringComparison.Ordinal) ? code : "AADSTS" + code;
        }

        return e.ErrorCode is MsalError.RequestTimeout or MsalError.ManagedIdentityUnreachableNetwork
            ? BotToken.Unreachable
            : e.ErrorCode;
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();

    private sealed record HeldToken(string AccessToken, DateTimeOffset ExpiresOn);

    private void LogSource(AuthenticationResult result)
    {
        if (result.AuthenticationResultMetadata.TokenSource != TokenSource.Cache)
        {
            _logger.LogInformation("Acquired a Connector token from {TokenSource}, valid until {ExpiresOn}",
                result.AuthenticationResultMetadata.TokenSource, result.ExpiresOn);
        }
    }
}

/// <summary>
/// Lets MSAL reach a loopback token endpoint over http (the Teams simulator). Only ever installed when the
/// configured authority's host is loopback; the production path is plain MSAL with its own HTTP stack.
/// </summary>
internal sealed class LoopbackMsalHttpClientFactory(IHttpClientFactory httpClientFactory) : IMsalHttpClientFactory
{
    public const string HttpClientName = "InfoStoryBot.LoopbackMsal";

    public HttpClient GetHttpClient() => httpClientFactory.CreateClient(HttpClientName);
}

/// <summary>Rewrites https to http for loopback hosts only; anything else goes out untouched.</summary>
internal sealed class LoopbackHttpDowngradeHandler : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.Scheme == Uri.UriSchemeHttps && BotAuthenticationOptions.IsLoopbackHost(uri))
        {
            request.RequestUri = new UriBuilder(uri) { Scheme = Uri.UriSchemeHttp, Port = uri.Port }.Uri;
        }

        return base.SendAsync(request, cancellationToken);
    }
}
