namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// The one place that decides whether the local Web Chat channel exists. It must be impossible to leave
/// on by accident in production, so both conditions are required: no bot identity configured (nothing
/// that Teams could reach) and the Development environment.
/// </summary>
/// <remarks>When Protocol/ exposes "local mode" from its options, this should ask it instead of reading configuration.</remarks>
public static class DevChatMode
{
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        string.IsNullOrEmpty(configuration["MicrosoftAppId"]) && environment.IsDevelopment();
}
