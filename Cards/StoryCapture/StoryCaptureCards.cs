using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.StoryCapture;

/// <param name="EditTargets">The answers that can be edited: field id (see <see cref="StoryFields"/>) and its label.</param>
public sealed record StoryPreviewView(StoryDisplay Story, IReadOnlyList<ChoiceOption> EditTargets, string ConsentLabel);

/// <param name="KindLabel">What was found, worded for the culture, e.g. "NHS number".</param>
/// <param name="Found">The text that matched (the storyteller's own words).</param>
public sealed record PersonalDataItem(string KindLabel, string Found, string Field, string FieldLabel);

public sealed record PersonalDataWarningView(IReadOnlyList<PersonalDataItem> Items);

public sealed record ThankYouView(string Title, bool ConsentToPublish);

public static class StoryPreviewCard
{
    public static AdaptiveCard Build(StoryPreviewView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Subtle(t["Preview_Intro"]) };
            body.AddRange(StoryBody.Render(view.Story, t, budget));
            body.Add(Subtle(view.ConsentLabel) with { Spacing = Spacing.Medium });

            var edit = new AdaptiveCard
            {
                Body =
                [
                    new ChoiceSetInput(view.EditTargets.Select(e => new Choice(e.Title, e.Value)).ToList())
                    {
                        Id = ActionKeys.Field,
                        Label = t["Preview_EditLabel"],
                        Style = ChoiceInputStyle.Compact,
                        Value = view.EditTargets.Count > 0 ? view.EditTargets[0].Value : null,
                        IsRequired = true,
                        ErrorMessage = t["Form_RequiredChoice"],
                    },
                ],
                Actions = [CardActions.Submit(t["Action_EditThis"], ActionNames.StoryEdit)],
            };

            return new AdaptiveCard
            {
                Body = body,
                Actions =
                [
                    CardActions.Submit(t["Action_SubmitStory"], ActionNames.StorySubmit) with { Style = ActionStyle.Positive },
                    new ShowCardAction(edit) { Title = t["Action_EditAnswer"] },
                    CardActions.SubmitWithoutInputs(t["Action_Cancel"], ActionNames.DialogCancel),
                ],
                MsTeams = FullWidth,
                FallbackText = t["Preview_Intro"],
            };
        });
    }
}

public static class PersonalDataWarningCard
{
    public const int MaxItems = 20;
    private const int FoundLimit = 80;

    public static AdaptiveCard Build(PersonalDataWarningView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                Heading(t["PersonalData_Heading"]),
                Para(t["PersonalData_Intro"]),
            };

            foreach (var item in view.Items.Take(MaxItems))
            {
                body.Add(new RichTextBlock(
                [
                    new TextRun(item.KindLabel + ": ") { Weight = TextWeight.Bolder },
                    UntrustedText.Run(item.Found, budget.Chars(FoundLimit)),
                    new TextRun(" " + t.Format("PersonalData_InField", item.FieldLabel)) { IsSubtle = true },
                ])
                {
                    Spacing = Spacing.Small,
                });
            }

            if (view.Items.Count > MaxItems)
            {
                body.Add(Subtle(t.Format("PersonalData_More", view.Items.Count - MaxItems)));
            }

            body.Add(Para(t["PersonalData_Ask"]) with { Spacing = Spacing.Medium });

            var actions = new List<CardAction>();
            var fields = view.Items.DistinctBy(i => i.Field).ToList();
            foreach (var field in fields.Take(3))
            {
                var title = fields.Count == 1 ? t["Action_EditIt"] : t.Format("Action_EditField", field.FieldLabel);
                actions.Add(CardActions.Submit(title, ActionNames.PersonalDataEdit, (ActionKeys.Field, field.Field)));
            }

            actions.Add(CardActions.Submit(t["Action_NotPersonalData"], ActionNames.PersonalDataConfirm));
            return new AdaptiveCard { Body = body, Actions = actions, FallbackText = t["PersonalData_Heading"] };
        });
    }
}

public static class ThankYouCard
{
    private const int TitleLimit = 120;

    public static AdaptiveCard Build(ThankYouView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget => new AdaptiveCard
        {
            Body =
            [
                Heading(t["ThankYou_Heading"]),
                new RichTextBlock([UntrustedText.Run(string.IsNullOrWhiteSpace(view.Title) ? t["Story_Untitled"] : view.Title, budget.Chars(TitleLimit)) with { Weight = TextWeight.Bolder }]),
                Label(t["ThankYou_NextHeading"]),
                Para(view.ConsentToPublish ? t["ThankYou_NextPublish"] : t["ThankYou_NextPrivate"]),
                Para(t["ThankYou_Withdraw"]),
            ],
            Actions =
            [
                CardActions.Submit(t["Action_MyStories"], ActionNames.MyStories),
                CardActions.Submit(t["Action_Storybook"], ActionNames.StorybookBrowse),
                CardActions.Submit(t["Action_ShareAnother"], ActionNames.StoryStart),
            ],
            FallbackText = t["ThankYou_Heading"],
        });
    }
}
