using System.ComponentModel.DataAnnotations;

namespace InfoStoryBot.Bot.DevChat;

public sealed record DevChatOptions
{
    public const string SectionName = "DevChat";

    /// <summary>
    /// The Entra object id the "admin" identity presents. DevChat makes it a bootstrap admin (local mode only), so
    /// the campaign team's commands can be tried on the page; the default is a fixed, obviously fake id.
    /// </summary>
    [Required(ErrorMessage = "DevChat:AdminObjectId must be set (an Entra object id, a GUID).")]
    [RegularExpression(GuidPattern, ErrorMessage = "DevChat:AdminObjectId must be a GUID.")]
    public string AdminObjectId { get; init; } = "00000000-0000-4000-8000-00000000ad01";

    [Required(ErrorMessage = "DevChat:StorytellerObjectId must be set (an Entra object id, a GUID).")]
    [RegularExpression(GuidPattern, ErrorMessage = "DevChat:StorytellerObjectId must be a GUID.")]
    public string StorytellerObjectId { get; init; } = "00000000-0000-4000-8000-000000005701";

    [Required(ErrorMessage = "DevChat:TenantId must be set (a GUID).")]
    [RegularExpression(GuidPattern, ErrorMessage = "DevChat:TenantId must be a GUID.")]
    public string TenantId { get; init; } = "00000000-0000-4000-8000-0000000de7c1";

    /// <summary>Oldest activities are forgotten beyond this, so a long session cannot grow memory without bound.</summary>
    [Range(10, 10_000, ErrorMessage = "DevChat:MaxActivitiesPerConversation must be between 10 and 10000.")]
    public int MaxActivitiesPerConversation { get; init; } = 500;

    /// <summary>The least recently used conversation is dropped beyond this.</summary>
    [Range(1, 1_000, ErrorMessage = "DevChat:MaxConversations must be between 1 and 1000.")]
    public int MaxConversations { get; init; } = 50;

    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "DevChat:ConversationIdleTimeout must be between 1 minute and 7 days.")]
    public TimeSpan ConversationIdleTimeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>A user message bigger than this is refused with 413; Teams itself caps messages far lower.</summary>
    [Range(1_024, 1_048_576, ErrorMessage = "DevChat:MaxRequestBytes must be between 1 KiB and 1 MiB.")]
    public int MaxRequestBytes { get; init; } = 256 * 1024;

    private const string GuidPattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
}
