using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// The one place that decides whether the local Web Chat channel exists. It must be impossible to leave
/// on by accident in production, so both conditions are required: no bot identity configured (nothing
/// that Teams could reach) and the Development environment.
/// </summary>
public static class DevChatMode
{
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        BotAuthenticationOptions.IsLocalModeConfigured(configuration) && environment.IsDevelopment();
}
