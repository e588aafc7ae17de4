using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Moderation;
using InfoStoryBot.Dialogs.PersonalData;
using static InfoStoryBot.Dialogs.Tests.Moderation.ModerationSamples;

namespace InfoStoryBot.Dialogs.Tests.Moderation;

public sealed class ModerationWarningsTests
{
    [Fact]
    public void For_CleanStory_HasNoWarnings()
    {
        Assert.Empty(ModerationWarnings.For(Waiting()));
    }

    [Fact]
    public void For_FindingTheTellerConfirmed_IsMarkedAsSuch()
    {
        var story = Waiting(whatHappened: "Her NHS number 943 476 5919 was shared between the GP and the school.")
            with { NotPersonalData = [Note(PersonalDataKind.NhsNumber, "943 476 5919")] };

        var warning = Assert.Single(ModerationWarnings.For(story));

        Assert.Equal(new ModerationWarning(PersonalDataKind.NhsNumber, "943 476 5919", StoryFields.WhatHappened, TellerSaidNotPersonal: true), warning);
    }

    [Fact]
    public void For_FindingTheTellerWasNotAskedAbout_IsMarkedNotAsked()
    {
        // Told before the scanner knew this shape, or stored without the teller's answer: the team must see it anyway.
        var story = Waiting(whatHappened: "Call 07700 900123 for the family support worker.");

        var warning = Assert.Single(ModerationWarnings.For(story));

        Assert.Equal(PersonalDataKind.PhoneNumber, warning.Kind);
        Assert.False(warning.TellerSaidNotPersonal);
    }

    [Fact]
    public void For_ConfirmationForAnotherAnswer_DoesNotCoverThisOne()
    {
        var story = Waiting(whatHappened: "Call 07700 900123 for help.")
            with { NotPersonalData = [Note(PersonalDataKind.PhoneNumber, "07700 900123", StoryFields.DifferenceMade)] };

        Assert.False(Assert.Single(ModerationWarnings.For(story)).TellerSaidNotPersonal);
    }

    [Fact]
    public void Views_WordTheKindAndTheAnswer()
    {
        var story = Waiting() with { Content = Waiting().Content with { TellerRole = "Call me on 07700 900123" } };

        var view = Assert.Single(ModerationWarnings.Views(story, EnGb));

        Assert.Equal("Phone number", view.KindLabel);
        Assert.Equal("The teller’s role", view.FieldLabel);
        Assert.Equal("07700 900123", view.Found);
    }
}
