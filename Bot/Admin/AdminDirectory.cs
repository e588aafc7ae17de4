namespace InfoStoryBot.Bot.Admin;

/// <summary>Who the campaign team is, for telling them things outside a turn (a channel gone, a delivery unknown).</summary>
public interface IAdminDirectory
{
    /// <summary>The Entra object ids of every admin, each once.</summary>
    Task<IReadOnlyList<string>> AdminObjectIdsAsync(CancellationToken cancellationToken);
}

/// <summary>Every admin <see cref="AccessPolicy"/> knows: Access:BootstrapAdmins and the grants made in chat.</summary>
internal sealed class AdminDirectory(AccessPolicy access) : IAdminDirectory
{
    public async Task<IReadOnlyList<string>> AdminObjectIdsAsync(CancellationToken cancellationToken) =>
        [.. (await access.ListAdminsAsync(cancellationToken))
            .Select(a => a.AadObjectId.Trim())
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)];
}
