using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.StoryCapture;

public static class StoryCaptureExtensions
{
    /// <summary>StoryCapture/: telling a story (the story dialog, its start from text or a button, where a story is saved).</summary>
    public static IHostApplicationBuilder AddStoryCapture(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StoryCaptureOptions>()
            .Bind(builder.Configuration.GetSection(StoryCaptureOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<CurrentCampaign>();
        services.AddScoped<StorySaver>();
        services.AddScoped<StoryDialogRunner>();
        services.AddScoped<StoryStarter>();
        services.AddScoped<IChatCommand, StartStoryCommand>();
        services.AddScoped<ICardAction, StartStoryAction>();
        services.AddScoped<StoryDialogContinuation>();
        services.AddScoped<IDialogContinuation>(sp => sp.GetRequiredService<StoryDialogContinuation>());
        services.AddScoped<ICardAction, StoryCardActions>();
        return builder;
    }
}
