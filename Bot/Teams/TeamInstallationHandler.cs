using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Teams;

/// <summary>
/// Install capture: registers teams and their channels from install events and the team's channel list,
/// keeps names current, and retires what was removed, so nudges know where they may be posted.
/// </summary>
public sealed partial class TeamInstallationHandler(
    ITeamStore teams,
    IConversationReferenceStore referenceStore,
    ConversationReferenceTracker references,
    IBackgroundWork background,
    TimeProvider time,
    ILogger<TeamInstallationHandler> log) : IConversationEventHandler
{
    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var kind = InstallEvents.Classify(activity);
        var teamId = activity.ChannelData?.Team?.Id;
        if (teamId is null)
        {
            if (kind == InstallEventKind.BotRemoved)
            {
                // Personal or group chat uninstall: nothing may be sent there any more.
                await references.ForgetAsync(activity, cancellationToken);
            }

            return;
        }

        var channel = activity.ChannelData?.Channel;
        switch (kind)
        {
            case InstallEventKind.BotAdded:
                await UpdateTeamAsync(teamId, team => (team ?? NewTeam(activity, teamId)) with
                {
                    ServiceUrl = activity.ServiceUrl!,
                    Name = activity.ChannelData?.Team?.Name ?? team?.Name,
                    AadGroupId = activity.ChannelData?.Team?.AadGroupId ?? team?.AadGroupId,
                }, cancellationToken);
                QueueChannelSync(teamId, activity);
                LogInstalled(log, teamId);
                break;

            case InstallEventKind.BotRemoved or InstallEventKind.TeamDeleted:
                var existing = await teams.GetAsync(teamId, cancellationToken);
                foreach (var known in existing?.Value.Channels ?? [])
                {
                    await referenceStore.DeleteAsync(known.ChannelId, cancellationToken);
                }

                await teams.DeleteAsync(teamId, cancellationToken);
                LogRemoved(log, teamId);
                break;

            case InstallEventKind.ChannelCreated or InstallEventKind.ChannelRestored or InstallEventKind.ChannelRenamed when channel?.Id is not null:
                await UpdateTeamAsync(teamId, team => team is null ? null : team with
                {
                    Channels = [.. team.Channels.Where(c => c.ChannelId != channel.Id), new ChannelRecord(channel.Id, channel.Name, team.Channels.FirstOrDefault(c => c.ChannelId == channel.Id)?.Muted ?? false)],
                }, cancellationToken);
                await referenceStore.SaveAsync(ChannelReference(activity, channel.Id), cancellationToken);
                break;

            case InstallEventKind.ChannelDeleted when channel?.Id is not null:
                await UpdateTeamAsync(teamId, team => team is null ? null : team with
                {
                    Channels = [.. team.Channels.Where(c => c.ChannelId != channel.Id)],
                }, cancellationToken);
                await referenceStore.DeleteAsync(channel.Id, cancellationToken);
                break;

            case InstallEventKind.TeamRenamed:
                await UpdateTeamAsync(teamId, team => team is null ? null : team with { Name = activity.ChannelData?.Team?.Name ?? team.Name }, cancellationToken);
                break;
        }
    }

    /// <summary>Read, change, write back conditionally; another instance's install event may race this one.</summary>
    private async Task UpdateTeamAsync(string teamId, Func<TeamRecord?, TeamRecord?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await teams.GetAsync(teamId, cancellationToken);
            if (change(stored?.Value) is not { } updated)
            {
                return;
            }

            try
            {
                await teams.SaveAsync(updated, stored?.ETag, cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
                // Someone else changed the team first: apply our change to theirs.
            }
        }
    }

    private void QueueChannelSync(string teamId, Activity activity)
    {
        var serviceUrl = activity.ServiceUrl!;
        var bot = activity.Recipient;
        var tenantId = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;
        background.TryEnqueue("sync channels of a team", (services, ct) =>
            services.GetRequiredService<TeamChannelSync>().SyncAsync(teamId, serviceUrl, bot, tenantId, ct));
    }

    private TeamRecord NewTeam(Activity activity, string teamId) => new()
    {
        TeamId = teamId,
        TenantId = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id,
        ServiceUrl = activity.ServiceUrl!,
        InstalledAt = time.GetUtcNow(),
        // The General channel shares the team's id; it exists from the start.
        Channels = [new ChannelRecord(teamId, null)],
    };

    private static ConversationReference ChannelReference(Activity activity, string channelId) =>
        TeamChannelSync.ChannelReference(activity.ServiceUrl!, activity.Recipient, channelId, activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id);

    [LoggerMessage(Level = LogLevel.Information, Message = "Installed in team {TeamId}")]
    private static partial void LogInstalled(ILogger logger, string teamId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed from team {TeamId}; its channels are forgotten")]
    private static partial void LogRemoved(ILogger logger, string teamId);
}
