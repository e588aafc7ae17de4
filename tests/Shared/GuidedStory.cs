using InfoStoryBot.Cards.StoryCapture;

namespace InfoStoryBot.Testing;

/// <summary>
/// A complete guided story, message by message, as a storyteller types it: shared by the integration tests, the
/// fault suites and the turn benchmark, so a change to the dialog's questions is fixed in one place.
/// </summary>
internal static class GuidedStory
{
    public const string WhatHappened = "A family moved between two council areas and the school's concern went with them. The new team picked it up on day one.";
    public const string Partners = "Northtown Council, the police and a housing charity";
    public const string Shared = "The school's safeguarding lead rang the new school and passed the file on.";
    public const string Difference = "The mum only had to tell her story once.";

    public static IReadOnlyList<string> Messages(string? whatHappened = null) =>
    [
        "share a story",
        whatHappened ?? WhatHappened,
        Partners,
        Shared,
        Difference,
        "1, 3",
        "communication and partners",
        "success",
        "keep it",
        "role only",
        "Family support worker",
        "Northtown Council",
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
