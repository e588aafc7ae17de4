namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// What goes wrong on the simulated Connector: faults queued on demand (each for its next matching calls, first
/// queued first used) and, when no queued fault matches, random ones from a seeded <see cref="RandomFaultPolicy"/>.
/// </summary>
internal sealed class ConnectorFaults(int seed)
{
    private readonly Lock _gate = new();
    private readonly List<SimulatedFault> _queued = [];
    private readonly Random _random = new(seed);

    public RandomFaultPolicy? Random { get; set; }

    public void Inject(SimulatedFault fault)
    {
        lock (_gate)
        {
            _queued.Add(fault);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _queued.Clear();
        }

        Random = null;
    }

    /// <summary>The fault that answers this call, if any; a queued fault is used up by it.</summary>
    public SimulatedFault? Take(ConnectorCall call)
    {
        lock (_gate)
        {
            for (var i = 0; i < _queued.Count; i++)
            {
                var fault = _queued[i];
                if ((fault.PathContains is null || call.Path.Contains(fault.PathContains, StringComparison.OrdinalIgnoreCase))
                    && (fault.Method is null || string.Equals(fault.Method, call.Method, StringComparison.OrdinalIgnoreCase)))
                {
                    if (fault.Times <= 1)
                    {
                        _queued.RemoveAt(i);
                    }
                    else
                    {
                        _queued[i] = fault with { Times = fault.Times - 1 };
                    }

                    return fault;
                }
            }

            if (Random is { } policy && _random.NextDouble() < policy.Rate)
            {
                if (_random.NextDouble() < policy.TimeoutShare)
                {
                    return SimulatedFault.Status(504, errorCode: "GatewayTimeout") with { Latency = policy.HangFor };
                }

                var status = policy.Statuses[_random.Next(policy.Statuses.Count)];
                return SimulatedFault.Status(status) with { RetryAfter = status is 429 or 503 ? policy.RetryAfter : null };
            }

            return null;
        }
    }
}
