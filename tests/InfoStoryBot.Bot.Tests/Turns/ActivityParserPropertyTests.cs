using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Tests.Turns;

/// <summary>
/// Properties of the parser every request body goes through: any bytes give an activity with a type or a one-line
/// error of a fixed shape (so it cannot echo the body), and a parsed activity written back keeps every field Teams
/// sent, including ones this code does not know.
/// </summary>
public sealed partial class ActivityParserPropertyTests
{
    private const string Valid = """
        {"type":"message","id":"1700000000001","timestamp":"2026-11-22T01:00:00.000Z","channelId":"msteams",
         "serviceUrl":"https://smba.trafficmanager.net/uk/","from":{"id":"29:1abc","name":"Sam","aadObjectId":"00000000-0000-0000-0000-000000000001"},
         "recipient":{"id":"28:app"},"conversation":{"id":"a:1xyz","conversationType":"personal","tenantId":"t-1"},
         "text":"help","entities":[{"type":"clientInfo","locale":"en-GB"}],"channelData":{"tenant":{"id":"t-1"}},
         "value":{"action":"story.submit","n":[1,2.50,true,null]}}
        """;

    private static readonly byte[] ValidBytes = Encoding.UTF8.GetBytes(Valid);

    [Fact]
    public void TryParse_AnyBytes_GivesATypedActivityOrAOneLineErrorOfAFixedShape()
    {
        Prop.ForAll(Bodies().ToArbitrary(), body =>
        {
            var activity = ActivityParser.TryParse(body, out var error);
            return activity is null
                ? ErrorShape().IsMatch(error)
                : !string.IsNullOrWhiteSpace(activity.Type) && error.Length == 0;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(3000));
    }

    [Fact]
    public void TryParse_ThenWritten_KeepsEveryUnknownFieldAtEveryLevel()
    {
        var unknown =
            from stem in Gen.Elements("x", "newTeamsField", "ms_extra", "élan", "a-b", "_", "123")
            from n in Gen.Choose(0, 999)
            select $"{stem}{n}zz";
        var extra =
            from place in Gen.Elements("", "from", "conversation", "recipient")
            from name in unknown
            from value in JsonValues(3)
            select (Place: place, Name: name, Value: value);
        var extras = Gen.Choose(1, 8).SelectMany(n => Gen.ListOf(extra, n));

        Prop.ForAll(extras.ToArbitrary(), added =>
        {
            var original = JsonNode.Parse(Valid)!.AsObject();
            foreach (var (place, name, value) in added)
            {
                var target = place.Length == 0 ? original : original[place]!.AsObject();
                target[name] = value?.DeepClone();
            }

            var activity = ActivityParser.TryParse(Encoding.UTF8.GetBytes(original.ToJsonString()), out _);
            var written = JsonNode.Parse(JsonSerializer.Serialize(activity, ProtocolJson.Options))!.AsObject();
            return added.All(a =>
            {
                var (place, name, _) = a;
                var before = place.Length == 0 ? original : original[place]!.AsObject();
                var after = place.Length == 0 ? written : written[place]!.AsObject();
                return after.ContainsKey(name) && JsonNode.DeepEquals(before[name], after[name]);
            }) && written["text"]!.GetValue<string>() == "help" && JsonNode.DeepEquals(original["value"], written["value"]);
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Random bytes, and valid activities cut short, with bytes flipped, inserted or deleted.</summary>
    private static Gen<byte[]> Bodies()
    {
        var anyByte = Gen.Choose(0, 255).Select(b => (byte)b);
        var random = Gen.ArrayOf(anyByte);
        var truncated = Gen.Choose(0, ValidBytes.Length).Select(n => ValidBytes[..n]);
        var mutated =
            from at in Gen.Choose(0, ValidBytes.Length - 1)
            from b in anyByte
            from kind in Gen.Elements(0, 1, 2)
            select Mutate(at, b, kind);
        var tokens = Gen.ListOf(Gen.Elements("{", "}", "[", "]", ",", ":", "\"type\"", "\"message\"", "\"text\"", "null", "1e999", "-0", "\"\\ud800\"",
            "\"\\u0000\"", "true", "\"from\"", "{\"id\":5}", "\"value\"", " ", "\"conversation\"", "\"timestamp\"", "\"2026-13-45\""))
            .Select(t => Encoding.UTF8.GetBytes(string.Concat(t)));
        return Gen.OneOf(random, truncated, mutated, mutated, tokens);
    }

    private static byte[] Mutate(int at, byte b, int kind)
    {
        var bytes = ValidBytes.ToList();
        switch (kind)
        {
            case 0: bytes[at] = b; break;
            case 1: bytes.Insert(at, b); break;
            default: bytes.RemoveAt(at); break;
        }

        return [.. bytes];
    }

    /// <summary>Any JSON value, nested up to <paramref name="depth"/> levels.</summary>
    private static Gen<JsonNode?> JsonValues(int depth)
    {
        var leaf = Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(s => (JsonNode?)JsonValue.Create(s)),
            Gen.Choose(-1000, 1000).Select(n => (JsonNode?)JsonValue.Create(n)),
            Gen.Elements(0.5, -2.25, 1e20).Select(d => (JsonNode?)JsonValue.Create(d)),
            Gen.Elements(true, false).Select(b => (JsonNode?)JsonValue.Create(b)),
            Gen.Constant((JsonNode?)null));
        if (depth == 0)
        {
            return leaf;
        }

        var inner = JsonValues(depth - 1);
        var array = Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(inner, n)).Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())]));
        var member =
            from key in Gen.Elements("a", "b", "type", "id", "ü")
            from value in inner
            select (Key: key, Value: value);
        var obj = Gen.Choose(0, 3).SelectMany(n => Gen.ListOf(member, n)).Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (k, v) in pairs)
            {
                o[k] = v?.DeepClone();
            }

            return (JsonNode?)o;
        });
        return Gen.OneOf(leaf, leaf, array, obj);
    }

    [GeneratedRegex(@"\A(Malformed JSON( at line \d+, position \d+)?\.|The body is JSON null\.|The activity has no type\.)\z")]
    private static partial Regex ErrorShape();
}
