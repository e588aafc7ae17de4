using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Teams;

public static class TeamsExtensions
{
    /// <summary>
    /// Teams/: install capture, the teams and channels the bot is in (and the channel directory over them: muted and
    /// gone), conversation references (where proactive messages can go), and moving a conversation into a person's 1:1 chat.
    /// </summary>
    public static IHostApplicationBuilder AddTeams(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IConversationReferenceStore, ConversationReferenceStore>();
        services.AddSingleton<ITeamStore, TeamStore>();
        services.AddSingleton<ConversationReferenceTracker>();
        services.AddSingleton<IConversationWatcher>(sp => sp.GetRequiredService<ConversationReferenceTracker>());
        services.AddSingleton<IChannelDirectory, ChannelDirectory>();
        services.AddSingleton<IConversationWatcher, ChannelGoneWatcher>();
        services.AddScoped<IConversationEventHandler, TeamInstallationHandler>();
        services.AddScoped<TeamChannelSync>();
        services.AddScoped<PersonalChats>();
        return builder;
    }
}
