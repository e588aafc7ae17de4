using System.Net;
using System.Text.Json;
using InfoStoryBot.Bot.Health;
using InfoStoryBot.IntegrationTests.DevChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using InfoStoryBot.IntegrationTests.Infrastructure;

namespace InfoStoryBot.IntegrationTests.Health;

public sealed class HealthEndpointsTests
{
    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Healthz_ProcessServes_200Ok(string environment)
    {
        using var app = BotHost.Start(Settings(environment), environment);
        using var http = app.CreateHttpClient();

        var response = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_StorageCheckFailing_StillOk()
    {
        using var app = BotHost.Start(services: Only(new FixedCheck("storage", ready: false)));
        using var http = app.CreateHttpClient();

        var response = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_AllChecksPass_200WithEachCheckListed()
    {
        using var app = BotHost.Start(services: Only(new FixedCheck("storage", ready: true, "local folder"), new FixedCheck("scheduler", ready: true)));
        using var http = app.CreateHttpClient();

        var response = await http.GetAsync("/readyz");
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ready", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["storage", "scheduler"], checks.Select(c => c.GetProperty("name").GetString()));
        Assert.All(checks, c => Assert.Equal("ready", c.GetProperty("status").GetString()));
        Assert.Equal("local folder", checks[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readyz_OneCheckNotReady_503NamingIt()
    {
        using var app = BotHost.Start(services: Only(new FixedCheck("storage", ready: false, "container missing"), new FixedCheck("other", ready: true)));
        using var http = app.CreateHttpClient();

        var response = await http.GetAsync("/readyz");
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("not ready", body.GetProperty("status").GetString());
        var storage = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "storage");
        Assert.Equal("not ready", storage.GetProperty("status").GetString());
        Assert.Equal("container missing", storage.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readyz_CheckHangs_503WithinTheTimeout()
    {
        using var app = BotHost.Start(
            settings: new Dictionary<string, string?> { ["Health:CheckTimeout"] = "00:00:00.200" },
            services: Only(new HangingCheck()));
        using var http = app.CreateHttpClient();

        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await http.GetAsync("/readyz");
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
        Assert.Contains("no answer within", body.GetProperty("checks")[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task Readyz_CheckThrows_503WithoutTheExceptionText()
    {
        using var app = BotHost.Start(services: Only(new ThrowingCheck()));
        using var http = app.CreateHttpClient();

        var response = await http.GetAsync("/readyz");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.DoesNotContain("AccountKey", text);
        Assert.Contains("see the log", text);
    }

    [Fact]
    public async Task Readyz_TheAppsOwnChecks_AreReadyOnTheLocalFolderInLocalMode()
    {
        using var app = BotHost.Start();
        using var http = app.CreateHttpClient();

        var response = await http.GetAsync("/readyz");
        var body = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var checks = body.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(["storage", "outbound-identity"], checks.Select(c => c.GetProperty("name").GetString()));
        Assert.All(checks, c => Assert.Equal("ready", c.GetProperty("status").GetString()));
    }

    [Fact]
    public void Startup_CheckTimeoutOutOfRange_FailsNamingTheSetting()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var app = BotHost.Start(settings: new Dictionary<string, string?> { ["Health:CheckTimeout"] = "00:10:00" });
        });

        var validation = FindInner<OptionsValidationException>(error);
        Assert.NotNull(validation);
        Assert.Contains("Health:CheckTimeout", validation.Message);
    }

    private static T? FindInner<T>(Exception? error)
        where T : Exception
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static Dictionary<string, string?> Settings(string environment) => environment == "Production"
        ? new()
        {
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppType"] = "UserAssignedMSI",
            ["MicrosoftAppTenantId"] = "99999999-8888-7777-6666-555555555555",
        }
        : [];

    /// <summary>Replaces the app's own readiness checks with the given ones.</summary>
    private static Action<IServiceCollection> Only(params IReadinessCheck[] checks) => services =>
    {
        services.RemoveAll<IReadinessCheck>();
        foreach (var check in checks)
        {
            services.AddSingleton(check);
        }
    };

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private sealed class FixedCheck(string name, bool ready, string? description = null) : IReadinessCheck
    {
        public string Name => name;

        public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) => Task.FromResult(new ReadinessResult(ready, description));
    }

    private sealed class HangingCheck : IReadinessCheck
    {
        public string Name => "hanging";

        // Ignores its token on purpose: the endpoint must still bound it.
        public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None);
            return ReadinessResult.Ready();
        }
    }

    private sealed class ThrowingCheck : IReadinessCheck
    {
        public string Name => "throwing";

        public Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken) =>
            throw new InvalidOperationException("DefaultEndpointsProtocol=https;AccountKey=secret");
    }
}
