using InfoStoryBot.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Health;

/// <summary>
/// Ready when the bot can get the token it answers everyone with: without it every reply fails. Cheap, as MSAL's
/// cache serves the token for most of its hour; when none can be had each probe asks again, so recovery shows at
/// once. Local mode sends no token: ready, not needed.
/// </summary>
public sealed partial class OutboundIdentityReadinessCheck(
    IBotTokenProvider tokens,
    IOptions<BotAuthenticationOptions> options,
    ILogger<OutboundIdentityReadinessCheck> log) : IReadinessCheck
{
    public string Name => "outbound-identity";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (options.Value.IsLocalMode)
        {
            return ReadinessResult.Ready("not needed in local mode");
        }

        var token = await tokens.GetTokenAsync(forceRefresh: false, cancellationToken);
        if (token.IsAvailable)
        {
            return ReadinessResult.Ready();
        }

        // The cause names the tenant's error or a host; /readyz is anonymous, so it stays in the log.
        LogNotReady(log, token.Problem, token.Detail);
        return ReadinessResult.NotReady("no token for the Connector; see the log");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbound identity is not ready: no Connector token ({Problem}: {Detail})")]
    private static partial void LogNotReady(ILogger logger, string? problem, string? detail);
}
