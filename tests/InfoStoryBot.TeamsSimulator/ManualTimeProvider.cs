namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// A clock tests move by hand. Timers (and so <c>Task.Delay(delay, timeProvider)</c>) fire when <see cref="Advance"/>
/// passes their due time; with <see cref="AutoAdvance"/> every timer fires at once and moves the clock by its due time,
/// so retry back-offs cost no real time while <see cref="RequestedDelays"/> still shows what was asked for.
/// </summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<TimeSpan> _requestedDelays = [];
    private DateTimeOffset _now = start;

    public ManualTimeProvider()
        : this(DateTimeOffset.UtcNow)
    {
    }

    public bool AutoAdvance { get; set; }

    public IReadOnlyList<TimeSpan> RequestedDelays
    {
        get
        {
            lock (_gate)
            {
                return [.. _requestedDelays];
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.DueAt <= _now).ToList();
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        lock (_gate)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                _requestedDelays.Add(dueTime);
            }
        }

        if (AutoAdvance && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _now += dueTime;
            }

            // Not inline: the caller (e.g. Task.Delay) has not finished constructing itself yet.
            ThreadPool.QueueUserWorkItem(_ => callback(state));
            return timer;
        }

        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(ManualTimer timer, bool add)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (add)
            {
                _timers.Add(timer);
            }
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset DueAt { get; private set; } = DateTimeOffset.MaxValue;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            if (dueTime == Timeout.InfiniteTimeSpan)
            {
                owner.Schedule(this, add: false);
                return true;
            }

            DueAt = owner.GetUtcNow() + dueTime;
            owner.Schedule(this, add: true);
            if (dueTime == TimeSpan.Zero)
            {
                Fire();
            }

            return true;
        }

        public void Fire()
        {
            if (_period == Timeout.InfiniteTimeSpan || _period <= TimeSpan.Zero)
            {
                owner.Schedule(this, add: false);
            }
            else
            {
                DueAt += _period;
            }

            callback(state);
        }

        public void Dispose() => owner.Schedule(this, add: false);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
