namespace InfoStoryBot.Dialogs.Channels;

/// <summary>
/// A registered channel as the campaign team sees it. The General channel's id equals its team's id and Teams lists
/// it without a name; it shows, and is chosen, as "General".
/// </summary>
public sealed record ChannelEntry(string TeamId, string? TeamName, string ChannelId, string? ChannelName, bool Muted = false, ChannelGone? Gone = null)
{
    public bool IsGeneral => string.Equals(ChannelId, TeamId, StringComparison.Ordinal);

    /// <summary>Whether a nudge may go there: neither muted nor gone.</summary>
    public bool CanPost => !Muted && Gone is null;
}

/// <summary>
/// The order and the names the campaign team sees: teams by name, the General channel first in each (as Teams
/// shows it), then the other channels by name. Numbers in <c>channels</c> are positions in this order, from 1.
/// </summary>
public static class ChannelListing
{
    public static IReadOnlyList<ChannelEntry> Order(IEnumerable<ChannelEntry> channels, ChannelText text)
    {
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(text);
        var byName = StringComparer.Create(text.Text.Culture, ignoreCase: true);
        return channels
            .OrderBy(c => TeamName(c, text), byName)
            .ThenBy(c => c.TeamId, StringComparer.Ordinal)
            .ThenBy(c => c.IsGeneral ? 0 : 1)
            .ThenBy(c => ChannelName(c, text), byName)
            .ThenBy(c => c.ChannelId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The channel's own name; "General" for the General channel, which Teams names null.</summary>
    public static string ChannelName(ChannelEntry channel, ChannelText text)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(text);
        return channel.IsGeneral || string.IsNullOrWhiteSpace(channel.ChannelName) ? text["Channels_General"] : channel.ChannelName.Trim();
    }

    /// <summary>The team's name, or "Unnamed team" until Teams has told the bot its name.</summary>
    public static string TeamName(ChannelEntry channel, ChannelText text)
    {
        ArgumentNullException.ThrowIfNull(channel);
        ArgumentNullException.ThrowIfNull(text);
        return string.IsNullOrWhiteSpace(channel.TeamName) ? text["Channels_UnnamedTeam"] : channel.TeamName.Trim();
    }

    /// <summary>"Team / Channel": how messages name a channel, and what a button's command carries.</summary>
    public static string Display(ChannelEntry channel, ChannelText text) => TeamName(channel, text) + " / " + ChannelName(channel, text);

    /// <summary>Channel id → "Team / Channel", for the campaign rules' messages and the campaign card.</summary>
    public static IReadOnlyDictionary<string, string> Names(IEnumerable<ChannelEntry> channels, ChannelText text) =>
        channels.GroupBy(c => c.ChannelId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Display(g.First(), text), StringComparer.Ordinal);
}
