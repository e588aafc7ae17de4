using InfoStoryBot.Bot.Protocol;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.Bot.Tests.Protocol;

/// <summary>
/// The shared budget on a hand-moved clock: which call gets which slot is decided by the gate alone, so the bounds
/// below are exact, not timings of a loaded machine.
/// </summary>
public sealed class ConnectorRateGateTests : IDisposable
{
    private const string Tenant = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static readonly TimeSpan Slot = TimeSpan.FromSeconds(1.0 / 30);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ConnectorRateGate _gate;

    public ConnectorRateGateTests() => _gate = Gate(30);

    public void Dispose() => _gate.Dispose();

    private ConnectorRateGate Gate(int perSecond) =>
        new(Options.Create(new ConnectorClientOptions { RequestsPerSecondPerTenant = perSecond }), _clock);

    private Task<bool> Proactive(string? thread = null) => _gate.WaitAsync(Tenant, thread, ConnectorPriority.Proactive, CancellationToken.None);

    private Task<bool> Interactive(string? thread = null) => _gate.WaitAsync(Tenant, thread, ConnectorPriority.Interactive, CancellationToken.None);

    /// <summary>Moves the clock in small steps until the call is granted; returns how long that took on the clock.</summary>
    private TimeSpan AdvanceUntil(Task<bool> call, TimeSpan limit)
    {
        var start = _clock.GetUtcNow();
        var step = TimeSpan.FromMilliseconds(1);
        while (!call.IsCompleted && _clock.GetUtcNow() - start < limit)
        {
            _clock.Advance(step);
        }

        Assert.True(call.IsCompleted, $"not granted within {limit}");
        return _clock.GetUtcNow() - start;
    }

    [Fact]
    public async Task Interactive_QueuedBehindAFanOut_TakesTheNextSlotBeforeAnyProactiveCall()
    {
        var fanOut = Enumerable.Range(0, 600).Select(_ => Proactive()).ToList();
        _clock.Advance(TimeSpan.FromSeconds(0.5));
        var grantedBefore = fanOut.Count(t => t.IsCompleted);

        var reply = Interactive();
        var waited = AdvanceUntil(reply, TimeSpan.FromSeconds(1));

        Assert.True(await reply);
        Assert.True(waited <= Slot + TimeSpan.FromMilliseconds(1), $"the reply waited {waited.TotalMilliseconds} ms behind 600 queued posts; one slot is {Slot.TotalMilliseconds:F1} ms");
        // It took a slot the fan-out would otherwise have had: no proactive call was granted while it waited.
        Assert.InRange(fanOut.Count(t => t.IsCompleted) - grantedBefore, 0, 1);
        Assert.Equal(0, _gate.Queued(Tenant).Interactive);
    }

    [Fact]
    public void Proactive_FanOutAtTheLimit_IsSpacedEvenlyAndNeverMoreThanTheLimitInAnySecond()
    {
        var fanOut = Enumerable.Range(0, 90).Select(_ => Proactive()).ToList();
        var grantedAt = new DateTimeOffset?[fanOut.Count];
        var start = _clock.GetUtcNow();
        while (grantedAt.Any(g => g is null) && _clock.GetUtcNow() - start < TimeSpan.FromSeconds(10))
        {
            for (var i = 0; i < fanOut.Count; i++)
            {
                if (grantedAt[i] is null && fanOut[i].IsCompleted)
                {
                    grantedAt[i] = _clock.GetUtcNow();
                }
            }

            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        var times = grantedAt.Select(g => g!.Value).Order().ToList();
        Assert.All(fanOut, t => Assert.True(t.Result));
        for (var i = 30; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 30] >= TimeSpan.FromSeconds(1), $"31 grants within a second ending at #{i}");
        }

        // Spaced, not bursty: at most two (the tolerance of one slot) in any one slot's time.
        for (var i = 2; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 2] >= Slot - TimeSpan.FromMilliseconds(1), $"three grants within one slot at #{i}");
        }

        // And the budget is used: 90 calls at 30 a second take about three seconds, not more.
        Assert.InRange((times[^1] - times[0]).TotalSeconds, 2.8, 3.1);
    }

    [Fact]
    public void Interactive_Burst_GoesAtOnceUpToTheLimitThenWaitsForTheSecondToPass()
    {
        var burst = Enumerable.Range(0, 31).Select(_ => Interactive()).ToList();

        Assert.Equal(30, burst.Count(t => t.IsCompleted));
        var waited = AdvanceUntil(burst[30], TimeSpan.FromSeconds(2));
        Assert.InRange(waited.TotalMilliseconds, 999, 1001);
    }

    [Fact]
    public async Task PerThread_EighthSendToOneConversationWithinASecond_WaitsForTheWindow()
    {
        var sends = Enumerable.Range(0, 8).Select(_ => Interactive("a:1chat")).ToList();
        var other = Interactive("a:1otherchat");

        Assert.Equal(7, sends.Count(t => t.IsCompleted));
        Assert.True(other.IsCompleted, "another conversation's send must not wait on this one's limit");
        await StillWaitingUntil(sends[7], TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task PerThread_SixtyInThirtySeconds_TheSixtyFirstWaitsForTheFirstToLeaveTheWindow()
    {
        for (var i = 0; i < 60; i++)
        {
            Assert.True(Interactive("19:busy@thread.tacv2").IsCompleted, $"send {i} should not wait at one every 300 ms");
            _clock.Advance(TimeSpan.FromMilliseconds(300));
        }

        // Sent at 0 s ... 17.7 s; now 18 s: the first leaves the 30-second window at 30 s.
        await StillWaitingUntil(Interactive("19:busy@thread.tacv2"), TimeSpan.FromSeconds(12));
    }

    /// <summary>Not granted one millisecond before <paramref name="due"/> on the clock, granted at it.</summary>
    private async Task StillWaitingUntil(Task<bool> call, TimeSpan due)
    {
        _clock.Advance(due - TimeSpan.FromMilliseconds(1));
        await Task.Delay(50);
        Assert.False(call.IsCompleted, $"granted before {due}");
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(await call.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Cancelled_WaitingCall_LeavesTheQueueAndUsesNoSlot()
    {
        var filling = Enumerable.Range(0, 30).Select(_ => Interactive()).ToList();
        using var cancel = new CancellationTokenSource();
        var abandoned = _gate.WaitAsync(Tenant, null, ConnectorPriority.Interactive, cancel.Token);
        var next = Interactive();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.All(filling, t => Assert.True(t.IsCompleted));
        var waited = AdvanceUntil(next, TimeSpan.FromSeconds(2));
        Assert.InRange(waited.TotalMilliseconds, 999, 1001);
        Assert.Equal((0, 0), _gate.Queued(Tenant));
    }

    [Fact]
    public void Off_ZeroRequestsPerSecond_NeverWaits()
    {
        using var off = Gate(0);

        var calls = Enumerable.Range(0, 500).Select(_ => off.WaitAsync(Tenant, "a:1chat", ConnectorPriority.Proactive, CancellationToken.None)).ToList();

        Assert.All(calls, t => Assert.True(t.IsCompletedSuccessfully && t.Result));
    }

    [Fact]
    public void Tenants_HaveABudgetEach()
    {
        var first = Enumerable.Range(0, 30).Select(_ => Interactive()).ToList();
        var otherTenant = _gate.WaitAsync("00000000-0000-4000-8000-000000000001", null, ConnectorPriority.Interactive, CancellationToken.None);

        Assert.All(first, t => Assert.True(t.IsCompleted));
        Assert.True(otherTenant.IsCompleted);
    }
}
