using InfoStoryBot.Bot.Teams;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.IntegrationTests.Turns;

/// <summary>Whole turns: Teams-shaped activities with real tokens in, Connector calls out, state in local storage.</summary>
public sealed class TurnsThroughTeamsTests : IAsyncLifetime
{
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsHarness.StartAsync(services =>
        services.AddScoped<IChatCommand, ExplodingCommand>());

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task PersonalInstall_BothInstallEvents_WelcomesOnceWithTheWelcomeCard()
    {
        using var first = await _teams.PostAsync(_teams.Teams.Activities.PersonalInstall());
        using var second = await _teams.PostAsync(_teams.Teams.Activities.PersonalInstallationUpdate("add"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var sent = Assert.Single(_teams.Sent());
        var card = CardAssert.Card(sent);
        Assert.Contains("What’s your information sharing story?", CardAssert.Text(card), StringComparison.Ordinal);
        Assert.Contains(ActionNames.StoryStart, CardAssert.Actions(card));
    }

    [Fact]
    public async Task PersonalInstall_StoresAConversationReferenceForLaterMessages()
    {
        using var response = await _teams.PostAsync(_teams.Teams.Activities.PersonalInstall());

        var references = _teams.Service<IConversationReferenceStore>();
        var stored = await references.GetPersonalAsync(SimulatedUser.Priya.AadObjectId, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal(_teams.Teams.ServiceUrl, stored.ServiceUrl);
        Assert.Equal(_teams.Teams.Options.TenantId, stored.Conversation?.TenantId);
    }

    [Fact]
    public async Task Help_InPersonalChat_AnswersWithTheHelpCard()
    {
        using var response = await _teams.PostAsync(_teams.Teams.Activities.PersonalMessage("help"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = CardAssert.Card(Assert.Single(_teams.Sent()));
        Assert.Contains("How I can help", CardAssert.Text(card), StringComparison.Ordinal);
        Assert.DoesNotContain("Campaign team commands", CardAssert.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownText_GetsOneLineAndThreeButtonsNotTheWholeHelpCard()
    {
        using var response = await _teams.PostAsync(_teams.Teams.Activities.PersonalMessage("purple elephants"));

        var card = CardAssert.Card(Assert.Single(_teams.Sent()));
        var text = CardAssert.Text(card);
        Assert.Contains("didn’t follow that", text, StringComparison.Ordinal);
        Assert.Contains("type **help**", text, StringComparison.Ordinal);
        Assert.DoesNotContain("How I can help", text, StringComparison.Ordinal);
        Assert.Equal([ActionNames.StoryStart, ActionNames.MyStories, ActionNames.Help], CardAssert.Actions(card));

        // "help" still shows everything.
        using var help = await _teams.PostAsync(_teams.Teams.Activities.PersonalMessage("help"));
        Assert.Contains("How I can help", CardAssert.Text(CardAssert.Card(_teams.Sent()[^1])), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OldButtonOfAnotherFeature_StillGetsTheShortHint()
    {
        using var response = await _teams.PostAsync(_teams.Teams.Activities.CardSubmit(new JsonObject { ["action"] = "nudge.gone" }, replyToId: "1700000000000"));

        var card = CardAssert.Card(Assert.Single(_teams.Sent()));
        Assert.Contains("didn’t follow that", CardAssert.Text(card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redelivery_SameActivityTwice_IsHandledOnce()
    {
        var activity = _teams.Teams.Activities.PersonalMessage("help");

        using var first = await _teams.PostAsync(activity);
        using var again = await _teams.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(_teams.Sent());
    }

    [Fact]
    public async Task ChannelMention_Help_RepliesInTheThreadAsIfUnmentioned()
    {
        var activity = _teams.Teams.Activities.ChannelMention("help");
        var conversationId = activity["conversation"]!["id"]!.GetValue<string>();

        using var response = await _teams.PostAsync(activity);

        var reply = Assert.Single(_teams.Sent());
        Assert.Equal(conversationId, reply.Conversation?.Id);
        Assert.Equal(activity["id"]!.GetValue<string>(), reply.ReplyToId);
        Assert.Contains("How I can help", CardAssert.Text(CardAssert.Card(reply)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamInstall_RegistersTheTeamAndEveryChannel_ThenUninstallForgetsThem()
    {
        var team = _teams.Teams.Team;

        using var installed = await _teams.PostAsync(_teams.Teams.Activities.TeamInstallationUpdate("add"));

        Assert.Equal(HttpStatusCode.OK, installed.StatusCode);
        var teams = _teams.Service<ITeamStore>();
        var stored = await Eventually(async () => await teams.GetAsync(team.Id, CancellationToken.None) is { } t && t.Value.Channels.Count == team.Channels.Count ? t : null);
        Assert.Equal(team.Name, stored.Value.Name);
        Assert.Equal(team.Channels.Select(c => c.Id).Order(), stored.Value.Channels.Select(c => c.ChannelId).Order());
        var references = _teams.Service<IConversationReferenceStore>();
        // The sync writes the team first, then a reference per channel.
        await Eventually(() => references.GetAsync(team.Channels[^1].Id, CancellationToken.None));
        Assert.NotNull(await references.GetAsync(team.Channels[1].Id, CancellationToken.None));

        using var removed = await _teams.PostAsync(_teams.Teams.Activities.TeamInstallationUpdate("remove"));

        Assert.Null(await teams.GetAsync(team.Id, CancellationToken.None));
        Assert.Null(await references.GetAsync(team.Channels[1].Id, CancellationToken.None));
    }

    [Fact]
    public async Task ChannelRenamedAndDeleted_KeepTheRegistryCurrent()
    {
        var team = _teams.Teams.Team;
        using var installed = await _teams.PostAsync(_teams.Teams.Activities.TeamInstallationUpdate("add"));
        var teams = _teams.Service<ITeamStore>();
        await Eventually(async () => await teams.GetAsync(team.Id, CancellationToken.None) is { } t && t.Value.Channels.Count == team.Channels.Count ? t : null);
        var channel = team.Channels[1];

        using var renamed = await _teams.PostAsync(_teams.Teams.Activities.ChannelRenamed(channel with { Name = "Early help hub" }));
        Assert.Equal("Early help hub", (await teams.GetAsync(team.Id, CancellationToken.None))!.Value.Channels.Single(c => c.ChannelId == channel.Id).Name);

        // A deleted channel stays registered, marked gone, so a restore brings it back and its campaigns still name it.
        using var deleted = await _teams.PostAsync(_teams.Teams.Activities.ChannelDeleted(channel));
        Assert.Equal(InfoStoryBot.Dialogs.Channels.ChannelGoneReason.Deleted, (await teams.GetAsync(team.Id, CancellationToken.None))!.Value.Channels.Single(c => c.ChannelId == channel.Id).Gone?.Reason);
    }

    [Theory]
    [InlineData(TokenFlaw.Expired, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlaw.WrongAudience, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlaw.NoHeader, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlaw.ServiceUrlDifferent, HttpStatusCode.Unauthorized)]
    [InlineData(TokenFlaw.NotEndorsedForChannel, HttpStatusCode.Forbidden)]
    public async Task BadToken_IsRefusedAndNothingHappens(TokenFlaw flaw, HttpStatusCode expected)
    {
        using var response = await _teams.PostAsync(_teams.Teams.Activities.PersonalMessage("help"), flaw);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(_teams.Sent());
    }

    [Fact]
    public async Task ActionExecute_Help_ReplacesTheClickedCardWithTheHelpCard()
    {
        using var response = await _teams.PostAsync(_teams.Teams.Activities.AdaptiveCardAction(ActionNames.Help, new JsonObject { ["action"] = ActionNames.Help }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(200, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.card.adaptive", body.RootElement.GetProperty("type").GetString());
        Assert.Contains("How I can help", CardAssert.Text(body.RootElement.GetProperty("value")), StringComparison.Ordinal);
        Assert.Empty(_teams.Sent());
    }

    [Fact]
    public async Task ActionSubmit_Help_IsTheSameAsTyping()
    {
        using var response = await _teams.PostAsync(_teams.Teams.Activities.CardSubmit(new JsonObject { ["action"] = ActionNames.Help }, replyToId: "1700000000000"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("How I can help", CardAssert.Text(CardAssert.Card(Assert.Single(_teams.Sent()))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionExecute_WithoutVerb_Answers400InTheInvokeBody()
    {
        var invoke = _teams.Teams.Activities.AdaptiveCardAction("x");
        invoke["value"]!["action"]!.AsObject().Remove("verb");
        invoke["value"]!["action"]!["data"] = new JsonObject();

        using var response = await _teams.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(400, body.RootElement.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/vnd.microsoft.error", body.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task HandlerThrows_UserGetsAnApologyAndTheTurnStillAnswers200()
    {
        using var response = await _teams.PostAsync(_teams.Teams.Activities.PersonalMessage("explode"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = Assert.Single(_teams.Sent());
        Assert.Contains("something went wrong on my side", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyRefusedBecauseTheBotWasRemoved_ForgetsTheConversationAndAnswers502()
    {
        using var installed = await _teams.PostAsync(_teams.Teams.Activities.PersonalInstall());
        var references = _teams.Service<IConversationReferenceStore>();
        Assert.NotNull(await references.GetPersonalAsync(SimulatedUser.Priya.AadObjectId, CancellationToken.None));
        _teams.Teams.InjectFault(SimulatedFault.Forbidden("BotNotInConversationRoster"));

        using var response = await _teams.PostAsync(_teams.Teams.Activities.PersonalMessage("help"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Null(await references.GetPersonalAsync(SimulatedUser.Priya.AadObjectId, CancellationToken.None));
    }

    [Fact]
    public async Task ManyMessagesOfOneConversationAtOnce_AreAllAnsweredAndRemembered()
    {
        var activities = Enumerable.Range(0, 12).Select(_ => _teams.Teams.Activities.PersonalMessage("help")).ToList();

        var responses = await Task.WhenAll(activities.Select(a => _teams.PostAsync(a)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(12, _teams.Sent().Count);
        var states = _teams.Service<IConversationStateStore>();
        var state = await states.GetAsync("msteams", _teams.Teams.Activities.PersonalConversationId(), CancellationToken.None);
        Assert.NotNull(state);
        Assert.Equal(activities.Select(a => a["id"]!.GetValue<string>()).Order(), state.Value.RecentActivityIds.Order());
        foreach (var r in responses)
        {
            r.Dispose();
        }
    }

    private static async Task<T> Eventually<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "The condition was not met within 10 s.");
            await Task.Delay(50);
        }
    }

    /// <summary>A command that fails, to see the pipeline's error handling from outside.</summary>
    private sealed class ExplodingCommand : IChatCommand
    {
        public IReadOnlyList<string> Words { get; } = ["explode"];

        public Audience Audience => Audience.Everyone;

        public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("A deliberate failure.");
    }
}
