using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Protocol;

/// <summary>
/// Keeps the bot under Teams' limits by queueing rather than by collecting 429s (bot-framework-protocol.md §5):
/// the per-app-per-tenant budget (<see cref="ConnectorClientOptions.RequestsPerSecondPerTenant"/> in any one
/// second), shared by every call the bot makes, replies and proactive sends alike; and the per-bot-per-thread
/// limits on sends and creates (7 a second, 8 in two, 60 in thirty, 1800 an hour). Calls that name no tenant
/// (roster and team reads) share one budget. 0 requests a second turns all pacing off.
/// </summary>
/// <remarks>
/// Within a tenant's budget interactive calls go first: a waiting reply takes the next free slot even when a
/// fan-out of hundreds is queued, so a storyteller waits at most one slot (1/30 s) behind it. Proactive calls
/// are also spaced evenly (one every 1/limit seconds) instead of bursting a whole second's budget at once,
/// which would leave no free slot for a reply until that second has passed. All waiting is on the injected
/// <see cref="TimeProvider"/>, so the ordering is testable without real time.
/// </remarks>
internal sealed class ConnectorRateGate : IDisposable
{
    public const string UnknownTenant = "*";
    private const int QueueLimit = 100_000;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly int _perSecond;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, TenantBudget> _tenants = new(StringComparer.Ordinal);
    private readonly ThreadLimits? _threads;

    public ConnectorRateGate(IOptions<ConnectorClientOptions> options, TimeProvider time)
    {
        _perSecond = options.Value.RequestsPerSecondPerTenant;
        _time = time;
        _threads = _perSecond > 0 ? new ThreadLimits(time) : null;
    }

    /// <summary>
    /// Waits for a slot in the tenant's budget (and, when <paramref name="threadKey"/> is given, in that thread's
    /// limits); false only when the tenant's queue overflowed.
    /// </summary>
    public Task<bool> WaitAsync(string? tenantId, string? threadKey, ConnectorPriority priority, CancellationToken cancellationToken)
    {
        if (_perSecond <= 0)
        {
            return Task.FromResult(true);
        }

        // Without a thread the budget's own task comes back: granted means completed, with no hop through the thread pool.
        return threadKey is null
            ? Budget(tenantId).AcquireAsync(priority, cancellationToken)
            : WaitForThreadThenBudgetAsync(tenantId, threadKey, priority, cancellationToken);
    }

    private async Task<bool> WaitForThreadThenBudgetAsync(string? tenantId, string threadKey, ConnectorPriority priority, CancellationToken cancellationToken)
    {
        await _threads!.WaitAsync(threadKey, cancellationToken);
        return await Budget(tenantId).AcquireAsync(priority, cancellationToken);
    }

    private TenantBudget Budget(string? tenantId) =>
        _tenants.GetOrAdd(string.IsNullOrEmpty(tenantId) ? UnknownTenant : tenantId, _ => new TenantBudget(_perSecond, _time));

    /// <summary>Calls waiting for the tenant's budget now, by priority (for tests and diagnostics).</summary>
    public (int Interactive, int Proactive) Queued(string? tenantId) =>
        _tenants.TryGetValue(string.IsNullOrEmpty(tenantId) ? UnknownTenant : tenantId, out var budget) ? budget.Queued : (0, 0);

    public void Dispose()
    {
        foreach (var budget in _tenants.Values)
        {
            budget.Dispose();
        }
    }

    /// <summary>
    /// One tenant: a log of the grants of the last second (never more than the limit in any second), two queues,
    /// and the theoretical time of the next proactive grant (a GCRA pace with one slot of tolerance, so timer
    /// lateness does not slow the fan-out down).
    /// </summary>
    private sealed class TenantBudget(int limit, TimeProvider time) : IDisposable
    {
        private readonly Lock _lock = new();
        private readonly Queue<DateTimeOffset> _granted = new();
        private readonly LinkedList<Waiter> _interactive = new();
        private readonly LinkedList<Waiter> _proactive = new();
        private readonly TimeSpan _spacing = Window / limit;
        private DateTimeOffset _nextProactive = DateTimeOffset.MinValue;
        private ITimer? _timer;
        private DateTimeOffset _timerDue = DateTimeOffset.MaxValue;

        public (int Interactive, int Proactive) Queued
        {
            get
            {
                lock (_lock)
                {
                    return (_interactive.Count, _proactive.Count);
                }
            }
        }

        public Task<bool> AcquireAsync(ConnectorPriority priority, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Waiter waiter;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                Trim(now);
                var nobodyAhead = _interactive.Count == 0 && (priority == ConnectorPriority.Interactive || _proactive.Count == 0);
                if (nobodyAhead && HasRoom && (priority == ConnectorPriority.Interactive || ProactiveMayGo(now)))
                {
                    Grant(priority, now);
                    return Task.FromResult(true);
                }

                if (_interactive.Count + _proactive.Count >= QueueLimit)
                {
                    return Task.FromResult(false);
                }

                waiter = new Waiter(priority);
                waiter.Node = (priority == ConnectorPriority.Interactive ? _interactive : _proactive).AddLast(waiter);
                ScheduleLocked(now);
            }

            if (cancellationToken.CanBeCanceled)
            {
                waiter.Registration = cancellationToken.Register(() => Cancel(waiter, cancellationToken));
            }

            return waiter.Completion.Task;
        }

        public void Dispose()
        {
            lock (_lock)
            {
                _timer?.Dispose();
                _timer = null;
            }
        }

        private bool HasRoom => _granted.Count < limit;

        private bool ProactiveMayGo(DateTimeOffset now) => now >= ProactiveEarliest;

