using System.Net;
using System.Text.Json;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;

namespace InfoStoryBot.IntegrationTests.Health;

/// <summary>
/// /readyz says whether the bot can get the token it needs to answer anyone (its outbound identity), without telling an
/// anonymous caller why not: the cause goes to the log.
/// </summary>
public sealed class OutboundIdentityReadinessTests : IAsyncLifetime
{
    private const string CheckName = "outbound-identity";

    private readonly LogCapture _logs = new();
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsHarness.StartAsync(_logs.Register);

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task Readyz_TokenEndpointUnreachable_503WithNoDetailThenReadyOnceItRecovers()
    {
        _teams.Teams.TokenEndpointFault = TokenEndpointFault.Unreachable;

        var (status, body, text) = await ReadyzAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", Check(body).GetProperty("status").GetString());
        AssertNoDetail(text);
        Assert.Contains(_logs.Entries, e => e.Message.Contains("unreachable", StringComparison.OrdinalIgnoreCase));

        _teams.Teams.TokenEndpointFault = TokenEndpointFault.None;
        var (recovered, after, _) = await ReadyzAsync();

        Assert.Equal(HttpStatusCode.OK, recovered);
        Assert.Equal("ready", Check(after).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Readyz_CredentialsRefused_503WithNoDetailAndTheAadstsErrorInTheLog()
    {
        _teams.Teams.TokenEndpointFault = TokenEndpointFault.InvalidClient;

        var (status, body, text) = await ReadyzAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("not ready", Check(body).GetProperty("status").GetString());
        AssertNoDetail(text);
        Assert.Contains(_logs.Entries, e => e.Message.Contains("AADSTS7000215", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readyz_TokenAvailable_ReadyAndServedFromMsalsCache()
    {
        var (first, _, _) = await ReadyzAsync();
        var (second, body, _) = await ReadyzAsync();

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, second);
        Assert.Equal("ready", Check(body).GetProperty("status").GetString());
        Assert.Equal(1, _teams.Teams.TokenRequestCount);
    }

    [Fact]
    public async Task Readyz_LocalMode_OutboundIdentityNotNeeded()
    {
        using var app = BotHost.Start();
        using var http = app.CreateHttpClient();

        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var check = Check(body);
        Assert.Equal("ready", check.GetProperty("status").GetString());
        Assert.Contains("not needed", check.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    /// <summary>Nothing an outsider could use: no AADSTS code, OAuth error, address, tenant or client id.</summary>
    private void AssertNoDetail(string text)
    {
        Assert.DoesNotContain("AADSTS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("invalid_client", text, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("refused", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("unreachable", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_teams.Teams.Options.TenantId, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(_teams.Teams.AppId!, text, StringComparison.OrdinalIgnoreCase);
    }

    private static JsonElement Check(JsonElement body) =>
        Assert.Single(body.GetProperty("checks").EnumerateArray(), c => c.GetProperty("name").GetString() == CheckName);

    private async Task<(HttpStatusCode Status, JsonElement Body, string Text)> ReadyzAsync()
    {
        using var response = await _teams.Http.GetAsync(new Uri("/readyz", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement, text);
    }
}
