using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Moderation;

/// <summary>
/// The queue's "send it back" form as a command: its story (from the button) and the reason typed in that story's
/// box. The result is the same record "stories reject &lt;story&gt; &lt;reason&gt;" gives, so it passes the same gate.
/// </summary>
public static class ModerationForms
{
    public static AdminParse ReadReject(CardSubmit submit, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(submit);
        var text = new DialogText(culture);
        if (submit.Get(ActionKeys.StoryId) is not { } storyId || !StoryIds.IsValid(storyId))
        {
            return new AdminParse.Usage(text["Moderation_FormLost"], AdminCommandNames.StoriesReject);
        }

        var reason = AdminGrammar.Normalise(submit.Get(ModerationFields.Reason(storyId)) ?? "");
        if (reason.Length == 0)
        {
            return new AdminParse.Usage(text["Moderation_ReasonMissing"], AdminCommandNames.StoriesReject);
        }

        return new AdminParse.Parsed(new StoriesReject(new StoryRef.ById(storyId), reason));
    }
}
