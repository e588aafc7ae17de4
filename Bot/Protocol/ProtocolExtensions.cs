namespace InfoStoryBot.Bot.Protocol;

public static class ProtocolExtensions
{
    public static IHostApplicationBuilder AddBotProtocol(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
