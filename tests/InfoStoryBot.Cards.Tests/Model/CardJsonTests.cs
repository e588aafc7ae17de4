using System.Text.Json;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;

namespace InfoStoryBot.Cards.Tests.Model;

public sealed class CardJsonTests
{
    [Fact]
    public void Serialize_Card_WritesSchemaVersionTypeDiscriminatorsAndNoNulls()
    {
        var card = new AdaptiveCard
        {
            Body = [new TextBlock("Hello"), new TextInput { Id = "a", Label = "A", IsMultiline = true, MaxLength = 10 }],
            Actions = [CardActions.Execute("Go", "story.start")],
            MsTeams = new TeamsCardProperties(),
        };

        using var doc = JsonDocument.Parse(CardJson.Serialize(card));
        var root = doc.RootElement;

        Assert.Equal("AdaptiveCard", root.GetProperty("type").GetString());
        Assert.Equal("1.5", root.GetProperty("version").GetString());
        Assert.Equal(AdaptiveCard.SchemaUrl, root.GetProperty("$schema").GetString());
        Assert.Equal("Full", root.GetProperty("msteams").GetProperty("width").GetString());
        Assert.Equal("TextBlock", root.GetProperty("body")[0].GetProperty("type").GetString());
        Assert.Equal("Input.Text", root.GetProperty("body")[1].GetProperty("type").GetString());
        Assert.True(root.GetProperty("body")[1].GetProperty("isMultiline").GetBoolean());
        Assert.False(root.GetProperty("body")[1].TryGetProperty("placeholder", out _));
        var action = root.GetProperty("actions")[0];
        Assert.Equal("Action.Execute", action.GetProperty("type").GetString());
        Assert.Equal("story.start", action.GetProperty("verb").GetString());
        Assert.Equal("story.start", action.GetProperty("data").GetProperty("action").GetString());
        Assert.DoesNotContain("null", root.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToJsonElement_MatchesSerialize()
    {
        var card = new AdaptiveCard { Body = [new TextBlock("£5 – café")] };

        Assert.Equal(CardJson.Serialize(card), CardJson.ToJsonElement(card).GetRawText());
        Assert.Contains("£5 – café", CardJson.Serialize(card), StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_TextThatWouldOverflow_IsShrunkUntilTheCardFits()
    {
        var huge = new string('x', 100_000);

        var card = CardFit.Build(budget => new AdaptiveCard { Body = [Cards.Text.UntrustedText.Block(huge, budget.Chars(60_000))] });

        Assert.True(CardJson.SizeInBytes(card) <= CardJson.MaxBytes);
        Assert.EndsWith("…", ((RichTextBlock)card.Body[0]).Inlines[0].Text, StringComparison.Ordinal);
    }
}
