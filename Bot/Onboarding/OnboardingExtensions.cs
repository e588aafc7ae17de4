using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Onboarding;

public static class OnboardingExtensions
{
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.AddScoped<IConversationEventHandler, WelcomeOnInstall>();
        services.AddScoped<HelpCommand>();
        services.AddScoped<IChatCommand>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddScoped<ICardAction>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddScoped<IChatCommand, HelloCommand>();
        services.AddScoped<IFallbackReply, NotUnderstoodReply>();
        return services;
    }
}
