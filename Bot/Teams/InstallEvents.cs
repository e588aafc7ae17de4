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
    TeamDeleted,
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

        return activity.ChannelData?.EventType switch
        {
            "channelCreated" => InstallEventKind.ChannelCreated,
            "channelRenamed" => InstallEventKind.ChannelRenamed,
            "channelDeleted" => InstallEventKind.ChannelDeleted,
            "channelRestored" => InstallEventKind.ChannelRestored,
            "teamRenamed" => InstallEventKind.TeamRenamed,
            "teamDeleted" or "teamHardDeleted" => InstallEventKind.TeamDeleted,
            _ => InstallEventKind.None,
        };
    }

    private static bool Contains(IReadOnlyList<ChannelAccount>? members, string? botId) =>
        botId is not null && members is not null && members.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal));
}
