using System.Text.Json;
using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.Testing;
using InfoStoryBot.TeamsSimulator;
using static InfoStoryBot.IntegrationTests.Infrastructure.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Campaigns;

/// <summary>The campaign by card, through the simulator: Action.Execute presses that update the card in place.</summary>
public sealed class CampaignFormTests : IAsyncLifetime
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

    private string Stories => _teams.Teams.Team.Channels[2].Id;

    private static IReadOnlyList<string> Choices(JsonElement card, string inputId)
    {
        foreach (var input in Inputs(card))
        {
            if (input.GetProperty("id").GetString() == inputId)
            {
                return [.. input.GetProperty("choices").EnumerateArray().Select(c => c.GetProperty("value").GetString()!)];
            }
        }

        throw new InvalidOperationException($"No input {inputId}.");
    }

    private static IEnumerable<JsonElement> Inputs(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString()!.StartsWith("Input.", StringComparison.Ordinal))
            {
                yield return element;
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var inner in Inputs(property.Value))
                {
                    yield return inner;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var inner in Inputs(item))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string InputValue(JsonElement card, string inputId) =>
        CardPress.Inputs(card).Single(i => i.Id == inputId).Value;

    [Fact]
    public async Task NewCampaignByCard_FormThenCreate_IsTheSameAsTypingItAndUpdatesInPlace()
    {
        await _priya.Say("campaign list");
        await _priya.Press("New campaign");
        Assert.NotNull(_priya.LastUpdate);
        Assert.Contains("Europe/London", Choices(_priya.Card, CampaignFormFields.Zone));
        Assert.Contains(Stories, Choices(_priya.Card, CampaignFormFields.Channels));

        // Another region's zones, with what was typed so far kept.
        await _priya.Press("Show that region’s zones", (CampaignFormFields.Name, "Pilot"), (CampaignFormFields.Region, "Asia"));
        Assert.Contains("Asia/Kolkata", Choices(_priya.Card, CampaignFormFields.Zone));
        Assert.DoesNotContain("Europe/Paris", Choices(_priya.Card, CampaignFormFields.Zone));
        Assert.Equal("Pilot", InputValue(_priya.Card, CampaignFormFields.Name));

        var answer = await _priya.Press("Create the draft",
            (CampaignFormFields.From, $"{NextYear}-01-10"), (CampaignFormFields.To, $"{NextYear}-02-10"), (CampaignFormFields.At, "09:30"),
            (CampaignFormFields.Zone, "Asia/Kolkata"), (CampaignFormFields.Days, "mon,wed,fri"), (CampaignFormFields.Channels, Stories),
            (CampaignFormFields.Goal, "A story from every partner"), (CampaignFormFields.Target, "12"));

        Assert.NotNull(_priya.LastUpdate);
        Assert.Empty(_priya.LastMessages);
        Assert.Contains("Created “Pilot” as a draft (pilot).", answer, StringComparison.Ordinal);
        Assert.Contains("Northshire Safeguarding Partnership / Stories", answer, StringComparison.Ordinal);
        var pilot = await CampaignAsync(_teams, "pilot");
        Assert.Equal((new TimeOnly(9, 30), "Asia/Kolkata", 12, "A story from every partner"), (pilot.PostingTime, pilot.TimeZone, pilot.StoryTarget, pilot.Goal));
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday], pilot.DaysOfWeek);
        Assert.Equal([Stories], pilot.TargetChannelIds);
        Assert.Equal("campaign.create", Assert.Single(await AuditAsync(_teams)).Action);

        // From there to a scheduled campaign with one more press, still without typing a command.
        var started = await _priya.Press("Start");
        Assert.Contains("“Pilot” is scheduled.", started, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Scheduled, (await CampaignAsync(_teams, "pilot")).State);
    }

    [Fact]
    public async Task FormRefusedByTheRules_ComesBackWithTheReasonAndTheInputsAsLeft()
    {
        await _priya.Say("campaign list");
        await _priya.Press("New campaign");

        var answer = await _priya.Press("Create the draft",
            (CampaignFormFields.Name, "Backwards"), (CampaignFormFields.From, $"{NextYear}-03-31"), (CampaignFormFields.To, $"{NextYear}-03-01"), (CampaignFormFields.Days, ""));

        Assert.Contains("is before the start date", answer, StringComparison.Ordinal);
        Assert.Contains("Pick at least one day of the week to post on", answer, StringComparison.Ordinal);
        Assert.Equal("Backwards", InputValue(_priya.Card, CampaignFormFields.Name));
        Assert.Equal($"{NextYear}-03-31", InputValue(_priya.Card, CampaignFormFields.From));
        Assert.Contains("Create the draft", CardPress.Titles(_priya.Card));
        Assert.Empty(await _teams.Service<InfoStoryBot.Bot.Campaigns.ICampaignStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task FormWithUnreadableOrMissingValues_SaysWhichAndStoresNothing()
    {
        await _priya.Say("campaign list");
        await _priya.Press("New campaign");

        var answer = await _priya.Press("Create the draft", (CampaignFormFields.Name, "Spring"), (CampaignFormFields.From, ""), (CampaignFormFields.To, "next Tuesday"));

        Assert.Contains("Please pick the campaign’s first day.", answer, StringComparison.Ordinal);
        Assert.Contains("“next Tuesday” isn’t a date I can read.", answer, StringComparison.Ordinal);
        Assert.Empty(await _teams.Service<InfoStoryBot.Bot.Campaigns.ICampaignStore>().ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task EditByCard_ChangesOnlyWhatWasChanged_AndTheCampaignCardUpdatesInPlace()
    {
        await _priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31 at 10:00 in Europe/London on weekdays");
        await _priya.Press("Edit");

        var answer = await _priya.Press("Save changes", (CampaignFormFields.At, "11:15"), (CampaignFormFields.Channels, Stories));

        Assert.NotNull(_priya.LastUpdate);
        Assert.Contains("Saved: at 10:00 → 11:15; channel + Northshire Safeguarding Partnership / Stories.", answer, StringComparison.Ordinal);
        var spring = await CampaignAsync(_teams, "spring");
        Assert.Equal((new TimeOnly(11, 15), 5), (spring.PostingTime, spring.DaysOfWeek.Count));
        Assert.Equal(("campaign.edit", "at 10:00 → 11:15; channel + Northshire Safeguarding Partnership / Stories"), ((await AuditAsync(_teams))[0].Action, (await AuditAsync(_teams))[0].Details));

        var form = await EditCardAsync();
        var unchanged = await _priya.PressOn(form, "Save changes");
        Assert.Contains("Nothing to save: “Spring” already has those settings.", unchanged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MoveButtonsOnTheCampaignCard_UpdateItInPlace_AndARefusalShowsOnTheCard()
    {
        await _priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31");

        var refused = await _priya.Press("Start");
        Assert.NotNull(_priya.LastUpdate);
        Assert.Contains("That didn’t go through:", refused, StringComparison.Ordinal);
        Assert.Contains("“Spring” has no channels yet", refused, StringComparison.Ordinal);

        await _priya.Say("campaign channels spring add Stories");
        var started = await _priya.Press("Start");
        Assert.Contains("“Spring” is scheduled.", started, StringComparison.Ordinal);
        Assert.Contains("Pause", CardPress.Titles(_priya.Card));
        Assert.DoesNotContain("Start", CardPress.Titles(_priya.Card));

        var paused = await _priya.Press("Pause");
        Assert.Contains("is paused", paused, StringComparison.Ordinal);
        Assert.Equal(CampaignState.Paused, (await CampaignAsync(_teams, "spring")).State);

        await _priya.Press("All campaigns");
        Assert.Contains("Resume", CardPress.Titles(_priya.Card));
    }

    private async Task<JsonElement> EditCardAsync()
    {
        await _priya.Say("campaign show spring");
        await _priya.Press("Edit");
        return _priya.Card;
    }
}
