using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>A channel as a fan-out needs it: where to post, whether it may be posted to, and how admins call it.</summary>
public sealed record NudgeChannel(TeamRecord Team, ChannelRecord Channel)
{
    public string ChannelId => Channel.ChannelId;

    /// <summary>"Team / Channel" (the General channel has no name of its own).</summary>
    public string DisplayName => $"{Team.Name ?? Team.TeamId} / {Channel.Name ?? NudgeNoticeText.Get("GeneralChannel")}";

    public ChannelAddress Address(string? botAppId) => new(
        Channel.ChannelId,
        Team.ServiceUrl,
        Team.TenantId,
        botAppId is null ? null : new ChannelAccount { Id = "28:" + botAppId });
}

/// <summary>
/// The channels the bot is installed in, read once per fan-out from the team store, and the one change a
/// fan-out makes to them: marking a channel gone when Teams answers 403/404.
/// </summary>
public sealed partial class NudgeChannels(ITeamStore teams, TimeProvider time, ILogger<NudgeChannels> log)
{
    private const int MaxAttempts = 5;

    /// <summary>Every registered channel by id.</summary>
    public async Task<IReadOnlyDictionary<string, NudgeChannel>> LoadAsync(CancellationToken cancellationToken)
    {
        var all = new Dictionary<string, NudgeChannel>(StringComparer.Ordinal);
        foreach (var team in await teams.ListAsync(cancellationToken))
        {
            foreach (var channel in team.Channels)
            {
                all.TryAdd(channel.ChannelId, new NudgeChannel(team, channel));
            }
        }

        return all;
    }

    /// <summary>
    /// Marks the channel gone, conditionally on its team's ETag. Returns the time it was marked when this call
    /// marked it, null when it was gone already (or is no longer registered): only the marker tells admins.
    /// </summary>
    public async Task<DateTimeOffset?> MarkGoneAsync(string teamId, string channelId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await teams.GetAsync(teamId, cancellationToken);
            var channel = stored?.Value.Channels.FirstOrDefault(c => c.ChannelId == channelId);
            if (stored is null || channel is null || channel.Gone)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var updated = stored.Value with
            {
                Channels = [.. stored.Value.Channels.Select(c => c.ChannelId == channelId ? c with { GoneAt = now } : c)],
            };
            try
            {
                await teams.SaveAsync(updated, stored.ETag, cancellationToken);
                LogMarkedGone(log, channelId, teamId);
                return now;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // The team changed meanwhile (a rename, a mute, another instance marking it): apply ours to theirs.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId} of team {TeamId} answered 403/404: marked gone, no more nudges go there")]
    private static partial void LogMarkedGone(ILogger logger, string channelId, string teamId);
}
