using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Turns;

/// <summary>Conversation state, one item per conversation, written only conditionally on its ETag.</summary>
public interface IConversationStateStore
{
    Task<Versioned<ConversationState>?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the state. <paramref name="etag"/> null means "create, must not exist yet".
    /// Throws <see cref="ConcurrencyConflictException"/> when another turn wrote first. Returns the new ETag.
    /// </summary>
    Task<string> SaveAsync(string channelId, string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken);

    Task DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
