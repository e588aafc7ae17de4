namespace InfoStoryBot.Bot.Campaigns;

public static class CampaignsExtensions
{
    /// <summary>Campaigns/: the campaigns the team runs.</summary>
    public static IHostApplicationBuilder AddCampaigns(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ICampaignStore, CampaignStore>();
        return builder;
    }
}
