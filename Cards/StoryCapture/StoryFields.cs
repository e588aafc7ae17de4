namespace InfoStoryBot.Cards.StoryCapture;

/// <summary>Input ids of the story form, also the field names the preview's Edit and the warning card send back.</summary>
public static class StoryFields
{
    public const string WhatHappened = "whatHappened";
    public const string WhoWasInvolved = "whoWasInvolved";
    public const string InformationShared = "informationShared";
    public const string DifferenceMade = "differenceMade";
    public const string Pillars = "pillars";
    public const string Elements = "elements";
    public const string Kind = "kind";
    public const string Title = "title";
    public const string Attribution = "attribution";
    public const string TellerRole = "tellerRole";
    public const string TellerOrganisation = "tellerOrganisation";
    public const string Consent = "consent";
}

/// <summary>How long each answer may be: enforced by the dialog, and by the inputs' maxLength.</summary>
public static class StoryLimits
{
    public const int WhatHappened = 2000;
    public const int WhoWasInvolved = 400;
    public const int InformationShared = 1200;
    public const int DifferenceMade = 1200;
    public const int Title = 100;
    public const int TellerRole = 80;
    public const int TellerOrganisation = 120;
}

/// <summary>One option of a choice question: the value sent back and the words shown.</summary>
public sealed record ChoiceOption(string Value, string Title);
