using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace InfoStoryBot.Bot.Protocol;

/// <summary>Bearer tokens for the bot's calls to the Bot Connector.</summary>
public interface IBotTokenProvider
{
    /// <summary>The access token to send, or null in local mode where no Authorization header is sent.</summary>
    Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken);
}

/// <summary>
/// One long-lived MSAL application for the life of the process, so MSAL's in-memory app token cache serves
/// nearly every call: a confidential client (secret or certificate) for SingleTenant and legacy MultiTenant,
/// a managed identity application for UserAssignedMSI.
/// </summary>
internal sealed class MsalBotTokenProvider : IBotTokenProvider
{
    private readonly BotAuthenticationOptions _options;
    private readonly IConfidentialClientApplication? _confidential;
    private readonly IManagedIdentityApplication? _managedIdentity;
    private readonly ILogger<MsalBotTokenProvider> _logger;

    public MsalBotTokenProvider(IOptions<BotAuthenticationOptions> options, IHttpClientFactory httpClientFactory, ILogger<MsalBotTokenProvider> logger)
    {
        _options = options.Value;
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

    public async Task<string?> GetTokenAsync(bool forceRefresh, CancellationToken cancellationToken)
    {
        if (_confidential is not null)
        {
            var result = await _confidential
                .AcquireTokenForClient([_options.ToChannelFromBotOAuthScope])
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            LogSource(result);
            return result.AccessToken;
        }

        if (_managedIdentity is not null)
        {
            var result = await _managedIdentity
                .AcquireTokenForManagedIdentity(BotAuthenticationOptions.ManagedIdentityResource)
                .WithForceRefresh(forceRefresh)
                .ExecuteAsync(cancellationToken);
            LogSource(result);
            return result.AccessToken;
        }

        return null;
    }

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
