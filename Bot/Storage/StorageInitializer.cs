namespace InfoStoryBot.Bot.Storage;

/// <summary>Creates the container (or folder) before the app takes traffic; a storage that cannot be reached fails start-up loudly.</summary>
internal sealed partial class StorageInitializer(IBlobStore store, IStorageProbe probe, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.InitializeAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new InvalidOperationException($"Storage could not be prepared ({probe.Description}): {e.Message}", e);
        }

        LogReady(logger, probe.Description);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Storage}")]
    private static partial void LogReady(ILogger logger, string storage);
}
