using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sim = InfoStoryBot.TeamsSimulator.TeamsSimulator;

namespace InfoStoryBot.IntegrationTests.Protocol;

/// <summary>One simulator and one bot host for the token matrix: keys are fetched once, over real loopback HTTP.</summary>
public sealed class AuthenticatorFixture : IAsyncLifetime
{
    public Sim Simulator { get; private set; } = null!;

    internal AuthenticatorHost Bot { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Simulator = await Sim.StartAsync();
        Bot = await AuthenticatorHost.StartAsync(Simulator, "Production");
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Simulator.DisposeAsync();
    }
}

public sealed class BotFrameworkAuthenticatorTests(AuthenticatorFixture fixture) : IClassFixture<AuthenticatorFixture>
{
    private Sim Simulator => fixture.Simulator;

    private JsonObject Message() => Simulator.Activities.PersonalMessage("Our health visitor rang the school nurse the same day");

    [Theory]
    [InlineData(TokenFlaw.None)]
    [InlineData(TokenFlaw.Rs384)]
    [InlineData(TokenFlaw.Rs512)]
    [InlineData(TokenFlaw.ExpiredWithinSkew)]
    public async Task Authenticate_GoodToken_Succeeds(TokenFlaw flaw)
    {
        var result = await fixture.Bot.AuthenticateAsync(Simulator.CreateAuthorizationHeader(flaw), Message());

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(200, result.StatusCode);
        Assert.Equal(Simulator.AppId, result.Identity!.FindFirst("aud")?.Value);
        Assert.Equal(Simulator.ServiceUrl, result.Identity.FindFirst(BotClaims.ServiceUrl)?.Value);
    }

    [Theory]
    [InlineData(TokenFlaw.WrongIssuer)]
    [InlineData(TokenFlaw.WrongAudience)]
    [InlineData(TokenFlaw.Expired)]
    [InlineData(TokenFlaw.NotYetValid)]
    [InlineData(TokenFlaw.UnpublishedKeyUnderKnownKid)]
    [InlineData(TokenFlaw.UnknownKid)]
    [InlineData(TokenFlaw.ServiceUrlMissing)]
    [InlineData(TokenFlaw.ServiceUrlDifferent)]
    [InlineData(TokenFlaw.AlgNone)]
    [InlineData(TokenFlaw.Hs256)]
    [InlineData(TokenFlaw.WrongScheme)]
    [InlineData(TokenFlaw.Garbage)]
    [InlineData(TokenFlaw.NoHeader)]
    public async Task Authenticate_BrokenToken_Is401WithAReason(TokenFlaw flaw)
    {
        var result = await fixture.Bot.AuthenticateAsync(Simulator.CreateAuthorizationHeader(flaw), Message());

        Assert.False(result.Succeeded);
        Assert.Equal(401, result.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task Authenticate_KeyNotEndorsedForTeams_Is403()
    {
        var result = await fixture.Bot.AuthenticateAsync(Simulator.CreateAuthorizationHeader(TokenFlaw.NotEndorsedForChannel), Message());

        Assert.False(result.Succeeded);
        Assert.Equal(403, result.StatusCode);
        Assert.Contains("not endorsed", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_KeyEndorsedButActivityClaimsAnotherChannel_Is403()
    {
        var activity = Message();
        activity["channelId"] = "webchat";

        var result = await fixture.Bot.AuthenticateAsync(Simulator.CreateAuthorizationHeader(), activity);

        Assert.Equal(403, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_ActivityServiceUrlDiffersFromClaim_Is401()
    {
        var activity = Message();
        activity["serviceUrl"] = "https://smba.trafficmanager.net/emea/";

        var result = await fixture.Bot.AuthenticateAsync(Simulator.CreateAuthorizationHeader(), activity);

        Assert.Equal(401, result.StatusCode);
        Assert.Contains("serviceurl", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_ServiceUrlDiffersOnlyInCase_Succeeds()
    {
        var activity = Message();
        activity["serviceUrl"] = Simulator.ServiceUrl.ToUpperInvariant();

        var result = await fixture.Bot.AuthenticateAsync(Simulator.CreateAuthorizationHeader(), activity);

        Assert.True(result.Succeeded, result.Reason);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("Bearer a.b")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiJ9.e30.")]
    [InlineData("Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IngifQ.!!!.abc")]
    [InlineData("Bearer eyJ9.eyJ9.eyJ9")]
    [InlineData("bearer")]
    [InlineData("   ")]
    public async Task Authenticate_MalformedHeader_Is401NeverAnException(string header)
    {
        var result = await fixture.Bot.AuthenticateAsync(header, Message());

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_ManyConcurrentRequests_FetchTheKeysOnce()
    {
        await using var sim = await Sim.StartAsync();
        await using var bot = await AuthenticatorHost.StartAsync(sim, "Production");

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("hi")))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Reason));
        Assert.Equal(1, sim.MetadataRequestCount);
        Assert.Equal(1, sim.KeysRequestCount);
    }

    [Fact]
    public async Task Authenticate_RotatedKey_RefreshesOnceThenRateLimitsUnknownKids()
    {
        await using var sim = await Sim.StartAsync();
        await using var bot = await AuthenticatorHost.StartAsync(sim, "Production");
        Assert.True((await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("before"))).Succeeded);
        Assert.Equal(1, sim.KeysRequestCount);

        sim.RotateSigningKey();
        var afterRotation = await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("after"));

        Assert.True(afterRotation.Succeeded, afterRotation.Reason);
        Assert.Equal(2, sim.KeysRequestCount);

        // An attacker's stream of made-up kids must not turn into a stream of metadata fetches.
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(401, (await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(TokenFlaw.UnknownKid), sim.Activities.PersonalMessage("x"))).StatusCode);
        }

        Assert.Equal(2, sim.KeysRequestCount);

        // Once the cooldown has passed, an unknown kid may refresh again (and still fails: the key is unpublished).
        bot.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(401, (await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(TokenFlaw.UnknownKid), sim.Activities.PersonalMessage("x"))).StatusCode);
        Assert.Equal(3, sim.KeysRequestCount);
    }

    [Fact]
    public async Task Authenticate_KeysOlderThanTheRefreshInterval_AreFetchedAgain()
    {
        // One clock for both sides: the Connector keeps minting fresh tokens as the day goes by.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sim = await Sim.StartAsync(new TeamsSimulatorOptions { TimeProvider = clock });
        await using var bot = await AuthenticatorHost.StartAsync(sim, "Production", clock: clock);
        await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("first"));

        bot.Clock.Advance(TimeSpan.FromHours(13));
        var later = await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("half a day later"));

