using System.Text.Json;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// What the bot remembers about one conversation between turns. Loaded with its ETag at the start of a
/// turn and saved once, conditionally, at the end.
/// </summary>
public sealed record ConversationState
{
    /// <summary>The active dialog's serialised state (a record from Dialogs/), or null when no dialog runs.</summary>
    public JsonElement? Dialog { get; init; }

    /// <summary>Ids of the last activities handled, so a redelivery from Teams is processed once, on any instance.</summary>
    public IReadOnlyList<string> RecentActivityIds { get; init; } = [];

    public DateTimeOffset? LastActivityAt { get; init; }

    /// <summary>When the bot said hello here; Teams sends two install events and the welcome must come once.</summary>
    public DateTimeOffset? WelcomedAt { get; init; }

    /// <summary>Where each storybook page seen here starts, so Next and Previous cost one page, not a walk from page 1.</summary>
    public PageTrail? Storybook { get; init; }

    /// <summary>
    /// Replies the last turn saved its state for but could not deliver. Teams redelivers an activity the bot answered
    /// with an error; the redelivery is a duplicate (its id is remembered), so without these it would be answered with
    /// nothing. The next new activity clears them: by then they are out of date.
    /// </summary>
    public UndeliveredReplies? Undelivered { get; init; }
}

/// <summary>The replies to one activity that are still to be delivered, in order.</summary>
public sealed record UndeliveredReplies(string ActivityId, IReadOnlyList<Activity> Replies);

/// <summary>The continuation token at which each page of one listing (one set of filters) starts; page 1 starts at null.</summary>
public sealed record PageTrail(string Listing, IReadOnlyList<string?> PageStarts)
{
    /// <summary>Pages beyond this are reached by walking; the state stays small.</summary>
    public const int MaxPages = 50;
}
