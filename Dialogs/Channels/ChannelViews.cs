using InfoStoryBot.Cards.Channels;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;

namespace InfoStoryBot.Dialogs.Channels;

/// <summary>The <c>channels</c> card's content, and the numbering it shows (channel ids, number 1 first).</summary>
public sealed record ChannelListResult(ChannelListView View, IReadOnlyList<string> Numbers);

/// <summary>
/// The channel list as the campaign team sees it, pure: numbered in <see cref="ChannelListing.Order"/>, grouped by
/// team, with muted and gone marked, the campaigns each is in, and a Mute or Unmute button carrying its command.
/// </summary>
public static class ChannelViews
{
    /// <param name="timeZone">The admin's own zone, for the dates of gone marks.</param>
    /// <param name="maxShown">Rows the card can show; only those are numbered, so a number always means a row the admin saw.</param>
    public static ChannelListResult List(
        IReadOnlyList<ChannelEntry> channels, IReadOnlyList<Campaign> campaigns, ChannelText text, string timeZone, string? done = null, int maxShown = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(campaigns);
        ArgumentNullException.ThrowIfNull(text);
        var ordered = ChannelListing.Order(channels, text);
        var shown = ordered.Take(maxShown).ToList();
        var teams = new List<ChannelTeamView>();
        var number = 0;
        foreach (var team in shown.GroupBy(c => c.TeamId, StringComparer.Ordinal))
        {
            var rows = new List<ChannelRowView>();
            foreach (var channel in team)
            {
                number++;
                var name = ChannelListing.ChannelName(channel, text);
                var toggle = channel.Gone is not null && !channel.Muted
                    ? null
                    : AdminCommandText.Render(channel.Muted
                        ? new ChannelsUnmute(new ChannelRef.ByTeamAndChannel(ChannelListing.TeamName(channel, text), name))
                        : new ChannelsMute(new ChannelRef.ByTeamAndChannel(ChannelListing.TeamName(channel, text), name)));
                var inCampaigns = campaigns
                    .Where(c => c.State != CampaignState.Ended && c.TargetChannelIds.Contains(channel.ChannelId, StringComparer.Ordinal))
                    .OrderBy(c => c.Id, StringComparer.Ordinal)
                    .Select(c => c.Name)
                    .ToList();
                rows.Add(new ChannelRowView(
                    number,
                    name,
                    channel.Muted,
                    channel.Gone is { } gone ? text.Gone(gone, timeZone) : null,
                    toggle,
                    inCampaigns.Count == 0 ? null : text.Format("Channels_InCampaigns", string.Join(", ", inCampaigns))));
            }

            teams.Add(new ChannelTeamView(ChannelListing.TeamName(team.First(), text), rows));
        }

        return new ChannelListResult(new ChannelListView(teams, ordered.Count - shown.Count, done), [.. shown.Select(c => c.ChannelId)]);
    }
}