        Assert.True(later.Succeeded, later.Reason);
        await Eventually(() => sim.KeysRequestCount == 2, "the keys were not refreshed in the background");

        sim.RotateSigningKey();
        await Eventually(async () => (await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("x"))).Succeeded, "the rotated key was never accepted");
    }

    [Fact]
    public async Task Authenticate_MetadataUnreachable_Is401UntilItRecovers()
    {
        await using var sim = await Sim.StartAsync();
        sim.MetadataAvailable = false;
        await using var bot = await AuthenticatorHost.StartAsync(sim, "Production");

        var during = await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("during"));
        var again = await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("during, again"));

        Assert.Equal(401, during.StatusCode);
        Assert.Contains("unavailable", during.Reason, StringComparison.Ordinal);
        Assert.Equal(401, again.StatusCode);
        Assert.Equal(1, sim.MetadataRequestCount);

        sim.MetadataAvailable = true;
        bot.Clock.Advance(TimeSpan.FromSeconds(31));
        var after = await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("after"));

        Assert.True(after.Succeeded, after.Reason);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{}")]
    [InlineData("{\"jwks_uri\": 42}")]
    [InlineData("{\"jwks_uri\": \"http://keys.example.com/keys\"}")]
    [InlineData("[]")]
    public async Task Authenticate_BrokenMetadata_Is401NotACrash(string metadata)
    {
        await using var sim = await Sim.StartAsync();
        sim.MetadataOverride = metadata;
        await using var bot = await AuthenticatorHost.StartAsync(sim, "Production");

        var during = await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("during"));

        Assert.Equal(401, during.StatusCode);
        Assert.Equal(0, sim.KeysRequestCount);

        sim.MetadataOverride = null;
        bot.Clock.Advance(TimeSpan.FromSeconds(31));
        var after = await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("after"));

        Assert.True(after.Succeeded, after.Reason);
    }

    [Fact]
    public async Task Authenticate_RefreshFailsLater_KeepsUsingTheLastGoodKeys()
    {
        // One clock for both sides: the Connector keeps minting fresh tokens as the day goes by.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sim = await Sim.StartAsync(new TeamsSimulatorOptions { TimeProvider = clock });
        await using var bot = await AuthenticatorHost.StartAsync(sim, "Production", clock: clock);
        await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("first"));

        sim.MetadataAvailable = false;
        bot.Clock.Advance(TimeSpan.FromHours(13));
        var result = await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("during an outage"));
        await Eventually(() => sim.MetadataRequestCount == 2, "no refresh was attempted");
        var stillFine = await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("after the failed refresh"));

        Assert.True(result.Succeeded, result.Reason);
        Assert.True(stillFine.Succeeded, stillFine.Reason);
        Assert.Equal(2, sim.MetadataRequestCount);
    }

    [Fact]
    public async Task Authenticate_RandomlyMutatedTokens_AreAlways401Or403NeverAnException()
    {
        var random = new Random(4242);
        var good = Simulator.CreateToken();
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
        for (var i = 0; i < 300; i++)
        {
            var chars = good.ToCharArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                chars[random.Next(chars.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            var mutated = new string(chars);
            var result = await fixture.Bot.AuthenticateAsync("Bearer " + mutated, Message());

            // A flip inside the signature's padding bits can leave the token intact; otherwise it must be refused.
            if (result.Succeeded)
            {
                Assert.Equal(good.Split('.')[..2], mutated.Split('.')[..2]);
            }
            else
            {
                Assert.InRange(result.StatusCode, 401, 403);
            }
        }
    }

    [Theory]
    [InlineData("{\"alg\":\"RS256\",\"kid\":{KID}}", "{\"iss\":123,\"aud\":[1,2],\"exp\":\"soon\"}")]
    [InlineData("{\"alg\":\"RS256\",\"kid\":\"{KIDVALUE}\"}", "{\"iss\":\"https://api.botframework.com\",\"aud\":{\"x\":1},\"exp\":\"soon\",\"serviceurl\":5}")]
    [InlineData("{\"alg\":[\"RS256\"],\"kid\":\"{KIDVALUE}\"}", "{}")]
    [InlineData("[]", "[]")]
    [InlineData("null", "null")]
    public async Task Authenticate_WellFormedJwtWithWrongClaimTypes_Is401(string header, string payload)
    {
        var kid = Simulator.CurrentSigningKey.Kid;
        header = header.Replace("{KIDVALUE}", kid, StringComparison.Ordinal).Replace("{KID}", 42.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var token = $"{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(header)}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(payload)}.c2lnbmF0dXJl";

        var result = await fixture.Bot.AuthenticateAsync("Bearer " + token, Message());

        Assert.Equal(401, result.StatusCode);
    }

    private static async Task Eventually(Func<bool> condition, string message) => await Eventually(() => Task.FromResult(condition()), message);

    private static async Task Eventually(Func<Task<bool>> condition, string message)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, message);
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Authenticate_AProvenTokenSentAgain_IsStillCheckedAgainstEachActivity()
    {
        var header = Simulator.CreateAuthorizationHeader();
        Assert.True((await fixture.Bot.AuthenticateAsync(header, Message())).Succeeded);

        var elsewhere = Message();
        elsewhere["serviceUrl"] = "https://smba.trafficmanager.net/emea/";
        var otherChannel = Message();
        otherChannel["channelId"] = "webchat";

        Assert.Equal(401, (await fixture.Bot.AuthenticateAsync(header, elsewhere)).StatusCode);
        Assert.Equal(403, (await fixture.Bot.AuthenticateAsync(header, otherChannel)).StatusCode);
        Assert.True((await fixture.Bot.AuthenticateAsync(header, Message())).Succeeded);
    }

    [Fact]
    public async Task Authenticate_AProvenTokenWhoseKeyIsWithdrawn_IsRefusedOnceTheKeysAreRefreshed()
    {
        await using var sim = await Sim.StartAsync();
        await using var bot = await AuthenticatorHost.StartAsync(sim, "Production");
        var withdrawn = sim.CurrentSigningKey;
        var header = sim.CreateAuthorizationHeader();
        Assert.True((await bot.AuthenticateAsync(header, sim.Activities.PersonalMessage("before"))).Succeeded);

        sim.RotateSigningKey();
        sim.WithdrawSigningKey(withdrawn);
        // A token naming a kid the bot does not hold makes it fetch the keys again now.
        Assert.Equal(401, (await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(TokenFlaw.UnknownKid), sim.Activities.PersonalMessage("x"))).StatusCode);
        Assert.Equal(2, sim.KeysRequestCount);

        var again = await bot.AuthenticateAsync(header, sim.Activities.PersonalMessage("after"));
        Assert.Equal(401, again.StatusCode);
        Assert.Contains("not published", again.Reason, StringComparison.Ordinal);
        Assert.True((await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("new key"))).Succeeded);
    }

    [Fact]
    public async Task Authenticate_TokenExpiresWhileTheBotClockMoves_IsRejectedAfterSkew()
    {
        var header = Simulator.CreateAuthorizationHeader();
        await using var bot = await AuthenticatorHost.StartAsync(Simulator, "Production");

        bot.Clock.Advance(TimeSpan.FromMinutes(55 + 4));
        Assert.True((await bot.AuthenticateAsync(header, Message())).Succeeded);

        bot.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(401, (await bot.AuthenticateAsync(header, Message())).StatusCode);
    }
}

