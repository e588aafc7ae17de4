using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Channels;

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
/// fan-out makes to them: marking a channel gone when Teams answers 403/404 (through the channel directory, which
/// keeps the why and when for the campaign team's channel list).
/// </summary>
public sealed class NudgeChannels(ITeamStore teams, IChannelDirectory directory)
{
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
    /// Marks the channel gone (Teams refused a post: <paramref name="detail"/> says how). Returns when it was marked
    /// when this call marked it, null when it was gone already (or is no longer registered): only the marker tells admins.
    /// </summary>
    public async Task<DateTimeOffset?> MarkGoneAsync(string channelId, string? detail, CancellationToken cancellationToken)
    {
        if (!await directory.MarkGoneAsync(channelId, ChannelGoneReason.Refused, detail, cancellationToken))
        {
            return null;
        }

        return (await directory.FindAsync(channelId, cancellationToken))?.Gone?.GoneAt;
    }
}
