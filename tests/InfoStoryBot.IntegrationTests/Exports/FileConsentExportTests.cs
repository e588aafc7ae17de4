using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;

namespace InfoStoryBot.IntegrationTests.Exports;

/// <summary>
/// An export delivered the Teams way, end to end through the simulator: the admin types <c>export spring-2026 csv</c> (or
/// presses an export button), gets a file consent card, presses Allow (a <c>fileConsent/invoke</c> with an upload
/// session), the bot PUTs the file in chunks to the simulated OneDrive and sends the file info card; Decline sends
/// nothing; nobody else can ask or accept.
/// </summary>
public sealed class FileConsentExportTests : IAsyncLifetime
{
    private const int Stories = 160;
    private TeamsHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await TeamsHarness.StartAsync(
            null,
            new Dictionary<string, string?>
            {
                ["Access:BootstrapAdmins:0"] = SimulatedUser.Priya.AadObjectId,
                ["Exports:UploadChunkBytes"] = "327680",
            },
            new TeamsSimulatorOptions { AppId = null });
        await ExportSamples.SeedAsync(_harness.Bot.Services, Stories, textLength: 2500);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    private async Task<Attachment> AskAsync(SimulatedUser? user = null)
    {
        var before = _harness.Sent().Count;
        using var response = await _harness.PostAsync(_harness.Teams.Activities.PersonalMessage("export " + ExportSamples.CampaignId + " csv", user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = (await _harness.WaitForSentAsync(before + 1)).Skip(before).Single();
        return Assert.Single(card.Attachments ?? []);
    }

    private async Task<HttpResponseMessage> AnswerAsync(string action, Attachment consent, JsonObject? uploadInfo, SimulatedUser? user = null)
    {
        var context = JsonNode.Parse(consent.Content!.Value.GetProperty(action == "accept" ? "acceptContext" : "declineContext").GetRawText());
        return await _harness.PostAsync(_harness.Teams.Activities.FileConsent(action, context, uploadInfo, replyToId: "1700000000001", user: user));
    }

    private async Task<Activity> NextMessageAsync(int before, Func<Activity, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_harness.Sent().Skip(before).FirstOrDefault(match) is { } found)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The bot sent: " + string.Join(" | ", _harness.Sent().Skip(before).Select(CardAssert.Describe)));
    }

    [Fact]
    public async Task Allow_UploadsTheCsvInChunksToOneDrive_ThenSendsTheFileInfoCardAndAuditsIt()
    {
        var consent = await AskAsync();
        Assert.Equal("application/vnd.microsoft.teams.card.file.consent", consent.ContentType);
        Assert.Matches(@"^spring-2026-storybook-\d{4}-\d{2}-\d{2}\.csv$", consent.Name);
        Assert.True(consent.Content!.Value.GetProperty("sizeInBytes").GetInt64() > 327_680);
        var before = _harness.Sent().Count;

        var upload = _harness.Teams.NewUploadInfo(consent.Name!);
        using var response = await AnswerAsync("accept", consent, upload);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var info = await NextMessageAsync(before, a => a.Attachments?.Any(x => x.ContentType == "application/vnd.microsoft.teams.card.file.info") == true);
        var attachment = info.Attachments!.Single();
        Assert.Equal(consent.Name, attachment.Name);
        Assert.Equal(upload["contentUrl"]!.GetValue<string>(), attachment.ContentUrl);
        Assert.Equal(upload["uniqueId"]!.GetValue<string>(), attachment.Content!.Value.GetProperty("uniqueId").GetString());
        Assert.Equal("csv", attachment.Content!.Value.GetProperty("fileType").GetString());

        var file = Assert.Single(_harness.Teams.UploadedFiles);
        Assert.True(_harness.Teams.UploadCalls.Count >= 2, "the file should have gone in several chunks");
        Assert.All(_harness.Teams.UploadCalls, c => Assert.False(c.HadAuthorization));
        Assert.All(_harness.Teams.UploadCalls.SkipLast(1), c => Assert.Equal(202, c.Status));
        Assert.Equal(201, _harness.Teams.UploadCalls[^1].Status);
        Assert.Equal([0xEF, 0xBB, 0xBF], file.Content[..3]);
        using var reader = CsvReader.Create(file.Content, new CsvReaderOptions { HasHeader = true });
        var titles = new List<string>();
        while (reader.Read())
        {
            titles.Add(reader.GetString(1));
        }

        Assert.Equal(Stories, titles.Count);
        Assert.Contains("'=1+1 looks like a formula", titles);
        Assert.DoesNotContain("Sam Jones", Encoding.UTF8.GetString(file.Content), StringComparison.Ordinal);

        var audit = await _harness.Service<IAuditLog>().ListRecentAsync(10, CancellationToken.None);
        var entry = Assert.Single(audit, e => e.Action == "storybook.export");
        Assert.Equal((SimulatedUser.Priya.AadObjectId, ExportSamples.CampaignId, $"csv, {Stories} stories, by onedrive"), (entry.ActorAadObjectId, entry.Target, entry.Details));
        Assert.Contains(_harness.Teams.Calls, c => c.Method == "DELETE" && c.Path.EndsWith("/activities/1700000000001", StringComparison.Ordinal));

        // The same card pressed again: nothing more is uploaded.
        var again = _harness.Sent().Count;
        using var second = await AnswerAsync("accept", consent, _harness.Teams.NewUploadInfo(consent.Name!));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("already been answered", CardAssert.Describe(await NextMessageAsync(again, _ => true)), StringComparison.Ordinal);
        Assert.Single(_harness.Teams.UploadedFiles);
    }

    [Fact]
    public async Task Decline_SendsNothingAndSaysSo()
    {
        var consent = await AskAsync();
        var before = _harness.Sent().Count;

        using var response = await AnswerAsync("decline", consent, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("No problem: nothing was sent.", (await NextMessageAsync(before, _ => true)).Text);
        Assert.Empty(_harness.Teams.UploadCalls);
    }

    [Fact]
    public async Task Allow_BySomeoneWhoIsNotAnAdmin_IsRefusedAndNothingIsUploaded()
    {
        var consent = await AskAsync();
        var before = _harness.Sent().Count;

        using var response = await AnswerAsync("accept", consent, _harness.Teams.NewUploadInfo(consent.Name!), SimulatedUser.Tom);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("campaign team", CardAssert.Describe(await NextMessageAsync(before, a => a.Recipient?.Id == SimulatedUser.Tom.Id)), StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Empty(_harness.Teams.UploadCalls);
    }

    [Fact]
    public async Task Export_Alone_AsksWhichCampaignAndFormat_AndItsButtonOffersThatFile()
    {
        var priya = new ChatSession(_harness, SimulatedUser.Priya);

        var answer = await priya.Say("export");

        Assert.Contains("Export a storybook", answer, StringComparison.Ordinal);
        Assert.Contains("Spring #infostory", answer, StringComparison.Ordinal);
        AssertValidCards([priya.LastCard()]);
        await priya.Press("JSON");
        var consent = Assert.Single(Assert.Single(priya.LastMessages).Attachments ?? []);
        Assert.Equal("application/vnd.microsoft.teams.card.file.consent", consent.ContentType);
        Assert.Matches(@"^spring-2026-storybook-\d{4}-\d{2}-\d{2}\.json$", consent.Name);
    }

    [Fact]
    public async Task Export_ByAnyoneNotOnTheCampaignTeam_TypedOrPressed_IsRefusedAndNothingIsOffered()
    {
        var tom = new ChatSession(_harness, SimulatedUser.Tom);
        var command = "export " + ExportSamples.CampaignId + " csv";

        Assert.Contains("one for the campaign team", await tom.Say(command), StringComparison.Ordinal);
        Assert.Contains("one for the campaign team", await tom.Say("export"), StringComparison.Ordinal);
        Assert.Contains("one for the campaign team", await tom.Click(ActionNames.AdminRun, (ActionKeys.Command, command)), StringComparison.Ordinal);
        using var executed = await _harness.PostAsync(_harness.Teams.Activities.AdaptiveCardAction(
            ActionNames.AdminRun, new JsonObject { ["action"] = ActionNames.AdminRun, [ActionKeys.Command] = command }, replyToId: "1700000000000", user: SimulatedUser.Tom));
        Assert.Contains("one for the campaign team", await executed.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Task.Delay(300);
        Assert.DoesNotContain(_harness.Sent(), a => a.Attachments?.Any(x => x.ContentType == "application/vnd.microsoft.teams.card.file.consent") == true);
        Assert.False(Directory.Exists(Path.Combine(_harness.Bot.StoragePath, "exports")), "no export request may be stored");
        Assert.DoesNotContain(await _harness.Service<IAuditLog>().ListRecentAsync(10, CancellationToken.None), e => e.Action == "storybook.export");
    }

    private static void AssertValidCards(IReadOnlyList<JsonElement> cards)
    {
        var reports = AdaptiveCardsParser.Validate([.. cards.Select(c => c.GetRawText())]);
        Assert.All(reports, r => Assert.True(r.Errors.Count == 0 && r.Warnings.Count == 0, string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))));
    }

    [Fact]
    public async Task Invoke_NotAFileConsentShape_Answers400()
    {
        var activity = _harness.Teams.Activities.FileConsent("maybe", new JsonObject { ["exportId"] = "x" });

        using var response = await _harness.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

/// <summary>Outside local mode an upload address must be SharePoint over https: the simulator's loopback http one is refused.</summary>
public sealed class FileConsentUploadAddressTests : IAsyncLifetime
{
    private TeamsHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _harness = await TeamsHarness.StartAsync(null, new Dictionary<string, string?> { ["Access:BootstrapAdmins:0"] = SimulatedUser.Priya.AadObjectId });
        await ExportSamples.SeedAsync(_harness.Bot.Services, 3);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Allow_WithALoopbackHttpUploadUrlInTeamsMode_SendsNothingAndSaysWhy()
    {
        using (var asked = await _harness.PostAsync(_harness.Teams.Activities.PersonalMessage("export " + ExportSamples.CampaignId + " csv")))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        var consent = (await _harness.WaitForSentAsync(1))[^1].Attachments!.Single();
        var before = _harness.Sent().Count;
        var context = JsonNode.Parse(consent.Content!.Value.GetProperty("acceptContext").GetRawText());

        using var response = await _harness.PostAsync(_harness.Teams.Activities.FileConsent("accept", context, _harness.Teams.NewUploadInfo(consent.Name!)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var told = (await _harness.WaitForSentAsync(before + 1))[^1];
        Assert.Contains("wasn’t your OneDrive", told.Text, StringComparison.Ordinal);
        Assert.Empty(_harness.Teams.UploadCalls);
    }
}
