using System.Text.Json;
using System.Text.Json.Nodes;

namespace InfoStoryBot.Testing;

/// <summary>
/// Presses a button on an Adaptive Card the way Teams and Web Chat do: the Action.Submit's <c>data</c> with the
/// card's inputs at their current values (the defaults the bot filled in, unless <c>changes</c> says a person changed
/// one). An action inside a ShowCard sends its own card's inputs and those of the cards around it. Inputs win over
/// data keys of the same name, as in the Adaptive Cards renderer.
/// </summary>
internal static class CardPress
{
    public static JsonObject Value(JsonElement card, string title, IReadOnlyDictionary<string, string>? changes = null)
    {
        var found = Find(card, title, []) ?? throw new InvalidOperationException($"The card has no button '{title}'. Buttons: {string.Join(", ", Titles(card))}");
        var value = new JsonObject();
        if (found.Action.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in data.EnumerateObject())
            {
                value[property.Name] = JsonNode.Parse(property.Value.GetRawText());
            }
        }

        var associated = found.Action.TryGetProperty("associatedInputs", out var a) ? a.GetString() : "auto";
        if (!string.Equals(associated, "none", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var scope in found.Cards)
            {
                foreach (var (id, current) in Inputs(scope))
                {
                    value[id] = changes is not null && changes.TryGetValue(id, out var changed) ? changed : current;
                }
            }
        }

        return value;
    }

    /// <summary>The title of every button that sends something (Submit, Execute), ShowCard contents included.</summary>
    public static IReadOnlyList<string> Titles(JsonElement card)
    {
        var titles = new List<string>();
        foreach (var action in Actions(card))
        {
            if (action.TryGetProperty("type", out var type) && type.GetString() is "Action.Submit" or "Action.Execute" && action.TryGetProperty("title", out var t))
            {
                titles.Add(t.GetString() ?? "");
            }

            if (action.TryGetProperty("card", out var inner))
            {
                titles.AddRange(Titles(inner));
            }
        }

        return titles;
    }

    /// <summary>The inputs of one card (not of the cards its ShowCard buttons open), with the value each would send.</summary>
    public static IEnumerable<(string Id, string Value)> Inputs(JsonElement card)
    {
        var found = new List<(string, string)>();
        if (card.TryGetProperty("body", out var body))
        {
            CollectInputs(body, found);
        }

        return found;
    }

    private sealed record Found(JsonElement Action, IReadOnlyList<JsonElement> Cards);

    private static Found? Find(JsonElement card, string title, IReadOnlyList<JsonElement> outer)
    {
        IReadOnlyList<JsonElement> scopes = [.. outer, card];
        foreach (var action in Actions(card))
        {
            var type = action.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type is "Action.Submit" or "Action.Execute" && action.TryGetProperty("title", out var name) && name.GetString() == title)
            {
                return new Found(action, scopes);
            }

            if (type == "Action.ShowCard" && action.TryGetProperty("card", out var inner) && Find(inner, title, scopes) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static IEnumerable<JsonElement> Actions(JsonElement card)
    {
        var actions = new List<JsonElement>();
        if (card.TryGetProperty("actions", out var top))
        {
            actions.AddRange(top.EnumerateArray());
        }

        if (card.TryGetProperty("body", out var body))
        {
            CollectActionSets(body, actions);
        }

        return actions;
    }

    private static void CollectActionSets(JsonElement element, List<JsonElement> actions)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectActionSets(item, actions);
                }

                break;
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.GetString() == "ActionSet" && element.TryGetProperty("actions", out var set))
                {
                    actions.AddRange(set.EnumerateArray());
                    return;
                }

                foreach (var key in new[] { "items", "columns" })
                {
                    if (element.TryGetProperty(key, out var children))
                    {
                        CollectActionSets(children, actions);
                    }
                }

                break;
        }
    }

    private static void CollectInputs(JsonElement element, List<(string, string)> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectInputs(item, found);
                }

                break;
            case JsonValueKind.Object:
                var type = element.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
                if (type.StartsWith("Input.", StringComparison.Ordinal) && element.TryGetProperty("id", out var id))
                {
                    found.Add((id.GetString()!, CurrentValue(element, type)));
                    return;
                }

                foreach (var key in new[] { "items", "columns" })
                {
                    if (element.TryGetProperty(key, out var children))
                    {
                        CollectInputs(children, found);
                    }
                }

                break;
        }
    }

    private static string CurrentValue(JsonElement input, string type)
    {
        var value = input.TryGetProperty("value", out var v) ? v.ToString() : null;
        if (type == "Input.Toggle")
        {
            var on = input.TryGetProperty("valueOn", out var vOn) ? vOn.GetString() : "true";
            var off = input.TryGetProperty("valueOff", out var vOff) ? vOff.GetString() : "false";
            return value == on ? on! : off!;
        }

        return value ?? "";
    }
}
