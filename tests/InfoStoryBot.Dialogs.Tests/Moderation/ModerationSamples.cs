using System.Globalization;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.PersonalData;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Tests.Moderation;

internal static class ModerationSamples
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static readonly DateTimeOffset Told = new(2027, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Now = new(2027, 3, 3, 10, 0, 0, TimeSpan.Zero);

    public const string Sam = "2b8f1c9a-3d4e-4f5a-8b6c-7d8e9f0a1b2c";

    public const string Alex = "9c8b7a6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d";

    public static Story Waiting(bool consent = true, string whatHappened = "The school rang the new team and the family only told it once.") => new()
    {
        Id = "018f2a3b4c5d-0a1b2c3d",
        Status = StoryStatus.Submitted,
        Content = new StoryContent
        {
            Title = "Telling it once",
            WhatHappened = whatHappened,
            WhoWasInvolved = ["Northtown Council", "the police"],
            InformationShared = "A safeguarding concern.",
            DifferenceMade = "She only had to tell her story once.",
            Pillars = [Pillar.Culture],
            ConsentToPublish = consent,
        },
        Teller = new StoryTeller("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", "29:priya", "Priya Shah"),
        CreatedAt = Told,
        UpdatedAt = Told,
        SubmittedAt = Told,
    };

    public static PersonalDataNote Note(PersonalDataKind kind, string text, string field = StoryFields.WhatHappened) => new(kind, text, field);
}
