using System.Net;
using System.Text.RegularExpressions;

namespace InfoStoryBot.Bot.Protocol;

/// <summary>
/// The words a person typed, without the bot's own @mention. In channels Teams only delivers messages
/// that mention the bot, so "@InfoStoryBot help" must read as "help".
/// </summary>
public static partial class MentionText
{
    public static string Clean(Activity activity)
    {
        var text = activity.Text ?? "";
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!string.Equals(entity.Type, "mention", StringComparison.OrdinalIgnoreCase)
                || entity.Mentioned?.Id is null
                || !string.Equals(entity.Mentioned.Id, botId, StringComparison.Ordinal))
            {
                continue;
            }

            // Teams puts the exact mention markup in the entity; older clients leave it out.
            var markup = entity.Text ?? (entity.Mentioned.Name is { } name ? $"<at>{name}</at>" : null);
            if (!string.IsNullOrEmpty(markup))
            {
                text = Regex.Replace(text, Regex.Escape(markup), " ", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
            }
        }

        text = WebUtility.HtmlDecode(text).Replace('\u00a0', ' ');
        return Whitespace().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Whitespace();
}
