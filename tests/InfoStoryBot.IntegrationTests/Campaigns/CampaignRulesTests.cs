using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using static InfoStoryBot.IntegrationTests.Infrastructure.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Campaigns;

/// <summary>Each campaign rule's message, as the admin gets it in chat from the real bot; a refused change stores nothing.</summary>
public sealed class CampaignRulesTests : IAsyncLifetime
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

    [Fact]
    public async Task EndBeforeStart_IsRefusedWithBothDates()
    {
        var answer = await _priya.Say($"campaign new Backwards from {NextYear}-03-31 to {NextYear}-03-01");

        Assert.Contains($"The end date, {CampaignText.EnGb.LongDate(new DateOnly(NextYear, 3, 1))}, is before the start date, {CampaignText.EnGb.LongDate(new DateOnly(NextYear, 3, 31))}.", answer, StringComparison.Ordinal);
        Assert.Empty(await _teams.Service<InfoStoryBot.Bot.Campaigns.ICampaignStore>().ListAsync(CancellationToken.None));
        Assert.Empty(await AuditAsync(_teams));
    }

    [Fact]
    public async Task ZoneThatIsNotIana_IsRefusedWithWhatWasProbablyMeant()
    {
        var typo = await _priya.Say($"campaign new Typo from {NextYear}-03-01 to {NextYear}-03-31 in Europe/Londn");
        var nonsense = await _priya.Say($"campaign new Mars from {NextYear}-03-01 to {NextYear}-03-31 in Mars/Olympus_Mons");

        Assert.Contains("“Europe/Londn” isn’t a time zone I know. Did you mean Europe/London?", typo, StringComparison.Ordinal);
        Assert.Contains("“Mars/Olympus_Mons” isn’t a time zone I know. Please use an IANA name such as Europe/London", nonsense, StringComparison.Ordinal);
        Assert.Empty(await _teams.Service<InfoStoryBot.Bot.Campaigns.ICampaignStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StartWithNoChannels_IsRefusedAndSaysHowToAddOne()
    {
        await _priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31");

        var answer = await _priya.Say("campaign start spring");

        Assert.Contains("“Spring” has no channels yet, so there’s nowhere to post. Add one with **campaign channels spring add**", answer, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Draft, (await CampaignAsync(_teams, "spring")).State);
    }

    [Fact]
    public async Task PostingTimeOnADaylightSavingDay_SaysWhatWillHappenBothWays()
    {
        var spring = await _priya.Say($"campaign new Night from {NextYear}-03-20 to {NextYear}-04-05 at 01:30 in Europe/London on every day");
        var autumn = await _priya.Say($"campaign new Late from {NextYear}-10-20 to {NextYear}-11-05 at 01:30 in Europe/London on every day");

        Assert.Contains("01:30 doesn’t exist in Europe/London: the clocks go forward from 01:00 to 02:00. That day’s post goes out at 02:00 BST instead.", spring, StringComparison.Ordinal);
        Assert.Contains("01:30 happens twice in Europe/London: the clocks go back from 02:00 to 01:00. The post goes out once, at the first 01:30 (BST).", autumn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatesInThePastOnStart_AreRefusedWithToday()
    {
        await _priya.Say("campaign new Old from 2020-03-01 to 2020-03-31");
        await _priya.Say("campaign channels old add Stories");
        await _priya.Say($"campaign new Late from {Day(-3)} to {Day(10)} on every day");
        await _priya.Say("campaign channels late add Stories");

        var old = await _priya.Say("campaign start old");
        var late = await _priya.Say("campaign start late");

        Assert.Contains("“Old” was planned for Sunday 1 March 2020 to Tuesday 31 March 2020, and those dates have passed (today is", old, StringComparison.Ordinal);
        Assert.Contains("Give it new dates with **campaign edit old from** and **to**.", old, StringComparison.Ordinal);
        Assert.Contains("has already passed (today is", late, StringComparison.Ordinal);
        Assert.Contains("Move it to today or later with **campaign edit late from** and a date.", late, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Draft, (await CampaignAsync(_teams, "old")).State);
    }

    [Fact]
    public async Task MovesThatMakeNoSense_SayWhatIsPossibleFromTheState()
    {
        await _priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31");

        var pause = await _priya.Say("campaign pause spring");
        var resume = await _priya.Say("campaign resume spring");

        Assert.Contains("“Spring” can’t be paused now. It’s a draft: you can start it (**campaign start spring**) or end it (**campaign end spring**).", pause, StringComparison.Ordinal);
        Assert.Contains("“Spring” can’t be resumed now.", resume, StringComparison.Ordinal);
        Assert.DoesNotContain(await AuditAsync(_teams), a => a.Action is "campaign.pause" or "campaign.resume");
    }

    [Fact]
    public async Task ChannelInTwoLiveCampaigns_IsRefusedNamingBoth()
    {
        await _priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31");
        await _priya.Say("campaign channels spring add Stories");
        await _priya.Say("campaign start spring");
        await _priya.Say($"campaign new March from {NextYear}-03-15 to {NextYear}-04-15");
        await _priya.Say("campaign channels march add Stories");

        var answer = await _priya.Say("campaign start march");

        Assert.Contains("“Northshire Safeguarding Partnership / Stories” is already a channel of “Spring”, which is scheduled", answer, StringComparison.Ordinal);
        Assert.Contains("A channel takes part in one live campaign at a time, so “March” can’t have it too: remove it from “Spring” first (**campaign channels spring remove**)", answer, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Draft, (await CampaignAsync(_teams, "march")).State);
    }

    [Fact]
    public async Task LiveCampaign_KeepsItsLastChannel_AndTakesAnEditFromItsNextPost()
    {
        await _priya.Say($"campaign new Now from {Day(0)} to {Day(30)} on every day");
        await _priya.Say("campaign channels now add Stories");
        await _priya.Say("campaign start now");

        var remove = await _priya.Say("campaign channels now remove Stories");
        var edit = await _priya.Say("campaign edit now at 16:45");

        Assert.Contains("“Now” is running, so it needs at least one channel. To stop it posting, pause it (**campaign pause now**)", remove, StringComparison.Ordinal);
        Assert.Contains("Saved: at 10:00 → 16:45. It takes effect from the next post; anything already due goes out as planned.", edit, StringComparison.Ordinal);
        var stored = await CampaignAsync(_teams, "now");
        Assert.Single(stored.TargetChannelIds);
        Assert.Equal(new TimeOnly(10, 0), Assert.Single(stored.EarlierTimetables).PostingTime);
    }

    [Fact]
    public async Task EndedCampaign_CannotBeEdited()
    {
        await _priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31");
        await _priya.Say("campaign end spring");

        var answer = await _priya.Say("campaign edit spring at 11:00");

        Assert.Contains("“Spring” has ended, and an ended campaign stays as it was. Start another with **campaign new**.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoneChannel_IsNotAdded()
    {
        await _priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31");
        var stories = _teams.Teams.Team.Channels[2];
        using var deleted = await _teams.PostAsync(_teams.Teams.Activities.ChannelDeleted(stories));

        var answer = await _priya.Say("campaign channels spring add Stories");

        Assert.Contains("I can’t post in **Northshire Safeguarding Partnership / Stories** any more (gone since", answer, StringComparison.Ordinal);
        Assert.Contains("deleted in Teams), so I haven’t added it.", answer, StringComparison.Ordinal);
        Assert.Empty((await CampaignAsync(_teams, "spring")).TargetChannelIds);
    }
}
