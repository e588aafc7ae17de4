using System.Globalization;
using InfoStoryBot.Cards.Text;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Moderation;

/// <summary>Who made a decision and when, as the admin who arrived second is told it.</summary>
/// <param name="Name">The other admin's name (untrusted), or null when the bot does not know it.</param>
/// <param name="IsYou">The admin reading is the one who decided.</param>
/// <param name="AtLocal">When, in the reader's time zone.</param>
/// <param name="NowLocal">Now, in the same zone.</param>
public sealed record DecidedBy(string? Name, bool IsYou, DateTime AtLocal, DateTime NowLocal);

/// <summary>
/// What the admin is told about a decision: markdown for a chat reply, or plain for a card's notice. Titles and names
/// are the users' words, so they are escaped for markdown (or left plain for a card, which shows them as plain runs).
/// </summary>
public static class ModerationText
{
    private const int TitleLimit = 100;
    private const int NameLimit = 60;

    /// <summary>Within this, a decision is "a moment ago".</summary>
    public static TimeSpan Recent { get; } = TimeSpan.FromMinutes(2);

    public static string Done(ModerationAction action, Story decided, CultureInfo culture, bool markdown = true)
    {
        var text = new DialogText(culture);
        var key = action switch
        {
            ModerationAction.Approve => decided.Content.ConsentToPublish ? "Moderation_Approved" : "Moderation_ApprovedPrivate",
            ModerationAction.Reject => "Moderation_Rejected",
            ModerationAction.Feature => "Moderation_Featured",
            _ => "Moderation_Unfeatured",
        };
        return text.Format(key, Title(decided, markdown));
    }

    /// <summary>Why nothing changed, saying who did what (when the story was decided by someone, or by the admin themselves, before).</summary>
    public static string Refused(ModerationRefusal reason, Story current, DecidedBy? by, CultureInfo culture, bool markdown = true)
    {
        var text = new DialogText(culture);
        var title = Title(current, markdown);
        var who = Who(by, text, markdown);
        var when = When(by, text);
        return reason switch
        {
            ModerationRefusal.AlreadyApproved => text.Format(current.Featured ? "Moderation_AlreadyFeaturedBy" : "Moderation_AlreadyApprovedBy", who, title, when),
            ModerationRefusal.AlreadyRejected => text.Format("Moderation_AlreadyRejectedBy", who, title, when),
            ModerationRefusal.AlreadyFeatured => text.Format("Moderation_AlreadyFeaturedBy", who, title, when),
            ModerationRefusal.NotFeatured => text.Format("Moderation_NotFeatured", title),
            ModerationRefusal.NoConsent => text.Format("Moderation_NoConsent", title),
            _ => text.Format("Moderation_NotWaiting", title),
        };
    }

    /// <summary>Lost the race to another change: say what it was, from the story as it is now.</summary>
    public static string Overtaken(ModerationAction action, Story current, DecidedBy? by, CultureInfo culture, bool markdown = true)
    {
        var text = new DialogText(culture);
        return current.Status switch
        {
            StoryStatus.Approved when action == ModerationAction.Unfeature && !current.Featured =>
                text.Format("Moderation_AlreadyUnfeaturedBy", Who(by, text, markdown), Title(current, markdown), When(by, text)),
            StoryStatus.Approved => Refused(current.Featured && action != ModerationAction.Approve ? ModerationRefusal.AlreadyFeatured : ModerationRefusal.AlreadyApproved, current, by, culture, markdown),
            StoryStatus.Rejected => Refused(ModerationRefusal.AlreadyRejected, current, by, culture, markdown),
            _ => text.Format("Moderation_ChangedByTeller", Title(current, markdown)),
        };
    }

    public static string Gone(CultureInfo culture) => new DialogText(culture)["Moderation_Gone"];

    /// <summary>"stories approve 7" with nothing listed, or fewer than seven.</summary>
    public static string NoSuchNumber(int number, int listed, CultureInfo culture)
    {
        var text = new DialogText(culture);
        return listed == 0 ? text["Moderation_ListFirst"] : text.Format("Moderation_NoSuchNumber", number, listed);
    }

    public static string Unreachable(string? tellerName, CultureInfo culture)
    {
        var text = new DialogText(culture);
        return tellerName is { Length: > 0 } name
            ? text.Format("Moderation_TellerUnreachable", UntrustedText.Markdown(name, NameLimit))
            : text["Moderation_TellerUnreachableNoName"];
    }

    private static string Title(Story story, bool markdown)
    {
        var title = string.IsNullOrWhiteSpace(story.Content.Title) ? story.Id : story.Content.Title;
        return markdown ? UntrustedText.Markdown(title, TitleLimit) : UntrustedText.Plain(title, TitleLimit);
    }

    private static string Who(DecidedBy? by, DialogText text, bool markdown) => by switch
    {
        { IsYou: true } => text["Moderation_You"],
        { Name: { Length: > 0 } name } => markdown ? UntrustedText.Markdown(name, NameLimit) : UntrustedText.Plain(name, NameLimit),
        _ => text["Moderation_AnotherAdmin"],
    };

    private static string When(DecidedBy? by, DialogText text)
    {
        if (by is null)
        {
            return text["Moderation_Earlier"];
        }

        if (by.NowLocal - by.AtLocal < Recent)
        {
            return text["Moderation_AMomentAgo"];
        }

        var time = by.AtLocal.ToString("HH:mm", text.Culture);
        return by.AtLocal.Date == by.NowLocal.Date
            ? text.Format("Moderation_TodayAt", time)
            : text.Format("Moderation_OnDayAt", by.AtLocal.ToString("d MMMM yyyy", text.Culture), time);
    }
}
