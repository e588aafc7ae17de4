using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Campaigns;

public static class CampaignsExtensions
{
    /// <summary>
    /// Campaigns/: the campaigns the team runs: their store, the non-working dates (Nudges:NonWorkingDates, validated at
    /// start-up), one handler per campaign command, and the campaign form's two buttons.
    /// </summary>
    public static IHostApplicationBuilder AddCampaigns(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ICampaignStore, CampaignStore>();
        services.AddOptions<NonWorkingDatesOptions>()
            .Bind(builder.Configuration.GetSection(NonWorkingDatesOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<INonWorkingDates, ConfiguredNonWorkingDates>();

        services.AddScoped<CampaignWorkbench>();
        services.AddScoped<CampaignFormEcho>();
        services.AddAdminHandler<CampaignNewHandler>();
        services.AddAdminHandler<CampaignListHandler>();
        services.AddAdminHandler<CampaignShowHandler>();
        services.AddAdminHandler<CampaignEditHandler>();
        services.AddAdminHandler<CampaignChannelsAddHandler>();
        services.AddAdminHandler<CampaignChannelsRemoveHandler>();
        services.AddAdminHandler<CampaignStartHandler>();
        services.AddAdminHandler<CampaignPauseHandler>();
        services.AddAdminHandler<CampaignResumeHandler>();
        services.AddAdminHandler<CampaignEndHandler>();
        services.AddScoped<ICardAction, CampaignFormOpenAction>();
        services.AddScoped<ICardAction, CampaignFormSubmitAction>();
        return builder;
    }
}
