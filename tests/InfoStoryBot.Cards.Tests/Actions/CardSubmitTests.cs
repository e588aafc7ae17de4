using System.Text.Json;
using InfoStoryBot.Cards.Actions;

namespace InfoStoryBot.Cards.Tests.Actions;

public sealed class CardSubmitTests
{
    [Fact]
    public void FromSubmitValue_MessageValue_ReadsActionAndMergedInputs()
    {
        using var doc = JsonDocument.Parse("""{"action":"story.answer","step":"pillars","answer":"culture,technology","n":3,"ok":true,"msteams":{"type":"messageBack"}}""");

        Assert.True(CardSubmit.TryFromSubmitValue(doc.RootElement, out var submit));

        Assert.Equal("story.answer", submit!.Action);
        Assert.Equal("culture,technology", submit.Get("answer"));
        Assert.Equal("3", submit.Get("n"));
        Assert.Equal("true", submit.Get("ok"));
        Assert.Null(submit.Get("msteams"));
        Assert.Null(submit.Get("action"));
    }

    [Fact]
    public void FromExecuteAction_InvokeAction_ReadsVerbAndData()
    {
        using var doc = JsonDocument.Parse("""{"type":"Action.Execute","verb":"story.start","data":{"action":"story.start","deliveryId":"d-1"}}""");

        Assert.True(CardSubmit.TryFromExecuteAction(doc.RootElement, out var submit));

        Assert.Equal("story.start", submit!.Action);
        Assert.Equal("d-1", submit.Get("deliveryId"));
    }

    [Theory]
    [InlineData("""{"answer":"x"}""")]
    [InlineData("""{"action":""}""")]
    [InlineData("""[1,2]""")]
    [InlineData("\"text\"")]
    public void FromSubmitValue_NotOurs_IsRejected(string json)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.False(CardSubmit.TryFromSubmitValue(doc.RootElement, out var submit));
        Assert.Null(submit);
    }

    [Fact]
    public void Data_PayloadRedefiningTheAction_Throws()
    {
        Assert.Throws<ArgumentException>(() => CardActions.Data("help", ("action", "story.submit")));
    }
}
