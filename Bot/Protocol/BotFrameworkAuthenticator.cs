using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace InfoStoryBot.Bot.Protocol;

public static class BotClaims
{
    /// <summary>The claim the Connector puts the activity's serviceUrl in (lower-case, as the SDK spells it).</summary>
    public const string ServiceUrl = "serviceurl";

    /// <summary>The authentication type of the identity given to local-mode requests (no app id, loopback, no header).</summary>
    public const string AnonymousAuthenticationType = "anonymous";

    public static ClaimsIdentity Anonymous() => new([], AnonymousAuthenticationType);
}

/// <summary>
/// Validates the Connector's bearer token the way the Bot Framework docs lay out: Bearer scheme, RS256/384/512,
/// issuer, audience = our app id, lifetime with 5 minutes' skew, a signature from a published key, the key's
/// endorsement for the activity's channel (403 when missing), and the serviceurl claim matching the activity.
/// Every rejection is an <see cref="InboundAuthResult"/> with a reason for the log; nothing here throws for bad input.
/// </summary>
internal sealed class BotFrameworkAuthenticator(
    IOptions<BotAuthenticationOptions> options,
    IHostEnvironment environment,
    IConnectorSigningKeys signingKeys,
    TimeProvider timeProvider,
    ILogger<BotFrameworkAuthenticator> logger) : IInboundAuthenticator
{
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly HashSet<string> AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ValidatedTokens _validated = new();

    public async Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var result = await DecideAsync(authorizationHeader, activity, origin, cancellationToken);
        if (!result.Succeeded)
        {
            logger.LogWarning("Inbound activity {ActivityId} on {ChannelId} refused with {StatusCode}: {Reason}",
                activity.Id, activity.ChannelId, result.StatusCode, result.Reason);
        }

        return result;
    }

    private async Task<InboundAuthResult> DecideAsync(string? authorizationHeader, Activity activity, RequestOrigin origin, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsLocalMode)
        {
            // Belt and braces: options validation already refuses to start outside Development without an app id.
            if (!environment.IsDevelopment())
            {
                return InboundAuthResult.Unauthorized("No MicrosoftAppId is configured and this is not the Development environment.");
            }

            if (!origin.IsLoopback)
            {
                return InboundAuthResult.Unauthorized("Local mode (no MicrosoftAppId) accepts requests from loopback only.");
            }

            return string.IsNullOrEmpty(authorizationHeader)
                ? InboundAuthResult.Success(BotClaims.Anonymous())
                : InboundAuthResult.Unauthorized("An Authorization header was sent but no MicrosoftAppId is configured to validate it against.");
        }

        if (string.IsNullOrWhiteSpace(authorizationHeader))
        {
            return InboundAuthResult.Unauthorized("No Authorization header.");
        }

        var parts = authorizationHeader.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Unauthorized("The Authorization header does not use the Bearer scheme.");
        }

        var token = parts[1];
        if (_validated.Get(token) is { } known)
        {
            // The Connector sends one token with many activities. What the token proves about itself (signature,
            // issuer, audience, algorithm) was checked the first time; its key must still be published, and its
            // lifetime and everything about this activity are checked again now.
            var current = await signingKeys.GetAsync(cancellationToken);
            if (current is not null && current.Keys.TryGetValue(known.Kid, out var stillPublished) && ReferenceEquals(stillPublished, known.SigningKey)
                && IsWithinLifetime(known.NotBefore, known.Expires))
            {
                return BindToActivity(known, activity);
            }

            _validated.Remove(token);
        }

        JsonWebToken jwt;
        try
        {
            if (!_handler.CanReadToken(token))
            {
                return InboundAuthResult.Unauthorized("The bearer token is not a JWT.");
            }

            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or FormatException or System.Text.Json.JsonException)
        {
            return InboundAuthResult.Unauthorized("The bearer token could not be parsed: " + ex.GetType().Name);
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg ?? string.Empty))
        {
            return InboundAuthResult.Unauthorized($"Signing algorithm '{Clip(jwt.Alg)}' is not allowed.");
        }

        // Cheap checks before any key lookup, so junk tokens cost nothing and cannot trigger a key refresh.
        var issuer = jwt.Issuer;
        if (!string.Equals(issuer, settings.ToBotFromChannelTokenIssuer, StringComparison.Ordinal))
        {
            return InboundAuthResult.Unauthorized($"Issuer '{Clip(issuer)}' is not the Bot Connector.");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return InboundAuthResult.Unauthorized("The token names no signing key (kid).");
        }

        var keys = await signingKeys.GetAsync(cancellationToken);
        if (keys is null)
        {
            return InboundAuthResult.Unauthorized("The Connector signing keys are unavailable.");
        }

        if (!keys.Keys.TryGetValue(jwt.Kid, out var signingKey))
        {
            keys = await signingKeys.RefreshForUnknownKeyAsync(jwt.Kid, cancellationToken);
            if (keys is null || !keys.Keys.TryGetValue(jwt.Kid, out signingKey))
            {
                return InboundAuthResult.Unauthorized($"Signing key '{Clip(jwt.Kid)}' is not published by the Connector.");
            }
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.ToBotFromChannelTokenIssuer,
            ValidAudience = settings.MicrosoftAppId,
            IssuerSigningKey = signingKey.Key,
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateIssuerSigningKey = true,
            TryAllIssuerSigningKeys = false,
            ClockSkew = ClockSkew,
            LifetimeValidator = ValidateLifetime,
        };

        TokenValidationResult validation;
        try
        {
            validation = await _handler.ValidateTokenAsync(jwt, parameters);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or InvalidOperationException or FormatException)
        {
            return InboundAuthResult.Unauthorized("Token validation failed: " + ex.GetType().Name);
        }

        if (!validation.IsValid)
        {
            return InboundAuthResult.Unauthorized("Token validation failed: " + Describe(validation.Exception));
        }

        var serviceUrl = jwt.TryGetPayloadValue<string>(BotClaims.ServiceUrl, out var claimed) ? claimed : null;
        var proven = new ValidatedToken(jwt.Kid, signingKey, validation.ClaimsIdentity, NullIfUnset(jwt.ValidFrom), NullIfUnset(jwt.ValidTo), serviceUrl);
        _validated.Add(token, proven, timeProvider.GetUtcNow().UtcDateTime);
        return BindToActivity(proven, activity);
    }

    /// <summary>What a proven token must also say about this activity: its channel endorsed by the key, and its serviceUrl.</summary>
    private static InboundAuthResult BindToActivity(ValidatedToken token, Activity activity)
    {
        // Only a token that proved its signature can earn a 403; anything less is a plain 401.
        if (!string.IsNullOrEmpty(activity.ChannelId) && !token.SigningKey.Endorsements.Contains(activity.ChannelId))
        {
            return InboundAuthResult.Forbidden($"Signing key '{Clip(token.Kid)}' is not endorsed for channel '{Clip(activity.ChannelId)}'.");
        }

        if (string.IsNullOrEmpty(token.ServiceUrl))
        {
            return InboundAuthResult.Unauthorized("The token has no serviceurl claim.");
        }

        if (!string.Equals(token.ServiceUrl, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return InboundAuthResult.Unauthorized("The serviceurl claim does not match the activity's serviceUrl.");
        }

        // A copy per turn: the remembered identity is shared by every activity the token comes with.
        return InboundAuthResult.Success(token.Identity.Clone());
    }

    // Our own lifetime check so that it reads the injected clock, like the rest of the app.
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        if (expires is null || expires.Value.ToUniversalTime() + ClockSkew < now)
        {
            throw new SecurityTokenExpiredException("The token has expired.");
        }

        if (notBefore is { } nbf && nbf.ToUniversalTime() - ClockSkew > now)
        {
            throw new SecurityTokenNotYetValidException("The token is not yet valid.");
        }

        return true;
    }

    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return expires is { } exp && exp + ClockSkew >= now && (notBefore is not { } nbf || nbf - ClockSkew <= now);
    }

    // JsonWebToken answers DateTime.MinValue for a missing nbf or exp.
    private static DateTime? NullIfUnset(DateTime value) => value == DateTime.MinValue ? null : value.ToUniversalTime();

    // Header and claim values are the caller's words: keep them short and on one line in the log.
    private static string Clip(string? value)
    {
        if (value is null)
        {
            return "(none)";
        }

        var oneLine = value.ReplaceLineEndings(" ");
        return oneLine.Length <= 80 ? oneLine : oneLine[..80] + "…";
    }

    private static string Describe(Exception? ex) => ex switch
    {
        null => "unknown",
        SecurityTokenExpiredException => "expired",
        SecurityTokenNotYetValidException => "not yet valid",
        SecurityTokenInvalidAudienceException => "wrong audience",
        SecurityTokenInvalidIssuerException => "wrong issuer",
        SecurityTokenSignatureKeyNotFoundException => "signing key not found",
        SecurityTokenInvalidSignatureException => "bad signature",
        SecurityTokenInvalidAlgorithmException => "algorithm not allowed",
        _ => ex.GetType().Name,
    };
}

