using InfoStoryBot.Bot.Protocol;
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
