namespace InfoStoryBot.Bot.Storage;

/// <summary>What storage the bot uses, in words, and whether it answers: for /readyz and the local Web Chat page.</summary>
public interface IStorageProbe
{
    /// <summary>"local folder /path" or "Azure Blob Storage https://account.blob.core.windows.net, container infostorybot".</summary>
    string Description { get; }

    /// <summary>One cheap list call. Null when healthy, otherwise why not (never throws).</summary>
    Task<string?> CheckAsync(CancellationToken cancellationToken);
}

internal sealed class StorageProbe(IBlobStore store, string description) : IStorageProbe
{
    public string Description => description;

    public async Task<string?> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.ListAsync("health/", 1, null, cancellationToken);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return $"{description} is not answering: {e.GetType().Name}: {e.Message}";
        }
    }
}
