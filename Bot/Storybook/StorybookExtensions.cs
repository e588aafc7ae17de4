using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Storybook;

public static class StorybookExtensions
{
    public static IServiceCollection AddStorybook(this IServiceCollection services)
    {
        services.AddScoped<StoryPages>();
        services.AddScoped<StorybookHandlers>();
        services.AddScoped<IChatCommand>(sp => sp.GetRequiredService<StorybookHandlers>());
        services.AddScoped<ICardAction>(sp => sp.GetRequiredService<StorybookHandlers>());
        services.AddScoped<MyStoriesHandlers>();
        services.AddScoped<IChatCommand>(sp => sp.GetRequiredService<MyStoriesHandlers>());
        services.AddScoped<ICardAction>(sp => sp.GetRequiredService<MyStoriesHandlers>());
        return services;
    }
}
