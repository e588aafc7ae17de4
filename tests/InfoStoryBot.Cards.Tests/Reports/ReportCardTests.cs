using System.Text.Json.Nodes;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Reports;
using InfoStoryBot.Cards.Tests.Validation;

namespace InfoStoryBot.Cards.Tests.Reports;

public sealed class ReportCardTests
{
    private static readonly string[] Pillars = ["Culture", "Information governance", "Technology"];
    private static readonly string[] Elements = ["Communication", "Shared language", "Partners", "Decision making and problem solving", "Creativity", "Environment"];

    internal static ReportCardView View(string text, bool chart = true) => new()
    {
        CampaignId = "spring-2026",
        Heading = "Report: " + text,
        Subtitle = "2 March 2026 to 27 March 2026 · as of 14 March 2026",
        Chart = chart ? new ReportChart("https://bot.example.org/reports/charts/0123456789abcdef0123456789abcdef.png", "Bar chart of stories per week " + text) : null,
        ChartMissing = chart ? null : "No chart " + text,
        Summary = [new("Stories told", "1,204"), new("Successes: sharing helped", "900"), new("Barriers: sharing got in the way", "304"), new("Approved", "1,100"), new("Waiting for moderation", "104")],
        Weeks = [.. Enumerable.Range(0, 30).Select(i => new ReportFigure($"Week of {i + 1} Mar", $"{i * 3} ({i * 2} successes, {i} barriers)"))],
        EarlierWeeks = "Before these, 18 earlier weeks with 400 stories; the chart shows them.",
        ByPillar = [.. Pillars.Select((p, i) => new ReportFigure(p, (i * 100).ToString(CardSamples.EnGb)))],
        ByElement = [.. Elements.Select((e, i) => new ReportFigure(e, (i * 10).ToString(CardSamples.EnGb)))],
        PillarHeadings = Pillars,
        BarrierMap = [.. Elements.Select((e, i) => new BarrierMapRow(e, [.. Pillars.Select((_, j) => new BarrierMapCellView($"{i + j} barrier", $"{i * j} success", i == 2 && j == 1))]))],
        Stuck = ["Partners and Information governance: 12 barrier stories, 3 successes " + text],
        Nudges = [new("Channels reached", "14"), new("Nudges delivered", "310"), new("Button presses", "77"), new("Stories that followed a nudge", "12")],
        Notes = ["Counts stories submitted or approved " + text],
        Exports = new ReportExports("export spring-stories csv", "export spring-stories json", "export spring-stories html"),
    };

    private static ReportChoiceView Choice(string text, int campaigns) => new(
        "Export a storybook",
        "Choose a campaign and a format.", // our own wording (a resource); what admins typed is in the rows
        [.. Enumerable.Range(1, campaigns).Select(i => new ReportChoiceRow(
            $"Spring stories {i} {text}",
            $"spring-stories-{i} · running · Mon 2 Mar 2026 to Fri 27 Mar 2026",
            [new("CSV", $"export spring-stories-{i} csv"), new("JSON", $"export spring-stories-{i} json"), new("Printable storybook", $"export spring-stories-{i} html")]))],
        "There are no campaigns yet.");

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        foreach (var (variant, text) in new[] { ("realistic", "Spring #infostory"), ("hostile", CardSamples.Hostile), ("huge", CardSamples.Huge(30_000)) })
        {
            yield return ($"report/{variant}", ReportCard.Build(View(text), CardSamples.EnGb));
            yield return ($"report-nochart/{variant}", ReportCard.Build(View(text, chart: false), CardSamples.EnGb));
            yield return ($"report-choice/{variant}", ReportChoiceCard.Build(Choice(text, 3), CardSamples.EnGb));
            yield return ($"report-choice-many/{variant}", ReportChoiceCard.Build(Choice(text, 40), CardSamples.EnGb));
            yield return ($"report-choice-none/{variant}", ReportChoiceCard.Build(Choice(text, 0), CardSamples.EnGb));
        }
    }

    [Fact]
    public void Build_RealisticHostileAndHuge_PassesMicrosoftsParserWithoutErrorsOrWarnings()
    {
        var cards = All().ToList();
        var reports = AdaptiveCardsParser.Validate(cards.Select(c => CardJson.Serialize(c.Card)).ToList());

        Assert.Equal(cards.Count, reports.Count);
        var problems = reports.Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0)
            .Select(r => $"{cards[r.Index].Name}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(cards, c => Assert.True(CardJson.SizeInBytes(c.Card) < CardJson.MaxBytes, $"{c.Name} is {CardJson.SizeInBytes(c.Card)} bytes"));
    }

    [Fact]
    public void Build_WithChart_ShowsTheImageWithAltTextFirstAndEveryFigureAsText()
    {
        var json = CardJson.ToJsonObject(ReportCard.Build(View("Spring"), CardSamples.EnGb));
        var body = json["body"]!.AsArray();
        var image = body.OfType<JsonObject>().Single(e => (string?)e["type"] == "Image");
        var text = json.ToJsonString();

        Assert.Equal("https://bot.example.org/reports/charts/0123456789abcdef0123456789abcdef.png", (string?)image["url"]);
        Assert.StartsWith("Bar chart of stories per week", (string?)image["altText"], StringComparison.Ordinal);
        Assert.True(body.IndexOf(image) <= 2);
        foreach (var figure in new[] { "1,204", "304", "Week of 30 Mar", "Decision making and problem solving", "12 barrier stories", "Stories that followed a nudge" })
        {
            Assert.Contains(figure, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("Week of 1 Mar\"", text, StringComparison.Ordinal); // only the last 12 weeks are listed
        Assert.Equal(3, json["actions"]!.AsArray().Count);
        Assert.Equal("admin.run", (string?)json["actions"]![0]!["data"]!["action"]);
        Assert.Equal("export spring-stories csv", (string?)json["actions"]![0]!["data"]!["command"]);
    }

    [Fact]
    public void Choice_EachCampaignWithItsButtons_PostsANewCardForEach()
    {
        var json = CardJson.ToJsonObject(ReportChoiceCard.Build(Choice("", 2), CardSamples.EnGb));
        var text = json.ToJsonString();

        Assert.Contains("Spring stories 2", text, StringComparison.Ordinal);
        var buttons = json["body"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["type"] == "Container")
            .SelectMany(c => c["items"]!.AsArray().OfType<JsonObject>()).Where(e => (string?)e["type"] == "ActionSet")
            .SelectMany(a => a["actions"]!.AsArray().OfType<JsonObject>()).ToList();
        Assert.Equal(6, buttons.Count);
        Assert.All(buttons, b => Assert.Equal(("Action.Submit", "admin.run"), ((string?)b["type"], (string?)b["data"]!["action"])));
        Assert.Equal("export spring-stories-2 html", (string?)buttons[5]["data"]!["command"]);
    }

    [Fact]
    public void Choice_NoCampaign_SaysSoAndHasNoButtons()
    {
        var json = CardJson.ToJsonObject(ReportChoiceCard.Build(Choice("", 0), CardSamples.EnGb)).ToJsonString();

        Assert.Contains("There are no campaigns yet.", json, StringComparison.Ordinal);
        Assert.DoesNotContain("admin.run", json, StringComparison.Ordinal);
    }
}
