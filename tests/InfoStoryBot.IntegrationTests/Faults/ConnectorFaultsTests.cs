using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using Xunit.Abstractions;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.Faults;

/// <summary>
/// The Connector fails one call in five: a third 429 (retried), a third 500 and a third timeouts (neither retried on
/// a POST, which may already have posted). Storytellers tell complete stories; Teams redelivers what the bot answered
/// with an error, as it does in production.
/// </summary>
public sealed class ConnectorFaultsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Storytellers = 8;
    private const int MaxDeliveries = 8;

    private readonly LogCapture _logs = new();
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsHarness.StartAsync(_logs.Register, new Dictionary<string, string?>
    {
        // Fast back-off and a 1 s per-attempt timeout (the least the options allow) keep the suite short.
        ["Connector:BaseDelay"] = "00:00:00.020",
        ["Connector:MaxDelay"] = "00:00:00.200",
        ["Connector:AttemptTimeout"] = "00:00:01",
    });

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task Stories_ConnectorFailingOneCallInFive_EveryReplyDeliveredOrReportedAndNoStoryStoredTwice()
    {
        _teams.Teams.RandomFaults = RandomFaultPolicy.ThrottlingErrorsAndTimeouts(0.2, hangFor: TimeSpan.FromSeconds(3));
        var outcomes = new ConcurrentBag<TurnOutcome>();
        var users = Enumerable.Range(1, Storytellers).Select(n => SimulatedUser.Create(100 + n)).ToList();

        await Task.WhenAll(users.Select(user => TellAsync(user, outcomes)));
        _teams.Teams.RandomFaults = null;
        var calls = _teams.Teams.Calls.Where(c => c.Path.StartsWith("v3/", StringComparison.Ordinal)).ToList();
        output.WriteLine($"{outcomes.Count} turns, {outcomes.Sum(o => o.Statuses.Count)} deliveries; {calls.Count} Connector calls: "
            + $"{calls.Count(c => c.Fault?.StatusCode == 429)} x 429, {calls.Count(c => c.Fault?.StatusCode == 500)} x 500, "
            + $"{calls.Count(c => c.ResponseStatus == Simulator.ClientClosedRequest)} timeouts; "
            + $"{outcomes.SelectMany(o => o.Statuses).Count(s => s == HttpStatusCode.BadGateway)} turns answered 502 and were redelivered");

        // Every delivery answered 200 with its replies delivered, or 502 with the failure logged: one log line per 502.
        var failed = outcomes.SelectMany(o => o.Statuses).Count(s => s == HttpStatusCode.BadGateway);
        Assert.All(outcomes.SelectMany(o => o.Statuses), s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.BadGateway, $"unexpected {(int)s}"));
        Assert.True(failed > 0, "20% faults with 500s and timeouts should have failed some replies; the fault mix is not working.");
        Assert.Equal(failed, _logs.Matching("A reply could not be delivered").Count());

        // Teams' redelivery got every answer through, each reply once.
        Assert.All(outcomes, o =>
        {
            Assert.Equal(HttpStatusCode.OK, o.Statuses[^1]);
            Assert.NotEmpty(o.Replies);
            Assert.Equal(o.Replies.Count, o.Replies.Distinct(StringComparer.Ordinal).Count());
        });
        Assert.Contains(_teams.Teams.Calls, c => c.Fault?.StatusCode == 500);
        Assert.Contains(_teams.Teams.Calls, c => c.ResponseStatus == Simulator.ClientClosedRequest);

        // One story per storyteller, fully indexed.
        var store = _teams.Service<IStoryStore>();
        foreach (var user in users)
        {
            var mine = await store.ListAsync(new StoryQuery { Status = null, TellerAadObjectId = user.AadObjectId }, null, CancellationToken.None);
            var story = Assert.Single(mine.Stories);
            Assert.Equal(user.AadObjectId, story.Value.Teller.AadObjectId);
        }

        var report = await store.RebuildIndexAsync(CancellationToken.None);
        Assert.Equal(new IndexRebuildReport(Storytellers, 0, 0, 0), report);
    }

    private async Task TellAsync(SimulatedUser user, ConcurrentBag<TurnOutcome> outcomes)
    {
        var messages = GuidedStory.Messages();
        for (var i = 0; i < messages.Count; i++)
        {
            var activity = _teams.Teams.Activities.PersonalMessage(messages[i], user);
            var id = activity["id"]!.GetValue<string>();
            var statuses = new List<HttpStatusCode>();
            do
            {
                using var response = await _teams.PostAsync((JsonObject)activity.DeepClone());
                statuses.Add(response.StatusCode);
            }
            while (statuses[^1] == HttpStatusCode.BadGateway && statuses.Count < MaxDeliveries);

            var replies = Replies.To(_teams, id).Select(Replies.Describe).ToList();
            outcomes.Add(new TurnOutcome(user.Name, messages[i], statuses, replies));
            if (i == messages.Count - 1)
            {
                Assert.Contains(replies, r => r.Contains(GuidedStory.Stored, StringComparison.Ordinal));
            }
        }
    }

    private sealed record TurnOutcome(string User, string Said, IReadOnlyList<HttpStatusCode> Statuses, IReadOnlyList<string> Replies);
}
