using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Teams;

/// <summary>
/// Reads a team's name and channel list from the Connector and stores them, with a conversation reference
/// per channel. Runs in the background after an install or a restore: Teams wants the event answered quickly.
/// </summary>
public sealed partial class TeamChannelSync(
    IConnectorClient connector,
    ITeamStore teams,
    IConversationReferenceStore references,
    TimeProvider time,
    ILogger<TeamChannelSync> log)
{
    public async Task SyncAsync(string teamId, string serviceUrl, ChannelAccount? bot, string? tenantId, CancellationToken cancellationToken)
    {
        var channels = await connector.GetTeamChannelsAsync(serviceUrl, teamId, cancellationToken);
        if (!channels.IsSuccess)
        {
            LogFailed(log, teamId, channels.Outcome, channels.StatusCode, channels.ErrorCode);
            if (channels.Outcome == ConnectorOutcome.ConversationGone)
            {
                // 403/404 for the team: the bot cannot post in any of its channels. Kept, marked gone, so an admin sees why.
                var gone = new ChannelGone(time.GetUtcNow(), ChannelGoneReason.Refused, $"{channels.StatusCode} {channels.ErrorCode}".Trim());
                await TeamUpdates.ApplyAsync(teams, teamId, team => team is null ? null : TeamUpdates.MarkGone(team, _ => true, gone), cancellationToken);
            }

            return;
        }

        var listed = channels.Value!.Where(c => c.Id is not null).GroupBy(c => c.Id!, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var details = await connector.GetTeamDetailsAsync(serviceUrl, teamId, cancellationToken);

        // The bot may have been removed (or the team hard-deleted) while the list was being read: nothing is kept then.
        if (await teams.GetAsync(teamId, cancellationToken) is null)
        {
            return;
        }

        // References first: once the team's record lists a channel, a nudge for it finds where to go.
        foreach (var channel in listed)
        {
            await references.SaveAsync(ChannelReference(serviceUrl, bot, channel.Id!, tenantId), cancellationToken);
        }

        var now = time.GetUtcNow();
        await TeamUpdates.ApplyAsync(teams, teamId, team => team is null ? null : Merge(team, listed, details.Value, now), cancellationToken);

        // ...or while the references were being saved: the removal deleted the ones it knew of, so these go too.
        if (await teams.GetAsync(teamId, cancellationToken) is null)
        {
            foreach (var channel in listed)
            {
                await references.DeleteAsync(channel.Id!, cancellationToken);
            }

            return;
        }

        LogSynced(log, teamId, listed.Count);
    }

    /// <summary>
    /// The team as the Connector lists it now: names from the list, muting kept, a listed channel no longer gone (unless
    /// its team is archived, which the list does not show), a channel missing from the list kept but marked gone.
    /// </summary>
    internal static TeamRecord Merge(TeamRecord team, IReadOnlyList<ChannelInfo> listed, TeamDetails? details, DateTimeOffset now)
    {
        var known = team.Channels.ToDictionary(c => c.ChannelId, StringComparer.Ordinal);
        var channels = listed.Select(c => known.TryGetValue(c.Id!, out var was)
                ? was with { Name = c.Name, Gone = was.Gone?.Reason == ChannelGoneReason.TeamArchived ? was.Gone : null }
                : new ChannelRecord(c.Id!, c.Name))
            .ToList();
        var listedIds = channels.Select(c => c.ChannelId).ToHashSet(StringComparer.Ordinal);
        channels.AddRange(team.Channels.Where(c => !listedIds.Contains(c.ChannelId))
            .Select(c => c.Gone is null ? c with { Gone = new ChannelGone(now, ChannelGoneReason.NotInTeam) } : c));
        return team with
        {
            Name = details?.Name ?? team.Name,
            AadGroupId = details?.AadGroupId ?? team.AadGroupId,
            Channels = channels,
        };
    }

    /// <summary>Where a nudge for a channel goes: a new thread in that channel.</summary>
    internal static ConversationReference ChannelReference(string serviceUrl, ChannelAccount? bot, string channelId, string? tenantId) => new()
    {
        Bot = bot,
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = channelId, ConversationType = ConversationTypes.Channel, IsGroup = true, TenantId = tenantId },
    };

    // The error code names the cause (an AADSTS code when the bot's own token could not be had, or Teams' own code).
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the channels of team {TeamId}: {Outcome} {Status} {Code}")]
    private static partial void LogFailed(ILogger logger, string teamId, ConnectorOutcome outcome, int? status, string? code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId} has {Count} channels")]
    private static partial void LogSynced(ILogger logger, string teamId, int count);
}
