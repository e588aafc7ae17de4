using System.ComponentModel.DataAnnotations;

namespace InfoStoryBot.Bot.Turns;

/// <summary>Limits of the messaging endpoint and of a turn. Section <c>Messages</c>.</summary>
public sealed class MessagesOptions
{
    public const string Section = "Messages";

    /// <summary>Teams activities are a few KB; a card submit with a long story stays well under this.</summary>
    [Range(4 * 1024, 4 * 1024 * 1024, ErrorMessage = "Messages:MaxBodyBytes must be between 4 KB and 4 MB.")]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>How many recent activity ids a conversation remembers to spot redeliveries.</summary>
    [Range(1, 500, ErrorMessage = "Messages:RecentActivityIds must be between 1 and 500.")]
    public int RecentActivityIds { get; set; } = 50;

    /// <summary>How often a turn is re-run when another instance saved the conversation's state first.</summary>
    [Range(0, 10, ErrorMessage = "Messages:StateConflictRetries must be between 0 and 10.")]
    public int StateConflictRetries { get; set; } = 3;
}
