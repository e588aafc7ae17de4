using InfoStoryBot.Bot.Concurrency;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoStoryBot.Bot.Turns;

public static class TurnsExtensions
{
    /// <summary>
    /// The turn pipeline, its router and conversation state. Features add their commands, buttons, dialogs and
    /// hooks (ITurnHandlers.cs) in their own Add…() methods; nothing here names a feature.
    /// </summary>
    public static IHostApplicationBuilder AddTurns(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MessagesOptions>()
            .Bind(builder.Configuration.GetSection(MessagesOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddOptions<ConversationStateCacheOptions>()
            .Bind(builder.Configuration.GetSection(ConversationStateCacheOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ConversationStateCache>();
        services.AddSingleton<IConversationStateStore>(sp => new CachedConversationStateStore(
            ActivatorUtilities.CreateInstance<ConversationStateStore>(sp), sp.GetRequiredService<ConversationStateCache>()));
        services.AddKeyedSingleton<KeyedLock>(TurnProcessor.TurnLocks);
        services.AddSingleton<TurnHandlerCatalog>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnHandlerCatalog>());
        services.AddSingleton<ITurnProcessor, TurnProcessor>();
        services.AddScoped<TurnRouter>();

        services.AddSingleton<BackgroundWorkQueue>();
        services.AddSingleton<IBackgroundWork>(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWorkQueue>());
        return builder;
    }
}
