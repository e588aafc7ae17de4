namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// Tells the DevChat page which storage the app is using, so a developer knows where their stories
/// went. Storage/ can register one; without it DevChat describes the storage configuration itself.
/// </summary>
public interface IDevChatInfoSource
{
    Task<string> DescribeStorageAsync(CancellationToken cancellationToken);
}

/// <summary>The fallback: reads the Storage section the way the storage options are documented.</summary>
internal sealed class ConfigurationDevChatInfoSource(IConfiguration configuration) : IDevChatInfoSource
{
    public Task<string> DescribeStorageAsync(CancellationToken cancellationToken)
    {
        var storage = configuration.GetSection("Storage");
        var description = (storage["ConnectionString"], storage["AccountUrl"], storage["LocalPath"]) switch
        {
            ({ Length: > 0 } connection, _, _) when connection.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase)
                || connection.Contains("127.0.0.1", StringComparison.Ordinal) => "Azure Blob Storage emulator (Azurite), from Storage:ConnectionString",
            ({ Length: > 0 }, _, _) => "Azure Blob Storage, from Storage:ConnectionString",
            (_, { Length: > 0 } url, _) => $"Azure Blob Storage at {url}",
            (_, _, { Length: > 0 } path) => $"a local folder: {Path.GetFullPath(path)}",
            _ => "a local folder (the storage default; set Storage:LocalPath to choose it)",
        };
        return Task.FromResult(description);
    }
}
