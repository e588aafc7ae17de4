using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Admin;

/// <summary>Who the campaign team is, for telling them things outside a turn (a channel gone, a delivery unknown).</summary>
public interface IAdminDirectory
{
    /// <summary>The Entra object ids of every admin, each once.</summary>
    Task<IReadOnlyList<string>> AdminObjectIdsAsync(CancellationToken cancellationToken);
}

/// <summary>Today the admins are Access:BootstrapAdmins, the same list <see cref="AccessPolicy"/> checks.</summary>
internal sealed class BootstrapAdminDirectory(IOptionsMonitor<AccessOptions> options) : IAdminDirectory
{
    public Task<IReadOnlyList<string>> AdminObjectIdsAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>(options.CurrentValue.BootstrapAdmins
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .Select(id => id.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList());
}
