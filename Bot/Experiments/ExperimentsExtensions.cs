using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.StoryCapture;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoStoryBot.Bot.Experiments;

public static class ExperimentsExtensions
{
    /// <summary>
    /// Experiments/: A/B tests of nudge wording (the experiment store, the commands experiment new, list, show and stop,
    /// and the nudge composer's variants), and the attribution ledger of what each nudge led to, with the stories
    /// submitted from a nudge counted for it. Needs AddCampaigns, AddStoryCapture and AddNudges, listed before it: it puts
    /// its variants in place of the Nudges' default (no variant).
    /// </summary>
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

        // Nudges' seam for wording variants, in place of its default (the integration tests see the variants reach the channels).
        services.Replace(ServiceDescriptor.Singleton<INudgeVariantProvider, ExperimentVariants>());

        services.AddAdminHandler<ExperimentNewHandler>();
        services.AddAdminHandler<ExperimentListHandler>();
        services.AddAdminHandler<ExperimentShowHandler>();
        services.AddAdminHandler<ExperimentStopHandler>();
        return builder;
    }
}
