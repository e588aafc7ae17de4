using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Storybook;

public static class StorybookExtensions
{
    /// <summary>Storybook/: browsing the storybook, and a teller's own stories (view, edit, withdraw).</summary>
    public static IHostApplicationBuilder AddStorybook(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<StoryPages>();
        services.AddScoped<StorybookHandlers>();
        services.AddScoped<IChatCommand>(sp => sp.GetRequiredService<StorybookHandlers>());
        services.AddScoped<ICardAction>(sp => sp.GetRequiredService<StorybookHandlers>());
        services.AddScoped<MyStoriesHandlers>();
        services.AddScoped<IChatCommand>(sp => sp.GetRequiredService<MyStoriesHandlers>());
        services.AddScoped<ICardAction>(sp => sp.GetRequiredService<MyStoriesHandlers>());
        return builder;
    }
}
