using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.Tests.Protocol;

public sealed class ActivityJsonTests
{
    private const string TeamsMessage = """
        {
          "type": "message",
          "id": "1700000000001",
          "serviceUrl": "https://smba.trafficmanager.net/amer/",
          "channelId": "msteams",
          "from": { "id": "29:1abc", "name": "Priya Shah", "aadObjectId": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", "userRole": "user" },
          "recipient": { "id": "28:5b1d7c3e", "name": "InfoStoryBot" },
          "conversation": { "conversationType": "personal", "tenantId": "9a8b", "id": "a:1xyz", "futureFlag": true },
          "text": "hello",
          "channelData": { "tenant": { "id": "9a8b" }, "source": { "name": "compose" }, "legacy": { "x": [1, 2, 3] } },
          "attachments": [ { "contentType": "application/vnd.microsoft.card.adaptive", "content": { "type": "AdaptiveCard", "version": "1.5" }, "extra": "kept" } ],
          "entities": [ { "type": "clientInfo", "locale": "en-GB", "timezone": "Europe/London" } ],
          "brandNewTopLevelField": { "nested": "value" },
          "importance": "high"
        }
        """;

    [Fact]
    public void RoundTrip_UnknownFieldsAtEveryLevel_AreKept()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, ProtocolJson.Options)!;
        var written = JsonSerializer.Serialize(activity, ProtocolJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TeamsMessage), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Deserialize_KnownFields_AreTyped()
    {
        var activity = JsonSerializer.Deserialize<Activity>(TeamsMessage, ProtocolJson.Options)!;

        Assert.Equal("msteams", activity.ChannelId);
        Assert.Equal("9a8b", activity.ChannelData?.Tenant?.Id);
        Assert.Equal("personal", activity.Conversation?.ConversationType);
        Assert.True(activity.ExtensionData!.ContainsKey("brandNewTopLevelField"));
    }
}
