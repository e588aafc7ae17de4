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
        // Most messages have nothing to collapse, and the regex would copy them anyway (every single space matches).
        return (HasWhitespaceToCollapse(text) ? Whitespace().Replace(text, " ") : text).Trim();
    }

    /// <summary>Whitespace other than a lone space; char.IsWhiteSpace is the same set as the regex's \s.</summary>
    private static bool HasWhitespaceToCollapse(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || (i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 100)]
    private static partial Regex Whitespace();
}
