using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Channels;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using static InfoStoryBot.IntegrationTests.Infrastructure.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Channels;

/// <summary>
/// <c>channels</c> stays true as Teams sends install, channel and team events to the real bot: what it shows is what
/// is registered, by team and name, the General channel as "General", with gone channels marked and why.
/// </summary>
public sealed class ChannelEventsTests : IAsyncLifetime
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

    private async Task<ChannelEntry> ChannelAsync(string id) =>
        await _teams.Service<IChannelDirectory>().FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"{id} is not registered.");

    private async Task PostAsync(System.Text.Json.Nodes.JsonObject activity)
    {
        using var response = await _teams.PostAsync(activity);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Install_ListsTheTeamsChannelsNumberedWithGeneralFirst()
    {
        var answer = await _priya.Say("channels");

        Assert.Contains("Northshire Safeguarding Partnership\n1. \nGeneral\n2. \nInformation sharing\n3. \nStories", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChannelCreatedRenamedDeletedRestored_TheListFollows()
    {
        var created = new SimulatedChannel("19:5e6f7a8b9c0d4e1f8a2b3c4d5e6f7a8b@thread.tacv2", "Early help");
        await PostAsync(_teams.Teams.Activities.ChannelCreated(created));
        Assert.Contains("2. \nEarly help", await _priya.Say("channels"), StringComparison.Ordinal);

        await PostAsync(_teams.Teams.Activities.ChannelRenamed(created with { Name = "Early help hub" }));
        Assert.Contains("Early help hub", await _priya.Say("channels"), StringComparison.Ordinal);

        await _priya.Say("channels mute \"Early help hub\"");
        await PostAsync(_teams.Teams.Activities.ChannelDeleted(created));
        var deleted = await _priya.Say("channels");
        Assert.Contains("Early help hub\n  muted\n  gone since", deleted, StringComparison.Ordinal);
        Assert.Contains(": deleted in Teams", deleted, StringComparison.Ordinal);
        Assert.Equal(ChannelGoneReason.Deleted, (await ChannelAsync(created.Id)).Gone?.Reason);
        Assert.Null(await _teams.Service<IConversationReferenceStore>().GetAsync(created.Id, CancellationToken.None));

        await PostAsync(_teams.Teams.Activities.ChannelRestored(created with { Name = "Early help hub" }));
        var restored = await ChannelAsync(created.Id);
        Assert.Null(restored.Gone);
        Assert.True(restored.Muted);
        Assert.NotNull(await _teams.Service<IConversationReferenceStore>().GetAsync(created.Id, CancellationToken.None));
    }

    [Fact]
    public async Task TeamRenamed_TheNewNameShows()
    {
        await PostAsync(_teams.Teams.Activities.TeamEvent("teamRenamed", Team with { Name = "Northshire Partnership Board" }));

        var answer = await _priya.Say("channels");

        Assert.Contains("Northshire Partnership Board\n1. \nGeneral", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamArchivedThenUnarchived_EveryChannelIsGoneThenBack()
    {
        await PostAsync(_teams.Teams.Activities.TeamEvent("teamArchived"));
        var archived = await _priya.Say("channels");
        Assert.Equal(3, archived.Split("its team is archived").Length - 1);
        Assert.All(Team.Channels, c => Assert.Equal(ChannelGoneReason.TeamArchived, ChannelAsync(c.Id).Result.Gone?.Reason));

        // Teams' own samples spell some events in lower case.
        await PostAsync(_teams.Teams.Activities.TeamEvent("teamunarchived"));
        Assert.DoesNotContain("gone since", await _priya.Say("channels"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamDeletedThenRestored_GoneThenBackFromTheChannelList()
    {
        await PostAsync(_teams.Teams.Activities.TeamEvent("teamDeleted"));
        Assert.Contains("its team was deleted", await _priya.Say("channels"), StringComparison.Ordinal);

        await PostAsync(_teams.Teams.Activities.TeamEvent("teamRestored"));
        await Eventually(async () => (await _teams.Service<IChannelDirectory>().ListAsync(CancellationToken.None)).All(c => c.Gone is null) ? "" : null);
        Assert.DoesNotContain("gone since", await _priya.Say("channels"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamHardDeleted_TheTeamIsForgotten()
    {
        await PostAsync(_teams.Teams.Activities.TeamEvent("teamHardDeleted"));

        var answer = await _priya.Say("channels");

        Assert.Contains("I’m not in any team yet.", answer, StringComparison.Ordinal);
        Assert.Null(await _teams.Service<IConversationReferenceStore>().GetAsync(Team.Channels[1].Id, CancellationToken.None));
    }

    [Fact]
    public async Task ChannelMissingFromTheTeamsListOnReinstall_IsMarkedGone()
    {
        var extra = new SimulatedChannel("19:0a1b2c3d4e5f4a6b8c7d9e0f1a2b3c4d@thread.tacv2", "Old channel");
        await PostAsync(_teams.Teams.Activities.ChannelCreated(extra));

        await PostAsync(_teams.Teams.Activities.TeamInstallationUpdate("add"));
        await Eventually(async () => (await ChannelAsync(extra.Id)).Gone is { } gone ? gone : null);

        Assert.Contains("Old channel\n  gone since", await _priya.Say("channels"), StringComparison.Ordinal);
        Assert.Equal(ChannelGoneReason.NotInTeam, (await ChannelAsync(extra.Id)).Gone?.Reason);
    }

    [Fact]
    public async Task ConnectorAnswers403ForAReplyInAChannel_TheChannelIsMarkedGone()
    {
        var stories = Team.Channels[2];
        _teams.Teams.InjectFault(SimulatedFault.Forbidden("BotNotInConversationRoster") with { PathContains = stories.Id });

        using var response = await _teams.PostAsync(_teams.Teams.Activities.ChannelMention("help", stories));

        var gone = await Eventually(async () => (await ChannelAsync(stories.Id)).Gone);
        Assert.Equal(ChannelGoneReason.Refused, gone.Reason);
        Assert.Contains("Stories\n  gone since", await _priya.Say("channels"), StringComparison.Ordinal);
        Assert.Contains("Teams won’t let me post there", _priya.LastAnswer, StringComparison.Ordinal);
    }
}
