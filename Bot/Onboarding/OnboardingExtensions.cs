using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Onboarding;

public static class OnboardingExtensions
{
    /// <summary>Onboarding/: the welcome on install, help, hello, and the reply to anything not understood.</summary>
    public static IHostApplicationBuilder AddOnboarding(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<IConversationEventHandler, WelcomeOnInstall>();
        services.AddScoped<HelpCommand>();
        services.AddScoped<IChatCommand>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddScoped<ICardAction>(sp => sp.GetRequiredService<HelpCommand>());
        services.AddScoped<IChatCommand, HelloCommand>();
        services.AddScoped<IFallbackReply, NotUnderstoodReply>();
        return builder;
    }
}
