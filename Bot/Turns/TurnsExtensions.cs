namespace InfoStoryBot.Bot.Turns;

public static class TurnsExtensions
{
    public static IHostApplicationBuilder AddTurns(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}

public static class MessagesEndpoint
{
    public static IEndpointRouteBuilder MapMessages(this IEndpointRouteBuilder app)
    {
        return app;
    }
}
