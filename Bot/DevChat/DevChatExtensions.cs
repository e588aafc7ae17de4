namespace InfoStoryBot.Bot.DevChat;

public static class DevChatExtensions
{
    public static IHostApplicationBuilder AddDevChat(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}

public static class DevChatEndpoints
{
    public static IEndpointRouteBuilder MapDevChat(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
