using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using static InfoStoryBot.IntegrationTests.Infrastructure.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Campaigns;

/// <summary>The campaign commands typed in a 1:1 chat with the real bot through the Teams simulator, by a bootstrap admin.</summary>
public sealed class CampaignCommandsTests : IAsyncLifetime
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

    private static string Spring => $"campaign new \"Spring stories\" from {NextYear}-03-01 to {NextYear}-03-31 at 10:00 in Europe/London on weekdays";

    [Fact]
    public async Task CampaignNew_AsWritten_CreatesADraftAndShowsItsCard()
    {
        var answer = await _priya.Say(Spring);

        Assert.Contains("Created “Spring stories” as a draft (spring-stories)", answer, StringComparison.Ordinal);
        Assert.Contains($"{Short(3, 1)} to {Short(3, 31)}", answer, StringComparison.Ordinal);
        Assert.Contains("10:00, Europe/London", answer, StringComparison.Ordinal);
        Assert.Contains($"{FirstWeekday(3, 1)}, 10:00 GMT", answer, StringComparison.Ordinal);
        var campaign = await CampaignAsync(_teams, "spring-stories");
        Assert.Equal(CampaignState.Draft, campaign.State);
        Assert.Equal(SimulatedUser.Priya.AadObjectId, campaign.CreatedBy);
        var audit = Assert.Single(await AuditAsync(_teams));
        Assert.Equal(("campaign.create", "spring-stories", SimulatedUser.Priya.AadObjectId), (audit.Action, audit.Target, audit.ActorAadObjectId));
        Assert.Equal($"draft: {Short(3, 1)} to {Short(3, 31)}, weekdays at 10:00 Europe/London, 0 channels", audit.Details);
    }

    [Fact]
    public async Task CampaignNew_DefaultsAndOtherZones_AsTheIssueWritesThem()
    {
        await _priya.Say($"campaign new Autumn from {NextYear}-09-01 to {NextYear}-09-30 on every day");
        await _priya.Say($"campaign new Pilot from {NextYear}-01-10 to {NextYear}-02-10 at 09:30 in Asia/Kolkata on mon,wed,fri");

        var autumn = await CampaignAsync(_teams, "autumn");
        Assert.Equal((new TimeOnly(10, 0), "Europe/London", 7), (autumn.PostingTime, autumn.TimeZone, autumn.DaysOfWeek.Count));
        var pilot = await CampaignAsync(_teams, "pilot");
        Assert.Equal((new TimeOnly(9, 30), "Asia/Kolkata"), (pilot.PostingTime, pilot.TimeZone));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], pilot.DaysOfWeek);
        Assert.Contains("09:30 IST", _priya.LastAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignShow_ByIdOrQuotedName_ShowsTheNextFiveSlotsInTheCampaignsOwnTime()
    {
        await _priya.Say($"campaign new Pilot from {NextYear}-01-10 to {NextYear}-02-10 at 09:30 in Asia/Kolkata on mon,wed,fri");

        var byId = await _priya.Say("campaign show pilot");
        var byName = await _priya.Say("/Campaign Show “Pilot”");

        Assert.Equal(byId, byName);
        Assert.Equal(5, byId.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal) && l.EndsWith(", 09:30 IST", StringComparison.Ordinal)));
        var first = Enumerable.Range(0, 7).Select(d => new DateOnly(NextYear, 1, 10).AddDays(d)).First(d => d.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Wednesday or DayOfWeek.Friday);
        Assert.Contains($"- {CampaignText.EnGb.ShortDate(first)}, 09:30 IST", byId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignShow_NoSuchCampaign_NamesTheOnesThereAre()
    {
        await _priya.Say(Spring);

        var answer = await _priya.Say("campaign show autumn");

        Assert.Contains("There’s no campaign “autumn”. The campaigns are **spring-stories**.", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CampaignList_ShowsEveryCampaignWithItsButtons()
    {
        await _priya.Say(Spring);
        await _priya.Say($"campaign new Autumn from {NextYear}-09-01 to {NextYear}-09-30 on every day");

        var answer = await _priya.Say("campaigns");

        Assert.Contains("Spring stories", answer, StringComparison.Ordinal);
        Assert.Contains("Autumn", answer, StringComparison.Ordinal);
        Assert.Equal(2, InfoStoryBot.Testing.CardPress.Titles(_priya.Card).Count(t => t == "Start"));
        Assert.Contains("New campaign", InfoStoryBot.Testing.CardPress.Titles(_priya.Card));
    }

    [Fact]
    public async Task CampaignEdit_OneField_ChangesItAndAuditsBeforeAndAfter()
    {
        await _priya.Say(Spring);

        var answer = await _priya.Say("campaign edit spring-stories at 11:15");

        Assert.Contains("Saved: at 10:00 → 11:15.", answer, StringComparison.Ordinal);
        Assert.Equal(new TimeOnly(11, 15), (await CampaignAsync(_teams, "spring-stories")).PostingTime);
        var edit = (await AuditAsync(_teams))[0];
        Assert.Equal(("campaign.edit", "at 10:00 → 11:15"), (edit.Action, edit.Details));
    }

    [Fact]
    public async Task CampaignChannels_AddByNameNumberAndTeamSlashChannel_RemoveByNumber()
    {
        await _priya.Say(Spring);
        await _priya.Say("channels");

        var byName = await _priya.Say("campaign channels spring-stories add Information sharing");
        var byNumber = await _priya.Say("campaign channels spring-stories add 3");
        var general = await _priya.Say("campaign channels spring-stories add \"Northshire Safeguarding Partnership / General\"");
        var removed = await _priya.Say("campaign channels spring-stories remove 2");

        Assert.Contains("Added **Northshire Safeguarding Partnership / Information sharing** to “Spring stories”.", byName, StringComparison.Ordinal);
        Assert.Contains("Added **Northshire Safeguarding Partnership / Stories**", byNumber, StringComparison.Ordinal);
        Assert.Contains("Added **Northshire Safeguarding Partnership / General**", general, StringComparison.Ordinal);
        Assert.Contains("Removed **Northshire Safeguarding Partnership / Information sharing**", removed, StringComparison.Ordinal);
        var team = _teams.Teams.Team;
        Assert.Equal([team.Channels[2].Id, team.Id], (await CampaignAsync(_teams, "spring-stories")).TargetChannelIds);
        Assert.Equal(
            ["campaign.channels.remove", "campaign.channels.add", "campaign.channels.add", "campaign.channels.add", "campaign.create"],
            (await AuditAsync(_teams)).Select(a => a.Action));
        Assert.Equal("channel + Northshire Safeguarding Partnership / General", (await AuditAsync(_teams))[1].Details);
    }

    [Fact]
    public async Task CampaignChannels_NumberBeforeAnyList_AsksForTheListFirst()
    {
        await _priya.Say(Spring);

        var answer = await _priya.Say("campaign channels spring-stories add 2");

        Assert.Contains("I haven’t shown you a numbered list of channels in this chat yet", answer, StringComparison.Ordinal);
        Assert.Empty((await CampaignAsync(_teams, "spring-stories")).TargetChannelIds);
    }

    [Fact]
    public async Task CampaignChannels_UnknownName_SaysSoAndSuggests()
    {
        await _priya.Say(Spring);

        var answer = await _priya.Say("campaign channels spring-stories add Storie");

        Assert.Contains("I don’t know a channel called **Storie**. Did you mean **Northshire Safeguarding Partnership / Stories**?", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StateMoves_StartPauseResumeEnd_EachSaysWhatItMeansAndIsAudited()
    {
        await _priya.Say(Spring);
        await _priya.Say("campaign channels spring-stories add Stories");

        var started = await _priya.Say("campaign start spring-stories");
        var paused = await _priya.Say("campaign pause spring-stories");
        var resumed = await _priya.Say("campaign resume spring-stories");
        var ended = await _priya.Say("campaign end spring-stories");
        var again = await _priya.Say("campaign start spring-stories");

        Assert.Contains($"“Spring stories” is scheduled. Its first post goes out on {FirstWeekday(3, 1)}, 10:00 GMT.", started, StringComparison.Ordinal);
        Assert.Contains("“Spring stories” is paused: nothing posts until you resume it", paused, StringComparison.Ordinal);
        Assert.Contains("“Spring stories” is scheduled.", resumed, StringComparison.Ordinal);
        Assert.Contains("“Spring stories” has ended: it won’t post again.", ended, StringComparison.Ordinal);
        Assert.Contains("“Spring stories” can’t be started now. It has ended, and an ended campaign stays ended.", again, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Ended, (await CampaignAsync(_teams, "spring-stories")).State);
        var moves = (await AuditAsync(_teams)).Where(a => a.Action is "campaign.start" or "campaign.pause" or "campaign.resume" or "campaign.end").Reverse().Select(a => a.Action + " " + a.Details);
        Assert.Equal(["campaign.start draft → scheduled", "campaign.pause scheduled → paused", "campaign.resume paused → scheduled", "campaign.end scheduled → ended"], moves);
    }

    [Fact]
    public async Task StartToday_IsRunningAtOnce()
    {
        await _priya.Say($"campaign new Now from {Day(0)} to {Day(30)} on every day");
        await _priya.Say("campaign channels now add Stories");

        var answer = await _priya.Say("campaign start now");

        Assert.Contains("“Now” is running.", answer, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Running, (await CampaignAsync(_teams, "now")).State);
    }
}
