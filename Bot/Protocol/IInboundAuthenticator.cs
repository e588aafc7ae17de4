using System.Security.Claims;

namespace InfoStoryBot.Bot.Protocol;

/// <summary>
/// Decides whether an inbound activity really comes from the Bot Connector (or, in local mode only,
/// from a developer on loopback). The caller has already parsed the activity: the serviceurl claim and
/// the channel endorsement are checked against it.
/// </summary>
public interface IInboundAuthenticator
{
    Task<InboundAuthResult> AuthenticateAsync(string? authorizationHeader, Activity activity, RequestOrigin origin, CancellationToken cancellationToken);
}

/// <summary>Where the request came from, as far as the authenticator needs to know.</summary>
public sealed record RequestOrigin(bool IsLoopback)
{
    /// <summary>
    /// From the connection's remote address. No address at all means a transport that never leaves the machine
    /// (in-memory TestServer, Unix socket, named pipe), so it counts as loopback; that only matters in local mode,
    /// which refuses to start outside Development.
    /// </summary>
    public static RequestOrigin From(HttpContext context) =>
        new(context.Connection.RemoteIpAddress is not { } address || System.Net.IPAddress.IsLoopback(address));
}

public sealed record InboundAuthResult
{
    public required bool Succeeded { get; init; }

    /// <summary>401 for a bad or missing token, 403 for a signing key not endorsed for the channel.</summary>
    public int StatusCode { get; init; } = 200;

    /// <summary>Why it failed, for the log only: never sent to the caller.</summary>
    public string? Reason { get; init; }

    /// <summary>The validated identity; anonymous in local mode.</summary>
    public ClaimsIdentity? Identity { get; init; }

    public static InboundAuthResult Success(ClaimsIdentity identity) => new() { Succeeded = true, Identity = identity };

    public static InboundAuthResult Unauthorized(string reason) => new() { Succeeded = false, StatusCode = 401, Reason = reason };

    public static InboundAuthResult Forbidden(string reason) => new() { Succeeded = false, StatusCode = 403, Reason = reason };
}
