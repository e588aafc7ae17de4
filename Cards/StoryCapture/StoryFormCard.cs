using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.StoryCapture;

/// <summary>What the form shows already filled in (a draft, or the answers of a rejected submit).</summary>
public sealed record StoryFormValues
{
    public string? WhatHappened { get; init; }
    public string? WhoWasInvolved { get; init; }
    public string? InformationShared { get; init; }
    public string? DifferenceMade { get; init; }

    /// <summary>Selected option values.</summary>
    public IReadOnlyList<string> Pillars { get; init; } = [];
    public IReadOnlyList<string> Elements { get; init; } = [];
    public string? Kind { get; init; }
    public string? Title { get; init; }
    public string? Attribution { get; init; }
    public string? TellerRole { get; init; }
    public string? TellerOrganisation { get; init; }
    public bool Consent { get; init; }
}

/// <param name="Errors">Our own messages about what to fix, shown above the form.</param>
public sealed record StoryFormView(
    StoryFormValues Values,
    IReadOnlyList<ChoiceOption> PillarOptions,
    IReadOnlyList<ChoiceOption> ElementOptions,
    IReadOnlyList<ChoiceOption> KindOptions,
    IReadOnlyList<ChoiceOption> AttributionOptions,
    IReadOnlyList<string>? Errors = null,
    string? DialogId = null);

public static class StoryFormCard
{
    public static AdaptiveCard Build(StoryFormView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        var v = view.Values;
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                Heading(t["Form_Heading"]),
                Para(t["Form_Intro"]),
            };

            if (view.Errors is { Count: > 0 } errors)
            {
                body.Add(Warning(t["Form_ErrorsHeading"]));
                body.AddRange(errors.Select(e => new TextBlock("• " + e) { Color = TextColor.Attention, Spacing = Spacing.None }));
            }

            body.Add(Text(StoryFields.WhatHappened, t["Question_WhatHappened"], t["Placeholder_WhatHappened"], v.WhatHappened, StoryLimits.WhatHappened, multiline: true, required: true, t, budget));
            body.Add(Text(StoryFields.WhoWasInvolved, t["Question_WhoWasInvolved"], t["Placeholder_WhoWasInvolved"], v.WhoWasInvolved, StoryLimits.WhoWasInvolved, multiline: false, required: true, t, budget));
            body.Add(Text(StoryFields.InformationShared, t["Question_InformationShared"], t["Placeholder_InformationShared"], v.InformationShared, StoryLimits.InformationShared, multiline: true, required: true, t, budget));
            body.Add(Text(StoryFields.DifferenceMade, t["Question_DifferenceMade"], t["Placeholder_DifferenceMade"], v.DifferenceMade, StoryLimits.DifferenceMade, multiline: true, required: true, t, budget));
            body.Add(Choices(StoryFields.Pillars, t["Question_Pillars"], view.PillarOptions, v.Pillars, multi: true, required: true, t));
            body.Add(Choices(StoryFields.Elements, t["Question_Elements"], view.ElementOptions, v.Elements, multi: true, required: false, t));
            body.Add(Choices(StoryFields.Kind, t["Question_Kind"], view.KindOptions, v.Kind is null ? [] : [v.Kind], multi: false, required: true, t));
            body.Add(Text(StoryFields.Title, t["Question_TitleForm"], t["Placeholder_Title"], v.Title, StoryLimits.Title, multiline: false, required: false, t, budget));
            body.Add(Choices(StoryFields.Attribution, t["Question_Attribution"], view.AttributionOptions, v.Attribution is null ? [] : [v.Attribution], multi: false, required: true, t));
            body.Add(Text(StoryFields.TellerRole, t["Question_TellerRoleForm"], t["Placeholder_TellerRole"], v.TellerRole, StoryLimits.TellerRole, multiline: false, required: false, t, budget));
            body.Add(Text(StoryFields.TellerOrganisation, t["Question_TellerOrganisationForm"], t["Placeholder_TellerOrganisation"], v.TellerOrganisation, StoryLimits.TellerOrganisation, multiline: false, required: false, t, budget));
            body.Add(new ToggleInput(t["Question_ConsentToggle"])
            {
                Id = StoryFields.Consent,
                Label = t["Question_ConsentLabel"],
                Value = v.Consent ? "true" : "false",
                Wrap = true,
                Spacing = Spacing.Medium,
            });

            return new AdaptiveCard
            {
                Body = body,
                Actions =
                [
                    CardActions.Submit(t["Action_PreviewStory"], ActionNames.StoryFormSubmit, StoryButtons.Payload(view.DialogId)) with { Style = ActionStyle.Positive },
                    CardActions.SubmitWithoutInputs(t["Action_OneAtATime"], ActionNames.StoryUseGuided, StoryButtons.Payload(view.DialogId)),
                    StoryButtons.Cancel(t, view.DialogId),
                ],
                MsTeams = FullWidth,
                FallbackText = t["Form_Heading"],
            };
        });
    }

    private static TextInput Text(string id, string label, string placeholder, string? value, int maxLength, bool multiline, bool required, CardText t, TextBudget budget) =>
        new()
        {
            Id = id,
            Label = label,
            Placeholder = placeholder,
            // The user's own words going back into their own input: whole unless the card would be too big.
            Value = string.IsNullOrEmpty(value) ? null : UntrustedText.Plain(value, budget.Chars(maxLength)),
            MaxLength = maxLength,
            IsMultiline = multiline ? true : null,
            IsRequired = required ? true : null,
            ErrorMessage = required ? t["Form_Required"] : null,
            Spacing = Spacing.Medium,
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
