using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Admin;

public static class AdminExtensions
{
    /// <summary>Admin/: who may do what (Access options, the tenant allow-list, the campaign team) and the audit log.</summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessOptions>()
            .Bind(builder.Configuration.GetSection(AccessOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<IAdminDirectory, BootstrapAdminDirectory>();
        services.AddSingleton<ITurnAdmission, TenantAllowList>();
        services.AddSingleton<IAudiencePolicy, CampaignTeamAudience>();
        services.AddSingleton<IAuditLog, AuditLog>();
        return builder;
    }
}
