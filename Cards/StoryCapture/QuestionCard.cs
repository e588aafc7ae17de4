using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.StoryCapture;

/// <summary>The input a guided question offers on its card (the same question also works by typing).</summary>
public abstract record QuestionInput;

/// <param name="Required">False when choosing nothing is a fair answer (then offer a "None of these" button too).</param>
public sealed record ChoiceQuestionInput(IReadOnlyList<ChoiceOption> Options, bool MultiSelect, IReadOnlyList<string>? Selected = null, bool Required = true) : QuestionInput;

public sealed record TextQuestionInput(int MaxLength, bool Multiline, string? Placeholder = null, string? Value = null) : QuestionInput;

/// <summary>A button that answers the question by itself, e.g. "Keep it" or "Yes".</summary>
public sealed record AnswerButton(string Title, string Answer);

/// <param name="StepId">Sent back with the answer so that a click on an old card is recognised as such.</param>
/// <param name="Question">Our own wording (markdown allowed).</param>
/// <param name="Quote">User text to show with the question, e.g. the suggested title (untrusted).</param>
/// <param name="Progress">e.g. "Question 3 of 5".</param>
/// <param name="DialogId">The dialog's instance id, echoed by every button (see <see cref="StoryButtons"/>).</param>
public sealed record QuestionView(
    string StepId,
    string Question,
    string? Hint = null,
    string? Quote = null,
    QuestionInput? Input = null,
    IReadOnlyList<AnswerButton>? Buttons = null,
    string? Progress = null,
    bool CanGoBack = true,
    string? DialogId = null);

public static class QuestionCard
{
    private const int QuoteLimit = 300;

    public static AdaptiveCard Build(QuestionView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>();
            if (view.Progress is not null)
            {
                body.Add(Subtle(view.Progress));
            }

            body.Add(new TextBlock(view.Question) { Weight = TextWeight.Bolder, Spacing = view.Progress is null ? null : Spacing.Small });
            if (view.Hint is not null)
            {
                body.Add(Subtle(view.Hint));
            }

            if (!string.IsNullOrWhiteSpace(view.Quote))
            {
                body.Add(new Container([new RichTextBlock([UntrustedText.Run(view.Quote, budget.Chars(QuoteLimit)) with { Italic = true }])])
                {
                    Style = ContainerStyle.Emphasis,
                });
            }

            switch (view.Input)
            {
                case ChoiceQuestionInput choice:
                    body.Add(new ChoiceSetInput(choice.Options.Select(o => new Choice(o.Title, o.Value)).ToList())
                    {
                        Id = ActionKeys.Answer,
                        Label = t["Question_ChooseLabel"],
                        Style = ChoiceInputStyle.Expanded,
                        IsMultiSelect = choice.MultiSelect ? true : null,
                        Value = choice.Selected is { Count: > 0 } s ? string.Join(",", s) : null,
                        IsRequired = choice.Required ? true : null,
                        ErrorMessage = choice.Required ? t["Form_RequiredChoice"] : null,
                        Wrap = true,
                    });
                    break;
                case TextQuestionInput text:
                    body.Add(new TextInput
                    {
                        Id = ActionKeys.Answer,
                        Label = t["Question_AnswerLabel"],
                        IsMultiline = text.Multiline ? true : null,
                        MaxLength = text.MaxLength,
                        Placeholder = text.Placeholder,
                        Value = string.IsNullOrEmpty(text.Value) ? null : UntrustedText.Plain(text.Value, budget.Chars(text.MaxLength)),
                    });
                    break;
            }

            var actions = new List<CardAction>();
            foreach (var button in view.Buttons ?? [])
            {
                actions.Add(CardActions.SubmitWithoutInputs(button.Title, ActionNames.StoryAnswer,
                    StoryButtons.Payload(view.DialogId, (ActionKeys.Step, view.StepId), (ActionKeys.Answer, button.Answer))));
            }

            if (view.Input is not null)
            {
                actions.Insert(view.Input is TextQuestionInput ? actions.Count : 0,
                    CardActions.Submit(t["Action_Next"], ActionNames.StoryAnswer, StoryButtons.Payload(view.DialogId, (ActionKeys.Step, view.StepId))) with { Style = ActionStyle.Positive });
            }

            if (view.CanGoBack)
            {
                actions.Add(StoryButtons.Back(t, view.DialogId));
            }

            actions.Add(StoryButtons.Cancel(t, view.DialogId));
            return new AdaptiveCard { Body = body, Actions = actions, FallbackText = view.Question };
        });
    }
}
