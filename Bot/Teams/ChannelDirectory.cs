using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Teams;

/// <summary>A change to one channel: as it was, and as it is now.</summary>
public sealed record ChannelUpdate(ChannelEntry Before, ChannelEntry After);

/// <summary>
/// The registered channels as one list, for admins (<c>channels</c>, muting, choosing a campaign's channels) and for
/// nudges (whether a channel may be posted in: <see cref="ChannelEntry.CanPost"/>). Reads and writes the team records
/// of <see cref="ITeamStore"/>, conditionally on their ETags.
/// </summary>
public interface IChannelDirectory
{
    /// <summary>Every registered channel of every team, gone ones included, in no particular order.</summary>
    Task<IReadOnlyList<ChannelEntry>> ListAsync(CancellationToken cancellationToken);

    Task<ChannelEntry?> FindAsync(string channelId, CancellationToken cancellationToken);

    /// <summary>
    /// Mutes or unmutes a channel: a muted channel gets no nudge at all. Null when the channel is not registered.
    /// Throws <see cref="ConcurrencyConflictException"/> only when it keeps losing races with other writers.
    /// </summary>
    Task<ChannelUpdate?> SetMutedAsync(string channelId, bool muted, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a channel gone (the Connector answered 403/404, say). True when it was not gone before, so a caller tells
    /// the admins once; false when it already was, or is not registered. An earlier mark keeps its date and reason.
    /// </summary>
    Task<bool> MarkGoneAsync(string channelId, ChannelGoneReason reason, string? detail, CancellationToken cancellationToken);
}

internal sealed partial class ChannelDirectory(ITeamStore teams, TimeProvider time, ILogger<ChannelDirectory> log) : IChannelDirectory
{
    public async Task<IReadOnlyList<ChannelEntry>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await teams.ListAsync(cancellationToken);
        return [.. all.SelectMany(team => team.Channels.Select(c => Entry(team, c)))];
    }

    public async Task<ChannelEntry?> FindAsync(string channelId, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(c => string.Equals(c.ChannelId, channelId, StringComparison.Ordinal));

    public async Task<ChannelUpdate?> SetMutedAsync(string channelId, bool muted, CancellationToken cancellationToken)
    {
        if (await FindAsync(channelId, cancellationToken) is not { } found)
        {
            return null;
        }

        var written = await TeamUpdates.ApplyAsync(teams, found.TeamId, team => team is null ? null : team with
        {
            Channels = [.. team.Channels.Select(c => c.ChannelId == channelId ? c with { Muted = muted } : c)],
        }, cancellationToken);
        if (written is not { } change)
        {
            // Nothing to write: already so (or the team was removed meanwhile).
            return found.Muted == muted ? new ChannelUpdate(found, found) : null;
        }

        var before = change.Before?.Channels.FirstOrDefault(c => c.ChannelId == channelId);
        var after = change.After.Channels.FirstOrDefault(c => c.ChannelId == channelId);
        return after is null ? null : new ChannelUpdate(Entry(change.Before ?? change.After, before ?? after), Entry(change.After, after));
    }

    public async Task<bool> MarkGoneAsync(string channelId, ChannelGoneReason reason, string? detail, CancellationToken cancellationToken)
    {
        if (await FindAsync(channelId, cancellationToken) is not { Gone: null } found)
        {
            return false;
        }

        var gone = new ChannelGone(time.GetUtcNow(), reason, detail);
        var written = await TeamUpdates.ApplyAsync(teams, found.TeamId, team => team is null ? null : TeamUpdates.MarkGone(team, c => c.ChannelId == channelId, gone), cancellationToken);
        var newly = written?.Before?.Channels.FirstOrDefault(c => c.ChannelId == channelId) is { Gone: null };
        if (newly)
        {
            LogMarkedGone(log, channelId, reason, detail);
        }

        return newly;
    }

    private static ChannelEntry Entry(TeamRecord team, ChannelRecord channel) =>
        new(team.TeamId, team.Name, channel.ChannelId, channel.Name, channel.Muted, channel.Gone);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {ChannelId} is gone ({Reason} {Detail}): nothing more will be posted there")]
    private static partial void LogMarkedGone(ILogger logger, string channelId, ChannelGoneReason reason, string? detail);
}

/// <summary>
/// When Teams answers 403/404 for a reply in a channel, that channel is marked gone, so nudges stop going there and the
/// admins see why in <c>channels</c>.
/// </summary>
internal sealed partial class ChannelGoneWatcher(IChannelDirectory channels, ILogger<ChannelGoneWatcher> log) : IConversationWatcher
{
    public Task SeenAsync(Activity activity, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task GoneAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.ConversationType != ConversationTypes.Channel || ConversationReferenceTracker.ReferenceKey(activity) is not { } channelId)
        {
            return;
        }

        try
        {
            await channels.MarkGoneAsync(channelId, ChannelGoneReason.Refused, "403/404", cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The reply is lost either way; the next failure marks it.
            LogMarkFailed(log, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not mark a channel gone after Teams refused a reply there")]
    private static partial void LogMarkFailed(ILogger logger, Exception exception);
}
