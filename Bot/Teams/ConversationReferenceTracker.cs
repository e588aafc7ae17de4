using System.Collections.Concurrent;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Teams;

/// <summary>
/// Keeps a conversation reference for every personal chat and channel the bot hears from, and refreshes
/// its serviceUrl when Teams moves it. Writes only when something changed, so a turn costs no extra write.
/// </summary>
public sealed partial class ConversationReferenceTracker(IConversationReferenceStore store, ILogger<ConversationReferenceTracker> log) : IConversationWatcher
{
    // Per instance: what this instance last saw saved. A miss only costs one idempotent write.
    private readonly ConcurrentDictionary<string, string> _savedServiceUrls = new(StringComparer.Ordinal);

    public Task SeenAsync(Activity activity, CancellationToken cancellationToken) => RefreshAsync(activity, cancellationToken);

    public Task GoneAsync(Activity activity, CancellationToken cancellationToken) => ForgetAsync(activity, cancellationToken);

    public async Task RefreshAsync(Activity activity, CancellationToken cancellationToken)
    {
        var conversationId = ReferenceKey(activity);
        if (conversationId is null || activity.ServiceUrl is null || !IsAddressable(activity))
        {
            return;
        }

        if (_savedServiceUrls.TryGetValue(conversationId, out var known) && known == activity.ServiceUrl)
        {
            return;
        }

        try
        {
            await store.SaveAsync(Addressable(activity), cancellationToken);
            _savedServiceUrls[conversationId] = activity.ServiceUrl;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The turn can still be answered; the next turn tries again.
            LogSaveFailed(log, e);
        }
    }

    /// <summary>Forgets the conversation an activity came from (the bot was removed or blocked).</summary>
    public async Task ForgetAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (ReferenceKey(activity) is { } key)
        {
            _savedServiceUrls.TryRemove(key, out _);
            await store.DeleteAsync(key, cancellationToken);
        }
    }

    /// <summary>
    /// A channel is addressed by its channel id, not by the thread a message arrived in
    /// (<c>19:…@thread.skype;messageid=…</c>): nudges start new threads.
    /// </summary>
    public static string? ReferenceKey(Activity activity)
    {
        var id = activity.Conversation?.Id;
        if (id is null || activity.Conversation?.ConversationType != ConversationTypes.Channel)
        {
            return id;
        }

        if (activity.ChannelData?.Channel?.Id is { Length: > 0 } channelId)
        {
            return channelId;
        }

        var thread = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? id : id[..thread];
    }

    /// <summary>The reference without the activity id: proactive sends start new messages, not replies.</summary>
    private static ConversationReference Addressable(Activity activity)
    {
        var reference = activity.GetConversationReference() with { ActivityId = null };
        var conversation = (reference.Conversation ?? new ConversationAccount()) with
        {
            Id = ReferenceKey(activity),
            TenantId = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id,
        };
        return reference with { Conversation = conversation };
    }

    private static bool IsAddressable(Activity activity) =>
        activity.Conversation?.ConversationType is null or ConversationTypes.Personal or ConversationTypes.Channel;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not save a conversation reference; will try on the next turn")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);
}
