using InfoStoryBot.Cards.StoryCapture;

namespace InfoStoryBot.Testing;

/// <summary>
/// A complete guided story, message by message, as a storyteller types it on the short path (five questions, the
/// details card's suggestions accepted by typing "yes"): shared by the story tests, the fault suites, the turn
/// benchmark and the story-path benchmark, so a change to the dialog's questions is fixed in one place.
/// </summary>
internal static class GuidedStory
{
    public const string WhatHappened = "A family moved between two council areas and the school's concern went with them. The new team trusted the school's judgement and picked it up on day one.";
    public const string Partners = "Northtown Council, the police and a housing charity";
    public const string Shared = "The school's safeguarding lead rang the new school and sent the file through the secure email system.";
    public const string Difference = "The mum only had to tell her story once.";

    /// <summary>What the details card suggests for this story, and so what "yes" keeps.</summary>
    public const string SuggestedTitle = "A family moved between two council areas";

    public static IReadOnlyList<string> SuggestedPillars { get; } = ["culture", "technology"];

    public static IReadOnlyList<string> SuggestedElements { get; } = ["communication"];

    public static IReadOnlyList<string> Messages(string? whatHappened = null) =>
    [
        "share a story",
        whatHappened ?? WhatHappened,
        Partners,
        Shared,
        Difference,
        "yes",
        "submit",
    ];

    /// <summary>The same story as the one-card form submits it: each input's id and value.</summary>
    public static (string Key, string Value)[] FormAnswers(string whatHappened = WhatHappened, string pillars = "culture,technology") =>
    [
        (StoryFields.WhatHappened, whatHappened),
        (StoryFields.WhoWasInvolved, Partners),
        (StoryFields.InformationShared, Shared),
        (StoryFields.DifferenceMade, Difference),
        (StoryFields.Pillars, pillars),
        (StoryFields.Elements, "communication,partners"),
        (StoryFields.Kind, "success"),
        (StoryFields.Title, ""),
        (StoryFields.Attribution, "roleOnly"),
        (StoryFields.TellerRole, "Family support worker"),
        (StoryFields.TellerOrganisation, "Northtown Council"),
        (StoryFields.Consent, "true"),
    ];

    /// <summary>What the bot says once the story is stored.</summary>
    public const string Stored = "Thank you for sharing your story";
}
