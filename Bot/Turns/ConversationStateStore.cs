using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// One item per conversation at "state/{channel key}/{conversation key}.json", keys from
/// <see cref="BlobNames.EncodeKey"/> (Teams conversation ids carry ':', ';', '@' and run long).
/// Saving is conditional on the ETag read at the start of the turn, so two concurrent turns of one
/// conversation cannot both win: the loser gets <see cref="ConcurrencyConflictException"/> and reloads.
/// </summary>
internal sealed class ConversationStateStore(IBlobStore store) : IConversationStateStore
{
    public async Task<Versioned<ConversationState>?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var name = Name(channelId, conversationId);
        var blob = await store.ReadAsync(name, cancellationToken);
        return blob is null ? null : new Versioned<ConversationState>(StorageJson.Deserialize<ConversationState>(blob, name), blob.ETag);
    }

    public Task<Versioned<ConversationState>?> GetLatestAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        GetAsync(channelId, conversationId, cancellationToken);

    public Task<string> SaveAsync(string channelId, string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        return store.WriteAsync(Name(channelId, conversationId), StorageJson.Serialize(state), WriteCondition.FromETag(etag), cancellationToken);
    }

    public async Task DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
        await store.DeleteAsync(Name(channelId, conversationId), null, cancellationToken);

    internal static string Name(string channelId, string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return $"state/{BlobNames.EncodeKey(channelId)}/{BlobNames.EncodeKey(conversationId)}.json";
    }
}
