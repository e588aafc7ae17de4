using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Protocol;

public enum BotAppType
{
    SingleTenant,
    UserAssignedMSI,

    /// <summary>Legacy: Azure stopped creating multi-tenant bots after July 2025; kept for existing registrations.</summary>
    MultiTenant,
}

/// <summary>
/// The bot's identity and the Bot Framework endpoints, bound from configuration ROOT keys under their Bot Framework
/// names so an Azure Bot deployment's app settings carry over unchanged:
/// <c>MicrosoftAppType</c>, <c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>,
/// <c>MicrosoftAppCertificatePath</c> (+ <c>MicrosoftAppCertificatePassword</c>), <c>ToBotFromChannelOpenIdMetadataUrl</c>,
/// <c>ToBotFromChannelTokenIssuer</c>, <c>ToChannelFromBotLoginUrl</c>, <c>ToChannelFromBotOAuthScope</c>.
/// </summary>
/// <remarks>
/// Certificates: a PFX file (<c>MicrosoftAppCertificatePath</c>, optional password) rather than a store thumbprint,
/// because the bot runs on Linux containers and App Service for Linux, where certificates arrive as files
/// (App Service puts them under /var/ssl/private/{thumbprint}.p12) and there is no Windows certificate store.
/// With no <c>MicrosoftAppId</c> the bot is in local mode: no outbound token, inbound requests only from
/// loopback without a header; start-up refuses local mode outside the Development environment.
/// </remarks>
public sealed class BotAuthenticationOptions
{
    public const string DefaultOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultTokenIssuer = "https://api.botframework.com";
    public const string DefaultLoginUrlTemplate = "https://login.microsoftonline.com/{0}";
    public const string MultiTenantAuthTenant = "botframework.com";
    public const string DefaultOAuthScope = "https://api.botframework.com/.default";

    /// <summary>The resource a user-assigned managed identity asks for (MSAL takes a resource, not a scope, there).</summary>
    public const string ManagedIdentityResource = "https://api.botframework.com";

    public BotAppType? MicrosoftAppType { get; set; }
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }
    public string? MicrosoftAppCertificatePath { get; set; }
    public string? MicrosoftAppCertificatePassword { get; set; }
    public string ToBotFromChannelOpenIdMetadataUrl { get; set; } = DefaultOpenIdMetadataUrl;
    public string ToBotFromChannelTokenIssuer { get; set; } = DefaultTokenIssuer;

    /// <summary>The outbound token authority; when unset, https://login.microsoftonline.com/{tenant} (botframework.com for MultiTenant).</summary>
    public string? ToChannelFromBotLoginUrl { get; set; }
    public string ToChannelFromBotOAuthScope { get; set; } = DefaultOAuthScope;

    /// <summary>True when no app id is configured: the Development-only mode for DevChat and the simulator.</summary>
    public bool IsLocalMode => string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary>The same rule, read straight from configuration, for registrations made before options exist (DevChat).</summary>
    public static bool IsLocalModeConfigured(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration[nameof(MicrosoftAppId)]);

    /// <summary>SingleTenant unless stated, as the Azure Bot resource now only creates single-tenant or MSI bots.</summary>
    public BotAppType AppType => MicrosoftAppType ?? BotAppType.SingleTenant;

    public string LoginAuthority =>
        !string.IsNullOrWhiteSpace(ToChannelFromBotLoginUrl)
            ? ToChannelFromBotLoginUrl.TrimEnd('/')
            : string.Format(System.Globalization.CultureInfo.InvariantCulture, DefaultLoginUrlTemplate,
                AppType == BotAppType.MultiTenant ? MultiTenantAuthTenant : MicrosoftAppTenantId);

    internal static bool IsLoopbackHost(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

/// <summary>Start-up checks, with messages that say which setting to fix.</summary>
internal sealed class BotAuthenticationOptionsValidator(IHostEnvironment environment) : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        var errors = new List<string>();

        if (options.IsLocalMode)
        {
            if (!environment.IsDevelopment())
            {
                errors.Add($"MicrosoftAppId is required: without it the bot runs in local mode, which is only allowed in the Development environment (this is '{environment.EnvironmentName}').");
            }
        }
        else
        {
            var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
            var hasCertificate = !string.IsNullOrWhiteSpace(options.MicrosoftAppCertificatePath);
            switch (options.AppType)
            {
                case BotAppType.SingleTenant:
                    if (!hasPassword && !hasCertificate)
                    {
                        errors.Add("MicrosoftAppType SingleTenant needs MicrosoftAppPassword or MicrosoftAppCertificatePath.");
                    }

                    if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
                    {
                        errors.Add("MicrosoftAppType SingleTenant needs MicrosoftAppTenantId (the tenant of the app registration).");
                    }

                    break;
                case BotAppType.UserAssignedMSI:
                    if (string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
                    {
                        errors.Add("MicrosoftAppType UserAssignedMSI needs MicrosoftAppTenantId.");
                    }

                    if (hasPassword || hasCertificate)
                    {
                        errors.Add("MicrosoftAppType UserAssignedMSI must not have MicrosoftAppPassword or a certificate: the managed identity is the credential.");
                    }

                    break;
                case BotAppType.MultiTenant:
                    if (!hasPassword && !hasCertificate)
                    {
                        errors.Add("MicrosoftAppType MultiTenant needs MicrosoftAppPassword or MicrosoftAppCertificatePath.");
                    }

                    break;
            }

            if (hasCertificate)
            {
                CheckCertificate(errors, options);
            }
        }

        CheckUrl(errors, "ToBotFromChannelOpenIdMetadataUrl", options.ToBotFromChannelOpenIdMetadataUrl);
        if (!string.IsNullOrWhiteSpace(options.ToChannelFromBotLoginUrl))
        {
            CheckUrl(errors, "ToChannelFromBotLoginUrl", options.ToChannelFromBotLoginUrl);
        }

        if (string.IsNullOrWhiteSpace(options.ToBotFromChannelTokenIssuer))
        {
            errors.Add("ToBotFromChannelTokenIssuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.ToChannelFromBotOAuthScope))
        {
            errors.Add("ToChannelFromBotOAuthScope must not be empty.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    // Load it once here so a wrong path or password stops start-up instead of failing the first outbound call.
    private static void CheckCertificate(List<string> errors, BotAuthenticationOptions options)
    {
        if (!File.Exists(options.MicrosoftAppCertificatePath))
        {
            errors.Add($"MicrosoftAppCertificatePath '{options.MicrosoftAppCertificatePath}' does not exist.");
            return;
        }

        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.MicrosoftAppCertificatePath, options.MicrosoftAppCertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                errors.Add($"MicrosoftAppCertificatePath '{options.MicrosoftAppCertificatePath}' holds no private key.");
            }
        }
        catch (CryptographicException ex)
        {
            errors.Add($"MicrosoftAppCertificatePath '{options.MicrosoftAppCertificatePath}' could not be loaded as a PFX (wrong MicrosoftAppCertificatePassword?): {ex.Message}");
        }
    }

    // Keys and tokens must not travel in clear text; the one exception is the loopback simulator.
    private static void CheckUrl(List<string> errors, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri))
        {
            errors.Add($"{key} must be an absolute URL (got '{value}').");
            return;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && BotAuthenticationOptions.IsLoopbackHost(uri)))
        {
            errors.Add($"{key} must use https unless its host is loopback (got '{value}').");
        }
    }
}
