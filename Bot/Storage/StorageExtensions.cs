namespace InfoStoryBot.Bot.Storage;

public static class StorageExtensions
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        return builder;
    }
}
