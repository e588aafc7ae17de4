using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real bot, in process, on Kestrel over loopback HTTP: a fresh host per test class, its own
/// storage folder, configuration given by the test.
/// </summary>
public sealed class BotHost : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Action<IServiceCollection>? _services;
    private readonly bool _ownsStorage;

    private BotHost(Dictionary<string, string?> settings, string environment, Action<IServiceCollection>? services, bool kestrel = true)
    {
        _settings = settings;
        _environment = environment;
        _services = services;
        // A test that gives its own folder keeps it (to restart the bot on the same data); otherwise the host owns one.
        _ownsStorage = !_settings.TryGetValue("Storage:LocalPath", out var given) || given is null;
        StoragePath = given ?? NewStoragePath();
        _settings["Storage:LocalPath"] = StoragePath;
        // Listen() rather than UseKestrel(port): the factory's port option rewrites the server's addresses
        // after start-up, which races with Kestrel and fails now and then.
        if (kestrel)
        {
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }
    }

    public string StoragePath { get; }

    public static string NewStoragePath() => Path.Combine(Path.GetTempPath(), "infostorybot-tests", Guid.NewGuid().ToString("n"));

    public Uri BaseAddress { get; private set; } = null!;

    public Uri MessagesUrl => new(BaseAddress, "/api/messages");

    /// <summary>Starts the app and waits until Kestrel listens.</summary>
    public static BotHost Start(IDictionary<string, string?>? settings = null, string environment = "Development", Action<IServiceCollection>? services = null)
    {
        var host = new BotHost(new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()), environment, services);
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        host.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        return host;
    }

    /// <summary>The same app on the in-memory test server (use <c>CreateClient()</c>), where requests have no remote address.</summary>
    public static BotHost StartInMemory(string environment = "Development") =>
        new(new Dictionary<string, string?>(), environment, services: null, kestrel: false);

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // UseSetting, not ConfigureAppConfiguration: the factory applies the latter after Program has already
        // read configuration to decide what to register (local mode, DevChat), which production never does.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsStorage)
        {
            DeleteStorage(StoragePath);
        }
    }

    public static void DeleteStorage(string path)
    {
        if (Directory.Exists(path))
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing handle; the temp folder is cleaned by the OS.
            }
        }
    }
}
