using System.Net;
using System.Text.Json;
using InfoStoryBot.Bot.Reports;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.IntegrationTests.Exports;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;
using SkiaSharp;
using AdminTests = InfoStoryBot.IntegrationTests.Admin.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Reports;

/// <summary>
/// <c>report &lt;campaign&gt;</c> through the Teams simulator against the real app, typed and from the campaign card's
/// Report button: a card Microsoft's parser accepts, whose chart the bot serves as a PNG that decodes, whose export
/// buttons offer the file; <c>report</c> alone asks which campaign; nobody else on the team gets any of it.
/// </summary>
public sealed class ReportCommandTests : IAsyncLifetime
{
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync()
    {
        _teams = await TeamsHarness.StartAsync(settings: new Dictionary<string, string?> { ["Access:BootstrapAdmins:0"] = SimulatedUser.Priya.AadObjectId });
        await ExportSamples.SeedAsync(_teams.Bot.Services, 6);
    }

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private static string ImageUrl(JsonElement card) =>
        card.GetProperty("body").EnumerateArray().Single(e => e.GetProperty("type").GetString() == "Image").GetProperty("url").GetString()!;

    [Fact]
    public async Task Report_Typed_IsACardTheParserAccepts_WhoseChartIsServedAsAPngThatDecodes()
    {
        var priya = new ChatSession(_teams, SimulatedUser.Priya);

        var answer = await priya.Say("report " + ExportSamples.CampaignId);

        Assert.Contains("Spring #infostory", answer, StringComparison.Ordinal);
        var card = priya.LastCard();
        AdminTests.AssertValidCards([card]);
        Assert.Equal(["Export CSV", "Export JSON", "Printable storybook"], CardPress.Titles(card));
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var chart = await http.GetAsync(ImageUrl(card));
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Equal("image/png", chart.Content.Headers.ContentType?.MediaType);
        using var bitmap = SKBitmap.Decode(await chart.Content.ReadAsByteArrayAsync());
        Assert.Equal((ReportChartDrawing.Width, ReportChartDrawing.Height), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public async Task ReportButton_OnTheCampaignCard_PostsTheReportAsANewCard_AndItsExportButtonOffersTheFile()
    {
        var priya = new ChatSession(_teams, SimulatedUser.Priya);
        await priya.Say("campaign show " + ExportSamples.CampaignId);
        Assert.Contains("Report", CardPress.Titles(priya.LastCard()));

        var report = await priya.Press("Report");

        Assert.Contains("Spring #infostory", report, StringComparison.Ordinal);
        AdminTests.AssertValidCards([priya.LastCard()]);
        Assert.StartsWith(_teams.Bot.BaseAddress.ToString(), ImageUrl(priya.LastCard()), StringComparison.Ordinal);

        await priya.Press("Export CSV");
        var consent = Assert.Single(Assert.Single(priya.LastMessages).Attachments ?? []);
        Assert.Equal("application/vnd.microsoft.teams.card.file.consent", consent.ContentType);
        Assert.EndsWith(".csv", consent.Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Alone_AsksWhichCampaign_AndItsButtonGivesThatReport()
    {
        var priya = new ChatSession(_teams, SimulatedUser.Priya);

        var answer = await priya.Say("report");

        Assert.Contains("Which campaign’s report?", answer, StringComparison.Ordinal);
        Assert.Contains("spring-2026", answer, StringComparison.Ordinal);
        AdminTests.AssertValidCards([priya.LastCard()]);
        Assert.Contains("Report: Spring #infostory", await priya.Press("Report"), StringComparison.Ordinal);
        AdminTests.AssertValidCards([priya.LastCard()]);
    }

    [Fact]
    public async Task Report_UnknownCampaign_SaysWhichThereAre()
    {
        var priya = new ChatSession(_teams, SimulatedUser.Priya);

        Assert.Contains("There’s no campaign “autumn”. The campaigns are **spring-2026**", await priya.Say("report autumn"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ByAnyoneNotOnTheCampaignTeam_TypedOrPressed_IsRefusedAndNoChartIsDrawn()
    {
        var tom = new ChatSession(_teams, SimulatedUser.Tom);

        foreach (var command in new[] { "report " + ExportSamples.CampaignId, "report" })
        {
            Assert.Contains(AdminTests.ForCampaignTeam, await tom.Say(command), StringComparison.Ordinal);
            Assert.Contains(AdminTests.ForCampaignTeam, await tom.Click(ActionNames.AdminRun, (ActionKeys.Command, command)), StringComparison.Ordinal);
            var executed = await AdminTests.ExecuteAsync(_teams, SimulatedUser.Tom, ActionNames.AdminRun, (ActionKeys.Command, command));
            Assert.Contains(AdminTests.ForCampaignTeam, executed.GetProperty("value").GetString(), StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(Path.Combine(_teams.Bot.StoragePath, "reports")), "no chart may be drawn for someone not on the team");
    }
}
