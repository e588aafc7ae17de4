using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Identity.Client;
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

        Assert.StartsWith("sim-at.", first);
        Assert.Equal(first, second);
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

        Assert.NotEqual(first, refreshed);
        Assert.Equal(2, sim.TokenRequestCount);
    }

    [Fact]
    public async Task GetToken_WrongSecret_MsalReportsInvalidClient()
    {
        await using var sim = await Sim.StartAsync();
        using var host = await ProtocolHost.StartAsync(sim, _clock, overrides: new Dictionary<string, string?> { ["MicrosoftAppPassword"] = "wrong" });
        var tokens = host.Services.GetRequiredService<IBotTokenProvider>();

        var failure = await Assert.ThrowsAsync<MsalServiceException>(() => tokens.GetTokenAsync(false, CancellationToken.None));

        Assert.Equal("invalid_client", failure.ErrorCode);
    }

    [Fact]
    public async Task Send_WrongSecret_IsAFailureNotAnException()
    {
        await using var sim = await Sim.StartAsync();
        using var host = await ProtocolHost.StartAsync(sim, _clock, overrides: new Dictionary<string, string?> { ["MicrosoftAppPassword"] = "wrong" });
        var client = host.Services.GetRequiredService<IConnectorClient>();

        var result = await client.SendToConversationAsync(sim.ServiceUrl, "a:1x", new Activity { Type = "message", Text = "hi" }, CancellationToken.None);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal("TokenUnavailable", result.ErrorCode);
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

            Assert.StartsWith("sim-at.", token);
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
    public async Task GetToken_LocalMode_IsNullAndNeverCallsTheEndpoint()
    {
        await using var sim = await Sim.StartAsync(new TeamsSimulatorOptions { AppId = null });
        using var host = await ProtocolHost.StartAsync(sim, _clock);

        Assert.Null(await host.Services.GetRequiredService<IBotTokenProvider>().GetTokenAsync(false, CancellationToken.None));
        Assert.Equal(0, sim.TokenRequestCount);
    }
}
