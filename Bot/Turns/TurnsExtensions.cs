using InfoStoryBot.Bot.Concurrency;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Onboarding;
using InfoStoryBot.Bot.StoryCapture;
using InfoStoryBot.Bot.Storybook;
using InfoStoryBot.Bot.Teams;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoStoryBot.Bot.Turns;

public static class TurnsExtensions
{
    public static IHostApplicationBuilder AddTurns(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MessagesOptions>()
            .Bind(builder.Configuration.GetSection(MessagesOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<AccessOptions>()
            .Bind(builder.Configuration.GetSection(AccessOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<AccessPolicy>();

        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton<KeyedLock>(TurnProcessor.TurnLocks);
        services.AddSingleton<ITurnProcessor, TurnProcessor>();
        services.AddScoped<TurnRouter>();

        services.AddSingleton<BackgroundWorkQueue>();
        services.AddSingleton<IBackgroundWork>(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWorkQueue>());

        // Teams/: install capture and conversation references.
        services.AddSingleton<ConversationReferenceTracker>();
        services.AddScoped<IConversationEventHandler, TeamInstallationHandler>();
        services.AddScoped<TeamChannelSync>();

        // Features: each registers its commands, card actions and dialogs.
        services.AddOnboarding();
        services.AddStoryCapture(builder.Configuration);
        services.AddStorybook();
        return builder;
    }
}
