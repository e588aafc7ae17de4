using System.Text.Json;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Tests.Turns;

public sealed class CardActionDataTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Fact]
    public void TryRead_SubmitWithVerb_ReturnsVerbAndMergedInputs()
    {
        Assert.True(CardActionData.TryRead(Json("""{"verb":"story.start","title":"A day"}"""), out var verb, out var data));
        Assert.Equal("story.start", verb);
        Assert.Equal("A day", data.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("""{"title":"no verb"}""")]
    [InlineData("""{"verb":42}""")]
    [InlineData("""{"verb":"  "}""")]
    [InlineData("""["verb"]""")]
    [InlineData("\"story.start\"")]
    public void TryRead_NoUsableVerb_IsNotACardAction(string json)
    {
        Assert.False(CardActionData.TryRead(Json(json), out _, out _));
    }

    [Fact]
    public void TryRead_NoValue_IsNotACardAction()
    {
        Assert.False(CardActionData.TryRead(null, out _, out _));
    }

    [Fact]
    public void TryReadInvoke_ActionExecute_TakesVerbFromTheAction()
    {
        var value = Json("""{"action":{"type":"Action.Execute","verb":"storybook.next","data":{"page":"2"}},"trigger":"manual"}""");

        Assert.True(CardActionData.TryReadInvoke(value, out var verb, out var data, out _));
        Assert.Equal("storybook.next", verb);
        Assert.Equal("2", data.GetProperty("page").GetString());
    }

    [Theory]
    [InlineData("""{"trigger":"manual"}""", "The invoke has no action.")]
    [InlineData("""{"action":{"type":"Action.Submit","verb":"x"}}""", "Only Action.Execute is supported.")]
    [InlineData("""{"action":{"type":"Action.Execute","data":{}}}""", "The action has no verb.")]
    public void TryReadInvoke_BadShape_SaysWhy(string json, string expected)
    {
        Assert.False(CardActionData.TryReadInvoke(Json(json), out _, out _, out var problem));
        Assert.Equal(expected, problem);
    }
}
