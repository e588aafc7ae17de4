using System.Threading.Channels;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// Work a turn starts but must not wait for (Teams wants an answer within 15 s): fetching a team's
/// channels after an install, for example. Each item runs in its own DI scope; failures are logged.
/// </summary>
public interface IBackgroundWork
{
    /// <returns>False when the queue is full; the caller reports it.</returns>
    bool TryEnqueue(string name, Func<IServiceProvider, CancellationToken, Task> work);
}

public sealed partial class BackgroundWorkQueue(IServiceScopeFactory scopes, ILogger<BackgroundWorkQueue> log)
    : BackgroundService, IBackgroundWork
{
    private readonly Channel<(string Name, Func<IServiceProvider, CancellationToken, Task> Work)> _queue =
        Channel.CreateBounded<(string, Func<IServiceProvider, CancellationToken, Task>)>(new BoundedChannelOptions(1000)
        {
            FullMode = BoundedChannelFullMode.DropWrite,
            SingleReader = true,
        });

    private int _pending;

    /// <summary>Items queued or running; tests wait for zero.</summary>
    public int Pending => Volatile.Read(ref _pending);

    public bool TryEnqueue(string name, Func<IServiceProvider, CancellationToken, Task> work)
    {
        Interlocked.Increment(ref _pending);
        if (_queue.Writer.TryWrite((name, work)))
        {
            return true;
        }

        Interlocked.Decrement(ref _pending);
        LogQueueFull(log, name);
        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var (name, work) in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await work(scope.ServiceProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(log, e, name);
            }
            finally
            {
                Interlocked.Decrement(ref _pending);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work {Name} was dropped: the queue is full")]
    private static partial void LogQueueFull(ILogger logger, string name);

    [LoggerMessage(Level = LogLevel.Error, Message = "Background work {Name} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string name);
}
