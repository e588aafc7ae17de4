using InfoStoryBot.Bot.Concurrency;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Protocol;

public static class ProtocolExtensions
{
    /// <summary>
    /// Registers the Bot Framework edge: <see cref="BotAuthenticationOptions"/> (root keys, validated at start-up),
    /// <see cref="ConnectorClientOptions"/> (section Connector), <see cref="IInboundAuthenticator"/>,
    /// <see cref="IConnectorSigningKeys"/>, <see cref="IBotTokenProvider"/> and <see cref="IConnectorClient"/>.
    /// </summary>
    public static IHostApplicationBuilder AddBotProtocol(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);

        services.AddOptions<BotAuthenticationOptions>()
            .Bind(builder.Configuration)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotAuthenticationOptions>, BotAuthenticationOptionsValidator>();

        services.AddOptions<ConnectorClientOptions>()
            .Bind(builder.Configuration.GetSection(ConnectorClientOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.BaseDelay <= o.MaxDelay, "Connector:BaseDelay must not exceed Connector:MaxDelay.")
            .ValidateOnStart();

        services.AddHttpClient(ConnectorSigningKeys.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IConnectorSigningKeys, ConnectorSigningKeys>();
        services.AddSingleton<IInboundAuthenticator, BotFrameworkAuthenticator>();

        services.AddHttpClient(LoopbackMsalHttpClientFactory.HttpClientName)
            .AddHttpMessageHandler(() => new LoopbackHttpDowngradeHandler());
        services.AddSingleton<IBotTokenProvider, MsalBotTokenProvider>();

        services.AddKeyedSingleton<KeyedLock>(HttpConnectorClient.SendLocks);
        services.AddSingleton<ConnectorRateGate>();

        // The per-attempt timeout lives in the client (Connector:AttemptTimeout), so HttpClient's own is switched off.
        // The factory's own request logging goes: four Information lines per reply (each with the conversation's URL)
        // cost more CPU than the rest of a turn's logging; HttpConnectorClient's callers log every failure themselves.
        services.AddHttpClient<IConnectorClient, HttpConnectorClient>(HttpConnectorClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers();
        return builder;
    }
}
