using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.Teams;

public enum InstallEventKind
{
    None,
    BotAdded,
    BotRemoved,
    ChannelCreated,
    ChannelRenamed,
    ChannelDeleted,
    ChannelRestored,
    TeamRenamed,

    /// <summary>Soft delete: Teams keeps the team restorable for a while.</summary>
    TeamDeleted,
    TeamRestored,
    TeamArchived,
    TeamUnarchived,

    /// <summary>The team is gone for good.</summary>
    TeamHardDeleted,
}

/// <summary>
/// Reads what a conversationUpdate or installationUpdate means. Teams sends both on install (and both
/// on removal), so every consequence must be idempotent.
/// </summary>
public static class InstallEvents
{
    public static InstallEventKind Classify(Activity activity)
    {
        if (string.Equals(activity.Type, ActivityTypes.InstallationUpdate, StringComparison.OrdinalIgnoreCase))
        {
            return activity.Action?.ToLowerInvariant() switch
            {
                "add" or "add-upgrade" => InstallEventKind.BotAdded,
                "remove" or "remove-upgrade" => InstallEventKind.BotRemoved,
                _ => InstallEventKind.None,
            };
        }

        if (!string.Equals(activity.Type, ActivityTypes.ConversationUpdate, StringComparison.OrdinalIgnoreCase))
        {
            return InstallEventKind.None;
        }

        var botId = activity.Recipient?.Id;
        if (Contains(activity.MembersAdded, botId))
        {
            return InstallEventKind.BotAdded;
        }

        if (Contains(activity.MembersRemoved, botId))
        {
            return InstallEventKind.BotRemoved;
        }

        // Teams' own samples spell some of these in lower case ("teamarchived"), so case is ignored.
        return activity.ChannelData?.EventType?.ToLowerInvariant() switch
        {
            "channelcreated" => InstallEventKind.ChannelCreated,
            "channelrenamed" => InstallEventKind.ChannelRenamed,
            "channeldeleted" => InstallEventKind.ChannelDeleted,
            "channelrestored" => InstallEventKind.ChannelRestored,
            "teamrenamed" => InstallEventKind.TeamRenamed,
            "teamdeleted" => InstallEventKind.TeamDeleted,
            "teamrestored" => InstallEventKind.TeamRestored,
            "teamarchived" => InstallEventKind.TeamArchived,
            "teamunarchived" => InstallEventKind.TeamUnarchived,
            "teamharddeleted" => InstallEventKind.TeamHardDeleted,
            _ => InstallEventKind.None,
        };
    }

    private static bool Contains(IReadOnlyList<ChannelAccount>? members, string? botId) =>
        botId is not null && members is not null && members.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal));
}
