using System.Globalization;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.PersonalData;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Moderation;

/// <summary>Something in a waiting story that looks like personal data, and whether its teller said it is not.</summary>
public sealed record ModerationWarning(PersonalDataKind Kind, string Found, string Field, bool TellerSaidNotPersonal)
{
    /// <summary>No text: it is story text.</summary>
    public override string ToString() => $"ModerationWarning {Kind} in {Field}";
}

/// <summary>
/// The personal-data warnings the campaign team sees before deciding: the story is scanned again as it is now (the
/// scanner may have learnt more since it was told), and each finding is marked with whether the teller, when warned,
/// said it is not personal data.
/// </summary>
public static class ModerationWarnings
{
    public static IReadOnlyList<ModerationWarning> For(Story story)
    {
        ArgumentNullException.ThrowIfNull(story);
        var content = story.Content;
        var answers = new (string Field, string? Text)[]
        {
            (StoryFields.Title, content.Title),
            (StoryFields.WhatHappened, content.WhatHappened),
            (StoryFields.WhoWasInvolved, string.Join(", ", content.WhoWasInvolved)),
            (StoryFields.InformationShared, content.InformationShared),
            (StoryFields.DifferenceMade, content.DifferenceMade),
            (StoryFields.TellerRole, content.TellerRole),
            (StoryFields.TellerOrganisation, content.TellerOrganisation),
        };

        return answers
            .SelectMany(a => PersonalDataScanner.Scan(a.Text).Select(f => (a.Field, Finding: f)))
            .Select(x => new ModerationWarning(
                x.Finding.Kind,
                x.Finding.Text,
                x.Field,
                story.NotPersonalData.Any(n => n.Kind == x.Finding.Kind && n.Field == x.Field && string.Equals(n.Text, x.Finding.Text, StringComparison.Ordinal))))
            .Distinct()
            .ToList();
    }

    /// <summary>The warnings worded for the moderation cards.</summary>
    public static IReadOnlyList<ModerationWarningView> Views(Story story, CultureInfo culture)
    {
        var text = new DialogText(culture);
        return For(story).Select(w => new ModerationWarningView(text["PersonalData_" + w.Kind], w.Found, FieldLabel(w.Field, text), w.TellerSaidNotPersonal)).ToList();
    }

    private static string FieldLabel(string field, DialogText text) => field switch
    {
        StoryFields.Title => text["Field_Title"],
        StoryFields.WhatHappened => text["Field_WhatHappened"],
        StoryFields.WhoWasInvolved => text["Field_WhoWasInvolved"],
        StoryFields.InformationShared => text["Field_InformationShared"],
        StoryFields.DifferenceMade => text["Field_DifferenceMade"],
        StoryFields.TellerRole => text["Moderation_Field_TellerRole"],
        StoryFields.TellerOrganisation => text["Moderation_Field_TellerOrganisation"],
        _ => field,
    };
}
