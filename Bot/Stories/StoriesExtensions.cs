namespace InfoStoryBot.Bot.Stories;

public static class StoriesExtensions
{
    /// <summary>Stories/: where stories are kept, and the storybook index over them.</summary>
    public static IHostApplicationBuilder AddStories(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IStoryStore, StoryStore>();
        return builder;
    }
}
