namespace InfoStoryBot.Bot.Health;

public static class HealthExtensions
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>()
            .Bind(builder.Configuration.GetSection(HealthOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IReadinessCheck, StorageReadinessCheck>();
        builder.Services.AddSingleton<IReadinessCheck, OutboundIdentityReadinessCheck>();
        return builder;
    }
}
