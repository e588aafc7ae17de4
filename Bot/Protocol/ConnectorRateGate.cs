using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Protocol;

/// <summary>
/// Keeps the bot under Teams' per-app-per-tenant budget by queueing, rather than by collecting 429s.
/// Partitioned by tenant when the call names one; calls that do not (roster and team reads) share one partition.
/// </summary>
internal sealed class ConnectorRateGate : IDisposable
{
    public const string UnknownTenant = "*";

    private readonly PartitionedRateLimiter<string>? _limiter;

    public ConnectorRateGate(IOptions<ConnectorClientOptions> options)
    {
        var perSecond = options.Value.RequestsPerSecondPerTenant;
        if (perSecond <= 0)
        {
            return;
        }

        _limiter = PartitionedRateLimiter.Create<string, string>(tenant => RateLimitPartition.GetTokenBucketLimiter(tenant, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = perSecond,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 100_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Waits for a slot; false only when the queue overflowed.</summary>
    public async Task<bool> WaitAsync(string? tenantId, CancellationToken cancellationToken)
    {
        if (_limiter is null)
        {
            return true;
        }

        using var lease = await _limiter.AcquireAsync(string.IsNullOrEmpty(tenantId) ? UnknownTenant : tenantId, 1, cancellationToken);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter?.Dispose();
}
