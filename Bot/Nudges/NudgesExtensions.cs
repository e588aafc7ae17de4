
namespace InfoStoryBot.Bot.Nudges;

public static class NudgesExtensions
{
    /// <summary>
    /// Nudges/: <see cref="NudgeOptions"/> (section Nudges, validated at start-up: grace window, non-working dates,
    /// daily limit, norm threshold, tick), the scheduler (a hosted service), the fan-out to channels, the composer,
    /// the delivery ledger, the story-of-the-day history and the channel-gone notices to admins. Needs AddProactive,
    /// AddTeams, AddAdmin, AddStories and AddCampaigns.
    /// </summary>
    public static IHostApplicationBuilder AddNudges(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<NudgeOptions>()
            .Bind(builder.Configuration.GetSection(NudgeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<IDeliveryLedger, DeliveryLedger>();
        services.AddSingleton<IFeaturedStories, FeaturedStoryStore>();
        services.AddSingleton<INudgeVariantProvider, NoNudgeVariants>();
        services.AddSingleton<NudgeSlotsDone>();
        services.AddScoped<INudgeComposer, NudgeComposer>();
        services.AddScoped<NudgeChannels>();
        services.AddScoped<ChannelGoneNotices>();
        services.AddScoped<NudgeFanOut>();
        services.AddScoped<NudgeSchedulerTick>();
        services.AddSingleton<NudgeScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<NudgeScheduler>());
        return builder;
    }
}
