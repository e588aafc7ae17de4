namespace InfoStoryBot.Dialogs.Channels;

/// <summary>Why the bot can no longer post in a channel.</summary>
public enum ChannelGoneReason
{
    /// <summary>The channel was deleted in Teams (it may be restored).</summary>
    Deleted,

    /// <summary>Its team was archived: channels are read-only until it is unarchived.</summary>
    TeamArchived,

    /// <summary>Its team was deleted (Teams keeps it restorable for a while).</summary>
    TeamDeleted,

    /// <summary>The team's channel list, read from the Connector, no longer has it.</summary>
    NotInTeam,

    /// <summary>The Connector answered 403 or 404 for it.</summary>
    Refused,
}

/// <summary>
/// A channel the bot can no longer post in: since when, why, and (for <see cref="ChannelGoneReason.Refused"/>) what
/// the Connector said, e.g. "404 ConversationNotFound". A gone channel stays registered, so its campaigns still
/// name it and a restore brings it back as it was (muted or not).
/// </summary>
public sealed record ChannelGone(DateTimeOffset GoneAt, ChannelGoneReason Reason, string? Detail = null);
