using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.StoryCapture;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Nudges;

public static class NudgesExtensions
{
    /// <summary>
    /// Nudges/: <see cref="NudgeOptions"/> (section Nudges, validated at start-up: grace window, non-working dates,
    /// daily limit, norm threshold, tick), the scheduler (a hosted service), the fan-out to channels, the composer,
    /// the delivery ledger, the story-of-the-day history and the channel-gone notices to admins; the nudge buttons
    /// (Share yours, Read it, the pledge and its reminder time), pledges and their reminders (<see cref="PledgeOptions"/>,
    /// section Pledges, and a hosted service), what a submitted story means for nudges (attribution, pledges kept), and
    /// the admin commands nudge list, preview and send-now. Needs AddProactive, AddTeams, AddAdmin, AddStories,
    /// AddStoryCapture, AddCampaigns and AddExperiments.
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

        services.AddScoped<ICardAction, ShareYoursButton>();
        services.AddScoped<ICardAction, ReadItButton>();
        services.AddScoped<ICardAction, PledgeButton>();
        services.AddScoped<ICardAction, PledgeTimeButton>();

        services.AddOptions<PledgeOptions>()
            .Bind(builder.Configuration.GetSection(PledgeOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IPledgeStore, PledgeStore>();
        services.AddScoped<IStorySubmitted, NudgeStoryOutcomes>();
        services.AddScoped<PledgeReminderTick>();
        services.AddSingleton<PledgeReminders>();
        services.AddHostedService(sp => sp.GetRequiredService<PledgeReminders>());

        services.AddScoped<NudgeCampaigns>();
        services.AddAdminHandler<NudgeListHandler>();
        services.AddAdminHandler<NudgePreviewHandler>();
        services.AddAdminHandler<NudgeSendNowHandler>();
        return builder;
    }
}
