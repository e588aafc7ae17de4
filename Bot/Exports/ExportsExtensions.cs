using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.DevChat;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Exports;

public static class ExportsExtensions
{
    /// <summary>
    /// Exports/: the storybook as CSV, JSON or printable HTML (the <c>export</c> command), delivered by file consent in Teams (the
    /// <c>fileConsent/invoke</c> handler) or, in local mode only, by a signed download link.
    /// </summary>
    public static IHostApplicationBuilder AddExports(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ExportsOptions>()
            .Bind(builder.Configuration.GetSection(ExportsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IStorybookExporter, StorybookExporter>();
        services.AddSingleton<ExportRequests>();
        services.AddSingleton<ExportDelivery>();
        services.AddSingleton<IExportDelivery>(sp => sp.GetRequiredService<ExportDelivery>());
        services.AddScoped<IInvokeHandler, FileConsentInvoke>();
        services.AddAdminHandler<ExportHandler>();

        // No redirects: the upload address was checked, and a redirect could take the file anywhere else.
        services.AddHttpClient<ExportUploader>(ExportUploader.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(2))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });

        if (DevChatMode.IsEnabled(builder.Configuration, builder.Environment))
        {
            services.AddSingleton<ExportLinks>();
        }

        return builder;
    }
}
