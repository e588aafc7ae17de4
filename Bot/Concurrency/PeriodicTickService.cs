namespace InfoStoryBot.Bot.Concurrency;

/// <summary>
/// The thin loop of house style 16, for the background work that runs on a clock (the nudge scheduler, the pledge
/// reminders): every interval on the injected <see cref="TimeProvider"/>, in a DI scope of its own, one tick runs.
/// Nothing throws out of the loop: a failed tick is logged and the next one tries again. The work itself lives in the
/// tick class, which tests can call directly; <see cref="NextTickAsync"/> lets them wait for the loop.
/// </summary>
public abstract partial class PeriodicTickService(IServiceScopeFactory scopes, TimeSpan interval, TimeProvider time, ILogger log)
    : BackgroundService
{
    private readonly Lock _gate = new();
    private TaskCompletionSource _tickDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _ticks;

    /// <summary>Ticks finished since start (tests wait on <see cref="NextTickAsync"/>).</summary>
    public int TicksCompleted => Volatile.Read(ref _ticks);

    /// <summary>Completes when the tick after this call has finished.</summary>
    public Task NextTickAsync()
    {
        lock (_gate)
        {
            return _tickDone.Task;
        }
    }

    /// <summary>One tick's work, with the tick's own scope.</summary>
    protected abstract Task RunTickAsync(IServiceProvider services, DateTimeOffset nowUtc, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Off the host's start-up path: the first tick reads storage.
        await Task.Yield();
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await TickAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task TickAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunTickAsync(scope.ServiceProvider, time.GetUtcNow(), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what a tick had claimed is recorded by the sender, and what is due is still due next start.
        }
        catch (Exception e)
        {
            LogTickFailed(log, e, GetType().Name);
        }
        finally
        {
            TaskCompletionSource done;
            lock (_gate)
            {
                done = _tickDone;
                _tickDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                Interlocked.Increment(ref _ticks);
            }

            done.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Service} tick failed; the next tick tries again")]
    private static partial void LogTickFailed(ILogger logger, Exception exception, string service);
}
