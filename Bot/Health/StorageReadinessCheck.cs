using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Health;

/// <summary>Ready when the configured storage answers a cheap list call.</summary>
public sealed partial class StorageReadinessCheck(IStorageProbe probe, ILogger<StorageReadinessCheck> log) : IReadinessCheck
{
    public string Name => "storage";

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        var problem = await probe.CheckAsync(cancellationToken);
        if (problem is null)
        {
            return new ReadinessResult(true);
        }

        // The problem can name the account; /readyz is anonymous, so the detail stays in the log.
        LogNotReady(log, problem);
        return new ReadinessResult(false, "storage is not answering; see the log");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage is not ready: {Problem}")]
    private static partial void LogNotReady(ILogger logger, string problem);
}
