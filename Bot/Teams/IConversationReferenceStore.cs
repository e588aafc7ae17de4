using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Teams;

/// <summary>Where the bot can write to later: personal chats by user, channels by channel id.</summary>
public interface IConversationReferenceStore
{
    /// <summary>Creates or refreshes (serviceUrl changes) the reference for its conversation.</summary>
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The personal (1:1) conversation with a user, by Entra object id.</summary>
    Task<ConversationReference?> GetPersonalAsync(string userAadObjectId, CancellationToken cancellationToken);

    /// <summary>
    /// The personal (1:1) conversations the bot has, one per person (each reference names its user and their object
    /// id): the people an admin can pick from by name. At most <paramref name="max"/>.
    /// </summary>
    Task<IReadOnlyList<ConversationReference>> ListPersonalAsync(int max, CancellationToken cancellationToken);

    /// <summary>Forgets a conversation the bot can no longer write to (uninstalled, blocked, 403/404).</summary>
    Task DeleteAsync(string conversationId, CancellationToken cancellationToken);
}
