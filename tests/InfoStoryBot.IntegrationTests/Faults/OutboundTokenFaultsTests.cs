using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Logging;

namespace InfoStoryBot.IntegrationTests.Faults;

/// <summary>
/// The inbound token is good but the bot cannot get its outbound one: Entra's token endpoint is unreachable, or
/// refuses the bot's credentials. A reply that cannot be sent for want of a token is an undelivered reply like any
/// other: 502 for Teams to redeliver, one log line naming the cause, the reply kept and sent once the token comes.
/// </summary>
public sealed class OutboundTokenFaultsTests : IAsyncLifetime
{
    // MSAL's own retries plus ours must not keep Teams waiting: it gives a turn about 15 s before it redelivers.
    private static readonly TimeSpan TurnBudget = TimeSpan.FromSeconds(10);

    private readonly LogCapture _logs = new();
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsHarness.StartAsync(_logs.Register);

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task Turn_TokenEndpointUnreachable_502AndOneLogLineSayingUnreachable()
    {
        _teams.Teams.TokenEndpointFault = TokenEndpointFault.Unreachable;

        var started = Stopwatch.StartNew();
        var status = await PostAsync(Message("share a story"));

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.True(started.Elapsed < TurnBudget, $"the turn took {started.Elapsed}");
        Assert.Empty(_teams.Sent());
        Assert.Single(_logs.Matching("A reply could not be delivered"));
        Assert.Single(_logs.Entries, e => e.Message.Contains("unreachable", StringComparison.OrdinalIgnoreCase));
        AssertNoStackTraceAtError();
    }

    [Fact]
    public async Task Turn_TokenEndpointNeverAnswers_502WithinTheTokenTimeout()
    {
        await using var silent = await TeamsHarness.StartAsync(_logs.Register, new Dictionary<string, string?> { ["Connector:TokenTimeout"] = "00:00:02" });
        silent.Teams.TokenEndpointFault = TokenEndpointFault.NoAnswer;

        var started = Stopwatch.StartNew();
        using var response = await silent.PostAsync(silent.Teams.Activities.PersonalMessage("share a story"));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(2) + TurnBudget / 2, $"the turn took {started.Elapsed}");
        Assert.Single(_logs.Entries, e => e.Message.Contains("unreachable", StringComparison.OrdinalIgnoreCase));
        AssertNoStackTraceAtError();
    }

    [Fact]
    public async Task Turn_TokenEndpointRefusesTheCredentials_502AndOneLogLineNamingTheAadstsError()
    {
        _teams.Teams.TokenEndpointFault = TokenEndpointFault.InvalidClient;

        var status = await PostAsync(Message("share a story"));

        Assert.Equal(HttpStatusCode.BadGateway, status);
        Assert.Empty(_teams.Sent());
        Assert.Single(_logs.Matching("A reply could not be delivered"));
        Assert.Single(_logs.Entries, e => e.Message.Contains("AADSTS7000215", StringComparison.Ordinal));
        AssertNoStackTraceAtError();
    }

    [Fact]
    public async Task Redelivery_AfterTheTokenEndpointRecovers_SendsTheKeptReplyOnce()
    {
        var start = Message("share a story");
        _teams.Teams.TokenEndpointFault = TokenEndpointFault.Unreachable;
        Assert.Equal(HttpStatusCode.BadGateway, await PostAsync(start));

        _teams.Teams.TokenEndpointFault = TokenEndpointFault.None;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(start));

        var replies = Replies.To(_teams, Id(start));
        var texts = replies.Select(Replies.Describe).ToList();
        Assert.Single(texts, t => t.Contains("What happened?", StringComparison.Ordinal));
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());

        // Sent once: a further redelivery says nothing more.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(start));
        Assert.Equal(replies.Count, Replies.To(_teams, Id(start)).Count);
    }

    [Fact]
    public async Task Redelivery_WhileTheCredentialsAreStillRefused_502AgainAndTheReplyStaysKept()
    {
        var start = Message("share a story");
        _teams.Teams.TokenEndpointFault = TokenEndpointFault.InvalidClient;
        Assert.Equal(HttpStatusCode.BadGateway, await PostAsync(start));
        Assert.Equal(HttpStatusCode.BadGateway, await PostAsync(start));

        _teams.Teams.TokenEndpointFault = TokenEndpointFault.None;
        Assert.Equal(HttpStatusCode.OK, await PostAsync(start));

        Assert.Single(Replies.To(_teams, Id(start)).Select(Replies.Describe), t => t.Contains("What happened?", StringComparison.Ordinal));
        Assert.Equal(2, _logs.Matching("A reply could not be delivered").Count());
    }

    /// <summary>Kestrel's "unhandled exception" and every other error with a stack trace: none, the failure was handled.</summary>
    private void AssertNoStackTraceAtError() =>
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error && e.Exception is not null);

    private JsonObject Message(string text) => _teams.Teams.Activities.PersonalMessage(text);

    private static string Id(JsonObject activity) => activity["id"]!.GetValue<string>();

    private async Task<HttpStatusCode> PostAsync(JsonObject activity)
    {
        using var response = await _teams.PostAsync((JsonObject)activity.DeepClone());
        return response.StatusCode;
    }
}
