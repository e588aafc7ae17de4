using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using static InfoStoryBot.IntegrationTests.Infrastructure.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Campaigns;

/// <summary>Nudges:NonWorkingDates, read by the campaign commands: no slot falls on one.</summary>
public sealed class NonWorkingDatesTests : IAsyncLifetime
{
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() =>
        _teams = await StartAsync(settings: new Dictionary<string, string?> { ["Nudges:NonWorkingDates:0"] = $"{NextYear}-03-02" });

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task CampaignShow_NonWorkingDate_HasNoSlot()
    {
        var priya = new AdminChat(_teams, SimulatedUser.Priya);

        var answer = await priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31 on every day");

        Assert.Contains($"- {Short(3, 1)}, 10:00 GMT\n- {Short(3, 3)}, 10:00 GMT", answer, StringComparison.Ordinal);
        Assert.DoesNotContain(Short(3, 2), answer, StringComparison.Ordinal);
    }
}
