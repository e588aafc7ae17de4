using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.StoryCapture;

public static class StoryCaptureExtensions
{
    public static IServiceCollection AddStoryCapture(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoryCaptureOptions>()
            .Bind(configuration.GetSection(StoryCaptureOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<CurrentCampaign>();
        services.AddScoped<StorySaver>();
        services.AddScoped<StoryDialogRunner>();
        services.AddScoped<StoryStarter>();
        services.AddScoped<PersonalChats>();
        services.AddScoped<IChatCommand, StartStoryCommand>();
        services.AddScoped<ICardAction, StartStoryAction>();
        services.AddScoped<StoryDialogContinuation>();
        services.AddScoped<IDialogContinuation>(sp => sp.GetRequiredService<StoryDialogContinuation>());
        services.AddScoped<ICardAction, StoryCardActions>();
        return services;
    }
}
