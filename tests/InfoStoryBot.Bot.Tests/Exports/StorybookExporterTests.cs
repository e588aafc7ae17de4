using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CsvHelper;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Exports;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Testing;
using Json.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfoStoryBot.Bot.Tests.Exports;

public sealed partial class StorybookExporterTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    internal const string CampaignId = "spring-2026";
    private const string HostileEncoded = "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; “quotes” ’ &#x1F600;"; // emoji outside the BMP as a character reference
    internal const string Formula = "=HYPERLINK(\"https://evil.example/\",\"click\")";

    // Json.Schema registers a schema by its $id once per process, so it is read once.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "export-schema.json"))));

    private StoryStore Stories => new(Blobs, NullLogger<StoryStore>.Instance);

    private StorybookExporter Exporter => new(Blobs, new CampaignStore(Blobs), Time);

    internal static Campaign Campaign(DateTimeOffset now) => new()
    {
        Id = CampaignId,
        Name = "Spring #infostory <2026>",
        StartDate = new DateOnly(2026, 3, 2),
        EndDate = new DateOnly(2026, 3, 27),
        Goal = "A story from every partner & every pillar",
        CreatedAt = now,
        UpdatedAt = now,
    };

    internal static Story Story(DateTimeOffset at, string title, Attribution attribution, StoryStatus status = StoryStatus.Approved, bool consent = true, string? campaign = CampaignId, string? whatHappened = null) => new()
    {
        Id = StoryIdGenerator.New(at),
        CampaignId = campaign,
        Status = status,
        Content = new StoryContent
        {
            Title = title,
            WhatHappened = whatHappened ?? "The school and the health visitor met before the review.\n\nThe family told their story once.",
            WhoWasInvolved = ["school", "health visiting"],
            InformationShared = "The care plan.",
            DifferenceMade = "Support started a week earlier.",
            Pillars = [Pillar.Culture, Pillar.InformationGovernance],
            Elements = [PartnershipElement.Partners],
            Kind = StoryKind.Success,
            Attribution = attribution,
            TellerName = "Sam Jones",
            TellerRole = "Family support worker",
            TellerOrganisation = "Northshire County Council",
            ConsentToPublish = consent,
        },
        Teller = new StoryTeller("5a1f6c2e-1111-4222-8333-444455556666", "29:sam", "Sam Jones"),
        CreatedAt = at,
        UpdatedAt = at,
        SubmittedAt = at,
        ModeratedAt = status == StoryStatus.Approved ? at.AddHours(1) : null,
    };

    private readonly Dictionary<string, string> _ids = [];

    protected override async Task OnInitializedAsync()
    {
        await new CampaignStore(Blobs).SaveAsync(Campaign(Time.GetUtcNow()), null, None);
        var at = Time.GetUtcNow();
        var stories = new[]
        {
            ("named", Story(at.AddMinutes(1), "Named story", Attribution.Named)),
            ("role", Story(at.AddMinutes(2), "Role-only story", Attribution.RoleOnly)),
            ("anonymous", Story(at.AddMinutes(3), "Anonymous story", Attribution.Anonymous)),
            ("formula", Story(at.AddMinutes(4), Formula, Attribution.Anonymous, whatHappened: "+SUM(A1)")),
            ("hostile", Story(at.AddMinutes(5), "<script>alert('x')</script> & “quotes” ’ 😀", Attribution.Anonymous, whatHappened: "-2\ttab @me\r\nline")),
            ("unconsented", Story(at.AddMinutes(6), "Not consented", Attribution.Named, consent: false)),
            ("submitted", Story(at.AddMinutes(7), "Still submitted", Attribution.Named, StoryStatus.Submitted)),
            ("rejected", Story(at.AddMinutes(8), "Rejected", Attribution.Named, StoryStatus.Rejected)),
            ("other", Story(at.AddMinutes(9), "Other campaign", Attribution.Named, campaign: "autumn-2026")),
            ("withdrawn", Story(at.AddMinutes(10), "Withdrawn story", Attribution.Named)),
        };
        foreach (var (key, story) in stories)
        {
            await Stories.CreateAsync(story, None);
            _ids[key] = story.Id;
        }

        await Stories.WithdrawAsync(_ids["withdrawn"], None);
    }

    private async Task<(ExportResult Result, byte[] Bytes)> ExportAsync(ExportFormat format)
    {
        using var output = new MemoryStream();
        var result = await Exporter.WriteAsync(CampaignId, format, output, EnGb, None);
        Assert.NotNull(result);
        Assert.Equal(output.Length, result!.Bytes);
        return (result, output.ToArray());
    }

    [Fact]
    public async Task Csv_ApprovedConsentedStoriesOnly_WithTheCreditEachChose()
    {
        var (result, bytes) = await ExportAsync(ExportFormat.Csv);
        var rows = ReadCsv(bytes);

        Assert.Equal(5, result.Stories);
        Assert.Equal(6, rows.Count);
        Assert.Equal(["Story id", "Title", "What happened", "Who was involved", "Information shared (or not)", "The difference it made", "Pillars", "Partnership elements", "Success or barrier", "Credit", "Name", "Role", "Organisation", "Featured", "Told (UTC)", "Submitted (UTC)", "Approved (UTC)"], rows[0]);
        var byId = rows.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal(new[] { "named", "role", "anonymous", "formula", "hostile" }.Select(k => _ids[k]).Order(), byId.Keys.Order());
        Assert.Equal(["Named", "Sam Jones", "Family support worker", "Northshire County Council"], byId[_ids["named"]][9..13]);
        Assert.Equal(["Role and organisation", "", "Family support worker", "Northshire County Council"], byId[_ids["role"]][9..13]);
        Assert.Equal(["Anonymous", "", "", ""], byId[_ids["anonymous"]][9..13]);
        Assert.Equal("Culture; Information governance", byId[_ids["named"]][6]);
        Assert.DoesNotContain("5a1f6c2e", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Jones", string.Join(",", byId[_ids["anonymous"]]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Csv_CellsThatSpreadsheetsWouldRun_StartWithAnApostrophe_AndTheFileHasAUtf8Bom()
    {
        var (_, bytes) = await ExportAsync(ExportFormat.Csv);
        var rows = ReadCsv(bytes).Skip(1).ToDictionary(r => r[0]);

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("'" + Formula, rows[_ids["formula"]][1]);
        Assert.Equal("'+SUM(A1)", rows[_ids["formula"]][2]);
        Assert.Equal("'-2\ttab @me\r\nline", rows[_ids["hostile"]][2]);
        Assert.Equal("<script>alert('x')</script> & “quotes” ’ 😀", rows[_ids["hostile"]][1]);
        foreach (var row in rows.Values)
        {
            Assert.All(row, cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), $"cell '{cell}' would run as a formula"));
        }
    }

    [Fact]
    public async Task Json_MatchesThePublishedSchema_AndLeavesOutWhatAnonymousTellersWithheld()
    {
        var (result, bytes) = await ExportAsync(ExportFormat.Json);
        var schema = Schema.Value;
        using var document = JsonDocument.Parse(bytes);

        var evaluation = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(evaluation.IsValid, JsonSerializer.Serialize(evaluation));

        var stories = document.RootElement.GetProperty("stories").EnumerateArray().ToList();
        Assert.Equal(result.Stories, document.RootElement.GetProperty("count").GetInt32());
        Assert.Equal(5, stories.Count);
        var anonymous = stories.Single(s => s.GetProperty("id").GetString() == _ids["anonymous"]);
        Assert.False(anonymous.TryGetProperty("tellerName", out _) || anonymous.TryGetProperty("tellerRole", out _) || anonymous.TryGetProperty("tellerOrganisation", out _));
        var named = stories.Single(s => s.GetProperty("id").GetString() == _ids["named"]);
        Assert.Equal("Sam Jones", named.GetProperty("tellerName").GetString());
        Assert.Equal(["culture", "informationGovernance"], named.GetProperty("pillars").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("Spring #infostory <2026>", document.RootElement.GetProperty("campaign").GetProperty("name").GetString());
    }

    [Fact]
    public void Schema_RejectsAnAnonymousStoryThatNamesItsTeller()
    {
        var schema = Schema.Value;
        using var bad = JsonDocument.Parse("""
            {"$schema":"https://infostorybot/schemas/storybook-export/1","exportedAt":"2026-03-02T09:00:00Z",
             "campaign":{"id":"spring-2026","name":"Spring","startDate":"2026-03-02","endDate":"2026-03-27"},
             "stories":[{"id":"019a4f3c2b10-9f03c2aa","title":"t","whatHappened":"w","whoWasInvolved":[],"informationShared":"i","differenceMade":"d",
               "pillars":[],"elements":[],"kind":"success","attribution":"anonymous","tellerName":"Sam","featured":false,"createdAt":"2026-03-02T09:00:00Z"}],
             "count":1}
            """);

        Assert.False(schema.Evaluate(bad.RootElement).IsValid);
    }

    [Fact]
    public async Task Html_IsAPrintableStorybook_OneStoryAPage_EveryTextEncoded()
    {
        var (result, bytes) = await ExportAsync(ExportFormat.Html);
        var html = Encoding.UTF8.GetString(bytes);

        Assert.NotEqual(0xEF, bytes[0]);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Spring #infostory &lt;2026&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("What’s your information sharing story?", html, StringComparison.Ordinal);
        Assert.Contains("A story from every partner &amp; every pillar", html, StringComparison.Ordinal);
        Assert.Contains("page-break-after: always", html, StringComparison.Ordinal);
        Assert.Equal(result.Stories, ArticleTag().Count(html));
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains(HostileEncoded, html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"pillar\">Information governance</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"element\">Partners</li>", html, StringComparison.Ordinal);
        Assert.Contains("— Sam Jones, Family support worker, Northshire County Council", html, StringComparison.Ordinal);
        Assert.Contains("— Family support worker, Northshire County Council", html, StringComparison.Ordinal);
        Assert.Contains("— Told anonymously", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdrawn story", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Not consented", html, StringComparison.Ordinal);
        Assert.Contains("5 stories.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_AndUnknownCampaign_AreAnsweredWithoutWriting()
    {
        using var output = new MemoryStream();

        Assert.Equal(5, await Exporter.CountAsync(CampaignId, None));
        Assert.Null(await Exporter.WriteAsync("no-such-campaign", ExportFormat.Csv, output, EnGb, None));
        Assert.Equal(0, output.Length);
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return rows;
    }

    [GeneratedRegex("<article class=\"story\"")]
    private static partial Regex ArticleTag();
}
