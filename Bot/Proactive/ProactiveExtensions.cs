namespace InfoStoryBot.Bot.Proactive;

public static class ProactiveExtensions
{
    /// <summary>
    /// Proactive/: the one sender for everything that leaves outside a turn (<see cref="IProactiveSender"/>), its
    /// once-only ledger (<see cref="ISendLedger"/>) and <see cref="ProactiveOptions"/> (section Proactive, validated
    /// at start-up). A shared layer: it names no feature. Needs AddBotProtocol and AddStorage first.
    /// </summary>
    public static IHostApplicationBuilder AddProactive(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProactiveOptions>()
            .Bind(builder.Configuration.GetSection(ProactiveOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ISendLedger, SendLedger>();
        services.AddSingleton<IProactiveSender, ProactiveSender>();
        return builder;
    }
}
