namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// Teams' global limit per app per tenant (bot-framework-protocol.md §5): a token bucket of
/// <see cref="PerSecond"/> requests, refilled continuously at that rate, shared by every Connector call. A call
/// that finds no token is answered 429 with Retry-After (whole seconds, as Teams sends it) and uses no token.
/// The bucket starts full, so a client that stays at the limit never sees a 429, whatever its network jitter.
/// </summary>
internal sealed class TenantRateLimit(int perSecond, TimeProvider time)
{
    private readonly Lock _gate = new();
    private double _tokens = perSecond;
    private DateTimeOffset _refilledAt = time.GetUtcNow();

    public int PerSecond { get; } = perSecond;

    /// <summary>Calls refused for being over the limit so far.</summary>
    public int Refused { get; private set; }

    /// <summary>Takes a token; null when one was free, otherwise how long until one will be.</summary>
    public TimeSpan? TryTake()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var elapsed = (now - _refilledAt).TotalSeconds;
            if (elapsed > 0)
            {
                _tokens = Math.Min(PerSecond, _tokens + elapsed * PerSecond);
                _refilledAt = now;
            }

            if (_tokens >= 1)
            {
                _tokens -= 1;
                return null;
            }

            Refused++;
            return TimeSpan.FromSeconds((1 - _tokens) / PerSecond);
        }
    }
}
