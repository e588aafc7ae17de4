using System.Globalization;
using System.Resources;

namespace InfoStoryBot.Bot.Resources;

/// <summary>The bot's own wording (the pipeline's apologies, command words), from BotStrings.resx (en-GB).</summary>
public static class BotText
{
    public static readonly CultureInfo DefaultCulture = CultureInfo.GetCultureInfo("en-GB");

    private static readonly ResourceManager Resources = new("InfoStoryBot.Bot.Resources.BotStrings", typeof(BotText).Assembly);

    public static string Get(string name, CultureInfo? culture = null) =>
        Resources.GetString(name, culture ?? DefaultCulture)
        ?? throw new InvalidOperationException($"Bot string '{name}' is missing from BotStrings.resx.");

    /// <summary>A "|"-separated list of phrases, e.g. the words that ask for help.</summary>
    public static IReadOnlyList<string> Words(string name, CultureInfo? culture = null) =>
        Get(name, culture).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
