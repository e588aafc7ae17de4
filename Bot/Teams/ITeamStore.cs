using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Teams;

/// <summary>A team the bot is installed in, with the channels it knows of.</summary>
public sealed record TeamRecord
{
    public required string TeamId { get; init; }
    public string? Name { get; init; }
    public string? AadGroupId { get; init; }
    public string? TenantId { get; init; }
    public required string ServiceUrl { get; init; }
    public required DateTimeOffset InstalledAt { get; init; }
    public IReadOnlyList<ChannelRecord> Channels { get; init; } = [];
}

/// <summary>
/// A partnership channel. The General channel's id equals the team id and its name is null. A muted channel gets no
/// nudges; a <see cref="Gone"/> one cannot get any (deleted, its team archived or deleted, or the Connector answered
/// 403/404): it stays registered so its campaigns still name it and a restore brings it back as it was.
/// </summary>
public sealed record ChannelRecord(string ChannelId, string? Name, bool Muted = false, ChannelGone? Gone = null);

/// <summary>Teams and their channels, registered from install events and the team's channel list.</summary>
public interface ITeamStore
{
    Task<Versioned<TeamRecord>?> GetAsync(string teamId, CancellationToken cancellationToken);

    /// <summary>Conditional on <paramref name="etag"/> (null = create). Throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> SaveAsync(TeamRecord team, string? etag, CancellationToken cancellationToken);

    Task<IReadOnlyList<TeamRecord>> ListAsync(CancellationToken cancellationToken);

    Task DeleteAsync(string teamId, CancellationToken cancellationToken);
}
