using System.Text.Json;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using static InfoStoryBot.IntegrationTests.Infrastructure.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Campaigns;

/// <summary>
/// Someone not on the campaign team gets a polite no for every campaign and channel command, typed or pressed, and
/// nothing changes: a card forwarded from an admin, or replayed, is authorised for the person pressing it.
/// </summary>
public sealed class CampaignAccessTests : IAsyncLifetime
{
    private const string ForTheTeam = "That’s one for the campaign team, so I can’t do it for you.";

    private TeamsHarness _teams = null!;
    private AdminChat _priya = null!;
    private AdminChat _sam = null!;

    public async Task InitializeAsync()
    {
        _teams = await StartAsync();
        _priya = new AdminChat(_teams, SimulatedUser.Priya);
        _sam = new AdminChat(_teams, Sam);
        await InstallAsync(_teams);
        await _priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31");
        await _priya.Say("channels");
    }

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    public static TheoryData<string> Commands() =>
    [
        $"campaign new Mine from {DateTime.UtcNow.Year + 1}-03-01 to {DateTime.UtcNow.Year + 1}-03-31",
        "campaign list",
        "campaigns",
        "campaign show spring",
        "campaign edit spring at 11:15",
        "campaign channels spring add Stories",
        "campaign channels spring remove 1",
        "campaign start spring",
        "campaign pause spring",
        "campaign resume spring",
        "campaign end spring",
        "channels",
        "channels mute 1",
        "channels unmute Stories",
        "/channels mute \"Northshire Safeguarding Partnership / Stories\"",
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task NonAdmin_TypesACampaignOrChannelCommand_IsRefusedAndNothingChanges(string command)
    {
        var before = await SnapshotAsync();

        var answer = await _sam.Say(command);

        Assert.Contains(ForTheTeam, answer, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task NonAdmin_PressesEveryButtonOfAnAdminsCards_EachIsRefusedAndNothingChanges()
    {
        await _priya.Say("campaign show spring");
        var campaignCard = _priya.Card;
        await _priya.Say("campaign list");
        var listCard = _priya.Card;
        await _priya.Say("channels");
        var channelsCard = _priya.Card;
        await _priya.Press("Edit");
        var form = _priya.Card;
        await _priya.Say("campaign list");
        await _priya.Press("New campaign");
        var newForm = _priya.Card;
        var before = await SnapshotAsync();

        var presses = new List<(JsonElement Card, string Title, (string, string)[] Changes)>
        {
            (campaignCard, "Start", []), (campaignCard, "End", []), (campaignCard, "Edit", []), (campaignCard, "All campaigns", []),
            (listCard, "Show", []), (listCard, "New campaign", []),
            (channelsCard, "Mute", []),
            (form, "Save changes", [(CampaignFormFields.At, "06:00")]), (form, "Show that region’s zones", []),
            (newForm, "Create the draft", [(CampaignFormFields.Name, "Forged"), (CampaignFormFields.From, $"{NextYear}-05-01"), (CampaignFormFields.To, $"{NextYear}-05-31")]),
        };
        foreach (var (card, title, changes) in presses)
        {
            var answer = await _sam.PressOn(card, title, changes);

            Assert.True(answer.Contains(ForTheTeam, StringComparison.Ordinal), $"{title}: {answer}");
            Assert.Null(_sam.LastUpdate);
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task NonAdmin_SubmitsAForgedAdminRunOrFormAsAMessage_IsRefusedToo()
    {
        var before = await SnapshotAsync();
        var chat = new ChatSession(_teams, Sam);

        var run = await chat.Click("admin.run", ("command", "campaign start spring"));
        var submit = await chat.Click("campaign.form.submit", (CampaignFormFields.Name, "Forged"), (CampaignFormFields.From, $"{NextYear}-05-01"), (CampaignFormFields.To, $"{NextYear}-05-31"), (CampaignFormFields.At, "10:00"), (CampaignFormFields.Zone, "Europe/London"));

        Assert.Contains(ForTheTeam, run, StringComparison.Ordinal);
        Assert.Contains(ForTheTeam, submit, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>Everything a campaign or channel command could change: campaigns, the team's channels, the audit log.</summary>
    private async Task<string> SnapshotAsync()
    {
        var campaigns = await _teams.Service<ICampaignStore>().ListAsync(CancellationToken.None);
        var teams = await _teams.Service<ITeamStore>().ListAsync(CancellationToken.None);
        var audit = await AuditAsync(_teams);
        return JsonSerializer.Serialize(new { campaigns = campaigns.Select(c => c.ETag), teams, audit = audit.Count });
    }
}