        /// <summary>The earliest a proactive call may go: one slot of tolerance before its theoretical time.</summary>
        private DateTimeOffset ProactiveEarliest => _nextProactive == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : _nextProactive - _spacing;

        private void Grant(ConnectorPriority priority, DateTimeOffset now)
        {
            _granted.Enqueue(now);
            if (priority == ConnectorPriority.Proactive)
            {
                _nextProactive = (_nextProactive > now ? _nextProactive : now) + _spacing;
            }
        }

        private void Trim(DateTimeOffset now)
        {
            while (_granted.Count > 0 && _granted.Peek() <= now - Window)
            {
                _granted.Dequeue();
            }
        }

        private void Cancel(Waiter waiter, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                if (waiter.Node?.List is { } list)
                {
                    list.Remove(waiter.Node);
                    waiter.Node = null;
                    ScheduleLocked(time.GetUtcNow());
                }
            }

            waiter.Completion.TrySetCanceled(cancellationToken);
        }

        private void OnTimer()
        {
            lock (_lock)
            {
                _timerDue = DateTimeOffset.MaxValue;
                var now = time.GetUtcNow();
                Trim(now);
                while (HasRoom)
                {
                    var next = _interactive.First ?? (ProactiveMayGo(now) ? _proactive.First : null);
                    if (next is null)
                    {
                        break;
                    }

                    next.List!.Remove(next);
                    var waiter = next.Value;
                    waiter.Node = null;
                    waiter.Registration.Unregister();
                    if (waiter.Completion.TrySetResult(true))
                    {
                        Grant(waiter.Priority, now);
                    }
                }

                ScheduleLocked(now);
            }
        }

        /// <summary>Sets the timer for the earliest moment a queued call could go.</summary>
        private void ScheduleLocked(DateTimeOffset now)
        {
            if (_interactive.Count == 0 && _proactive.Count == 0)
            {
                return;
            }

            var room = HasRoom ? now : _granted.Peek() + Window;
            var due = _interactive.Count > 0 ? room : Max(room, ProactiveEarliest);
            if (due >= _timerDue)
            {
                return;
            }

            // A fresh timer each time (not Change): test clocks see and fire every timer a caller creates.
            _timer?.Dispose();
            _timerDue = due;
            var delay = due - now;
            _timer = time.CreateTimer(static state => ((TenantBudget)state!).OnTimer(), this, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }

    private sealed class Waiter(ConnectorPriority priority)
    {
        public ConnectorPriority Priority { get; } = priority;

        public TaskCompletionSource<bool> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public LinkedListNode<Waiter>? Node { get; set; }

        public CancellationTokenRegistration Registration { get; set; }
    }

    /// <summary>
    /// Teams' per-bot-per-thread limits for sends and creates (a thread is a 1:1 chat, a group chat or a channel):
    /// a call waits until every window has room, then takes its place at once, so concurrent callers of one
    /// thread queue behind each other. Threads idle for an hour are forgotten.
    /// </summary>
    private sealed class ThreadLimits(TimeProvider time)
    {
        private static readonly (TimeSpan Window, int Max)[] Limits =
        [
            (TimeSpan.FromSeconds(1), 7),
            (TimeSpan.FromSeconds(2), 8),
            (TimeSpan.FromSeconds(30), 60),
            (TimeSpan.FromHours(1), 1800),
        ];

        private static readonly TimeSpan Longest = TimeSpan.FromHours(1);

        private readonly ConcurrentDictionary<string, ThreadLog> _threads = new(StringComparer.Ordinal);
        private int _callsSinceSweep;

        public async Task WaitAsync(string key, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _callsSinceSweep) % 4096 == 0)
            {
                Sweep();
            }

            while (true)
            {
                var log = _threads.GetOrAdd(key, _ => new ThreadLog());
                TimeSpan wait;
                lock (log)
                {
                    if (log.Retired)
                    {
                        continue;
                    }

                    var now = time.GetUtcNow();
                    log.Trim(now - Longest);
                    wait = log.WaitNeeded(now, Limits);
                    if (wait <= TimeSpan.Zero)
                    {
                        log.Add(now);
                        return;
                    }
                }

                await Task.Delay(wait, time, cancellationToken);
            }
        }

        private void Sweep()
        {
            var cutoff = time.GetUtcNow() - Longest;
            foreach (var (key, log) in _threads)
            {
                lock (log)
                {
                    if (log.LastAt <= cutoff)
                    {
                        log.Retired = true;
                        _threads.TryRemove(new KeyValuePair<string, ThreadLog>(key, log));
                    }
                }
            }
        }
    }

    private sealed class ThreadLog
    {
        private readonly List<DateTimeOffset> _times = [];

        public bool Retired { get; set; }

        public DateTimeOffset LastAt => _times.Count == 0 ? DateTimeOffset.MinValue : _times[^1];

        public void Add(DateTimeOffset at) => _times.Add(at);

        public void Trim(DateTimeOffset before)
        {
            var old = 0;
            while (old < _times.Count && _times[old] <= before)
            {
                old++;
            }

            if (old > 0)
            {
                _times.RemoveRange(0, old);
            }
        }

        public TimeSpan WaitNeeded(DateTimeOffset now, (TimeSpan Window, int Max)[] limits)
        {
            var wait = TimeSpan.Zero;
            foreach (var (window, max) in limits)
            {
                if (_times.Count < max)
                {
                    continue;
                }

                // The oldest of the last `max` calls must leave the window before another may go.
                var oldest = _times[^max];
                var until = oldest + window - now;
                if (until > wait)
                {
                    wait = until;
                }
            }

            return wait;
        }
    }
}
