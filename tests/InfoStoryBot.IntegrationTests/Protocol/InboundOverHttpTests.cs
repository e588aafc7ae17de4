using System.Net;
using System.Text.Json;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.TeamsSimulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sim = InfoStoryBot.TeamsSimulator.TeamsSimulator;

namespace InfoStoryBot.IntegrationTests.Protocol;

/// <summary>
/// The simulator posting Teams activities to a real Kestrel endpoint guarded by the authenticator: headers, bodies
/// and the loopback origin travel over a socket exactly as they will to /api/messages.
/// </summary>
public sealed class InboundOverHttpTests
{
    private static async Task<WebApplication> StartGuardedEndpointAsync(Sim sim, string environment = "Production")
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(sim.BotConfiguration);
        builder.AddBotProtocol();
        var app = builder.Build();
        app.MapPost("/api/messages", async (HttpContext context, IInboundAuthenticator authenticator) =>
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, ProtocolJson.Options, context.RequestAborted);
            var result = await authenticator.AuthenticateAsync(context.Request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null, activity!, RequestOrigin.From(context), context.RequestAborted);
            return result.Succeeded ? Results.Ok(activity!.Type) : Results.StatusCode(result.StatusCode);
        });
        await app.StartAsync();
        return app;
    }

    private static Uri MessagesUri(WebApplication app) => new(app.Urls.First().TrimEnd('/') + "/api/messages");

    [Fact]
    public async Task Post_EveryTeamsActivityShapeWithAGoodToken_IsAccepted()
    {
        await using var sim = await Sim.StartAsync();
        await using var app = await StartGuardedEndpointAsync(sim);
        var activities = sim.Activities;
        var channel = sim.Team.Channels[1];

        var all = new[]
        {
            activities.PersonalMessage("hello"),
            activities.ChannelMention("share a story"),
            activities.PersonalInstall(),
            activities.PersonalInstallationUpdate("add"),
            activities.TeamInstallationUpdate("add"),
            activities.TeamInstallationUpdate("remove"),
            activities.TeamMembersAddedBot(),
            activities.TeamMembersRemovedBot(),
            activities.ChannelCreated(new SimulatedChannel("19:new0000000000000000000000000000@thread.tacv2", "Early help")),
            activities.ChannelRenamed(channel with { Name = "Sharing well" }),
            activities.ChannelDeleted(channel),
            activities.CardSubmit(new System.Text.Json.Nodes.JsonObject { ["verb"] = "submitStory", ["story"] = "text" }, "1700000000001"),
            activities.AdaptiveCardAction("refresh"),
            activities.MessageReaction("1700000000001"),
        };

        foreach (var activity in all)
        {
            using var response = await sim.PostActivityAsync(MessagesUri(app), activity);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{activity["type"]} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData(TokenFlaw.NoHeader, 401)]
    [InlineData(TokenFlaw.Expired, 401)]
    [InlineData(TokenFlaw.NotEndorsedForChannel, 403)]
    [InlineData(TokenFlaw.ServiceUrlDifferent, 401)]
    public async Task Post_BrokenToken_IsRefusedWithTheRightStatus(TokenFlaw flaw, int status)
    {
        await using var sim = await Sim.StartAsync();
        await using var app = await StartGuardedEndpointAsync(sim);

        using var response = await sim.PostActivityAsync(MessagesUri(app), sim.Activities.PersonalMessage("hello"), flaw);

        Assert.Equal(status, (int)response.StatusCode);
    }

    [Fact]
    public async Task Post_LocalModeFromLoopbackWithoutHeader_IsAccepted()
    {
        await using var sim = await Sim.StartAsync(new TeamsSimulatorOptions { AppId = null });
        await using var app = await StartGuardedEndpointAsync(sim, "Development");

        using var response = await sim.PostActivityAsync(MessagesUri(app), sim.Activities.PersonalMessage("hello"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
