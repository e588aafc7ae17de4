using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using static InfoStoryBot.TeamsSimulator.SimulatorResponses;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// The Connector as a token issuer, for the tokens it sends the bot: its OpenID metadata, its JWKS with
/// <c>endorsements</c> (one key for the channel, one for other channels only), and the JWTs it signs, good or
/// deliberately broken (<see cref="TokenFlaw"/>).
/// </summary>
internal sealed class ConnectorTokenIssuer : IDisposable
{
    public const string MetadataPath = "/v1/.well-known/openidconfiguration";
    public const string KeysPath = "/v1/.well-known/keys";

    // The OpenID standard's spelling, answered as well as the Bot Framework's.
    private const string StandardMetadataPath = "/v1/.well-known/openid-configuration";

    private readonly TeamsSimulatorOptions _options;
    private readonly Uri _baseUri;
    private readonly SimulatorKeyRing _keys;
    private readonly JsonWebTokenHandler _tokenHandler = new() { SetDefaultTimesOnTokenCreation = false };
    private int _metadataRequests;
    private int _keysRequests;

    public ConnectorTokenIssuer(TeamsSimulatorOptions options, Uri baseUri)
    {
        _options = options;
        _baseUri = baseUri;
        _keys = new SimulatorKeyRing(options.ChannelId);
    }

    public bool MetadataAvailable { get; set; } = true;

    public string? MetadataOverride { get; set; }

    public int MetadataRequestCount => Volatile.Read(ref _metadataRequests);

    public int KeysRequestCount => Volatile.Read(ref _keysRequests);

    public SimulatorKey CurrentSigningKey => _keys.Current;

    public SimulatorKey RotateSigningKey() => _keys.Rotate();

    public void WithdrawSigningKey(SimulatorKey key) => _keys.Withdraw(key);

    /// <summary>True when the path is one of this issuer's; the answer is then written.</summary>
    public bool TryHandle(HttpContext context, string path, out Task handled)
    {
        if (path.Equals(MetadataPath, StringComparison.OrdinalIgnoreCase) || path.Equals(StandardMetadataPath, StringComparison.OrdinalIgnoreCase))
        {
            handled = MetadataAsync(context);
            return true;
        }

        if (path.Equals(KeysPath, StringComparison.OrdinalIgnoreCase))
        {
            Interlocked.Increment(ref _keysRequests);
            handled = MetadataAvailable
                ? WriteJsonAsync(context, 200, _keys.ToJwks())
                : WriteJsonAsync(context, 503, new JsonObject { ["error"] = "unavailable" });
            return true;
        }

        handled = Task.CompletedTask;
        return false;
    }

    private Task MetadataAsync(HttpContext context)
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
                ["authorization_endpoint"] = new Uri(_baseUri, "v1/botframework/authorize").ToString(),
                ["jwks_uri"] = new Uri(_baseUri, KeysPath.TrimStart('/')).ToString(),
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            })
            : WriteJsonAsync(context, 503, new JsonObject { ["error"] = "unavailable" });
    }

    public string? CreateAuthorizationHeader(TokenFlaw flaw, string serviceUrl)
    {
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

    public string CreateToken(TokenFlaw flaw, string serviceUrl)
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
            claims["serviceurl"] = flaw == TokenFlaw.ServiceUrlDifferent ? "https://smba.trafficmanager.net/emea/" : serviceUrl;
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

    public void Dispose() => _keys.Dispose();
}
