using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.Testing;
using static InfoStoryBot.IntegrationTests.Admin.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Admin;

/// <summary>
/// Issue 10's acceptance as one admin lives it: from a bot with nothing in it (installed in a team, one bootstrap
/// admin) to a running campaign posting in chosen channels, with an approved story in its storybook, every step typed
/// or pressed in Teams chat against the real app. Nothing is put in storage by the test.
/// </summary>
public sealed class AdminJourneyTests : IAsyncLifetime
{
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync()
    {
        _teams = await StartAsync(bootstrapAdmins: [Tom.AadObjectId]);
        await Infrastructure.CampaignTeam.InstallAsync(_teams);
    }

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task EmptyBot_ToARunningCampaignWithChannelsAndAnApprovedStory_AllInChat()
    {
        var tom = new ChatSession(_teams, Tom);
        var priya = new ChatSession(_teams, Priya);

        // The panel is where an admin starts; nothing exists yet.
        await tom.Say("admin");
        Assert.Contains("Campaigns", CardPress.Titles(tom.LastCard()));
        Assert.Contains("no campaigns yet", (await tom.Say("campaign list")).ToLowerInvariant(), StringComparison.Ordinal);

        var created = await tom.Say($"campaign new \"Spring stories\" from {Infrastructure.CampaignTeam.Day(0)} to {Infrastructure.CampaignTeam.Day(30)} at 10:00 in Europe/London on every day");
        Assert.Contains("Created “Spring stories” as a draft (spring-stories)", created, StringComparison.Ordinal);

        await tom.Say("channels");
        Assert.Contains("Added **Northshire Safeguarding Partnership / Stories**", await tom.Say("campaign channels spring-stories add Stories"), StringComparison.Ordinal);
        Assert.Contains("Added **Northshire Safeguarding Partnership / Information sharing**", await tom.Say("campaign channels spring-stories add 2"), StringComparison.Ordinal);

        var started = await tom.Say("campaign start spring-stories");
        Assert.Contains("Spring stories", started, StringComparison.Ordinal);
        Assert.Contains("running", started.ToLowerInvariant(), StringComparison.Ordinal);

        // A storyteller tells their story in their own chat; it waits for the campaign team.
        var storyId = await TellStoryAsync(_teams, priya);
        Assert.DoesNotContain(GuidedStory.SuggestedTitle, await priya.Say("storybook"), StringComparison.Ordinal);

        Assert.Contains(GuidedStory.SuggestedTitle, await tom.Say("stories pending"), StringComparison.Ordinal);
        Assert.Contains("it’s in the storybook now", await tom.Press("Approve"), StringComparison.Ordinal);

        // The teller is told, and everyone's storybook has it, under the running campaign.
        Assert.Contains("storybook", CardAssert.Text(CardsSentTo(_teams, Priya)[^1]), StringComparison.Ordinal);
        Assert.Contains(GuidedStory.SuggestedTitle, await priya.Say("storybook"), StringComparison.Ordinal);
        Assert.Equal("spring-stories", (await StoryAsync(_teams, storyId)).CampaignId);

        var campaign = (await _teams.Service<ICampaignStore>().GetAsync("spring-stories", CancellationToken.None))!.Value;
        Assert.Equal(CampaignState.Running, campaign.State);
        Assert.Equal([_teams.Teams.Team.Channels[2].Id, _teams.Teams.Team.Channels[1].Id], campaign.TargetChannelIds);
        var shown = await tom.Say("campaign show spring-stories");
        Assert.Contains("Stories", shown, StringComparison.Ordinal);
        Assert.Contains("Information sharing", shown, StringComparison.Ordinal);

        // Every change the admin made is in the audit log, in order, and "audit" shows them.
        var actions = (await AuditAsync(_teams)).Select(e => e.Action).Reverse().ToList();
        Assert.Equal(["campaign.create", "campaign.channels.add", "campaign.channels.add", "campaign.start", "story.approve"], actions);
        Assert.Contains("The latest 5 changes", await tom.Say("audit"), StringComparison.Ordinal);
    }
}
