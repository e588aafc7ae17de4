using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfoStoryBot.Bot.Storage;

/// <summary>How the purpose-named stores serialise records: camelCase, enums by name (readable and stable when enums grow).</summary>
internal static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(StoredBlob blob, string name) =>
        JsonSerializer.Deserialize<T>(blob.Content.Span, Options)
        ?? throw new InvalidDataException($"Stored item '{name}' is empty or null.");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
