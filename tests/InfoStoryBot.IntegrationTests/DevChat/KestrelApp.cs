using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.IntegrationTests.DevChat;

/// <summary>
/// The real app, in process, served by Kestrel on a loopback port: DevChat answers only loopback
/// callers, and the browser test needs a real URL. Local storage goes to a temp folder removed on dispose.
/// </summary>
internal sealed class KestrelApp : WebApplicationFactory<Program>
{
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    private KestrelApp(string environment, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services)
    {
        _environment = environment;
        _services = services;
        StorageFolder = Path.Combine(Path.GetTempPath(), "infostorybot-tests", Guid.NewGuid().ToString("N"));
        var all = new Dictionary<string, string?>(settings) { ["Storage:LocalPath"] = StorageFolder };
        _settings = all;
    }

    public string StorageFolder { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public static KestrelApp Start(string environment = "Development", IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        var app = new KestrelApp(environment, settings ?? new Dictionary<string, string?>(), services);
        app.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        return app;
    }

    /// <summary>The same app on the in-memory test server, where requests have no remote address.</summary>
    public static KestrelApp StartInMemory(string environment = "Development") =>
        new(environment, new Dictionary<string, string?>(), services: null);

    public HttpClient Http() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
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
        if (disposing && Directory.Exists(StorageFolder))
        {
            Directory.Delete(StorageFolder, recursive: true);
        }
    }
}
