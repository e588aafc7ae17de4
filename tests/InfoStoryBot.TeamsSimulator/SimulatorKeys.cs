using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>An RSA signing key with a kid and the channels it is endorsed for.</summary>
public sealed class SimulatorKey : IDisposable
{
    internal SimulatorKey(string kid, IReadOnlyList<string> endorsements)
    {
        Kid = kid;
        Endorsements = endorsements;
        Rsa = RSA.Create(2048);
        SecurityKey = new RsaSecurityKey(Rsa) { KeyId = kid };
    }

    public string Kid { get; }

    public IReadOnlyList<string> Endorsements { get; }

    internal RSA Rsa { get; }

    internal RsaSecurityKey SecurityKey { get; }

    internal JsonObject ToJwk()
    {
        var parameters = Rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["x5t"] = Kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            ["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)JsonValue.Create(e)!)]),
        };
    }

    public void Dispose() => Rsa.Dispose();
}

/// <summary>The published key set (what the JWKS serves) and the unpublished keys used to forge bad tokens.</summary>
internal sealed class SimulatorKeyRing : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<SimulatorKey> _published = [];
    private int _generation;

    public SimulatorKeyRing(string channelId)
    {
        ChannelId = channelId;
        Current = NewKey([channelId, "msteams-sim"]);
        OtherChannel = NewKey(["skype", "webchat"]);
        _published.Add(Current);
        _published.Add(OtherChannel);
        Unpublished = NewKey([channelId]);
    }

    public string ChannelId { get; }

    /// <summary>The key that signs good tokens; changes on <see cref="Rotate"/>.</summary>
    public SimulatorKey Current { get; private set; }

    /// <summary>Published, endorsed for other channels only.</summary>
    public SimulatorKey OtherChannel { get; }

    /// <summary>Never published.</summary>
    public SimulatorKey Unpublished { get; }

    public IReadOnlyList<SimulatorKey> Published
    {
        get
        {
            lock (_gate)
            {
                return [.. _published];
            }
        }
    }

    /// <summary>Publishes a new key and signs with it from now on; the old key stays published, as in a real rollover.</summary>
    public SimulatorKey Rotate()
    {
        var key = NewKey([ChannelId]);
        lock (_gate)
        {
            _published.Add(key);
            Current = key;
        }

        return key;
    }

    /// <summary>Stops publishing a key, as the Connector does at the end of a rollover or when a key is compromised.</summary>
    public void Withdraw(SimulatorKey key)
    {
        lock (_gate)
        {
            _published.Remove(key);
        }
    }

    private SimulatorKey NewKey(IReadOnlyList<string> endorsements) =>
        new($"sim-key-{Interlocked.Increment(ref _generation)}-{Guid.NewGuid():N}"[..24], endorsements);

    public JsonObject ToJwks() => new() { ["keys"] = new JsonArray([.. Published.Select(k => (JsonNode)k.ToJwk())]) };

    public void Dispose()
    {
        foreach (var key in Published)
        {
            key.Dispose();
        }

        Unpublished.Dispose();
    }
}
