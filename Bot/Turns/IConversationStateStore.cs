using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Turns;

/// <summary>Conversation state, one item per conversation, written only conditionally on its ETag.</summary>
public interface IConversationStateStore
{
    /// <summary>
    /// The state and its ETag; possibly this instance's copy from its last turn, which another instance may have
    /// moved on from: fine to act on when the outcome is saved with this ETag (a stale one fails the save).
    /// </summary>
    Task<Versioned<ConversationState>?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>The state as storage holds it now, for a decision that no conditional save will check.</summary>
    Task<Versioned<ConversationState>?> GetLatestAsync(string channelId, string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Saves the state. <paramref name="etag"/> null means "create, must not exist yet".
    /// Throws <see cref="ConcurrencyConflictException"/> when another turn wrote first. Returns the new ETag.
    /// </summary>
    Task<string> SaveAsync(string channelId, string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken);

    Task DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken);
}
