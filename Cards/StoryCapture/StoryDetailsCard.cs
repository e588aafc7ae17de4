using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.StoryCapture;

/// <summary>
/// The last guided question: everything after the story itself on one card, already filled in. Values are option
/// wire values; what is selected here is exactly what a press on Yes or No keeps.
/// </summary>
/// <param name="Progress">e.g. "Question 5 of 5".</param>
/// <param name="Errors">Our own messages about what to fix, shown above the inputs.</param>
/// <param name="DialogId">The dialog's instance id, echoed by every button.</param>
public sealed record StoryDetailsView(
    string? Progress,
    IReadOnlyList<ChoiceOption> PillarOptions,
    IReadOnlyList<string> Pillars,
    IReadOnlyList<ChoiceOption> ElementOptions,
    IReadOnlyList<string> Elements,
    IReadOnlyList<ChoiceOption> KindOptions,
    string Kind,
    string? Title,
    IReadOnlyList<ChoiceOption> AttributionOptions,
    string Attribution,
    string? TellerRole = null,
    string? TellerOrganisation = null,
    IReadOnlyList<string>? Errors = null,
    string? DialogId = null);

public static class StoryDetailsCard
{
    /// <summary>The dialog step the card belongs to, sent with its buttons so a press once the dialog moved on is recognised.</summary>
    public const string StepId = "details";

    /// <summary>What the Yes and No buttons send as the answer.</summary>
    public const string PublishAnswer = "yes";
    public const string PrivateAnswer = "no";

    public static AdaptiveCard Build(StoryDetailsView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>();
            if (view.Progress is not null)
            {
                body.Add(Subtle(view.Progress));
            }

            body.Add(new TextBlock(t["Details_Heading"]) { Weight = TextWeight.Bolder, Spacing = view.Progress is null ? null : Spacing.Small });
            body.Add(Subtle(t["Details_Intro"]));
            if (view.Errors is { Count: > 0 } errors)
            {
                body.Add(Warning(t["Form_ErrorsHeading"]));
                body.AddRange(errors.Select(e => new TextBlock("• " + e) { Color = TextColor.Attention, Spacing = Spacing.None }));
            }

            body.Add(Choices(StoryFields.Pillars, t["Question_Pillars"], view.PillarOptions, view.Pillars, multi: true, required: false, t));
            body.Add(Choices(StoryFields.Elements, t["Question_Elements"], view.ElementOptions, view.Elements, multi: true, required: false, t));
            body.Add(Choices(StoryFields.Kind, t["Question_Kind"], view.KindOptions, [view.Kind], multi: false, required: true, t));
            body.Add(new TextInput
            {
                Id = StoryFields.Title,
                Label = t["Details_TitleLabel"],
                Placeholder = t["Placeholder_Title"],
                Value = string.IsNullOrEmpty(view.Title) ? null : UntrustedText.Plain(view.Title, budget.Chars(StoryLimits.Title)),
                MaxLength = StoryLimits.Title,
                IsRequired = true,
                ErrorMessage = t["Form_Required"],
                Spacing = Spacing.Medium,
            });
            body.Add(Choices(StoryFields.Attribution, t["Question_Attribution"], view.AttributionOptions, [view.Attribution], multi: false, required: true, t));
            body.Add(Text(StoryFields.TellerRole, t["Details_TellerRoleLabel"], t["Placeholder_TellerRole"], view.TellerRole, StoryLimits.TellerRole, budget));
            body.Add(Text(StoryFields.TellerOrganisation, t["Details_TellerOrganisationLabel"], t["Placeholder_TellerOrganisation"], view.TellerOrganisation, StoryLimits.TellerOrganisation, budget));
            body.Add(Label(t["Details_ConsentAsk"]));
            body.Add(Subtle(t["Details_ConsentHint"]) with { Spacing = Spacing.None });

            return new AdaptiveCard
            {
                Body = body,
                Actions =
                [
                    CardActions.Submit(t["Action_PublishYes"], ActionNames.StoryDetails, StoryButtons.Payload(view.DialogId, (ActionKeys.Step, StepId), (ActionKeys.Answer, PublishAnswer))) with { Style = ActionStyle.Positive },
                    CardActions.Submit(t["Action_PublishNo"], ActionNames.StoryDetails, StoryButtons.Payload(view.DialogId, (ActionKeys.Step, StepId), (ActionKeys.Answer, PrivateAnswer))),
                    StoryButtons.Back(t, view.DialogId),
                    StoryButtons.Cancel(t, view.DialogId),
                ],
                MsTeams = FullWidth,
                FallbackText = t["Details_Heading"],
            };
        });
    }

    private static TextInput Text(string id, string label, string placeholder, string? value, int maxLength, TextBudget budget) => new()
    {
        Id = id,
        Label = label,
        Placeholder = placeholder,
        Value = string.IsNullOrEmpty(value) ? null : UntrustedText.Plain(value, budget.Chars(maxLength)),
        MaxLength = maxLength,
        Spacing = Spacing.Small,
    };

    private static ChoiceSetInput Choices(string id, string label, IReadOnlyList<ChoiceOption> options, IReadOnlyList<string> selected, bool multi, bool required, CardText t) =>
        new(options.Select(o => new Choice(o.Title, o.Value)).ToList())
        {
            Id = id,
            Label = label,
            Style = ChoiceInputStyle.Expanded,
            IsMultiSelect = multi ? true : null,
            Value = selected.Count == 0 ? null : string.Join(",", selected),
            IsRequired = required ? true : null,
            ErrorMessage = required ? t["Form_RequiredChoice"] : null,
            Wrap = true,
            Spacing = Spacing.Medium,
        };
}
