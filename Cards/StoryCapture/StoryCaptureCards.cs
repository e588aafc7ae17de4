using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.StoryCapture;

/// <param name="EditTargets">The answers that can be edited: field id (see <see cref="StoryFields"/>) and its label.</param>
/// <param name="CreditLabel">How the teller will be credited, in words (e.g. "Credited by your role and organisation only").</param>
/// <param name="StoryId">A new story's id, sent with Submit so a second press once it is stored can say so.</param>
/// <param name="NotPersonalData">What the teller said is not personal data, shown once more before they send it.</param>
public sealed record StoryPreviewView(
    StoryDisplay Story,
    IReadOnlyList<ChoiceOption> EditTargets,
    string ConsentLabel,
    string? CreditLabel = null,
    string? StoryId = null,
    IReadOnlyList<PersonalDataItem>? NotPersonalData = null,
    string? DialogId = null);

/// <param name="KindLabel">What was found, worded for the culture, e.g. "NHS number".</param>
/// <param name="Found">The text that matched (the storyteller's own words).</param>
public sealed record PersonalDataItem(string KindLabel, string Found, string Field, string FieldLabel);

public sealed record PersonalDataWarningView(IReadOnlyList<PersonalDataItem> Items, string? DialogId = null);

/// <param name="AlreadyIn">True when the card's story is stored: pressing its buttons again changes nothing.</param>
public sealed record OldStoryCardView(bool AlreadyIn);

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
            if (view.CreditLabel is not null)
            {
                body.Add(Subtle(view.CreditLabel) with { Spacing = Spacing.Medium });
            }

            body.Add(Subtle(view.ConsentLabel) with { Spacing = view.CreditLabel is null ? Spacing.Medium : Spacing.None });
            if (view.NotPersonalData is { Count: > 0 } confirmed)
            {
                body.Add(Subtle(t["Preview_NotPersonalData"]) with { Spacing = Spacing.Medium });
                foreach (var item in confirmed.Take(PersonalDataWarningCard.MaxItems))
                {
                    body.Add(PersonalDataWarningCard.Line(item, t, budget) with { Spacing = Spacing.None });
                }
            }

            var submit = view.StoryId is null ? StoryButtons.Payload(view.DialogId) : StoryButtons.Payload(view.DialogId, (ActionKeys.StoryId, view.StoryId));

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
                Actions = [CardActions.Submit(t["Action_EditThis"], ActionNames.StoryEdit, submit)],
            };

            return new AdaptiveCard
            {
                Body = body,
                Actions =
                [
                    CardActions.Submit(t["Action_SubmitStory"], ActionNames.StorySubmit, submit) with { Style = ActionStyle.Positive },
                    new ShowCardAction(edit) { Title = t["Action_EditAnswer"] },
                    StoryButtons.Cancel(t, view.DialogId),
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
                body.Add(Line(item, t, budget));
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
                actions.Add(CardActions.Submit(title, ActionNames.PersonalDataEdit, StoryButtons.Payload(view.DialogId, (ActionKeys.Field, field.Field))));
            }

            actions.Add(CardActions.Submit(t["Action_NotPersonalData"], ActionNames.PersonalDataConfirm, StoryButtons.Payload(view.DialogId)));
            return new AdaptiveCard { Body = body, Actions = actions, FallbackText = t["PersonalData_Heading"] };
        });
    }

    /// <summary>"NHS number: 943 476 5919 (in What happened)", the found text as the teller typed it, never as markdown.</summary>
    internal static RichTextBlock Line(PersonalDataItem item, CardText t, TextBudget budget) =>
        new(
        [
            new TextRun(item.KindLabel + ": ") { Weight = TextWeight.Bolder },
            UntrustedText.Run(item.Found, budget.Chars(FoundLimit)),
            new TextRun(" " + t.Format("PersonalData_InField", item.FieldLabel)) { IsSubtle = true },
        ])
        {
            Spacing = Spacing.Small,
        };
}

/// <summary>
/// The one-line answer to a press on a story card whose story is no longer open: already stored (then nothing
/// happens twice), or cancelled, finished or set aside (then an offer to start again).
/// </summary>
public static class OldStoryCard
{
    public static AdaptiveCard Build(OldStoryCardView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return new AdaptiveCard
        {
            Body = [Para(t[view.AlreadyIn ? "OldStory_AlreadyIn" : "OldStory_Ended"])],
            Actions = view.AlreadyIn
                ?
                [
                    CardActions.Submit(t["Action_MyStories"], ActionNames.MyStories),
                    CardActions.Submit(t["Action_ShareAnother"], ActionNames.StoryStart),
                ]
                :
                [
                    CardActions.Submit(t["Action_StartAgain"], ActionNames.StoryStart) with { Style = ActionStyle.Positive },
                    CardActions.Submit(t["Action_MyStories"], ActionNames.MyStories),
                ],
            FallbackText = t[view.AlreadyIn ? "OldStory_AlreadyIn" : "OldStory_Ended"],
        };
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
