using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Admin;

public static class AdminExtensions
{
    /// <summary>
    /// Admin/: who may do what (Access options, grants, the tenant allow-list, the campaign team), the one gate every
    /// admin command passes through (AdminGate.cs), the typed and pressed entries to it, the audit log, and the
    /// commands of its own: the admin panel, help, admin list/add/remove and audit.
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
        services.AddSingleton<IAdminDirectory, AdminDirectory>();
        services.AddSingleton<ITurnAdmission, TenantAllowList>();
        services.AddSingleton<IAudiencePolicy, CampaignTeamAudience>();
        services.AddSingleton<IAuditLog, AuditLog>();

        services.AddScoped<AdminGate>();
        services.AddScoped<IChatCommand, AdminChatCommand>();
        services.AddScoped<ICardAction, AdminRunButton>();
        services.AddHostedService<AdminHandlerCatalog>();

        // Admin's own commands: the panel, help, the campaign team and the audit log.
        services.AddScoped<AdminTeam>();
        services.AddScoped<AdminTeamCards>();
        services.AddAdminHandler<AdminPanelHandler>();
        services.AddAdminHandler<AdminHelpHandler>();
        services.AddAdminHandler<AdminListHandler>();
        services.AddAdminHandler<AdminAddHandler>();
        services.AddAdminHandler<AdminRemoveHandler>();
        services.AddAdminHandler<AuditHandler>();
        services.AddScoped<ICardAction, AdminAddFindButton>();
        return builder;
    }

    /// <summary>Registers the handler of one admin command record (scoped: one per turn, like every turn handler).</summary>
    public static IServiceCollection AddAdminHandler<THandler>(this IServiceCollection services) where THandler : class, IAdminHandler =>
        services.AddScoped<IAdminHandler, THandler>();
}
