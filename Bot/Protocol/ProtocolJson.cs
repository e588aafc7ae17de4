using System.Text.Json;
using System.Text.Json.Serialization;

namespace InfoStoryBot.Bot.Protocol;

/// <summary>The one set of JSON options for the wire: camelCase names, nulls left out, bounded depth.</summary>
public static class ProtocolJson
{
    /// <summary>Teams never nests deeper than a card inside an activity; a deeper body is an attack or a bug.</summary>
    public const int MaxDepth = 64;

    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            MaxDepth = MaxDepth,
            AllowTrailingCommas = false,
            ReadCommentHandling = JsonCommentHandling.Disallow,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
