using System.Text.Json;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.IntegrationTests.Infrastructure;

/// <summary>Reads what the bot sent: the Adaptive Card in a message, and the text of its blocks.</summary>
public static class CardAssert
{
    public static JsonElement Card(Activity message)
    {
        var attachment = Assert.Single(message.Attachments ?? []);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        Assert.NotNull(attachment.Content);
        Assert.Equal("1.5", attachment.Content.Value.GetProperty("version").GetString());
        return attachment.Content.Value;
    }

    /// <summary>All visible text of a card: TextBlock text and RichTextBlock runs, in order.</summary>
    public static string Text(JsonElement card)
    {
        var parts = new List<string>();
        Collect(card, parts);
        return string.Join("\n", parts);
    }

    /// <summary>A message's text and its cards' text together, as a person would read it.</summary>
    public static string Describe(Activity message)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(message.Text))
        {
            parts.Add(message.Text);
        }

        foreach (var attachment in message.Attachments ?? [])
        {
            if (attachment.Content is { ValueKind: JsonValueKind.Object } card)
            {
                parts.Add(Text(card));
            }
        }

        return string.Join("\n", parts);
    }

    /// <summary>The "action" names of every button on the card.</summary>
    public static IReadOnlyList<string> Actions(JsonElement card)
    {
        var names = new List<string>();
        CollectActions(card, names);
        return names;
    }

    private static void Collect(JsonElement element, List<string> parts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.GetString() is "TextBlock" or "TextRun"
                    && element.TryGetProperty("text", out var text))
                {
                    parts.Add(text.GetString() ?? "");
                }

                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, parts);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, parts);
                }

                break;
        }
    }

    private static void CollectActions(JsonElement element, List<string> names)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("type", out var type) && type.GetString() is "Action.Submit" or "Action.Execute"
                    && element.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object
                    && data.TryGetProperty("action", out var action))
                {
                    names.Add(action.GetString() ?? "");
                }

                foreach (var property in element.EnumerateObject())
                {
                    CollectActions(property.Value, names);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectActions(item, names);
                }

                break;
        }
    }
}
