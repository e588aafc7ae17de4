using InfoStoryBot.Bot.Teams;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.Testing;
using InfoStoryBot.TeamsSimulator;
using static InfoStoryBot.IntegrationTests.Infrastructure.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Channels;

/// <summary>Muting and unmuting channels by number, by name and by button, through the real bot.</summary>
public sealed class ChannelMuteTests : IAsyncLifetime
{
    private TeamsHarness _teams = null!;
    private AdminChat _priya = null!;

    public async Task InitializeAsync()
    {
        _teams = await StartAsync();
        _priya = new AdminChat(_teams, SimulatedUser.Priya);
        await InstallAsync(_teams);
    }

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private SimulatedTeam Team => _teams.Teams.Team;

    private async Task<bool> MutedAsync(string channelId) =>
        (await _teams.Service<IChannelDirectory>().FindAsync(channelId, CancellationToken.None))!.Muted;

    [Fact]
    public async Task MuteByNumber_ThenUnmuteByName_EachAuditedOnce()
    {
        await _priya.Say("channels");

        var muted = await _priya.Say("channels mute 3");
        var again = await _priya.Say("channels mute 3");
        var unmuted = await _priya.Say("channels unmute stories");

        Assert.Contains("Muted **Northshire Safeguarding Partnership / Stories**: it gets no nudges until you unmute it.", muted, StringComparison.Ordinal);
        Assert.Contains("**Northshire Safeguarding Partnership / Stories** is already muted.", again, StringComparison.Ordinal);
        Assert.Contains("Unmuted **Northshire Safeguarding Partnership / Stories**", unmuted, StringComparison.Ordinal);
        Assert.False(await MutedAsync(Team.Channels[2].Id));
        var audit = await AuditAsync(_teams);
        Assert.Equal(
            [("channel.unmute", "Northshire Safeguarding Partnership / Stories: muted → not muted"), ("channel.mute", "Northshire Safeguarding Partnership / Stories: not muted → muted")],
            audit.Select(a => (a.Action, a.Details)));
        Assert.All(audit, a => Assert.Equal(Team.Channels[2].Id, a.Target));
    }

    [Fact]
    public async Task Numbers_MeanWhatTheAdminSaw_EvenAfterAChannelIsAddedBeforeIt()
    {
        await _priya.Say("channels");
        using var created = await _teams.PostAsync(_teams.Teams.Activities.ChannelCreated(new SimulatedChannel("19:aa00bb11cc22dd33ee44ff5566778899@thread.tacv2", "Announcements")));

        await _priya.Say("channels mute 2");

        Assert.True(await MutedAsync(Team.Channels[1].Id));
        Assert.False(await MutedAsync("19:aa00bb11cc22dd33ee44ff5566778899@thread.tacv2"));
    }

    [Fact]
    public async Task MuteButton_RedrawsTheListInPlaceWithTheChangeAndAnUnmuteButton()
    {
        await _priya.Say("channels");

        var answer = await _priya.Press("Mute");

        Assert.NotNull(_priya.LastUpdate);
        Assert.Empty(_priya.LastMessages);
        Assert.Contains("Muted **Northshire Safeguarding Partnership / General**", answer, StringComparison.Ordinal);
        Assert.Contains("General\n  muted", answer, StringComparison.Ordinal);
        Assert.Equal(["Unmute", "Mute", "Mute"], CardPress.Titles(_priya.Card));
        Assert.True(await MutedAsync(Team.Id));

        await _priya.Press("Unmute");
        Assert.False(await MutedAsync(Team.Id));
    }

    [Fact]
    public async Task NameInTwoTeams_ListsBothAndMutesNeither_TeamSlashChannelPicksOne()
    {
        var other = new SimulatedTeam("19:f1e2d3c4b5a64978a1b2c3d4e5f6a7b8@thread.tacv2", "Youth Justice Board", "0f1e2d3c-4b5a-4697-8a1b-2c3d4e5f6a7b",
            [new SimulatedChannel("19:f1e2d3c4b5a64978a1b2c3d4e5f6a7b8@thread.tacv2", null), new SimulatedChannel("19:0123abcd4567ef890123abcd4567ef89@thread.tacv2", "Stories")],
            [SimulatedUser.Priya]);
        _teams.Teams.Options.Teams.Add(other);
        await InstallAsync(_teams, other);

        var ambiguous = await _priya.Say("channels mute Stories");
        var picked = await _priya.Say("channels mute Youth Justice Board / Stories");

        Assert.Contains("More than one channel is called **Stories**:", ambiguous, StringComparison.Ordinal);
        Assert.Contains("- **Northshire Safeguarding Partnership / Stories**", ambiguous, StringComparison.Ordinal);
        Assert.Contains("- **Youth Justice Board / Stories**", ambiguous, StringComparison.Ordinal);
        Assert.Contains("Muted **Youth Justice Board / Stories**", picked, StringComparison.Ordinal);
        Assert.False(await MutedAsync(Team.Channels[2].Id));
        Assert.True(await MutedAsync(other.Channels[1].Id));
    }

    [Fact]
    public async Task MutedChannelOfACampaign_IsMarkedOnTheCampaignCard()
    {
        await _priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31");
        await _priya.Say("campaign channels spring add Stories");
        await _priya.Say("channels mute Stories");

        var answer = await _priya.Say("campaign show spring");

        Assert.Contains("Northshire Safeguarding Partnership / Stories (muted)", answer, StringComparison.Ordinal);
        Assert.Contains("is muted, so it won’t get this campaign’s posts until you unmute it.", answer, StringComparison.Ordinal);
        Assert.Contains("In Spring", await _priya.Say("channels"), StringComparison.Ordinal);
    }
}
