using System.Text.Json.Nodes;
using InfoStoryBot.Cards.Experiments;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Tests.Validation;

namespace InfoStoryBot.Cards.Tests.Experiments;

public sealed class ExperimentCardTests
{
    private static ExperimentCardView View(string text, int variants) => new(
        "x3k9qz1",
        "Spring #infostory " + text,
        "Weekly norm",
        "Running since 2 March 2026",
        [.. Enumerable.Range(0, variants).Select(i => new ExperimentVariantView(
            ((char)('A' + i)).ToString(), "This week {colleagues} colleagues told their story. " + text,
            "4", "120", "37", "9", "6", "22% (15%–30%)", "7% (3%–13%)", "5% (2%–10%)", i == 1, false))],
        "B is ahead: 12% vs 4% of deliveries led to a story, and the intervals do not overlap. " + text,
        true,
        ["Each rate is the share of deliveries that led to at least one press, story started or story submitted.", text])
    {
        Done = "Experiment x3k9qz1 has started in Spring stories. " + text,
        Stops = [.. Enumerable.Range(0, variants).Select(i => new ExperimentStopButton(((char)('A' + i)).ToString(), $"experiment stop x3k9qz1 keep {(char)('A' + i)}"))],
        RefreshCommand = "experiment show x3k9qz1",
        ListCommand = "experiment list",
    };

    private static ExperimentListView List(string text, int count) => new(
        [.. Enumerable.Range(1, count).Select(i => new ExperimentRowView($"x{i}k9qz1", "Two-minute share · Spring stories " + text, "Running since 2 March 2026: variants A and B", $"experiment show x{i}k9qz1"))]);

    [Fact]
    public void Build_RealisticHostileAndHuge_PassesMicrosoftsParserAndFits()
    {
        var cards = new[] { ("realistic", "and it worked."), ("hostile", CardSamples.Hostile), ("huge", CardSamples.Huge(30_000)) }
            .SelectMany(v => new[] { 2, 4 }.Select(n => (Name: $"experiment-{n}/{v.Item1}", Card: ExperimentCard.Build(View(v.Item2, n), CardSamples.EnGb)))
                .Concat([(Name: $"experiment-stopped/{v.Item1}", Card: ExperimentCard.Build(View(v.Item2, 2) with { Stops = [] }, CardSamples.EnGb))])
                .Concat(new[] { 0, 3, 40 }.Select(n => (Name: $"experiment-list-{n}/{v.Item1}", Card: ExperimentListCard.Build(List(v.Item2, n), CardSamples.EnGb)))))
            .ToList();

        var reports = AdaptiveCardsParser.Validate(cards.Select(c => CardJson.Serialize(c.Card)).ToList());

        var problems = reports.Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0)
            .Select(r => $"{cards[r.Index].Name}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}")
            .ToList();
        Assert.Equal(cards.Count, reports.Count);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(cards, c => Assert.True(CardJson.SizeInBytes(c.Card) < CardJson.MaxBytes, $"{c.Name} is {CardJson.SizeInBytes(c.Card)} bytes"));
    }

    [Fact]
    public void Build_TwoVariants_ShowsVerdictAndEveryFigureOfEach()
    {
        var json = CardJson.Serialize(ExperimentCard.Build(View("", 2), CardSamples.EnGb));

        Assert.Contains("B is ahead: 12% vs 4% of deliveries led to a story", json, StringComparison.Ordinal);
        Assert.Contains("Variant A", json, StringComparison.Ordinal);
        Assert.Contains("Variant B · ahead", json, StringComparison.Ordinal);
        foreach (var label in new[] { "Channels", "Deliveries", "Presses", "Stories started", "Stories submitted", "Deliveries that led to a story" })
        {
            Assert.Contains(label, json, StringComparison.Ordinal);
        }

        Assert.Contains(@"22% \\(15%–30%\\)", json, StringComparison.Ordinal); // a fact value is markdown: brackets escaped
    }

    [Fact]
    public void Build_Running_HasAStopButtonPerVariant_ThatUpdatesInPlace()
    {
        var json = CardJson.ToJsonObject(ExperimentCard.Build(View("", 2), CardSamples.EnGb));
        var text = json.ToJsonString();

        Assert.Contains("has started in Spring stories", text, StringComparison.Ordinal);
        var stops = json["body"]!.AsArray().OfType<JsonObject>().Where(e => (string?)e["type"] == "ActionSet").SelectMany(a => a["actions"]!.AsArray().OfType<JsonObject>()).ToList();
        Assert.Equal(["Stop and keep A", "Stop and keep B"], stops.Select(s => (string?)s["title"]));
        Assert.All(stops, s => Assert.Equal(("Action.Execute", "admin.run"), ((string?)s["type"], (string?)s["verb"])));
        Assert.Equal("experiment stop x3k9qz1 keep B", (string?)stops[1]["data"]!["command"]);
        Assert.Equal(["Refresh", "All experiments"], json["actions"]!.AsArray().Select(a => (string?)a!["title"]));
    }

    [Fact]
    public void List_NoExperiments_SaysHowToStartOne()
    {
        var text = CardJson.Serialize(ExperimentListCard.Build(new ExperimentListView([]), CardSamples.EnGb));

        Assert.Contains("No experiments yet", text, StringComparison.Ordinal);
    }
}
