using System.Text;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Tests.Turns;

public sealed class ActivityParserTests
{
    [Theory]
    [InlineData("{")]
    [InlineData("{\"type\":\"message\",}")]
    [InlineData("[1,2,3]")]
    [InlineData("\"message\"")]
    [InlineData("{\"type\":42}")]
    [InlineData("{\"type\":\"message\",\"text\":{\"a\":1}}")]
    public void TryParse_MalformedOrWrongShape_ReturnsNullWithReason(string body)
    {
        var activity = ActivityParser.TryParse(Encoding.UTF8.GetBytes(body), out var error);

        Assert.Null(activity);
        Assert.StartsWith("Malformed JSON", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("null", "The body is JSON null.")]
    [InlineData("{}", "The activity has no type.")]
    [InlineData("{\"type\":\"  \"}", "The activity has no type.")]
    public void TryParse_NoType_ReturnsNullWithReason(string body, string expected)
    {
        Assert.Null(ActivityParser.TryParse(Encoding.UTF8.GetBytes(body), out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TryParse_DeeplyNested_IsRejectedNotCrashed()
    {
        var body = "{\"type\":\"message\",\"value\":" + new string('[', 5000) + new string(']', 5000) + "}";

        Assert.Null(ActivityParser.TryParse(Encoding.UTF8.GetBytes(body), out var error));
        Assert.StartsWith("Malformed JSON", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_ErrorMessage_NeverEchoesTheBody()
    {
        var secret = "Mrs Smith, NHS 943 476 5919";
        var body = "{\"type\":\"message\",\"text\":\"" + secret + "\",}";

        ActivityParser.TryParse(Encoding.UTF8.GetBytes(body), out var error);

        Assert.DoesNotContain("Smith", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_TeamsMessage_ReadsTheFieldsTheRouterNeeds()
    {
        var body = """
            {"type":"message","id":"1700000000001","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/uk/",
             "from":{"id":"29:1abc","name":"Sam Patel","aadObjectId":"00000000-0000-0000-0000-000000000001"},
             "recipient":{"id":"28:app-id","name":"InfoStoryBot"},
             "conversation":{"id":"a:1xyz","conversationType":"personal","tenantId":"tenant-1"},
             "text":"help","channelData":{"tenant":{"id":"tenant-1"}},"newTeamsField":{"x":1}}
            """;

        var activity = ActivityParser.TryParse(Encoding.UTF8.GetBytes(body), out _);

        Assert.NotNull(activity);
        Assert.Equal("message", activity.Type);
        Assert.Equal("personal", activity.Conversation?.ConversationType);
        Assert.Equal("tenant-1", activity.ChannelData?.Tenant?.Id);
        Assert.True(activity.ExtensionData!.ContainsKey("newTeamsField"));
    }
}
