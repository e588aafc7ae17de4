using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Turns;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Admin;

/// <summary>
/// The one place that answers "is this person an admin?" and "may this tenant use the bot?". Admins are the bootstrap
/// list (Access:BootstrapAdmins) plus the grants admins made in chat; grants are read on every question, so a right
/// removed on another instance stops at once.
/// </summary>
public sealed class AccessPolicy(IOptionsMonitor<AccessOptions> options, IAdminGrantStore grants)
{
    public bool IsBootstrapAdmin(string? userObjectId) =>
        userObjectId is not null
        && options.CurrentValue.BootstrapAdmins.Any(id => string.Equals(id, userObjectId, StringComparison.OrdinalIgnoreCase));

    public async Task<bool> IsAdminAsync(string? userObjectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(userObjectId))
        {
            return false;
        }

        if (IsBootstrapAdmin(userObjectId))
        {
            return true;
        }

        var stored = await grants.GetAsync(cancellationToken);
        return stored?.Value.Grants.Any(g => string.Equals(g.AadObjectId, userObjectId, StringComparison.OrdinalIgnoreCase)) == true;
    }

    /// <summary>Every admin: bootstrap ones first (with no name unless a grant also names them), then grants.</summary>
    public async Task<IReadOnlyList<AdminPerson>> ListAdminsAsync(CancellationToken cancellationToken)
    {
        var stored = await grants.GetAsync(cancellationToken);
        var granted = stored?.Value.Grants ?? [];
        var bootstrap = options.CurrentValue.BootstrapAdmins
            .Select(id => new AdminPerson(id.ToLowerInvariant(), granted.FirstOrDefault(g => string.Equals(g.AadObjectId, id, StringComparison.OrdinalIgnoreCase))?.Name, IsBootstrap: true))
            .ToList();
        return [.. bootstrap, .. granted.Where(g => !IsBootstrapAdmin(g.AadObjectId)).Select(g => new AdminPerson(g.AadObjectId, g.Name, IsBootstrap: false))];
    }

    public bool IsTenantAllowed(Activity activity)
    {
        var allowed = options.CurrentValue.AllowedTenants;
        if (allowed.Count == 0)
        {
            return true;
        }

        var tenant = activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id;
        return tenant is not null && allowed.Any(id => string.Equals(id, tenant, StringComparison.OrdinalIgnoreCase));
    }
}

/// <summary>An admin as the bot knows them; <see cref="IsBootstrap"/> ones come from configuration and cannot be removed by chat.</summary>
public sealed record AdminPerson(string AadObjectId, string? Name, bool IsBootstrap);

/// <summary>Access:AllowedTenants as a turn admission: activities from other tenants are acknowledged and ignored.</summary>
internal sealed partial class TenantAllowList(AccessPolicy access, ILogger<TenantAllowList> log) : ITurnAdmission
{
    public bool Admits(Activity activity)
    {
        if (access.IsTenantAllowed(activity))
        {
            return true;
        }

        LogTenantRefused(log, activity.Conversation?.TenantId ?? activity.ChannelData?.Tenant?.Id);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an activity from tenant {TenantId}, which is not in Access:AllowedTenants")]
    private static partial void LogTenantRefused(ILogger logger, string? tenantId);
}

/// <summary>The campaign team is whoever <see cref="AccessPolicy"/> says is an admin, asked on every turn that needs it.</summary>
internal sealed class CampaignTeamAudience(AccessPolicy access) : IAudiencePolicy
{
    public async ValueTask<bool> IncludesAsync(TurnContext turn, Audience audience, CancellationToken cancellationToken) =>
        audience == Audience.CampaignTeam && await access.IsAdminAsync(turn.UserObjectId, cancellationToken);
}
