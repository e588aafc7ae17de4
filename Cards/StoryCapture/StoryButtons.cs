using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;

namespace InfoStoryBot.Cards.StoryCapture;

/// <summary>
/// The buttons every story card shares. Each carries the dialog's instance id, so a press on the card of a story
/// that was cancelled, finished or replaced is recognised for what it is instead of acting on the story now open.
/// </summary>
internal static class StoryButtons
{
    public static (string Key, string Value)[] Payload(string? dialogId, params (string Key, string Value)[] payload) =>
        string.IsNullOrEmpty(dialogId) ? payload : [.. payload, (ActionKeys.Dialog, dialogId)];

    public static SubmitAction Back(CardText t, string? dialogId) =>
        CardActions.SubmitWithoutInputs(t["Action_Back"], ActionNames.StoryBack, Payload(dialogId));

    public static SubmitAction Cancel(CardText t, string? dialogId) =>
        CardActions.SubmitWithoutInputs(t["Action_Cancel"], ActionNames.StoryCancel, Payload(dialogId));
}
