using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace InfoStoryBot.Bot.Protocol;

/// <summary>A Connector signing key and the channels it may sign for (the JWKS <c>endorsements</c>).</summary>
public sealed record EndorsedSigningKey(JsonWebKey Key, IReadOnlySet<string> Endorsements);

public sealed record SigningKeySet(string? Issuer, IReadOnlyDictionary<string, EndorsedSigningKey> Keys, DateTimeOffset FetchedAt);

/// <summary>The Bot Connector's signing keys, with endorsements, fetched from the OpenID metadata's jwks_uri.</summary>
public interface IConnectorSigningKeys
{
    /// <summary>The current key set, loading or refreshing it when due; null when it has never been fetched successfully.</summary>
    Task<SigningKeySet?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Called when a token names a kid we do not hold: refreshes at once unless a forced refresh ran recently.</summary>
    Task<SigningKeySet?> RefreshForUnknownKeyAsync(string kid, CancellationToken cancellationToken);
}

/// <summary>
/// Fetches the key list itself because the stock IdentityModel retriever drops <c>endorsements</c>, which the
/// channel binding check needs. One fetch at a time (callers share the in-flight task, so a burst of requests
/// after start-up or a rotation does not stampede the metadata endpoint).
/// </summary>
/// <remarks>
/// Failure policy: when a refresh fails the last good key set stays in use (Microsoft rotates keys with overlap,
/// so yesterday's keys still verify today's traffic far more often than not) and the failure is logged; when no
/// key set was ever fetched, callers get null and the authenticator answers 401 — failing closed, never 500.
/// </remarks>
internal sealed class ConnectorSigningKeys(
    IHttpClientFactory httpClientFactory,
    IOptions<BotAuthenticationOptions> options,
    TimeProvider timeProvider,
    ILogger<ConnectorSigningKeys> logger) : IConnectorSigningKeys
{
    public const string HttpClientName = "InfoStoryBot.OpenIdMetadata";

    /// <summary>The docs ask for at least daily; twice a day leaves room for a failed attempt.</summary>
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(12);

    /// <summary>Unknown kids are attacker-controlled, so they may force a refresh at most this often.</summary>
    internal static readonly TimeSpan ForcedRefreshCooldown = TimeSpan.FromMinutes(5);

    /// <summary>After a failed fetch, wait this long before asking again rather than hammering a sick endpoint.</summary>
    internal static readonly TimeSpan FailureBackoff = TimeSpan.FromSeconds(30);

    private readonly Lock _gate = new();
    private SigningKeySet? _current;
    private Task<SigningKeySet?>? _inFlight;
    private DateTimeOffset? _lastForcedRefresh;
    private DateTimeOffset? _lastFailure;

    public Task<SigningKeySet?> GetAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_current is null)
            {
                return InFailureBackoff(now) ? Task.FromResult<SigningKeySet?>(null) : StartFetch().WaitAsync(cancellationToken);
            }

            // Stale while revalidating: a due refresh runs in the background and this request uses the keys we hold,
            // so no request waits on the metadata endpoint once keys have been fetched.
            if (now - _current.FetchedAt >= RefreshInterval && !InFailureBackoff(now))
            {
                _ = StartFetch();
            }

            return Task.FromResult<SigningKeySet?>(_current);
        }
    }

    public Task<SigningKeySet?> RefreshForUnknownKeyAsync(string kid, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        lock (_gate)
        {
            if (_current is not null && _current.Keys.ContainsKey(kid))
            {
                return Task.FromResult<SigningKeySet?>(_current);
            }

            if (_inFlight is not null)
            {
                return _inFlight.WaitAsync(cancellationToken);
            }

            if ((_lastForcedRefresh is { } last && now - last < ForcedRefreshCooldown) || InFailureBackoff(now))
            {
                return Task.FromResult(_current);
            }

            _lastForcedRefresh = now;
            logger.LogInformation("Signing key {Kid} is unknown; refreshing the Connector signing keys", kid);
            return StartFetch().WaitAsync(cancellationToken);
        }
    }

    private bool InFailureBackoff(DateTimeOffset now) => _lastFailure is { } failed && now - failed < FailureBackoff;

    // Must be called under _gate.
    private Task<SigningKeySet?> StartFetch()
    {
        if (_inFlight is not null)
        {
            return _inFlight;
        }

        var task = FetchAndStoreAsync();
        if (!task.IsCompleted)
        {
            _inFlight = task;
        }

        return task;
    }

    private async Task<SigningKeySet?> FetchAndStoreAsync()
    {
        await Task.Yield();
        try
        {
            var fetched = await FetchAsync();
            lock (_gate)
            {
                _current = fetched;
                _lastFailure = null;
                _inFlight = null;
            }

            logger.LogInformation("Fetched {Count} Connector signing keys", fetched.Keys.Count);
            return fetched;
        }
        catch (Exception ex)
        {
            // Everything, not a list: this task is shared and may run in the background, so a fault escaping it
            // would leave _inFlight stuck and turn every later request into a 500.
            lock (_gate)
            {
                _lastFailure = timeProvider.GetUtcNow();
                _inFlight = null;
            }

            logger.LogError(ex, "Could not fetch the Connector signing keys from {MetadataUrl}; {State}",
                options.Value.ToBotFromChannelOpenIdMetadataUrl,
                _current is null ? "inbound requests are refused until they can be fetched" : "keeping the previous keys");
            return _current;
        }
    }

    private async Task<SigningKeySet> FetchAsync()
    {
        var client = httpClientFactory.CreateClient(HttpClientName);
        string? issuer;
        Uri jwksUri;
        using (var metadata = await GetJsonAsync(client, new Uri(options.Value.ToBotFromChannelOpenIdMetadataUrl)))
        {
            var root = metadata.RootElement;
            issuer = root.TryGetProperty("issuer", out var iss) && iss.ValueKind == JsonValueKind.String ? iss.GetString() : null;
            if (!root.TryGetProperty("jwks_uri", out var jwks) || jwks.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(jwks.GetString(), UriKind.Absolute, out jwksUri!))
            {
                throw new InvalidDataException("The OpenID metadata has no usable jwks_uri.");
            }
        }

        if (jwksUri.Scheme != Uri.UriSchemeHttps && !BotAuthenticationOptions.IsLoopbackHost(jwksUri))
        {
            throw new InvalidDataException($"The jwks_uri {jwksUri} is not https.");
        }

        var keys = new Dictionary<string, EndorsedSigningKey>(StringComparer.Ordinal);
        using (var keyDocument = await GetJsonAsync(client, jwksUri))
        {
            if (!keyDocument.RootElement.TryGetProperty("keys", out var keyArray) || keyArray.ValueKind != JsonValueKind.Array)
            {
                throw new InvalidDataException("The key document has no keys array.");
            }

            foreach (var element in keyArray.EnumerateArray())
            {
                if (element.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }

                var key = new JsonWebKey(element.GetRawText());
                if (string.IsNullOrEmpty(key.Kid))
                {
                    continue;
                }

                var endorsements = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                if (element.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    foreach (var endorsement in list.EnumerateArray())
                    {
                        if (endorsement.ValueKind == JsonValueKind.String && endorsement.GetString() is { Length: > 0 } value)
                        {
                            endorsements.Add(value);
                        }
                    }
                }

                keys[key.Kid] = new EndorsedSigningKey(key, endorsements);
            }
        }

        return new SigningKeySet(issuer, keys, timeProvider.GetUtcNow());
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, Uri uri)
    {
        using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"GET {uri} answered {(int)response.StatusCode}.", null, response.StatusCode);
        }

        await using var stream = await response.Content.ReadAsStreamAsync();
        return await JsonDocument.ParseAsync(stream, new JsonDocumentOptions { MaxDepth = 16 });
    }
}
