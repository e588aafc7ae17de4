using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;

namespace InfoStoryBot.Cards.Campaigns;

/// <summary>
/// Campaign buttons are Action.Execute, so the card a press answers with replaces the pressed one (Teams updates it
/// in place), except Report, which posts the report as a new card. Commands travel as <c>admin.run</c> text and are
/// authorised again, for the person pressing, on the server.
/// </summary>
internal static class CampaignButtons
{
    public static CardAction Action(CampaignButton button, CardText t)
    {
        var title = t["Action_Campaign" + button.Kind];
        if (button.Kind == CampaignButtonKind.Report)
        {
            // Submit, not Execute: the report arrives as a new card and the campaign's card stays where it is.
            return CardActions.SubmitWithoutInputs(title, ActionNames.AdminRun, (ActionKeys.Command, button.Command ?? ""));
        }

        var action = button.Kind switch
        {
            CampaignButtonKind.Edit => CardActions.Execute(title, ActionNames.CampaignForm, (ActionKeys.Campaign, button.CampaignId ?? "")),
            CampaignButtonKind.New => CardActions.Execute(title, ActionNames.CampaignForm),
            _ => CardActions.Execute(title, ActionNames.AdminRun, (ActionKeys.Command, button.Command ?? "")),
        };
        return action with
        {
            AssociatedInputs = AssociatedInputs.None,
            Style = button.Kind switch
            {
                CampaignButtonKind.Start or CampaignButtonKind.Resume => ActionStyle.Positive,
                CampaignButtonKind.End => ActionStyle.Destructive,
                _ => null,
            },
        };
    }

    /// <summary>A label in bold and a value shown exactly as written (names and goals come from people).</summary>
    public static RichTextBlock Line(string label, string value, int maxChars) =>
        new([new TextRun(label + ": ") { Weight = TextWeight.Bolder }, UntrustedText.Run(value, maxChars)]) { Spacing = Spacing.Small };
}
