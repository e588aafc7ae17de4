using System.Net;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;

namespace InfoStoryBot.IntegrationTests.Turns;

/// <summary>
/// Each instance keeps its last copy of a conversation's state, so a turn usually costs one write. When an admin's turns
/// alternate between two instances, the copy on one of them is stale: a campaign team command must still act once and
/// say what it did, not act on the stale copy, lose its state race and act again on the re-run ("already exists").
/// </summary>
public sealed class TwoInstanceAdminTurnsTests : IAsyncLifetime
{
    private TeamsHarness _teams = null!;
    private BotHost _other = null!;
    private HttpClient _otherHttp = null!;

    public async Task InitializeAsync()
    {
        _teams = await CampaignTeam.StartAsync();
        _other = _teams.StartAnotherInstance();
        _otherHttp = _other.CreateHttpClient();
    }

    public async Task DisposeAsync()
    {
        _otherHttp.Dispose();
        await _other.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task CampaignNew_OnAnInstanceWhoseCopyIsStale_CreatesOnceAndSaysCreated()
    {
        await SayAsync(_teams.Http, "campaign list");   // the first instance keeps a copy of Priya's chat state
        await SayAsync(_otherHttp, "campaign list");    // the second moves the state on: the first's copy is stale now
        var before = _teams.Sent().Count;

        await SayAsync(_teams.Http, $"campaign new \"Twice told\" from {CampaignTeam.Day(30)} to {CampaignTeam.Day(60)}");

        var answer = string.Join("\n", _teams.Sent().Skip(before).Select(CardAssert.Describe));
        Assert.Contains("Created “Twice told” as a draft", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("already", answer, StringComparison.OrdinalIgnoreCase);
        Assert.Single(await _teams.Service<ICampaignStore>().ListAsync(CancellationToken.None), c => c.Value.Id == "twice-told");
        Assert.Single(await CampaignTeam.AuditAsync(_teams), e => e.Action == "campaign.create");
    }

    private async Task SayAsync(HttpClient instance, string text)
    {
        using var response = await _teams.Teams.PostActivityAsync(instance, new Uri("/api/messages", UriKind.Relative), _teams.Teams.Activities.PersonalMessage(text, SimulatedUser.Priya));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
