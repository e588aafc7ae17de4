using System.Net;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;

namespace InfoStoryBot.IntegrationTests.BadInput;

/// <summary>
/// The bad-input corpus against POST /api/messages: in local mode (no token: every body reaches the parser and
/// the turn) and with Teams tokens through the simulator. Every answer is a clear one below 500, none repeats the
/// body, nothing crashes, and the bot answers normally afterwards.
/// </summary>
public sealed class MessagesBadInputTests
{
    [Fact]
    public async Task Corpus_InLocalMode_EveryEntryGetsAClearAnswerAndTheBotCarriesOn()
    {
        var logs = new LogCapture();
        await using var teams = await Simulator.StartAsync(new TeamsSimulatorOptions { AppId = null });
        await using var bot = BotHost.Start(services: logs.Register);
        using var http = bot.CreateHttpClient();

        var problems = await CorpusRunner.RunAsync(http, "/api/messages", BadInputCorpus.ForMessages(teams.Activities.PersonalMessage("hello")), authorization: null);

        Assert.True(problems.Count == 0, "Unclear answers:\n" + string.Join("\n", problems));
        Assert.True(CorpusRunner.Crashes(logs).Count == 0, "Crashes:\n" + string.Join("\n", CorpusRunner.Crashes(logs)));
        var help = teams.Activities.PersonalMessage("help");
        using var response = await teams.PostActivityAsync(http, new Uri("/api/messages", UriKind.Relative), help);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(teams.Calls, c => c.Json?["replyToId"]?.GetValue<string>() == help["id"]!.GetValue<string>() && c.ResponseStatus is >= 200 and < 300);
    }

    [Fact]
    public async Task Corpus_WithTeamsTokens_EveryEntryGetsAClearAnswerAndTheBotCarriesOn()
    {
        var logs = new LogCapture();
        await using var teams = await TeamsHarness.StartAsync(logs.Register);
        var authorization = teams.Teams.CreateAuthorizationHeader(TokenFlaw.None, teams.Teams.ServiceUrl);

        var problems = await CorpusRunner.RunAsync(teams.Http, "/api/messages", BadInputCorpus.ForMessages(teams.Teams.Activities.PersonalMessage("hello")), authorization);

        Assert.True(problems.Count == 0, "Unclear answers:\n" + string.Join("\n", problems));
        Assert.True(CorpusRunner.Crashes(logs).Count == 0, "Crashes:\n" + string.Join("\n", CorpusRunner.Crashes(logs)));
        Assert.Contains("How I can help", await new ChatSession(teams).Say("help"), StringComparison.Ordinal);

        // Whatever the bad input made the bot say is still a card Teams can render.
        var cards = teams.Sent().SelectMany(m => m.Attachments ?? []).Where(a => a.Content is not null).Select(a => a.Content!.Value.GetRawText()).ToList();
        Assert.NotEmpty(cards);
        var invalid = AdaptiveCardsParser.Validate(cards).Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0).ToList();
        Assert.True(invalid.Count == 0, "Cards the parser rejects:\n" + string.Join("\n", invalid.Select(r =>
            $"card {r.Index}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}")));
    }
}
