using System.Globalization;
using System.Resources;
using InfoStoryBot.Bot.Resources;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>The wording of what Nudges says (to admins outside a turn, and to people pressing its buttons), from NudgeNotices.resx (en-GB).</summary>
internal static class NudgeNoticeText
{
    private static readonly ResourceManager Resources = new("InfoStoryBot.Bot.Nudges.NudgeNotices", typeof(NudgeNoticeText).Assembly);

    public static string Get(string name, CultureInfo? culture = null) =>
        Resources.GetString(name, culture ?? BotText.DefaultCulture)
        ?? throw new InvalidOperationException($"Nudge notice '{name}' is missing from NudgeNotices.resx.");

    public static string Format(string name, params object[] args) =>
        string.Format(BotText.DefaultCulture, Get(name), args);
}
