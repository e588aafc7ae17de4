using InfoStoryBot.Cards.Text;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Dialogs.Channels;

/// <summary>What a channel reference in a command came to: one channel, or a message saying why not.</summary>
public abstract record ChannelPick
{
    private ChannelPick()
    {
    }

    public sealed record Found(ChannelEntry Channel) : ChannelPick;

    /// <summary>Nothing matched, or a number with no list to count in; <see cref="Message"/> says what to do.</summary>
    public sealed record NotFound(string Message) : ChannelPick;

    /// <summary>Several channels have that name; <see cref="Message"/> lists them as "Team / Channel".</summary>
    public sealed record Ambiguous(string Message, IReadOnlyList<ChannelEntry> Matches) : ChannelPick;
}

/// <summary>
/// Finds the channel an admin meant: by its number in the last <c>channels</c> list shown in this conversation
/// (so "3" means what they saw, even if a channel was added since), by its name, or as "Team / Channel". Names
/// are compared ignoring case, spacing and the kind of apostrophe; the General channel is "General".
/// </summary>
public static class ChannelResolver
{
    /// <param name="channels">Every registered channel.</param>
    /// <param name="shownNumbers">The channel ids of the last list shown here, number 1 first; null when none was.</param>
    public static ChannelPick Resolve(ChannelRef reference, IReadOnlyList<ChannelEntry> channels, IReadOnlyList<string>? shownNumbers, ChannelText text)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(channels);
        ArgumentNullException.ThrowIfNull(text);
        return reference switch
        {
            ChannelRef.ByNumber n => ByNumber(n.Number, channels, shownNumbers, text),
            ChannelRef.ByName n => ByName(n.Name, null, channels, text),
            ChannelRef.ByTeamAndChannel t => ByName(t.Channel, t.Team, channels, text),
            _ => new ChannelPick.NotFound(text["Channels_NotFoundNoName"]),
        };
    }

    private static ChannelPick ByNumber(int number, IReadOnlyList<ChannelEntry> channels, IReadOnlyList<string>? shown, ChannelText text)
    {
        if (shown is null || shown.Count == 0)
        {
            return new ChannelPick.NotFound(text.Format("Channels_NoNumbersYet", number));
        }

        if (number < 1 || number > shown.Count)
        {
            return new ChannelPick.NotFound(text.Format("Channels_NumberOutOfRange", number, shown.Count));
        }

        var id = shown[number - 1];
        return channels.FirstOrDefault(c => string.Equals(c.ChannelId, id, StringComparison.Ordinal)) is { } channel
            ? new ChannelPick.Found(channel)
            : new ChannelPick.NotFound(text.Format("Channels_NumberNoLongerRegistered", number));
    }

    private static ChannelPick ByName(string channelName, string? teamName, IReadOnlyList<ChannelEntry> channels, ChannelText text)
    {
        var wanted = Normalise(channelName, text);
        var wantedTeam = teamName is null ? null : Normalise(teamName, text);
        var matches = channels
            .Where(c => Normalise(ChannelListing.ChannelName(c, text), text) == wanted
                && (wantedTeam is null || Normalise(ChannelListing.TeamName(c, text), text) == wantedTeam))
            .ToList();

        // Two records of one channel cannot happen in a team, but the same name can in two teams.
        if (matches.Count == 1)
        {
            return new ChannelPick.Found(matches[0]);
        }

        var written = teamName is null ? channelName.Trim() : teamName.Trim() + " / " + channelName.Trim();
        if (matches.Count == 0)
        {
            var near = channels
                .Where(c => Normalise(ChannelListing.Display(c, text), text).Contains(wanted, StringComparison.Ordinal))
                .Take(5)
                .Select(c => "**" + Escaped(ChannelListing.Display(c, text)) + "**")
                .ToList();
            return new ChannelPick.NotFound(near.Count == 0
                ? text.Format("Channels_NotFound", Escaped(written))
                : text.Format("Channels_NotFoundNear", Escaped(written), string.Join(", ", near)));
        }

        var ordered = ChannelListing.Order(matches, text);
        var list = string.Join("\n", ordered.Select(c => "- **" + Escaped(ChannelListing.Display(c, text)) + "**" + (c.Gone is not null ? " (" + text["Channels_MarkGone"] + ")" : "")));
        return new ChannelPick.Ambiguous(text.Format("Channels_Ambiguous", Escaped(written), list), ordered);
    }

    /// <summary>Names come from Teams and from what was typed: shown exactly, never read as markdown.</summary>
    public static string Escaped(string name) => UntrustedText.Markdown(name, 200);

    /// <summary>Lower case, single spaces, straight apostrophes and quotes: how people retype a name they have seen.</summary>
    private static string Normalise(string name, ChannelText text) =>
        string.Join(' ', name.Replace('’', '\'').Replace('‘', '\'').Replace('“', '"').Replace('”', '"')
            .ToLower(text.Text.Culture)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
