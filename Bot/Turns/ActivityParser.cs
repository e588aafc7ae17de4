using System.Text.Json;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.Turns;

/// <summary>Turns a request body into an activity, or says in one line why it cannot.</summary>
public static class ActivityParser
{
    public static Activity? TryParse(ReadOnlySpan<byte> body, out string error)
    {
        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException e)
        {
            // The message names the position, never echoes the body.
            error = "Malformed JSON" + (e.LineNumber is { } line ? $" at line {line + 1}, position {e.BytePositionInLine}." : ".");
            return null;
        }

        if (activity is null)
        {
            error = "The body is JSON null.";
            return null;
        }

        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            error = "The activity has no type.";
            return null;
        }

        error = "";
        return activity;
    }
}
