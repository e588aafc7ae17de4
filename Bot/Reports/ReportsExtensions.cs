using InfoStoryBot.Bot.Admin;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Reports;

public static class ReportsExtensions
{
    /// <summary>Reports/: a campaign's report with its chart, the <c>report</c> command, and the endpoint that serves the charts.</summary>
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ReportsOptions>()
            .Bind(builder.Configuration.GetSection(ReportsOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportsOptions>, ReportsOptionsValidator>();
        services.AddHttpContextAccessor();
        services.AddSingleton<IChartStore, ChartStore>();
        services.AddSingleton<CampaignStoryIndex>();
        services.AddSingleton<IReportService, ReportService>();
        services.AddHostedService<ChartWarmUp>();
        services.AddAdminHandler<ReportHandler>();
        return builder;
    }
}
