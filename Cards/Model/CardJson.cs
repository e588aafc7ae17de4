using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace InfoStoryBot.Cards.Model;

/// <summary>Writes cards as Adaptive Card 1.5 JSON, the content of a Teams attachment.</summary>
public static class CardJson
{
    /// <summary>The attachment content type Teams expects for an Adaptive Card.</summary>
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>
    /// Our design limit for one card, in UTF-8 bytes. Bot messages may be larger, but 28 KB is the smallest
    /// limit any Teams surface documents, and it leaves room for the activity around the card.
    /// </summary>
    public const int MaxBytes = 28 * 1024;

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(AdaptiveCard card) => JsonSerializer.Serialize(card, Options);

    public static byte[] SerializeToUtf8Bytes(AdaptiveCard card) => JsonSerializer.SerializeToUtf8Bytes(card, Options);

    public static JsonElement ToJsonElement(AdaptiveCard card) => JsonSerializer.SerializeToElement(card, Options);

    public static JsonObject ToJsonObject(AdaptiveCard card) =>
        JsonNode.Parse(SerializeToUtf8Bytes(card))!.AsObject();

    public static int SizeInBytes(AdaptiveCard card) => SerializeToUtf8Bytes(card).Length;

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            // Teams reads UTF-8; escaping every non-ASCII character would only eat into the size budget.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
