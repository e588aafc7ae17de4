using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.StoryCapture;

/// <summary>The campaign's vocabulary as choice options, with their wire values and wording.</summary>
public static class StoryOptions
{
    public static IReadOnlyList<PromptOption<Pillar>> Pillars { get; } =
    [
        new(Pillar.Culture, "culture", "Pillar_Culture"),
        new(Pillar.InformationGovernance, "informationGovernance", "Pillar_InformationGovernance"),
        new(Pillar.Technology, "technology", "Pillar_Technology"),
    ];

    public static IReadOnlyList<PromptOption<PartnershipElement>> Elements { get; } =
    [
        new(PartnershipElement.Communication, "communication", "Element_Communication"),
        new(PartnershipElement.SharedLanguage, "sharedLanguage", "Element_SharedLanguage"),
        new(PartnershipElement.Partners, "partners", "Element_Partners"),
        new(PartnershipElement.DecisionMakingAndProblemSolving, "decisionMaking", "Element_DecisionMaking"),
        new(PartnershipElement.Creativity, "creativity", "Element_Creativity"),
        new(PartnershipElement.Environment, "environment", "Element_Environment"),
    ];

    public static IReadOnlyList<PromptOption<StoryKind>> Kinds { get; } =
    [
        new(StoryKind.Success, "success", "Kind_Success"),
        new(StoryKind.Barrier, "barrier", "Kind_Barrier"),
    ];

    public static IReadOnlyList<PromptOption<Attribution>> Attributions { get; } =
    [
        new(Attribution.Named, "named", "Attribution_Named"),
        new(Attribution.RoleOnly, "roleOnly", "Attribution_RoleOnly"),
        new(Attribution.Anonymous, "anonymous", "Attribution_Anonymous"),
    ];

    // The labels are not numbered: Teams shows a choice's title as plain text, Web Chat as markdown, where "2. Culture"
    // becomes a one-item list shown as "1.". The tick boxes carry the choice; typed numbers still count from the top.
    public static IReadOnlyList<ChoiceOption> ToChoices<T>(IReadOnlyList<PromptOption<T>> options, DialogText text) =>
        options.Select(o => new ChoiceOption(o.Wire, text[o.LabelKey])).ToList();

    public static IReadOnlyList<string> Wires<T>(IReadOnlyList<PromptOption<T>> options, IEnumerable<T> values) =>
        values.Select(v => Wire(options, v)).ToList();

    public static string Label<T>(IReadOnlyList<PromptOption<T>> options, T value, DialogText text) =>
        text[options.First(o => EqualityComparer<T>.Default.Equals(o.Value, value)).LabelKey];

    public static string Wire<T>(IReadOnlyList<PromptOption<T>> options, T value) =>
        options.First(o => EqualityComparer<T>.Default.Equals(o.Value, value)).Wire;
}
