using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Storage;
using System.Net;
using InfoStoryBot.Bot.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.DevChat;

public static class DevChatExtensions
{
    /// <summary>
    /// Registers DevChat in local mode only (see <see cref="DevChatMode"/>); in any other configuration
    /// it registers nothing, so none of its endpoints or its Connector decorator can exist in production.
    /// Must run after AddBotProtocol: it decorates the IConnectorClient registered there.
    /// </summary>
    public static IHostApplicationBuilder AddDevChat(this IHostApplicationBuilder builder)
    {
        if (!DevChatMode.IsEnabled(builder.Configuration, builder.Environment))
        {
            return builder;
        }

        var services = builder.Services;
        services.AddOptions<DevChatOptions>()
            .Bind(builder.Configuration.GetSection(DevChatOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DevChatOptions>>().Value);
        services.AddSingleton<DevChatCast>();
        services.AddSingleton<DevChatConversations>();
        services.AddSingleton<DevChatTranscript>();
        services.AddSingleton<DevChatChannels>();
        services.AddSingleton<DevChatPartnership>();
        services.AddSingleton<DevChatTurns>();
        services.AddSingleton<DevChatMarker>();
        DecorateConnectorClient(services);

        // The page's Admin identity is on the campaign team without editing configuration: a bootstrap admin added
        // here, which exists only in local mode (see above), so no deployed bot can have it.
        services.AddOptions<AccessOptions>().PostConfigure<IOptions<DevChatOptions>>((access, devChat) =>
        {
            if (!access.BootstrapAdmins.Contains(devChat.Value.AdminObjectId, StringComparer.OrdinalIgnoreCase))
            {
                access.BootstrapAdmins.Add(devChat.Value.AdminObjectId);
            }
        });
        return builder;
    }

    /// <summary>
    /// Replaces the IConnectorClient registration with the DevChat decorator wrapping it, keeping its
    /// lifetime. Whatever shape Protocol/ registered (type, factory, instance, typed HttpClient factory),
    /// the inner client is built from that same descriptor.
    /// </summary>
    internal static void DecorateConnectorClient(IServiceCollection services)
    {
        var existing = services.LastOrDefault(d => d.ServiceType == typeof(IConnectorClient) && !d.IsKeyedService);
        var lifetime = existing?.Lifetime ?? ServiceLifetime.Singleton;
        if (existing is not null)
        {
            services.Remove(existing);
        }

        services.Add(new ServiceDescriptor(
            typeof(IConnectorClient),
            sp => new DevChatConnectorClient(
                CreateInner(sp, existing),
                sp.GetRequiredService<DevChatConversations>(),
                sp.GetRequiredService<DevChatTranscript>(),
                sp.GetRequiredService<DevChatCast>(),
                sp.GetRequiredService<DevChatChannels>()),
            lifetime));
    }

    private static IConnectorClient CreateInner(IServiceProvider sp, ServiceDescriptor? descriptor) => descriptor switch
    {
        null => new MissingConnectorClient(),
        { ImplementationInstance: IConnectorClient instance } => instance,
        { ImplementationFactory: { } factory } => (IConnectorClient)factory(sp),
        { ImplementationType: { } type } => (IConnectorClient)ActivatorUtilities.CreateInstance(sp, type),
        _ => throw new InvalidOperationException("DevChat cannot decorate the registered IConnectorClient: its registration has no implementation."),
    };
}

/// <summary>Present in the container only when AddDevChat registered DevChat, so MapDevChat maps nothing otherwise.</summary>
internal sealed class DevChatMarker;

public static class DevChatEndpoints
{
    public static IEndpointRouteBuilder MapDevChat(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<DevChatMarker>() is null)
        {
            return app;
        }

        var environment = app.ServiceProvider.GetRequiredService<IHostEnvironment>();
        var page = new DevChatPage(environment.ContentRootPath);
        AnnounceWhenListening(app.ServiceProvider);

        // Local mode accepts anonymous traffic, so it answers only callers on this machine, even if
        // someone binds Kestrel to every interface.
        var root = app.MapGroup("").AddEndpointFilter(LoopbackOnlyAsync).ExcludeFromDescription();
        DirectLineEndpoints.Map(root.MapGroup("/v3/directline"));
        page.Map(root);
        root.MapGet("/devchat/info", async (IStorageProbe storage, DevChatCast cast, AccessPolicy access, CancellationToken cancellationToken) =>
            Results.Json(new DevChatInfo(
                storage.Description,
                page.HasWebChatBundle,
                [
                    Describe(cast.Storyteller, "Storyteller", await access.IsAdminAsync(cast.Storyteller.AadObjectId, cancellationToken)),
                    Describe(cast.Admin, "Admin", await access.IsAdminAsync(cast.Admin.AadObjectId, cancellationToken)),
                ],
                Describe(cast.Team)), ProtocolJson.Options));

        // The page asks once it has loaded: the local team is installed (through install capture) if it is not yet.
        root.MapPost("/devchat/partnership", async (HttpContext context, DevChatPartnership partnership, DevChatCast cast, CancellationToken cancellationToken) =>
        {
            await partnership.InstallAsync(context.RequestServices, cancellationToken);
            return Results.Json(Describe(cast.Team), ProtocolJson.Options);
        });
        return app;
    }

    /// <summary>A first run should say where to go: the console is the only thing a new user is looking at.</summary>
    private static void AnnounceWhenListening(IServiceProvider services)
    {
        var lifetime = services.GetRequiredService<IHostApplicationLifetime>();
        var server = services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>();
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger("InfoStoryBot.DevChat");
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
            DevChatLog.LocalMode(log, string.Join(", ", addresses));
        });
    }

    private static DevChatPerson Describe(DevChatIdentity identity, string label, bool isAdmin) =>
        new(identity.Key, label, identity.Name, identity.UserId, identity.AadObjectId, isAdmin);

    private static async ValueTask<object?> LoopbackOnlyAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var remote = context.HttpContext.Connection.RemoteIpAddress;
        if (remote is null || !IPAddress.IsLoopback(remote))
        {
            return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "DevChat answers only on this machine (loopback).");
        }

        return await next(context);
    }

    private static DevChatTeamInfo Describe(DevChatTeam team) =>
        new(team.Id, team.Name, [.. team.Channels.Select(c => new DevChatChannelInfo(c.Id, c.Label))]);

    internal sealed record DevChatInfo(string Storage, bool WebChatBundle, IReadOnlyList<DevChatPerson> People, DevChatTeamInfo Team);

    internal sealed record DevChatTeamInfo(string Id, string Name, IReadOnlyList<DevChatChannelInfo> Channels);

    internal sealed record DevChatChannelInfo(string Id, string Label);

    /// <param name="IsAdmin">On the campaign team (in local mode the Admin identity always is).</param>
    internal sealed record DevChatPerson(string Key, string Label, string Name, string UserId, string AadObjectId, bool IsAdmin);
}

internal static partial class DevChatLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Local mode: open {Addresses} in a browser to talk to the bot (Web Chat). No Azure or Teams needed.")]
    public static partial void LocalMode(ILogger logger, string addresses);
}
