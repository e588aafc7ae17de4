using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// Bridges the gap between Teams and Web Chat 4.18 for card buttons. Teams sends Action.Submit as a
/// message with <c>value</c> and <c>replyToId</c>, and Action.Execute as an <c>adaptiveCard/action</c>
/// invoke. Web Chat sends only Action.Submit, as a message without replyToId, and ignores Action.Execute.
/// So outgoing cards are adapted (Execute becomes Submit, and every Submit carries a marker naming its
/// card) and the marker is read back when the click arrives, to rebuild what Teams would have sent.
/// </summary>
public static class DevChatCardActions
{
    public const string MarkerProperty = "__devchat";

    public static JsonNode? Adapt(JsonNode? node, string activityId)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    Adapt(item, activityId);
                }

                break;
            case JsonObject obj:
                AdaptAction(obj, activityId);
                foreach (var property in obj.ToList())
                {
                    // data is the bot's own payload; refresh is Teams' automatic Action.Execute, which
                    // Web Chat never fires, so it is left as the bot wrote it.
                    if (property.Key is not ("data" or "refresh"))
                    {
                        Adapt(property.Value, activityId);
                    }
                }

                break;
        }

        return node;
    }

    private static void AdaptAction(JsonObject obj, string activityId)
    {
        var type = obj["type"] is JsonValue v && v.TryGetValue<string>(out var t) ? t : null;
        if (type == "Action.Execute")
        {
            var data = obj["data"] is JsonObject d ? (JsonObject)d.DeepClone() : new JsonObject();
            data[MarkerProperty] = new JsonObject
            {
                ["replyToId"] = activityId,
                ["execute"] = new JsonObject
                {
                    ["verb"] = obj["verb"]?.DeepClone(),
                    ["id"] = obj["id"]?.DeepClone(),
                },
            };
            obj["type"] = "Action.Submit";
            obj["data"] = data;
            obj.Remove("verb");
        }
        else if (type == "Action.Submit")
        {
            switch (obj["data"])
            {
                case null:
                    obj["data"] = new JsonObject { [MarkerProperty] = new JsonObject { ["replyToId"] = activityId } };
                    break;
                case JsonObject data:
                    data[MarkerProperty] = new JsonObject { ["replyToId"] = activityId };
                    break;

                // A string is sent as imBack: plain text, as Teams does; nothing to mark.
            }
        }
    }

    /// <summary>What came back from a click, with the marker taken out.</summary>
    public sealed record Click(string? ReplyToId, bool IsExecute, string? Verb, string? ActionId, JsonElement? Data);

    /// <summary>Reads and strips the marker; null when the value carries none (a message the page composed itself).</summary>
    public static Click? ReadClick(JsonNode? value)
    {
        if (value is not JsonObject obj || obj[MarkerProperty] is not JsonObject marker)
        {
            return null;
        }

        var data = (JsonObject)obj.DeepClone();
        data.Remove(MarkerProperty);
        var execute = marker["execute"] as JsonObject;
        return new Click(
            AsString(marker["replyToId"]),
            execute is not null,
            AsString(execute?["verb"]),
            AsString(execute?["id"]),
            JsonSerializer.SerializeToElement(data));
    }

    private static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;
}
