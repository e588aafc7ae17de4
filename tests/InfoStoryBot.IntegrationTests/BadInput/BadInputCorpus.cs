using System.Text;
using System.Text.Json.Nodes;

namespace InfoStoryBot.IntegrationTests.BadInput;

/// <summary>One hostile or broken request body, and the statuses that count as a clear answer to it.</summary>
public sealed record BadInput(string Name, byte[] Body, string ContentType = "application/json")
{
    /// <summary>Null: any status below 500 is a clear answer. Otherwise the one status expected.</summary>
    public int? Expected { get; init; }

    public override string ToString() => Name;
}

/// <summary>
/// The bad-input corpus, built from a valid activity so that each entry breaks one thing. Every body carries
/// <see cref="Canary"/> somewhere it could be echoed back; no answer may contain it.
/// </summary>
public static class BadInputCorpus
{
    public const string Canary = "CANARY-7f3a";

    /// <summary>For POST /api/messages, from a valid personal message (Teams-shaped, from the simulator).</summary>
    public static IReadOnlyList<BadInput> ForMessages(JsonObject valid)
    {
        var json = valid.ToJsonString();
        return
        [
            Raw("empty body", "", expected: 400),
            Raw("whitespace only", "   \n ", expected: 400),
            Raw("truncated activity", json[..(json.Length / 2)], expected: 400),
            Raw("one brace", "{", expected: 400),
            Raw("JSON null", "null", expected: 400),
            Raw("JSON array", $"[\"{Canary}\"]", expected: 400),
            Raw("JSON number", "42", expected: 400),
            Raw("JSON string", $"\"{Canary}\"", expected: 400),
            Raw("trailing garbage", json + $" {Canary}", expected: 400),
            Raw("comment inside", json.Insert(1, $"/* {Canary} */"), expected: 400),
            Raw("single quotes", json.Replace('"', '\''), expected: 400),
            Raw("not JSON at all", $"<activity>{Canary}</activity>", expected: 400),
            Raw("text/plain content type", json, "text/plain", expected: 415),
            Raw("form content type", "type=message&text=" + Canary, "application/x-www-form-urlencoded", expected: 415),
            Bytes("invalid UTF-8 in text", Encoding.UTF8.GetBytes(json.Replace("\"text\":\"", "\"text\":\"\u0001", StringComparison.Ordinal)).Select(b => b == 1 ? (byte)0xC3 : b).Concat(Encoding.UTF8.GetBytes(" ")).ToArray(), expected: 400),
            Bytes("invalid UTF-8 in a card submission", Invalidate(With(Without(json, "text"), "value", new JsonObject { ["action"] = "\u0001" + Canary }))),
            Bytes("invalid UTF-8 in an unknown field", Invalidate(With(json, "newField", "\u0001" + Canary))),
            Bytes("UTF-8 byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(json)]),
            Raw("lone surrogate escape in text", With(json, "text", "PLACEHOLDER").Replace("PLACEHOLDER", "\\ud800" + Canary, StringComparison.Ordinal)),
            Raw("control characters in text", With(json, "text", "\u0000\u0007\u001b[31m" + Canary + "\u202e")),
            Raw("duplicate type keys", json.Insert(1, "\"type\":\"invoke\",")),
            Raw("no type", Without(json, "type"), expected: 400),
            Raw("type empty", With(json, "type", ""), expected: 400),
            Raw("type is a number", With(json, "type", 5), expected: 400),
            Raw("type is an object", With(json, "type", new JsonObject { ["x"] = Canary }), expected: 400),
            Raw("text is a number", With(json, "text", 123)),
            Raw("text is an object", With(json, "text", new JsonObject { ["x"] = Canary })),
            Raw("from is a string", With(json, "from", Canary)),
            Raw("from is missing", Without(json, "from")),
            Raw("conversation is an array", With(json, "conversation", new JsonArray(Canary)), expected: 400),
            Raw("conversation is missing", Without(json, "conversation"), expected: 400),
            Raw("serviceUrl is missing", Without(json, "serviceUrl")), // 400 in local mode; 401 with a token, whose serviceurl claim no longer matches
            Raw("serviceUrl is a number", With(json, "serviceUrl", 7)),
            Raw("id is a boolean", With(json, "id", true)),
            Raw("id is a huge number", RawValue(json, "id", "1e400")),
            Raw("timestamp is not a date", With(json, "timestamp", Canary)),
            Raw("attachments is an object", With(json, "attachments", new JsonObject { ["x"] = Canary })),
            Raw("attachments of unknown kinds", With(json, "attachments", new JsonArray(new JsonObject { ["contentType"] = "application/vnd.evil", ["content"] = Canary }, new JsonObject()))),
            Raw("entities is a string", With(json, "entities", Canary)),
            Raw("mention entity with wrong types", With(json, "entities", new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = 5, ["mentioned"] = Canary }))),
            Raw("channelData is a string", With(json, "channelData", Canary)),
            Raw("channelData tenant is a number", With(json, "channelData", new JsonObject { ["tenant"] = 5 })),
            Raw("locale is nonsense", With(json, "locale", "xx-" + Canary + "-🙂")),
            Raw("conversation id of 2,000 characters", With(json, "conversation", Conversation(valid, new string('c', 2000)))),
            Raw("conversation id with path traversal", With(json, "conversation", Conversation(valid, "../../../" + Canary + "/..\\..\\x"))),
            Raw("channelId with path characters", With(json, "channelId", "../" + Canary + "/%2e%2e")),
            Raw("huge text (200 KB)", With(json, "text", Canary + new string('x', 200_000))),
            Raw("huge unknown field (200 KB)", With(json, "extra" + Canary, new string('y', 200_000))),
            Raw("body over the limit (300 KB)", With(json, "text", new string('z', 300_000)), expected: 413),
            Raw("nested 10,000 deep", Nested(json, 10_000), expected: 400),
            Raw("nested 65 deep", Nested(json, 65), expected: 400),
            Raw("nested 40 deep", Nested(json, 40)),
            Raw("unknown activity type", With(json, "type", "somethingNew" + Canary)),
            Raw("messageReaction without reactions", With(json, "type", "messageReaction")),
            Raw("messageReaction with reactions of wrong type", With(With(json, "type", "messageReaction"), "reactionsAdded", Canary)),
            Raw("conversationUpdate with membersAdded a string", With(With(json, "type", "conversationUpdate"), "membersAdded", Canary)),
            Raw("conversationUpdate with members of nulls", With(With(json, "type", "conversationUpdate"), "membersAdded", new JsonArray(null, new JsonObject()))),
            Raw("installationUpdate with an unknown action", With(With(json, "type", "installationUpdate"), "action", Canary)),
            Raw("invoke with no name", With(json, "type", "invoke")),
            Raw("invoke with an unknown name", With(With(json, "type", "invoke"), "name", "evil/" + Canary)),
            Raw("adaptiveCard/action with no value", With(With(json, "type", "invoke"), "name", "adaptiveCard/action")),
            Raw("adaptiveCard/action with a string value", With(With(With(json, "type", "invoke"), "name", "adaptiveCard/action"), "value", Canary)),
            Raw("adaptiveCard/action with a numeric verb", With(With(With(json, "type", "invoke"), "name", "adaptiveCard/action"), "value", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = 5, ["data"] = Canary } })),
            Raw("adaptiveCard/action with an unknown verb", With(With(With(json, "type", "invoke"), "name", "adaptiveCard/action"), "value", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "evil." + Canary, ["data"] = new JsonObject() } })),
            Raw("event with a numeric name", With(With(json, "type", "event"), "name", 5)),
            Raw("endOfConversation", With(json, "type", "endOfConversation")),
            Raw("typing", With(json, "type", "typing")),
            .. CardSubmissions(valid),
        ];
    }

    /// <summary>Card button presses (Action.Submit arrives as a message with value) that no card of ours would send.</summary>
    public static IEnumerable<BadInput> CardSubmissions(JsonObject valid)
    {
        var message = Without(valid.ToJsonString(), "text");
        yield return Raw("submit: value is a string", With(message, "value", Canary));
        yield return Raw("submit: value is an array", With(message, "value", new JsonArray(1, Canary)));
        yield return Raw("submit: value is empty", With(message, "value", new JsonObject()));
        yield return Raw("submit: action is a number", With(message, "value", new JsonObject { ["action"] = 5 }));
        yield return Raw("submit: action is unknown", With(message, "value", new JsonObject { ["action"] = "evil." + Canary }));
        yield return Raw("submit: story submit with no dialog", With(message, "value", new JsonObject { ["action"] = "story.submit" }));
        yield return Raw("submit: story answer with junk", With(message, "value", new JsonObject { ["action"] = "story.answer", ["step"] = Canary, ["answer"] = new JsonArray(1, 2) }));
        yield return Raw("submit: story edit of an unknown field", With(message, "value", new JsonObject { ["action"] = "story.edit", ["field"] = Canary }));
        yield return Raw("submit: form submit with wrong types", With(message, "value", new JsonObject
        {
            ["action"] = "story.form.submit", ["whatHappened"] = 5, ["pillars"] = new JsonArray("x"), ["consent"] = new JsonObject(), ["attribution"] = Canary,
        }));
        yield return Raw("submit: view a story id with path traversal", With(message, "value", new JsonObject { ["action"] = "stories.view", ["storyId"] = "../../state/" + Canary }));
        yield return Raw("submit: view a story id that is a number", With(message, "value", new JsonObject { ["action"] = "stories.view", ["storyId"] = 12 }));
        yield return Raw("submit: withdraw with no story id", With(message, "value", new JsonObject { ["action"] = "stories.withdraw.confirm" }));
        yield return Raw("submit: storybook page -1", With(message, "value", new JsonObject { ["action"] = "storybook.page", ["page"] = "-1", ["pillar"] = "any", ["element"] = "any", ["campaign"] = "any" }));
        yield return Raw("submit: storybook page beyond long", With(message, "value", new JsonObject { ["action"] = "storybook.page", ["page"] = "99999999999999999999999", ["pillar"] = Canary }));
        yield return Raw("submit: storybook filter with markup", With(message, "value", new JsonObject { ["action"] = "storybook.filter", ["filterPillar"] = "<script>" + Canary, ["filterElement"] = 5, ["filterCampaign"] = new JsonArray() }));
        yield return Raw("submit: msteams messageBack with a numeric text", With(message, "value", new JsonObject { ["msteams"] = new JsonObject { ["type"] = "messageBack", ["text"] = 5 } }));
    }

    /// <summary>For DevChat's Direct Line POST .../activities.</summary>
    public static IReadOnlyList<BadInput> ForDirectLine()
    {
        var valid = new JsonObject { ["type"] = "message", ["text"] = "hello", ["from"] = new JsonObject { ["id"] = "dl_page", ["role"] = "user" } };
        var json = valid.ToJsonString();
        return
        [
            Raw("empty body", "", expected: 400),
            Raw("truncated activity", json[..(json.Length / 2)], expected: 400),
            Raw("JSON null", "null", expected: 400),
            Raw("JSON array", $"[\"{Canary}\"]", expected: 400),
            Raw("JSON number", "42", expected: 400),
            Raw("not JSON at all", $"<activity>{Canary}</activity>", expected: 400),
            Bytes("invalid UTF-8", [.. Encoding.UTF8.GetBytes("{\"type\":\"message\",\"text\":\""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("\"}")], expected: 400),
            Raw("no type", Without(json, "type"), expected: 400),
            Raw("type is a number", With(json, "type", 5), expected: 400),
            Raw("type is invoke", With(json, "type", "invoke"), expected: 400),
            Raw("unknown type", With(json, "type", "somethingNew" + Canary), expected: 400),
            Raw("attachments (an upload)", With(json, "attachments", new JsonArray(new JsonObject { ["contentType"] = "text/plain", ["contentUrl"] = "http://evil/" + Canary })), expected: 400),
            Raw("attachments is an object", With(json, "attachments", new JsonObject { ["x"] = Canary })),
            Raw("text is a number", With(json, "text", 123)),
            Raw("text is an object", With(json, "text", new JsonObject { ["x"] = Canary })),
            Raw("from is a string", With(json, "from", Canary)),
            Raw("locale is a number", With(json, "locale", 5)),
            Raw("control characters in text", With(json, "text", "\u0000\u0007" + Canary + "\u202e")),
            Raw("huge text (200 KB)", With(json, "text", Canary + new string('x', 200_000))),
            Raw("body over the limit (300 KB)", With(json, "text", new string('z', 300_000)), expected: 413),
            Raw("nested 10,000 deep", Nested(json, 10_000), expected: 400),
            Raw("event with a numeric name", With(With(json, "type", "event"), "name", 5)),
            Raw("event with an object value", With(With(With(json, "type", "event"), "name", "webchat/join"), "value", new JsonObject { ["x"] = Canary })),
            .. CardSubmissions(valid),
            Raw("submit: Action.Execute shape with a numeric verb", With(Without(json, "text"), "value", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = 5 } })),
            Raw("submit: msteams imBack with an object value", With(Without(json, "text"), "value", new JsonObject { ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = new JsonObject() } })),
            Raw("submit: msteams with a numeric type", With(Without(json, "text"), "value", new JsonObject { ["msteams"] = new JsonObject { ["type"] = 5 } })),
        ];
    }

    /// <summary>Turns the one U+0001 in the body into 0xC3 followed by an ASCII letter: not UTF-8.</summary>
    private static byte[] Invalidate(string json) => [.. Encoding.UTF8.GetBytes(json).Select(b => b == 1 ? (byte)0xC3 : b)];

    private static BadInput Raw(string name, string body, string contentType = "application/json", int? expected = null) =>
        new(name, Encoding.UTF8.GetBytes(body), contentType) { Expected = expected };

    private static BadInput Bytes(string name, byte[] body, int? expected = null) => new(name, body) { Expected = expected };

    private static string With(string json, string key, JsonNode? value)
    {
        var copy = JsonNode.Parse(json)!.AsObject();
        copy[key] = value;
        return copy.ToJsonString();
    }

    /// <summary>The activity with <paramref name="key"/> holding raw JSON text (e.g. a number no type can hold).</summary>
    private static string RawValue(string json, string key, string rawValue) =>
        With(json, key, "RAW-PLACEHOLDER").Replace("\"RAW-PLACEHOLDER\"", rawValue, StringComparison.Ordinal);

    private static string Without(string json, string key)
    {
        var copy = JsonNode.Parse(json)!.AsObject();
        copy.Remove(key);
        return copy.ToJsonString();
    }

    private static JsonObject Conversation(JsonObject valid, string id)
    {
        var conversation = valid["conversation"]!.DeepClone().AsObject();
        conversation["id"] = id;
        return conversation;
    }

    /// <summary>The activity with channelData nested <paramref name="depth"/> arrays deep, as text (a JsonNode that deep cannot be built).</summary>
    private static string Nested(string valid, int depth)
    {
        var json = With(valid, "channelData", "NEST-PLACEHOLDER");
        var nest = new StringBuilder(depth * 2 + Canary.Length + 2);
        nest.Append('[', depth).Append('"').Append(Canary).Append('"').Append(']', depth);
        return json.Replace("\"NEST-PLACEHOLDER\"", nest.ToString(), StringComparison.Ordinal);
    }
}
