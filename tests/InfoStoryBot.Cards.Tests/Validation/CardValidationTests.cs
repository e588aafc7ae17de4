using InfoStoryBot.Cards.Model;

namespace InfoStoryBot.Cards.Tests.Validation;

public sealed class CardValidationTests
{
    [Fact]
    public void EveryCard_RealisticAndHostileViews_PassesMicrosoftsParserWithoutErrorsOrWarnings()
    {
        var cards = CardSamples.All().ToList();
        var reports = AdaptiveCardsParser.Validate(cards.Select(c => CardJson.Serialize(c.Card)).ToList());

        Assert.Equal(cards.Count, reports.Count);
        var problems = reports
            .Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0)
            .Select(r => $"{cards[r.Index].Name}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryCard_EvenWithHugeText_StaysUnder28Kilobytes()
    {
        foreach (var (name, card) in CardSamples.All())
        {
            var size = CardJson.SizeInBytes(card);
            Assert.True(size < 28 * 1024, $"{name} is {size} bytes");
        }
    }

    [Fact]
    public void Validator_BrokenCards_ReportsEachProblem()
    {
        string[] broken =
        [
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlok","text":"typo in the type"}]}""",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a","isRequired":true}]}""",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","wrapp":true}]}""",
            """{"type":"AdaptiveCard","version":"1.2","body":[]}""",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"Input.Text","id":"a"},{"type":"Input.Text","id":"a"}]}""",
            """{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"ok","wrap":true}]}""",
        ];

        var reports = AdaptiveCardsParser.Validate(broken);

        Assert.Contains(reports[0].Errors, e => e.Event == "UnknownElementType");
        Assert.Contains(reports[1].Errors, e => e.Event == "RequiredInputsShouldHaveLabel");
        Assert.Contains(reports[2].Warnings, e => e.Message.Contains("wrapp", StringComparison.Ordinal));
        Assert.NotEmpty(reports[3].Errors);
        Assert.Contains(reports[4].Errors, e => e.Event == "DuplicateId");
        Assert.Empty(reports[5].Errors);
        Assert.Empty(reports[5].Warnings);
    }
}
