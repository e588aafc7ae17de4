using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Admin;

public static class AdminExtensions
{
    /// <summary>
    /// Admin/: who may do what (Access options, grants, the tenant allow-list, the campaign team), the one gate every
    /// admin command passes through (AdminGate.cs), the typed and pressed entries to it, and the audit log.
    /// Each feature registers the handlers of its own commands with <see cref="AddAdminHandler{THandler}"/>.
    /// </summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AccessOptions>()
            .Bind(builder.Configuration.GetSection(AccessOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IAdminGrantStore, AdminGrantStore>();
        services.AddSingleton<AccessPolicy>();
        services.AddSingleton<IAdminDirectory, BootstrapAdminDirectory>();
        services.AddSingleton<ITurnAdmission, TenantAllowList>();
        services.AddSingleton<IAudiencePolicy, CampaignTeamAudience>();
        services.AddSingleton<IAuditLog, AuditLog>();

        services.AddScoped<AdminGate>();
        services.AddScoped<IChatCommand, AdminChatCommand>();
        services.AddScoped<ICardAction, AdminRunButton>();
        services.AddHostedService<AdminHandlerCatalog>();
        return builder;
    }

    /// <summary>Registers the handler of one admin command record (scoped: one per turn, like every turn handler).</summary>
    public static IServiceCollection AddAdminHandler<THandler>(this IServiceCollection services) where THandler : class, IAdminHandler =>
        services.AddScoped<IAdminHandler, THandler>();
}
