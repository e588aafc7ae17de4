using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Teams;

/// <summary>
/// Install capture: registers teams and their channels from install events and the team's channel list, keeps
/// names current, marks gone what was deleted or archived (and brings it back when restored or unarchived), and
/// forgets a team the bot was removed from or that was deleted for good, so nudges know where they may be posted.
/// Teams can send each event twice (conversationUpdate and installationUpdate), so every consequence is idempotent.
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
        var now = time.GetUtcNow();
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

            // Removed from the team, or the team is gone for good: nothing may be posted there again.
            case InstallEventKind.BotRemoved or InstallEventKind.TeamHardDeleted:
                var existing = await teams.GetAsync(teamId, cancellationToken);
                foreach (var known in existing?.Value.Channels ?? [])
                {
                    await referenceStore.DeleteAsync(known.ChannelId, cancellationToken);
                }

                await teams.DeleteAsync(teamId, cancellationToken);
                LogRemoved(log, teamId);
                break;

            case InstallEventKind.ChannelCreated or InstallEventKind.ChannelRestored or InstallEventKind.ChannelRenamed when channel?.Id is not null:
                await UpdateTeamAsync(teamId, team => team is null ? null : Upsert(team, channel.Id, channel.Name, restored: kind != InstallEventKind.ChannelRenamed), cancellationToken);
                await referenceStore.SaveAsync(ChannelReference(activity, channel.Id), cancellationToken);
                break;

            // Kept, marked gone: a deleted channel can be restored, and its campaigns still name it meanwhile.
            case InstallEventKind.ChannelDeleted when channel?.Id is not null:
                await UpdateTeamAsync(teamId, team => team is null ? null : team with
                {
                    Channels = [.. team.Channels.Select(c => c.ChannelId == channel.Id && c.Gone?.Reason != ChannelGoneReason.Deleted ? c with { Gone = new ChannelGone(now, ChannelGoneReason.Deleted) } : c)],
                }, cancellationToken);
                await referenceStore.DeleteAsync(channel.Id, cancellationToken);
                LogChannelGone(log, teamId, InstallEventKind.ChannelDeleted);
                break;

            case InstallEventKind.TeamRenamed:
                await UpdateTeamAsync(teamId, team => team is null ? null : team with { Name = activity.ChannelData?.Team?.Name ?? team.Name }, cancellationToken);
                break;

            case InstallEventKind.TeamArchived or InstallEventKind.TeamDeleted:
                var reason = kind == InstallEventKind.TeamArchived ? ChannelGoneReason.TeamArchived : ChannelGoneReason.TeamDeleted;
                await UpdateTeamAsync(teamId, team => team is null ? null : TeamUpdates.MarkGone(Renamed(team, activity), _ => true, new ChannelGone(now, reason)), cancellationToken);
                LogChannelGone(log, teamId, kind);
                break;

            case InstallEventKind.TeamUnarchived:
                await UpdateTeamAsync(teamId, team => team is null ? null : TeamUpdates.ClearGone(Renamed(team, activity), _ => true, ChannelGoneReason.TeamArchived), cancellationToken);
                break;

            // Teams does not say what changed while the team was deleted: read its channel list again.
            case InstallEventKind.TeamRestored:
                await UpdateTeamAsync(teamId, team => team is null ? null : TeamUpdates.ClearGone(Renamed(team, activity), _ => true, ChannelGoneReason.TeamDeleted), cancellationToken);
                QueueChannelSync(teamId, activity);
                break;
        }
    }

    /// <summary>A created, restored or renamed channel: its new name, and (unless only renamed) no longer gone.</summary>
    private static TeamRecord Upsert(TeamRecord team, string channelId, string? name, bool restored)
    {
        var known = team.Channels.FirstOrDefault(c => c.ChannelId == channelId);
        var updated = known is null
            ? new ChannelRecord(channelId, name)
            : known with { Name = name ?? known.Name, Gone = restored && known.Gone?.Reason is ChannelGoneReason.Deleted or ChannelGoneReason.NotInTeam or ChannelGoneReason.Refused ? null : known.Gone };
        return team with { Channels = [.. team.Channels.Select(c => c.ChannelId == channelId ? updated : c), .. known is null ? [updated] : Array.Empty<ChannelRecord>()] };
    }

    /// <summary>Team events carry the team's name when Teams knows it.</summary>
    private static TeamRecord Renamed(TeamRecord team, Activity activity) =>
        activity.ChannelData?.Team?.Name is { Length: > 0 } name ? team with { Name = name } : team;

    private Task UpdateTeamAsync(string teamId, Func<TeamRecord?, TeamRecord?> change, CancellationToken cancellationToken) =>
        TeamUpdates.ApplyAsync(teams, teamId, change, cancellationToken);

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Team {TeamId}: {Event}; its channels are marked gone")]
    private static partial void LogChannelGone(ILogger logger, string teamId, InstallEventKind @event);
}
