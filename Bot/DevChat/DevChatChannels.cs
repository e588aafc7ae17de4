using System.Globalization;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// The local team's channels, shown as Teams shows a channel to its members: one shared transcript per channel (the
/// bot's new threads from create-conversation-in-channel, its replies in them, what members say), seen through each
/// person's own view of it (a Direct Line conversation per person and channel). What the bot posts reaches every view;
/// what answers one person's button press (an invoke response) reaches only theirs, as in Teams. In memory and
/// bounded, like the rest of DevChat.
/// </summary>
public sealed class DevChatChannels(DevChatCast cast, DevChatConversations conversations, DevChatTranscript transcript, DevChatOptions options)
{
    private const string ThreadMarker = ";messageid=";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChannelLog> _logs = new(StringComparer.Ordinal);

    /// <summary>The local channel a conversation id belongs to ("{channel}" or a thread "{channel};messageid={root}"), or null.</summary>
    public DevChatChannel? Find(string? conversationId) => conversationId is null ? null : cast.Team.Find(Split(conversationId).ChannelId);

    /// <summary>"{channel};messageid={root}" into its parts; a conversation id with no thread has no root.</summary>
    public static (string ChannelId, string? RootId) Split(string conversationId)
    {
        var cut = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return cut < 0 ? (conversationId, null) : (conversationId[..cut], conversationId[(cut + ThreadMarker.Length)..]);
    }

    public static string ThreadId(string channelId, string rootId) => channelId + ThreadMarker + rootId;

    /// <summary>A person's view of the channel, with everything said there so far.</summary>
    public DevChatConversation Open(DevChatIdentity identity, DevChatChannel channel)
    {
        lock (_gate)
        {
            // Under the channel's lock, so a post lands either in the history copied here or in the new view, never both.
            var view = conversations.Create(identity, channel);
            view.TryMarkStarted(); // a channel has no per-person welcome: the team was welcomed once, in General
            foreach (var entry in LogOf(channel).Entries)
            {
                entry.ShowIn(view, transcript);
            }

            return view;
        }
    }

    /// <summary>The bot posts in the channel: a new thread (<paramref name="rootId"/> null) or a reply in one. Returns the activity id.</summary>
    public string PostFromBot(DevChatChannel channel, string? rootId, Activity activity)
    {
        lock (_gate)
        {
            var log = LogOf(channel);
            var id = log.NextId();
            Add(log, channel, new Entry(id, rootId ?? id, activity, null, null));
            return id;
        }
    }

    /// <summary>A member's message, seen by everyone in the channel; returns its id (a new thread's root).</summary>
    public string PostFromMember(DevChatConversation view, JsonObject posted)
    {
        var channel = view.Channel ?? throw new ArgumentException("Not a channel view.", nameof(view));
        lock (_gate)
        {
            var log = LogOf(channel);
            var id = log.NextId();
            Add(log, channel, new Entry(id, id, null, (JsonObject)posted.DeepClone(), view.Identity));
            return id;
        }
    }

    /// <summary>A member's button press: echoed only in their own view (Teams shows no message for a press).</summary>
    public string EchoPress(DevChatConversation view, JsonObject posted)
    {
        var channel = view.Channel ?? throw new ArgumentException("Not a channel view.", nameof(view));
        string id;
        lock (_gate)
        {
            id = LogOf(channel).NextId();
        }

        transcript.AppendFromUser(view, id, posted);
        return id;
    }

    /// <summary>The root of the thread an activity of the channel is in; null when the channel never had it.</summary>
    public string? RootOf(DevChatChannel channel, string? activityId)
    {
        lock (_gate)
        {
            return activityId is null ? null : LogOf(channel).Entries.LastOrDefault(e => e.Id == activityId)?.RootId;
        }
    }

    /// <summary>The bot updates one of its posts: in every view.</summary>
    public bool Replace(DevChatChannel channel, string activityId, Activity activity)
    {
        lock (_gate)
        {
            var log = LogOf(channel);
            var index = log.Entries.FindIndex(e => e.Id == activityId && e.FromBot is not null);
            if (index < 0)
            {
                return false;
            }

            log.Entries[index] = log.Entries[index] with { FromBot = activity };
            foreach (var view in conversations.ViewsOf(channel.Id))
            {
                transcript.ReplaceFromBot(view, activityId, activity);
            }

            return true;
        }
    }

    public bool Remove(DevChatChannel channel, string activityId)
    {
        lock (_gate)
        {
            if (LogOf(channel).Entries.RemoveAll(e => e.Id == activityId) == 0)
            {
                return false;
            }

            foreach (var view in conversations.ViewsOf(channel.Id))
            {
                view.Remove(activityId);
            }

            return true;
        }
    }

    private void Add(ChannelLog log, DevChatChannel channel, Entry entry)
    {
        log.Entries.Add(entry);
        if (log.Entries.Count > options.MaxActivitiesPerConversation)
        {
            log.Entries.RemoveAt(0);
        }

        foreach (var view in conversations.ViewsOf(channel.Id))
        {
            entry.ShowIn(view, transcript);
        }
    }

    private ChannelLog LogOf(DevChatChannel channel)
    {
        if (!_logs.TryGetValue(channel.Id, out var log))
        {
            log = new ChannelLog(channel.Label);
            _logs[channel.Id] = log;
        }

        return log;
    }

    private sealed class ChannelLog(string label)
    {
        private long _sequence;

        public List<Entry> Entries { get; } = [];

        public string NextId() => string.Create(CultureInfo.InvariantCulture, $"devchat-{label.ToLowerInvariant()}|{++_sequence:D7}");
    }

    /// <summary>One thing said in the channel: by the bot (an activity) or by a member (what their page posted).</summary>
    private sealed record Entry(string Id, string RootId, Activity? FromBot, JsonObject? FromMember, DevChatIdentity? Member)
    {
        public void ShowIn(DevChatConversation view, DevChatTranscript transcript)
        {
            if (FromBot is not null)
            {
                transcript.AppendFromBot(view, FromBot, Id);
            }
            else if (FromMember is not null && Member is not null)
            {
                transcript.AppendFromUser(view, Id, FromMember, Member);
            }
        }
    }
}
