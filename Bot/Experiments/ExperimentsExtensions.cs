namespace InfoStoryBot.Bot.Experiments;

public static class ExperimentsExtensions
{
    /// <summary>Experiments/: A/B tests of nudge wording, and the attribution ledger of what each nudge led to.</summary>
    public static IHostApplicationBuilder AddExperiments(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ExperimentsOptions>()
            .Bind(builder.Configuration.GetSection(ExperimentsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IExperimentStore, ExperimentStore>();
        services.AddSingleton<IAttributionLedger, AttributionLedger>();
        services.AddSingleton<IExperimentService, ExperimentSummaries>();
        return builder;
    }
}
