using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Teams;

/// <summary>
/// How every writer of a team record (install events, the channel sync, muting, gone marking) changes it: read, change,
/// write back conditionally on the ETag, and on a conflict apply the same change to what the other writer saved.
/// </summary>
internal static class TeamUpdates
{
    /// <summary>Enough for a handful of writers on one team at once (each lost race is another writer's win).</summary>
    public const int Attempts = 10;

    /// <summary>
    /// Applies <paramref name="change"/> (null from it: nothing to write) and returns the record before and after, or
    /// null when nothing was written. Throws <see cref="ConcurrencyConflictException"/> after <see cref="Attempts"/> lost races.
    /// </summary>
    public static async Task<(TeamRecord? Before, TeamRecord After)?> ApplyAsync(
        ITeamStore teams, string teamId, Func<TeamRecord?, TeamRecord?> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await teams.GetAsync(teamId, cancellationToken);
            if (change(stored?.Value) is not { } updated || (stored is not null && Same(stored.Value, updated)))
            {
                return null;
            }

            try
            {
                await teams.SaveAsync(updated, stored?.ETag, cancellationToken);
                return (stored?.Value, updated);
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Someone else changed the team first: apply this change to theirs, after a moment so that writers
                // who collided do not collide again in step.
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Marks the channels <paramref name="which"/> picks as gone, keeping an earlier mark (and its date).</summary>
    public static TeamRecord MarkGone(TeamRecord team, Func<ChannelRecord, bool> which, ChannelGone gone) => team with
    {
        Channels = [.. team.Channels.Select(c => which(c) && c.Gone is null ? c with { Gone = gone } : c)],
    };

    /// <summary>Clears the gone marks of <paramref name="reasons"/> from the channels <paramref name="which"/> picks.</summary>
    public static TeamRecord ClearGone(TeamRecord team, Func<ChannelRecord, bool> which, params ChannelGoneReason[] reasons) => team with
    {
        Channels = [.. team.Channels.Select(c => which(c) && c.Gone is { } gone && reasons.Contains(gone.Reason) ? c with { Gone = null } : c)],
    };

    public static ChannelGoneReason[] AllReasons { get; } = Enum.GetValues<ChannelGoneReason>();

    private static bool Same(TeamRecord a, TeamRecord b) =>
        a.TeamId == b.TeamId && a.Name == b.Name && a.AadGroupId == b.AadGroupId && a.TenantId == b.TenantId && a.ServiceUrl == b.ServiceUrl
        && a.InstalledAt == b.InstalledAt && a.Channels.SequenceEqual(b.Channels);
}
