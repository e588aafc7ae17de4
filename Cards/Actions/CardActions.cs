using System.Text.Json;
using InfoStoryBot.Cards.Model;

namespace InfoStoryBot.Cards.Actions;

/// <summary>
/// The one convention every button follows: its data is a flat string map with an <c>"action"</c> key naming
/// what to do plus any payload keys. An Action.Execute uses the same name as its verb and carries the same
/// data, so the bot reads a click the same way whether it arrived as a message (Action.Submit) or as an
/// <c>adaptiveCard/action</c> invoke (Action.Execute).
/// </summary>
public static class CardActions
{
    public const string ActionKey = "action";

    public static SubmitAction Submit(string title, string action, params (string Key, string Value)[] payload) =>
        new() { Title = title, Data = Data(action, payload) };

    /// <summary>A button that must work even when the form's required inputs are empty (Back, Cancel).</summary>
    public static SubmitAction SubmitWithoutInputs(string title, string action, params (string Key, string Value)[] payload) =>
        new() { Title = title, Data = Data(action, payload), AssociatedInputs = AssociatedInputs.None };

    public static ExecuteAction Execute(string title, string action, params (string Key, string Value)[] payload) =>
        new() { Title = title, Verb = action, Data = Data(action, payload) };

    public static IReadOnlyDictionary<string, string> Data(string action, params (string Key, string Value)[] payload)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { [ActionKey] = action };
        foreach (var (key, value) in payload)
        {
            if (key == ActionKey)
            {
                throw new ArgumentException("The payload may not redefine the action key.", nameof(payload));
            }

            data[key] = value;
        }

        return data;
    }
}

/// <summary>
/// A button click as it reached the bot, in either shape: the <c>value</c> of a message (Action.Submit) or the
/// <c>action</c> of an <c>adaptiveCard/action</c> invoke (its <c>verb</c> and <c>data</c>). Field values are
/// the submitted inputs and payload, as strings (JSON numbers and booleans are kept as their JSON text).
/// </summary>
public sealed record CardSubmit(string Action, IReadOnlyDictionary<string, string> Fields)
{
    public string? Get(string key) => Fields.TryGetValue(key, out var value) ? value : null;

    /// <summary>Reads a message activity's <c>value</c> written by an Action.Submit of ours.</summary>
    public static bool TryFromSubmitValue(JsonElement value, out CardSubmit? submit)
    {
        submit = null;
        if (value.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var fields = ReadFields(value);
        if (!fields.TryGetValue(CardActions.ActionKey, out var action) || string.IsNullOrWhiteSpace(action))
        {
            return false;
        }

        fields.Remove(CardActions.ActionKey);
        submit = new CardSubmit(action, fields);
        return true;
    }

    /// <summary>Reads the <c>value.action</c> object of an <c>adaptiveCard/action</c> invoke.</summary>
    public static bool TryFromExecuteAction(JsonElement action, out CardSubmit? submit)
    {
        submit = null;
        if (action.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var fields = action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
            ? ReadFields(data)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        var verb = action.TryGetProperty("verb", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        fields.Remove(CardActions.ActionKey, out var dataAction);
        var name = string.IsNullOrWhiteSpace(verb) ? dataAction : verb;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        submit = new CardSubmit(name, fields);
        return true;
    }

    private static Dictionary<string, string> ReadFields(JsonElement obj)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in obj.EnumerateObject())
        {
            // Teams adds its own "msteams" object to some submits; it is not one of our fields.
            if (property.Name == "msteams")
            {
                continue;
            }

            fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString() ?? "",
                JsonValueKind.Number => property.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => "",
                _ => property.Value.GetRawText(),
            };
        }

        return fields;
    }
}
