using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sim = InfoStoryBot.TeamsSimulator.TeamsSimulator;

namespace InfoStoryBot.Bot.Tests.Protocol;

public sealed class MsalBotTokenProviderTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task GetToken_Twice_OneRequestToTheTokenEndpoint()
    {
        await using var sim = await Sim.StartAsync();
        using var host = await ProtocolHost.StartAsync(sim, _clock);
        var tokens = host.Services.GetRequiredService<IBotTokenProvider>();

        var first = await tokens.GetTokenAsync(false, CancellationToken.None);
        var second = await tokens.GetTokenAsync(false, CancellationToken.None);

        Assert.StartsWith("sim-at.", first.AccessToken);
        Assert.Equal(first.AccessToken, second.AccessToken);
        Assert.Equal(1, sim.TokenRequestCount);
        var request = Assert.Single(sim.TokenRequests);
        Assert.Equal(sim.Options.TenantId, request.Tenant);
        Assert.Equal(sim.AppId, request.ClientId);
        Assert.Equal("https://api.botframework.com/.default", request.Scope);
        Assert.True(request.UsedSecret);
    }

    [Fact]
    public async Task GetToken_ForceRefresh_GoesBackToTheEndpoint()
    {
        await using var sim = await Sim.StartAsync();
        using var host = await ProtocolHost.StartAsync(sim, _clock);
        var tokens = host.Services.GetRequiredService<IBotTokenProvider>();

        var first = await tokens.GetTokenAsync(false, CancellationToken.None);
        var refreshed = await tokens.GetTokenAsync(true, CancellationToken.None);

        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        Assert.Equal(2, sim.TokenRequestCount);
    }

    [Fact]
    public async Task GetToken_WrongSecret_TheAadstsCodeNotAnException()
    {
        await using var sim = await Sim.StartAsync();
        using var host = await ProtocolHost.StartAsync(sim, _clock, overrides: new Dictionary<string, string?> { ["MicrosoftAppPassword"] = "wrong" });
        var tokens = host.Services.GetRequiredService<IBotTokenProvider>();

        var failure = await tokens.GetTokenAsync(false, CancellationToken.None);

        Assert.False(failure.IsAvailable);
        Assert.Null(failure.AccessToken);
        Assert.Equal("AADSTS7000215", failure.Problem);
        Assert.Contains("invalid_client", failure.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetToken_EndpointUnreachable_UnreachableNotAnException()
    {
        await using var sim = await Sim.StartAsync();
        using var host = await ProtocolHost.StartAsync(sim, _clock);
        var tokens = host.Services.GetRequiredService<IBotTokenProvider>();
        sim.TokenEndpointFault = TokenEndpointFault.Unreachable;

        var failure = await tokens.GetTokenAsync(false, CancellationToken.None);

        Assert.Equal(BotToken.Unreachable, failure.Problem);
        Assert.Contains("ConnectionError", failure.Detail, StringComparison.Ordinal);
        Assert.Equal(0, sim.TokenRequestCount);
    }

    [Fact]
    public async Task GetToken_EndpointNeverAnswers_GivesUpAfterTheTokenTimeout()
    {
        await using var sim = await Sim.StartAsync();
        using var host = await ProtocolHost.StartAsync(sim, _clock, overrides: new Dictionary<string, string?> { ["Connector:TokenTimeout"] = "00:00:01" });
        var tokens = host.Services.GetRequiredService<IBotTokenProvider>();
        sim.TokenEndpointFault = TokenEndpointFault.NoAnswer;

        var started = System.Diagnostics.Stopwatch.StartNew();
        var failure = await tokens.GetTokenAsync(false, CancellationToken.None);

        Assert.Equal(BotToken.Unreachable, failure.Problem);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }

    [Fact]
    public async Task GetToken_EndpointRecovers_NextCallGetsAToken()
    {
        await using var sim = await Sim.StartAsync();
        using var host = await ProtocolHost.StartAsync(sim, _clock);
        var tokens = host.Services.GetRequiredService<IBotTokenProvider>();
        sim.TokenEndpointFault = TokenEndpointFault.InvalidClient;
        Assert.False((await tokens.GetTokenAsync(false, CancellationToken.None)).IsAvailable);

        sim.TokenEndpointFault = TokenEndpointFault.None;
        var token = await tokens.GetTokenAsync(false, CancellationToken.None);

        Assert.StartsWith("sim-at.", token.AccessToken);
    }

    [Fact]
    public async Task Send_WrongSecret_TokenUnavailableWithTheCauseAndNothingSent()
    {
        await using var sim = await Sim.StartAsync();
        using var host = await ProtocolHost.StartAsync(sim, _clock, overrides: new Dictionary<string, string?> { ["MicrosoftAppPassword"] = "wrong" });
        var client = host.Services.GetRequiredService<IConnectorClient>();

        var result = await client.SendToConversationAsync(sim.ServiceUrl, "a:1x", new Activity { Type = "message", Text = "hi" }, CancellationToken.None);

        Assert.Equal(ConnectorOutcome.TokenUnavailable, result.Outcome);
        Assert.Equal("AADSTS7000215", result.ErrorCode);
        Assert.Empty(sim.Calls);
    }

    [Fact]
    public async Task GetToken_Certificate_SendsASignedClientAssertion()
    {
        await using var sim = await Sim.StartAsync();
        var pfx = Path.Combine(Path.GetTempPath(), $"infostorybot-test-{Guid.NewGuid():N}.pfx");
        try
        {
            using (var rsa = RSA.Create(2048))
            {
                var request = new CertificateRequest("CN=InfoStoryBot test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
                await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
            }

            using var host = await ProtocolHost.StartAsync(sim, _clock, overrides: new Dictionary<string, string?>
            {
                ["MicrosoftAppPassword"] = null,
                ["MicrosoftAppCertificatePath"] = pfx,
                ["MicrosoftAppCertificatePassword"] = "pfx-password",
            });
            var tokens = host.Services.GetRequiredService<IBotTokenProvider>();

            var token = await tokens.GetTokenAsync(false, CancellationToken.None);

            Assert.StartsWith("sim-at.", token.AccessToken);
            var tokenRequest = Assert.Single(sim.TokenRequests);
            Assert.True(tokenRequest.UsedClientAssertion);
            Assert.False(tokenRequest.UsedSecret);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    [Fact]
    public async Task GetToken_LocalMode_NoTokenNeededAndNeverCallsTheEndpoint()
    {
        await using var sim = await Sim.StartAsync(new TeamsSimulatorOptions { AppId = null });
        using var host = await ProtocolHost.StartAsync(sim, _clock);

        var token = await host.Services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(false, CancellationToken.None);

        Assert.True(token.IsAvailable);
        Assert.Null(token.AccessToken);
        Assert.Equal(0, sim.TokenRequestCount);
    }
}
