using System.Globalization;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.StoryCapture;

/// <summary>
/// Turns stories into the cards' view records, worded for a culture. Bot uses it for the storybook and
/// My stories; the story dialog uses it for the preview.
/// </summary>
public static class StoryViews
{
    public static StoryDisplay Display(StoryContent story, CultureInfo culture)
    {
        var text = new DialogText(culture);
        return new StoryDisplay
        {
            Title = story.Title,
            WhatHappened = story.WhatHappened,
            WhoWasInvolved = story.WhoWasInvolved,
            InformationShared = story.InformationShared,
            DifferenceMade = story.DifferenceMade,
            PillarLabels = story.Pillars.Select(p => StoryOptions.Label(StoryOptions.Pillars, p, text)).ToList(),
            ElementLabels = story.Elements.Select(e => StoryOptions.Label(StoryOptions.Elements, e, text)).ToList(),
            KindLabel = text[story.Kind == StoryKind.Success ? "KindLabel_Success" : "KindLabel_Barrier"],
            Tone = story.Kind == StoryKind.Success ? StoryTone.Success : StoryTone.Barrier,
            Byline = Byline(story),
        };
    }

    public static Byline Byline(StoryContent story) => story.Attribution switch
    {
        Attribution.Named => new Byline(BylineKind.Named, story.TellerName, story.TellerRole, story.TellerOrganisation),
        Attribution.RoleOnly => new Byline(BylineKind.RoleOnly, null, story.TellerRole, story.TellerOrganisation),
        _ => new Byline(BylineKind.Anonymous),
    };

    public static StorySummary Summary(string storyId, StoryContent story, CultureInfo culture)
    {
        var display = Display(story, culture);
        return new StorySummary(storyId, story.Title, story.WhatHappened, display.KindLabel, display.Tone, display.Byline, display.PillarLabels);
    }

    public static string StatusLabel(StoryStatus status, CultureInfo culture) => new DialogText(culture)["Status_" + status];

    public static IReadOnlyList<ChoiceOption> PillarOptions(CultureInfo culture) => StoryOptions.ToChoices(StoryOptions.Pillars, new DialogText(culture));

    public static IReadOnlyList<ChoiceOption> ElementOptions(CultureInfo culture) => StoryOptions.ToChoices(StoryOptions.Elements, new DialogText(culture));

    /// <summary>The wire value of a pillar, as used by the storybook filter (and back with <see cref="TryParsePillar"/>).</summary>
    public static string WireValue(Pillar pillar) => StoryOptions.Wire(StoryOptions.Pillars, pillar);

    public static string WireValue(PartnershipElement element) => StoryOptions.Wire(StoryOptions.Elements, element);

    public static bool TryParsePillar(string? wire, out Pillar pillar) => TryParse(StoryOptions.Pillars, wire, out pillar);

    public static bool TryParseElement(string? wire, out PartnershipElement element) => TryParse(StoryOptions.Elements, wire, out element);

    private static bool TryParse<T>(IReadOnlyList<PromptOption<T>> options, string? wire, out T value)
    {
        var option = options.FirstOrDefault(o => o.Wire == wire);
        value = option is null ? default! : option.Value;
        return option is not null;
    }
}
