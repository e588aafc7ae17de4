using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// Conversation state with this instance's last copy kept in memory (<see cref="ConversationStateCache"/>), so a
/// turn on the instance that answered the conversation's last turn only writes: one storage round trip, not two.
/// </summary>
/// <remarks>
/// Safe because every write is conditional on the ETag the copy came with. When another instance has saved since,
/// the copy is stale, the save throws <see cref="ConcurrencyConflictException"/>, the copy is dropped, and the turn's
/// re-run reads storage. Any other failed save drops it too: the write may or may not have happened (a timeout after
/// the service took it), so only storage knows the current ETag. Callers that decide something no write of theirs
/// will check (the leftovers of a redelivered activity) ask <see cref="GetLatestAsync"/> instead.
/// </remarks>
internal sealed class CachedConversationStateStore(IConversationStateStore inner, ConversationStateCache cache) : IConversationStateStore
{
    public async Task<Versioned<ConversationState>?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var key = Key(channelId, conversationId);
        if (cache.Get(key) is { } kept)
        {
            return kept;
        }

        var stored = await inner.GetAsync(channelId, conversationId, cancellationToken);
        if (stored is not null)
        {
            cache.AddIfAbsent(key, stored);
        }

        return stored;
    }

    public async Task<Versioned<ConversationState>?> GetLatestAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var key = Key(channelId, conversationId);
        cache.Remove(key);
        var stored = await inner.GetLatestAsync(channelId, conversationId, cancellationToken);
        if (stored is not null)
        {
            cache.AddIfAbsent(key, stored);
        }

        return stored;
    }

    public async Task<string> SaveAsync(string channelId, string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken)
    {
        var key = Key(channelId, conversationId);
        string saved;
        try
        {
            saved = await inner.SaveAsync(channelId, conversationId, state, etag, cancellationToken);
        }
        catch
        {
            cache.Remove(key);
            throw;
        }

        cache.Set(key, new Versioned<ConversationState>(state, saved));
        return saved;
    }

    public async Task DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken)
    {
        var key = Key(channelId, conversationId);
        cache.Remove(key);
        try
        {
            await inner.DeleteAsync(channelId, conversationId, cancellationToken);
        }
        finally
        {
            cache.Remove(key);
        }
    }

    private static string Key(string channelId, string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return TurnProcessor.LockKey(channelId, conversationId);
    }
}
