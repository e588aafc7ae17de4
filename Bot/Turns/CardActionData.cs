using System.Text.Json;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// Reads the verb of a card button. Every button the bot sends carries its verb in its data under
/// <c>"verb"</c>; Action.Execute also names it in <c>action.verb</c>.
/// </summary>
public static class CardActionData
{
    public const string VerbKey = "verb";

    /// <summary>Action.Submit: the message's <c>value</c> is the button's data merged with the inputs.</summary>
    public static bool TryRead(JsonElement? value, out string verb, out JsonElement data)
    {
        verb = "";
        data = default;
        if (value is not { ValueKind: JsonValueKind.Object } obj
            || !obj.TryGetProperty(VerbKey, out var v) || v.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(v.GetString()))
        {
            return false;
        }

        verb = v.GetString()!;
        data = obj;
        return true;
    }

    /// <summary>Action.Execute: <c>value.action</c> holds type, verb and data.</summary>
    public static bool TryReadInvoke(JsonElement? value, out string verb, out JsonElement data, out string problem)
    {
        verb = "";
        data = default;
        if (value is not { ValueKind: JsonValueKind.Object } obj
            || !obj.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
        {
            problem = "The invoke has no action.";
            return false;
        }

        if (!action.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Action.Execute")
        {
            problem = "Only Action.Execute is supported.";
            return false;
        }

        action.TryGetProperty("data", out var actionData);
        if (action.TryGetProperty(VerbKey, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
        {
            verb = v.GetString()!;
        }
        else if (!TryRead(actionData, out verb, out _))
        {
            problem = "The action has no verb.";
            return false;
        }

        data = actionData.ValueKind == JsonValueKind.Object ? actionData : JsonDocument.Parse("{}").RootElement;
        problem = "";
        return true;
    }
}
