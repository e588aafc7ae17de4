using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static InfoStoryBot.TeamsSimulator.SimulatorResponses;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// The Entra v2 client-credentials endpoint (<c>POST /{tenant}/oauth2/v2.0/token</c>), as far as MSAL needs it:
/// the bot's outbound tokens come from here, and the Connector accepts only tokens it issued and that have not expired.
/// It answers on a port of its own (<paramref name="port"/>), so that it can be made unreachable while the Connector
/// and the metadata stay up.
/// </summary>
internal sealed class EntraTokenEndpoint(TeamsSimulatorOptions options, RefusableListener port) : IDisposable
{
    public const string PathSuffix = "/oauth2/v2.0/token";
    public const string BotFrameworkScope = "https://api.botframework.com/.default";

    private readonly Lock _gate = new();
    private readonly List<TokenRequest> _log = [];
    private readonly ConcurrentDictionary<string, DateTimeOffset> _issued = new(StringComparer.Ordinal);
    private int _requests;
    private volatile TokenEndpointFault _fault;

    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>The endpoint's own port, which <see cref="TokenEndpointFault.Unreachable"/> shuts.</summary>
    public int Port => port.Port;

    public TokenEndpointFault Fault
    {
        get => _fault;
        set
        {
            _fault = value;
            if (value == TokenEndpointFault.Unreachable)
            {
                port.Shut();
            }
            else
            {
                port.Open();
            }
        }
    }

    public IReadOnlyList<TokenRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Token requests count only on the endpoint's own port: an outage there must not be bypassed through the Connector's.</summary>
    public bool Matches(HttpContext context, string path) =>
        context.Request.Host.Port == port.Port && path.EndsWith(PathSuffix, StringComparison.OrdinalIgnoreCase) && HttpMethods.IsPost(context.Request.Method);

    public async Task HandleAsync(HttpContext context, string path)
    {
        Interlocked.Increment(ref _requests);
        if (_fault == TokenEndpointFault.NoAnswer)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client gave up, which is what this fault is for.
            }

            return;
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync() : null;
        var tenant = path.Trim('/').Split('/')[0];
        if (form is null || form["grant_type"] != "client_credentials")
        {
            await WriteOAuthErrorAsync(context, 400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
            return;
        }

        if (!string.Equals(tenant, options.TenantId, StringComparison.OrdinalIgnoreCase) && !string.Equals(tenant, "botframework.com", StringComparison.OrdinalIgnoreCase))
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_request", $"AADSTS90002: Tenant '{tenant}' not found.");
            return;
        }

        if (options.AppId is null || form["client_id"] != options.AppId)
        {
            await WriteOAuthErrorAsync(context, 400, "unauthorized_client", $"AADSTS700016: Application with identifier '{form["client_id"]}' was not found in the directory.");
            return;
        }

        var secretOk = form["client_secret"] == options.AppPassword;
        var assertionOk = form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" && !string.IsNullOrEmpty(form["client_assertion"]);
        lock (_gate)
        {
            _log.Add(new TokenRequest(tenant, form["client_id"].ToString(), form["scope"].ToString(), !string.IsNullOrEmpty(form["client_secret"]), !string.IsNullOrEmpty(form["client_assertion"])));
        }

        if (_fault == TokenEndpointFault.InvalidClient || (!secretOk && !assertionOk))
        {
            await WriteOAuthErrorAsync(context, 401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
            return;
        }

        var scope = form["scope"].ToString();
        if (!scope.Split(' ').Contains(BotFrameworkScope))
        {
            await WriteOAuthErrorAsync(context, 400, "invalid_scope", $"AADSTS70011: The provided scope '{scope}' is not valid.");
            return;
        }

        var accessToken = "sim-at." + Guid.NewGuid().ToString("N");
        _issued[accessToken] = options.TimeProvider.GetUtcNow() + options.AccessTokenLifetime;
        var lifetime = (int)options.AccessTokenLifetime.TotalSeconds;
        await WriteJsonAsync(context, 200, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = lifetime,
            ["ext_expires_in"] = lifetime,
            ["access_token"] = accessToken,
        });
    }

    /// <summary>Whether an Authorization header carries a bearer token this endpoint issued and that is still valid.</summary>
    public bool Accepts(string? authorization)
    {
        if (authorization is null || !AuthenticationHeaderValue.TryParse(authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.Ordinal) || header.Parameter is null)
        {
            return false;
        }

        return _issued.TryGetValue(header.Parameter, out var expires) && expires > options.TimeProvider.GetUtcNow();
    }

    public void Dispose() => port.Dispose();
}

/// <summary>One request to the simulated token endpoint.</summary>
public sealed record TokenRequest(string Tenant, string ClientId, string Scope, bool UsedSecret, bool UsedClientAssertion);
