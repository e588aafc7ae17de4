using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// The in-memory Direct Line side of DevChat: conversations, their tokens and transcripts. Bounded in
/// every direction (activities per conversation, number of conversations, idle lifetime), because a
/// developer may leave the page open all day.
/// </summary>
public sealed class DevChatConversations(DevChatOptions options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DevChatConversation> _byId = new(StringComparer.Ordinal);

    /// <param name="channel">For a person's view of a channel of the local team; null for their 1:1 chat.</param>
    public DevChatConversation Create(DevChatIdentity identity, DevChatChannel? channel = null)
    {
        lock (_gate)
        {
            RemoveExpired();
            while (_byId.Count >= options.MaxConversations)
            {
                var oldest = _byId.Values.MinBy(c => c.LastActiveAt)!;
                _byId.Remove(oldest.Id);
            }

            var conversation = new DevChatConversation(
                "devchat-" + Guid.NewGuid().ToString("N"),
                System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32)),
                identity,
                time.GetUtcNow(),
                options.MaxActivitiesPerConversation,
                channel);
            _byId[conversation.Id] = conversation;
            return conversation;
        }
    }

    /// <summary>The live conversation, touching it so it stays alive; null when unknown or expired.</summary>
    public DevChatConversation? Find(string conversationId)
    {
        lock (_gate)
        {
            return FindLocked(conversationId);
        }
    }

    private DevChatConversation? FindLocked(string conversationId)
    {
        if (!_byId.TryGetValue(conversationId, out var conversation))
        {
            return null;
        }

        var now = time.GetUtcNow();
        if (IsExpired(conversation, now))
        {
            _byId.Remove(conversationId);
            return null;
        }

        conversation.Touch(now);
        return conversation;
    }

    public DevChatConversation? FindByToken(string token)
    {
        lock (_gate)
        {
            var presented = Encoding.UTF8.GetBytes(token);
            var match = _byId.Values.FirstOrDefault(c => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(c.Token), presented));
            return match is null ? null : FindLocked(match.Id);
        }
    }

    /// <summary>The most recently active live 1:1 conversation of a user, for the bot's proactive 1:1 sends.</summary>
    public DevChatConversation? FindLatestForUser(string userId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return _byId.Values
                .Where(c => c.Identity.UserId == userId && c.Channel is null && !IsExpired(c, now))
                .MaxBy(c => c.LastActiveAt);
        }
    }

    /// <summary>Every live view of a channel (one per person looking at it), for what is posted there.</summary>
    public IReadOnlyList<DevChatConversation> ViewsOf(string channelId)
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            return [.. _byId.Values.Where(c => c.Channel?.Id == channelId && !IsExpired(c, now))];
        }
    }

    public TimeSpan TokenLifetime => options.ConversationIdleTimeout;

    public DateTimeOffset Now => time.GetUtcNow();

    private void RemoveExpired()
    {
        var now = time.GetUtcNow();
        foreach (var expired in _byId.Values.Where(c => IsExpired(c, now)).ToList())
        {
            _byId.Remove(expired.Id);
        }
    }

    private bool IsExpired(DevChatConversation conversation, DateTimeOffset now) =>
        now - conversation.LastActiveAt > options.ConversationIdleTimeout;
}

/// <summary>One Direct Line conversation. The watermark is the sequence number of the last activity a client has seen.</summary>
public sealed class DevChatConversation(string id, string token, DevChatIdentity identity, DateTimeOffset createdAt, int maxActivities, DevChatChannel? channel = null)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<TranscriptEntry> _entries = new();
    private long _sequence;
    private long _idCounter;
    private long _lastActiveTicks = createdAt.UtcTicks;
    private int _started;

    public string Id { get; } = id;

    public string Token { get; } = token;

    public DevChatIdentity Identity { get; } = identity;

    /// <summary>The channel this is a person's view of; null for a 1:1 chat.</summary>
    public DevChatChannel? Channel { get; } = channel;

    public DateTimeOffset LastActiveAt => new(Interlocked.Read(ref _lastActiveTicks), TimeSpan.Zero);

    /// <summary>True the first time only: the welcome conversationUpdate is sent once per conversation.</summary>
    public bool TryMarkStarted() => Interlocked.Exchange(ref _started, 1) == 0;

    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastActiveTicks, now.UtcTicks);

    /// <summary>A Direct Line style activity id: the conversation and a per-conversation counter.</summary>
    public string NextActivityId()
    {
        return string.Create(CultureInfo.InvariantCulture, $"{Id}|{Interlocked.Increment(ref _idCounter):D7}");
    }

    public void Append(string activityId, JsonElement activity)
    {
        lock (_gate)
        {
            _entries.AddLast(new TranscriptEntry(++_sequence, activityId, activity));
            while (_entries.Count > maxActivities)
            {
                _entries.RemoveFirst();
            }
        }
    }

    /// <summary>
    /// Replaces an activity and moves it to the end of the log under a new sequence number, so polling
    /// clients receive it again; Web Chat replaces an activity it already has by id.
    /// </summary>
    public bool Replace(string activityId, JsonElement activity)
    {
        lock (_gate)
        {
            var node = FindNode(activityId);
            if (node is null)
            {
                return false;
            }

            _entries.Remove(node);
            _entries.AddLast(new TranscriptEntry(++_sequence, activityId, activity));
            return true;
        }
    }

    public bool Remove(string activityId)
    {
        lock (_gate)
        {
            var node = FindNode(activityId);
            if (node is null)
            {
                return false;
            }

            _entries.Remove(node);
            return true;
        }
    }

    public JsonElement? Get(string activityId)
    {
        lock (_gate)
        {
            return FindNode(activityId)?.Value.Activity;
        }
    }

    /// <summary>Everything after the watermark, and the watermark to ask with next time.</summary>
    public (IReadOnlyList<JsonElement> Activities, long Watermark) After(long watermark)
    {
        lock (_gate)
        {
            var activities = _entries.Where(e => e.Sequence > watermark).Select(e => e.Activity).ToList();
            return (activities, _sequence);
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    private LinkedListNode<TranscriptEntry>? FindNode(string activityId)
    {
        for (var node = _entries.Last; node is not null; node = node.Previous)
        {
            if (node.Value.ActivityId == activityId)
            {
                return node;
            }
        }

        return null;
    }

    private sealed record TranscriptEntry(long Sequence, string ActivityId, JsonElement Activity);
}