/// <summary>A bearer token that passed every check of its own, as remembered by <see cref="ValidatedTokens"/>.</summary>
internal sealed record ValidatedToken(string Kid, EndorsedSigningKey SigningKey, ClaimsIdentity Identity, DateTime? NotBefore, DateTime? Expires, string? ServiceUrl);

/// <summary>
/// Tokens proven on this instance, by their exact text, so a token the Connector reuses is not parsed and its RSA
/// signature not verified again for every activity. Only a token that verified gets in (nothing an anonymous caller
/// sends can fill it), and it is bounded all the same: at the limit the expired go, then everything.
/// </summary>
internal sealed class ValidatedTokens
{
    internal const int Capacity = 1024;

    private readonly Dictionary<string, ValidatedToken> _tokens = new(StringComparer.Ordinal);

    public ValidatedToken? Get(string token)
    {
        lock (_tokens)
        {
            return _tokens.GetValueOrDefault(token);
        }
    }

    public void Add(string token, ValidatedToken proven, DateTime now)
    {
        lock (_tokens)
        {
            if (_tokens.Count >= Capacity)
            {
                foreach (var (key, value) in _tokens)
                {
                    if (value.Expires is not { } expires || expires + BotFrameworkAuthenticator.ClockSkew < now)
                    {
                        _tokens.Remove(key);
                    }
                }

                if (_tokens.Count >= Capacity)
                {
                    _tokens.Clear();
                }
            }

            _tokens[token] = proven;
        }
    }

    public void Remove(string token)
    {
        lock (_tokens)
        {
            _tokens.Remove(token);
        }
    }
}
