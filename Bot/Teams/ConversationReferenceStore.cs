using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Teams;

/// <summary>
/// "refs/conversation/{conversation key}.json" holds each reference; "refs/personal/{Entra object id key}.json"
/// holds a copy for a user's personal chat, so a proactive 1:1 message needs one read. Last writer wins on
/// purpose: references are refreshed from every activity and the newest serviceUrl is the right one.
/// </summary>
internal sealed class ConversationReferenceStore(IBlobStore store) : IConversationReferenceStore
{
    private const string PersonalPrefix = "refs/personal/";

    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = reference.Conversation?.Id;
        ArgumentException.ThrowIfNullOrEmpty(conversationId, "reference.Conversation.Id");
        var bytes = StorageJson.Serialize(reference);
        await store.WriteAsync(ConversationName(conversationId), bytes, WriteCondition.Always, cancellationToken);
        if (IsPersonal(reference) && reference.User?.AadObjectId is { Length: > 0 } user)
        {
            await store.WriteAsync(PersonalName(user), bytes, WriteCondition.Always, cancellationToken);
        }
    }

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        ReadAsync(ConversationName(conversationId), cancellationToken);

    public Task<ConversationReference?> GetPersonalAsync(string userAadObjectId, CancellationToken cancellationToken) =>
        ReadAsync(PersonalName(userAadObjectId), cancellationToken);

    public async Task<IReadOnlyList<ConversationReference>> ListPersonalAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var names = new List<string>();
        string? continuation = null;
        do
        {
            var page = await store.ListAsync(PersonalPrefix, Math.Min(5000, max - names.Count), continuation, cancellationToken);
            names.AddRange(page.Names);
            continuation = page.Continuation;
        }
        while (continuation is not null && names.Count < max);

        var blobs = await store.ReadManyAsync(names, cancellationToken);
        return [.. blobs.Where(b => b.Blob is not null).Select(b => StorageJson.Deserialize<ConversationReference>(b.Blob!, b.Name))];
    }

    public async Task DeleteAsync(string conversationId, CancellationToken cancellationToken)
    {
        var existing = await GetAsync(conversationId, cancellationToken);
        if (existing is not null && IsPersonal(existing) && existing.User?.AadObjectId is { Length: > 0 } user)
        {
            var personal = await store.ReadAsync(PersonalName(user), cancellationToken);
            if (personal is not null
                && StorageJson.Deserialize<ConversationReference>(personal, PersonalName(user)).Conversation?.Id == conversationId)
            {
                try
                {
                    await store.DeleteAsync(PersonalName(user), personal.ETag, cancellationToken);
                }
                catch (ConcurrencyConflictException)
                {
                    // The user reinstalled meanwhile: the newer personal reference stays.
                }
            }
        }

        await store.DeleteAsync(ConversationName(conversationId), null, cancellationToken);
    }

    private async Task<ConversationReference?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        var blob = await store.ReadAsync(name, cancellationToken);
        return blob is null ? null : StorageJson.Deserialize<ConversationReference>(blob, name);
    }

    private static bool IsPersonal(ConversationReference reference) =>
        reference.Conversation?.ConversationType == ConversationTypes.Personal;

    private static string ConversationName(string conversationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        return $"refs/conversation/{BlobNames.EncodeKey(conversationId)}.json";
    }

    private static string PersonalName(string userAadObjectId)
    {
        ArgumentException.ThrowIfNullOrEmpty(userAadObjectId);
        return $"{PersonalPrefix}{BlobNames.EncodeKey(userAadObjectId)}.json";
    }
}
