using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Moderation;

public static class ModerationExtensions
{
    /// <summary>
    /// Moderation/: the stories waiting for the campaign team (stories pending), the decisions on them (approve,
    /// reject, feature, unfeature, by command or button), and telling each storyteller the outcome (TellerNotices.cs,
    /// through the proactive sender: needs AddProactive and AddTeams).
    /// </summary>
    public static IHostApplicationBuilder AddModeration(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<ModerationQueue>();
        services.AddScoped<StoryModerator>();
        services.AddScoped<ITellerNotices, ProactiveTellerNotices>();
        services.AddAdminHandler<StoriesPendingHandler>();
        services.AddAdminHandler<StoriesApproveHandler>();
        services.AddAdminHandler<StoriesRejectHandler>();
        services.AddAdminHandler<StoriesFeatureHandler>();
        services.AddAdminHandler<StoriesUnfeatureHandler>();
        services.AddScoped<ICardAction, RejectFormButton>();
        services.AddScoped<ICardAction, ReadStoryButton>();
        return builder;
    }
}
