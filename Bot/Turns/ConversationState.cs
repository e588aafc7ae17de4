using System.Collections.Frozen;
using System.Text.Json;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// What the bot remembers about one conversation between turns. Loaded with its ETag at the start of a
/// turn and saved once, conditionally, at the end. The pipeline owns the fields below; each feature keeps
/// its own memory in a named <see cref="ConversationSlot{T}"/>, so this record never learns about features.
/// </summary>
public sealed record ConversationState
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoSlots = FrozenDictionary<string, JsonElement>.Empty;

    /// <summary>The active dialog's serialised state (a record from Dialogs/), or null when no dialog runs.</summary>
    public JsonElement? Dialog { get; init; }

    /// <summary>Ids of the last activities handled, so a redelivery from Teams is processed once, on any instance.</summary>
    public IReadOnlyList<string> RecentActivityIds { get; init; } = [];

    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>
    /// Replies the last turn saved its state for but could not deliver. Teams redelivers an activity the bot answered
    /// with an error; the redelivery is a duplicate (its id is remembered), so without these it would be answered with
    /// nothing. The next new activity clears them: by then they are out of date.
    /// </summary>
    public UndeliveredReplies? Undelivered { get; init; }

    /// <summary>Each feature's memory of this conversation, by slot name. Read and written through <see cref="Get{T}"/> and <see cref="With{T}"/>.</summary>
    public IReadOnlyDictionary<string, JsonElement> Slots { get; init; } = NoSlots;

    public T? Get<T>(ConversationSlot<T> slot) where T : class
    {
        ArgumentNullException.ThrowIfNull(slot);
        return Slots.TryGetValue(slot.Name, out var stored) ? stored.Deserialize<T>(StorageJson.Options) : null;
    }

    /// <summary>This state with the slot set, or removed when <paramref name="value"/> is null.</summary>
    public ConversationState With<T>(ConversationSlot<T> slot, T? value) where T : class
    {
        ArgumentNullException.ThrowIfNull(slot);
        var slots = new Dictionary<string, JsonElement>(Slots, StringComparer.Ordinal);
        if (value is null)
        {
            slots.Remove(slot.Name);
        }
        else
        {
            slots[slot.Name] = JsonSerializer.SerializeToElement(value, StorageJson.Options);
        }

        return this with { Slots = slots };
    }
}

/// <summary>
/// A feature's named place in <see cref="ConversationState"/>, declared once by the feature
/// (e.g. <c>new ConversationSlot&lt;PageTrail&gt;("storybook.trail")</c>). Names are stored, so never rename one.
/// </summary>
public sealed record ConversationSlot<T>(string Name) where T : class;

/// <summary>The replies to one activity that are still to be delivered, in order.</summary>
public sealed record UndeliveredReplies(string ActivityId, IReadOnlyList<Activity> Replies);
