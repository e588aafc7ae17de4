using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.Bot.Tests.Protocol;

/// <summary>
/// A <see cref="FakeTimeProvider"/> for retry tests, with the two things FakeTimeProvider cannot do itself:
/// every timer fires as soon as it is set, moving the clock on by its due time, so back-offs and Retry-After
/// waits cost no real time and no test has to call Advance at the right moment from another thread; and the
/// due times asked for are kept (<see cref="RequestedDelays"/>), which is what retry tests assert on.
/// (FakeTimeProvider's AutoAdvanceAmount moves the clock on each read of the time, not when a timer is set,
/// so a <c>Task.Delay</c> on it still waits for someone to call Advance.)
/// </summary>
internal sealed class AutoAdvancingTimeProvider() : FakeTimeProvider(DateTimeOffset.UtcNow)
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _requestedDelays = [];

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

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _requestedDelays.Add(dueTime);
            }

            // Not inline: the caller (Task.Delay) has not finished constructing itself when CreateTimer returns.
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