public sealed class LocalModeAuthenticationTests
{
    [Fact]
    public async Task Authenticate_DevelopmentLoopbackNoHeader_IsAnonymous()
    {
        await using var sim = await Sim.StartAsync(new TeamsSimulatorOptions { AppId = null });
        await using var bot = await AuthenticatorHost.StartAsync(sim, "Development");

        var result = await bot.AuthenticateAsync(null, sim.Activities.PersonalMessage("hello"), loopback: true);

        Assert.True(result.Succeeded, result.Reason);
        Assert.Equal(BotClaims.AnonymousAuthenticationType, result.Identity!.AuthenticationType);
        Assert.Equal(0, sim.MetadataRequestCount);
    }

    [Fact]
    public async Task Authenticate_LocalModeFromAnotherMachine_Is401()
    {
        await using var sim = await Sim.StartAsync(new TeamsSimulatorOptions { AppId = null });
        await using var bot = await AuthenticatorHost.StartAsync(sim, "Development");

        var result = await bot.AuthenticateAsync(null, sim.Activities.PersonalMessage("hello"), loopback: false);

        Assert.Equal(401, result.StatusCode);
    }

    [Fact]
    public async Task Authenticate_LocalModeWithAHeader_IsStillValidatedAndRefused()
    {
        await using var sim = await Sim.StartAsync();
        await using var bot = await AuthenticatorHost.StartAsync(sim, "Development", new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = null,
            ["MicrosoftAppPassword"] = null,
            ["MicrosoftAppTenantId"] = null,
        });

        var result = await bot.AuthenticateAsync(sim.CreateAuthorizationHeader(), sim.Activities.PersonalMessage("hello"), loopback: true);

        Assert.Equal(401, result.StatusCode);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Start_NoAppIdOutsideDevelopment_FailsSayingAppIdIsRequired(string environment)
    {
        await using var sim = await Sim.StartAsync(new TeamsSimulatorOptions { AppId = null });
        using var host = AuthenticatorHost.Build(sim.BotConfiguration, environment, new FakeTimeProvider(DateTimeOffset.UtcNow));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MicrosoftAppId is required", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AppIdWithoutSecret_FailsNamingTheSetting()
    {
        await using var sim = await Sim.StartAsync();
        using var host = AuthenticatorHost.Build(sim.BotConfiguration, "Production", new FakeTimeProvider(DateTimeOffset.UtcNow), new Dictionary<string, string?> { ["MicrosoftAppPassword"] = null });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("MicrosoftAppPassword", failure.Message, StringComparison.Ordinal);
    }
}
