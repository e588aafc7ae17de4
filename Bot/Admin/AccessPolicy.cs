using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Turns;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Admin;

/// <summary>The one place that answers "is this person an admin?" and "may this tenant use the bot?".</summary>
public sealed class AccessPolicy(IOptionsMonitor<AccessOptions> options)
{
    public bool IsAdmin(string? userObjectId) =>
        userObjectId is not null
        && options.CurrentValue.BootstrapAdmins.Any(id => string.Equals(id, userObjectId, StringComparison.OrdinalIgnoreCase));

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

/// <summary>The campaign team is whoever <see cref="AccessPolicy.IsAdmin"/> says is an admin, checked on every turn.</summary>
internal sealed class CampaignTeamAudience(AccessPolicy access) : IAudiencePolicy
{
    public ValueTask<bool> IncludesAsync(TurnContext turn, Audience audience, CancellationToken cancellationToken) =>
        ValueTask.FromResult(audience == Audience.CampaignTeam && access.IsAdmin(turn.UserObjectId));
}
