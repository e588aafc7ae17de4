using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Teams;

/// <summary>
/// Reads a team's name and channel list from the Connector and stores them, with a conversation reference
/// per channel. Runs in the background after an install: Teams wants the install event answered quickly.
/// </summary>
public sealed partial class TeamChannelSync(
    IConnectorClient connector,
    ITeamStore teams,
    IConversationReferenceStore references,
    ILogger<TeamChannelSync> log)
{
    public async Task SyncAsync(string teamId, string serviceUrl, ChannelAccount? bot, string? tenantId, CancellationToken cancellationToken)
    {
        var channels = await connector.GetTeamChannelsAsync(serviceUrl, teamId, cancellationToken);
        if (!channels.IsSuccess)
        {
            LogFailed(log, teamId, channels.Outcome, channels.StatusCode);
            if (channels.Outcome == ConnectorOutcome.ConversationGone)
            {
                await teams.DeleteAsync(teamId, cancellationToken);
            }

            return;
        }

        var details = await connector.GetTeamDetailsAsync(serviceUrl, teamId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await teams.GetAsync(teamId, cancellationToken);
            if (stored is null)
            {
                return; // removed meanwhile
            }

            var muted = stored.Value.Channels.Where(c => c.Muted).Select(c => c.ChannelId).ToHashSet(StringComparer.Ordinal);
            var updated = stored.Value with
            {
                Name = details.Value?.Name ?? stored.Value.Name,
                AadGroupId = details.Value?.AadGroupId ?? stored.Value.AadGroupId,
                Channels = [.. channels.Value!.Where(c => c.Id is not null).Select(c => new ChannelRecord(c.Id!, c.Name, muted.Contains(c.Id!)))],
            };
            try
            {
                await teams.SaveAsync(updated, stored.ETag, cancellationToken);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
            }
        }

        foreach (var channel in channels.Value!)
        {
            if (channel.Id is null)
            {
                continue;
            }

            await references.SaveAsync(ChannelReference(serviceUrl, bot, channel.Id, tenantId), cancellationToken);
        }

        LogSynced(log, teamId, channels.Value!.Count);
    }

    /// <summary>Where a nudge for a channel goes: a new thread in that channel.</summary>
    internal static ConversationReference ChannelReference(string serviceUrl, ChannelAccount? bot, string channelId, string? tenantId) => new()
    {
        Bot = bot,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = channelId, ConversationType = ConversationTypes.Channel, IsGroup = true, TenantId = tenantId },
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the channels of team {TeamId}: {Outcome} {Status}")]
    private static partial void LogFailed(ILogger logger, string teamId, ConnectorOutcome outcome, int? status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} has {Count} channels")]
    private static partial void LogSynced(ILogger logger, string teamId, int count);
}
