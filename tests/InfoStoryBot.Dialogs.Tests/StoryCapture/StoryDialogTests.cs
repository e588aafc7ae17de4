using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.PersonalData;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Dialogs.StoryCapture;
using InfoStoryBot.Testing;

namespace InfoStoryBot.Dialogs.Tests.StoryCapture;

public sealed class StoryDialogTests
{
    private const string WhatHappened = GuidedStory.WhatHappened;
    private const string Partners = GuidedStory.Partners;
    private const string Shared = GuidedStory.Shared;
    private const string Difference = GuidedStory.Difference;

    private static StoryTranscript GuidedUpToPillars() =>
        new StoryTranscript()
            .Send("share a story").AssertReply("one at a time").AssertReply("What happened?").AssertReply("Question 1 of 12")
            .Send(WhatHappened).AssertReply("Who was involved?")
            .Send(Partners).AssertReply("What information was shared")
            .Send(Shared).AssertReply("What difference did it make")
            .Send(Difference).AssertReply("Which pillars").AssertStep(StoryFields.Pillars);

    [Fact]
    public void Guided_PlainTextAllTheWay_CompletesWithTheStory()
    {
        var t = GuidedUpToPillars()
            .Send("1, 3").AssertReply("Which parts of the partnership")
            .Send("communication and partners").AssertReply("success, or of a barrier")
            .Send("success").AssertReply("How about this one?").AssertReply("A family moved between two council areas and the school's…")
            .Send("keep it").AssertReply("How would you like to be credited")
            .Send("2").AssertReply("What's your role?")
            .Send("Family support worker").AssertReply("which organisation")
            .Send("Northtown Council").AssertReply("May we publish")
            .Send("yes").AssertStep(PreviewStep.StepId).AssertReply("Submit my story").AssertReply("Told by Family support worker, Northtown Council")
            .Send("submit").AssertStatus(DialogStatus.Completed).AssertReply("Thank you for sharing your story");

        var story = t.Result.Content;
        Assert.Equal(WhatHappened, story.WhatHappened);
        Assert.Equal(["Northtown Council", "the police", "a housing charity"], story.WhoWasInvolved);
        Assert.Equal(Shared, story.InformationShared);
        Assert.Equal(Difference, story.DifferenceMade);
        Assert.Equal([Pillar.Culture, Pillar.Technology], story.Pillars);
        Assert.Equal([PartnershipElement.Communication, PartnershipElement.Partners], story.Elements);
        Assert.Equal(StoryKind.Success, story.Kind);
        Assert.Equal("A family moved between two council areas and the school's…", story.Title);
        Assert.Equal(Attribution.RoleOnly, story.Attribution);
        Assert.Equal("Family support worker", story.TellerRole);
        Assert.Equal("Northtown Council", story.TellerOrganisation);
        Assert.Null(story.TellerName);
        Assert.True(story.ConsentToPublish);
        Assert.Equal("id-1", t.Result.StoryId);
        Assert.False(t.Result.IsEdit);
    }

    [Fact]
    public void Guided_CardClicksForChoices_GiveTheSameStory()
    {
        var typed = GuidedUpToPillars().Send("culture and technology").Send("communication, partners").Send("1").Send("keep it").Send("anonymous").Send("no").Send("submit").Result;
        var clicked = GuidedUpToPillars()
            .Answer(StoryFields.Pillars, "culture,technology")
            .Answer(StoryFields.Elements, "communication,partners")
            .Answer(StoryFields.Kind, "success")
            .Answer(StoryFields.Title, TitleStep.KeepAnswer)
            .Answer(StoryFields.Attribution, "anonymous").AssertReply("May we publish").AssertNoReply("What's your role?")
            .Answer(StoryFields.Consent, "no")
            .Click(ActionNames.StorySubmit).AssertStatus(DialogStatus.Completed).AssertReply("won't appear in the storybook").Result;

        Assert.Equal(typed.Content, clicked.Content with { WhoWasInvolved = typed.Content.WhoWasInvolved, Pillars = typed.Content.Pillars, Elements = typed.Content.Elements });
        Assert.Equal(typed.Content.Pillars, clicked.Content.Pillars);
        Assert.Equal(typed.Content.Elements, clicked.Content.Elements);
        Assert.Equal(Attribution.Anonymous, clicked.Content.Attribution);
        Assert.Null(clicked.Content.TellerRole);
        Assert.False(clicked.Content.ConsentToPublish);
    }

    private static (string, string)[] FormFields(string whatHappened = WhatHappened, string pillars = "culture,technology") =>
        GuidedStory.FormAnswers(whatHappened, pillars);

    [Fact]
    public void CardForm_OneSubmit_GivesTheSameStoryAsGuided()
    {
        var guided = GuidedUpToPillars().Send("1, 3").Send("communication and partners").Send("success").Send("keep it")
            .Send("role only").Send("Family support worker").Send("Northtown Council").Send("yes").Send("submit").Result;

        var form = new StoryTranscript()
            .Start(new StoryDialogStart { Mode = StoryEntryMode.Form, TellerName = "Sam Jones" })
            .AssertStep(FormStep.StepId).AssertReply("Preview my story")
            .Click(ActionNames.StoryFormSubmit, FormFields()).AssertStep(PreviewStep.StepId)
            .Click(ActionNames.StorySubmit).AssertStatus(DialogStatus.Completed).Result;

        Assert.Equal(guided.Content.WhoWasInvolved, form.Content.WhoWasInvolved);
        Assert.Equal(guided.Content.Pillars, form.Content.Pillars);
        Assert.Equal(guided.Content.Elements, form.Content.Elements);
        Assert.Equal(guided.Content with { WhoWasInvolved = [], Pillars = [], Elements = [] }, form.Content with { WhoWasInvolved = [], Pillars = [], Elements = [] });
    }

    [Fact]
    public void CardForm_MissingAndInvalidFields_AreReaskedKeepingTheGoodAnswers()
    {
        var t = new StoryTranscript()
            .Start(new StoryDialogStart { Mode = StoryEntryMode.Form })
            .Click(ActionNames.StoryFormSubmit, FormFields(whatHappened: "Too short", pillars: "culture,bananas"))
            .AssertStep(FormStep.StepId)
            .AssertReply("a few answers need another look")
            .AssertReply("What happened: Could you tell me a little more?")
            .AssertReply("Pillars: Sorry, I didn't recognise that")
            .AssertReply(Difference);

        var draft = t.StoryDialogState().Draft;
        Assert.Null(draft.WhatHappened);
        Assert.Null(draft.Pillars);
        Assert.Equal(Difference, draft.DifferenceMade);

        t.Click(ActionNames.StoryFormSubmit, FormFields()).AssertStep(PreviewStep.StepId);
    }

    [Fact]
    public void Cancel_HalfWay_EndsWithoutAResult()
    {
        GuidedUpToPillars()
            .Send("cancel").AssertStatus(DialogStatus.Cancelled).AssertReply("haven't kept anything");

        GuidedUpToPillars()
            .Click(ActionNames.DialogCancel).AssertStatus(DialogStatus.Cancelled);
    }

    [Fact]
    public void Back_ReasksThePreviousQuestionThenCarriesOn()
    {
        var t = GuidedUpToPillars()
            .Send("back").AssertStep(StoryFields.DifferenceMade).AssertReply("Here's what you said").AssertReply(Difference)
            .Send("back").AssertStep(StoryFields.InformationShared)
            .Send("The school rang the new school.").AssertStep(StoryFields.DifferenceMade)
            .Send("It made all the difference to her.").AssertStep(StoryFields.Pillars);

        Assert.Equal("The school rang the new school.", t.StoryDialogState().Draft.InformationShared);
        Assert.Equal("It made all the difference to her.", t.StoryDialogState().Draft.DifferenceMade);

        new StoryTranscript().Send("share a story").Send("back").AssertReply("nowhere to go back to").AssertStep(StoryFields.WhatHappened);
    }

    [Fact]
    public void Restart_ClearsTheAnswersAndAsksTheFirstQuestion()
    {
        var t = GuidedUpToPillars().Send("start again").AssertReply("start again from the top").AssertReply("What happened?").AssertStep(StoryFields.WhatHappened);

        Assert.Null(t.StoryDialogState().Draft.WhatHappened);
        Assert.Empty(t.StoryDialogState().History);
    }

    [Fact]
    public void Help_MidDialog_ExplainsTheQuestionAndAsksItAgain()
    {
        GuidedUpToPillars()
            .Send("help").AssertReply("strong triangle").AssertReply("Which pillars").AssertStep(StoryFields.Pillars)
            .Send("2").AssertStep(StoryFields.Elements);
    }

    [Fact]
    public void Preview_EditAnAnswer_JumpsThereAndComesBackToThePreview()
    {
        var t = GuidedUpToPillars().Send("1").Send("none").Send("barrier").Send("keep it").Send("anonymous").Send("yes")
            .AssertStep(PreviewStep.StepId)
            .Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Title)).AssertStep(StoryFields.Title)
            .Send("Telling it once").AssertStep(PreviewStep.StepId).AssertReply("Telling it once")
            .Send("change how you're credited").AssertStep(StoryFields.Attribution)
            .Send("named").AssertStep(StoryFields.TellerRole)
            .Send("Headteacher").Send("skip").AssertStep(PreviewStep.StepId).AssertReply("Told by Sam Jones, Headteacher")
            .Click(ActionNames.StorySubmit);

        Assert.Equal("Telling it once", t.Result.Content.Title);
        Assert.Equal(Attribution.Named, t.Result.Content.Attribution);
        Assert.Equal("Sam Jones", t.Result.Content.TellerName);
        Assert.Null(t.Result.Content.TellerOrganisation);
        Assert.Empty(t.Result.Content.Elements);
    }

    [Fact]
    public void WrongAnswers_AreReaskedAndAfterThreeAWayOutIsOffered()
    {
        var t = GuidedUpToPillars()
            .Send("bananas").AssertReply("didn't recognise").AssertNoReply("If this one isn't working").AssertStep(StoryFields.Pillars)
            .Send("7").AssertReply("There's no option 7").AssertNoReply("If this one isn't working")
            .Send("more bananas").AssertReply("If this one isn't working").AssertReply("**cancel**").AssertStep(StoryFields.Pillars);
        Assert.Equal(3, t.StoryDialogState().Failures);

        t.Send("culture").AssertStep(StoryFields.Elements);
        Assert.Equal(0, t.StoryDialogState().Failures);

        // Elements may be left out: after three misses the way out is "skip", and skip works.
        t.Send("x").Send("y").Send("z").AssertReply("type **skip** to move on")
            .Send("skip").AssertStep(StoryFields.Kind);
        Assert.Empty(t.StoryDialogState().Draft.Elements!);
    }

    [Fact]
    public void Idle_LongerThanTheTimeout_IsDroppedPolitely()
    {
        GuidedUpToPillars().Wait(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1))
            .Send("culture").AssertStatus(DialogStatus.Expired).AssertReply("It's been a while");

        GuidedUpToPillars().Wait(TimeSpan.FromDays(6))
            .Send("culture").AssertStatus(DialogStatus.Continue).AssertStep(StoryFields.Elements);

        new StoryTranscript(new DialogSettings { IdleTimeout = TimeSpan.FromHours(1) })
            .Send("share a story").Wait(TimeSpan.FromHours(2)).Send(WhatHappened).AssertStatus(DialogStatus.Expired);
    }

    [Fact]
    public void State_RoundTripsThroughJsonMidDialog()
    {
        var t = GuidedUpToPillars().Send("1, 2").RoundTripState()
            .Send("creativity").RoundTripState()
            .Send("back").RoundTripState().AssertStep(StoryFields.Elements)
            .Send("environment").Send("barrier").Send("keep it").RoundTripState().Send("anonymous").Send("yes").RoundTripState()
            .Send("submit");

        Assert.Equal([Pillar.Culture, Pillar.InformationGovernance], t.Result.Content.Pillars);
        Assert.Equal([PartnershipElement.Environment], t.Result.Content.Elements);
        Assert.True(StoryDialog.OwnsState(new StoryTranscript().Start().State!.Value));
    }

    [Fact]
    public void PersonalData_InTheStory_IsShownInAWarningAndEditGoesBackToThatAnswer()
    {
        var t = new StoryTranscript().Send("share a story")
            .Send("Mrs Smith, born 12/03/1985, NHS number 943 476 5919, was moved and her file followed her.")
            .Send(Partners).Send(Shared).Send(Difference).Send("1").Send("none").Send("success").Send("Her file followed her")
            .Send("anonymous").Send("yes")
            .AssertStep(PersonalDataStep.StepId)
            .AssertReply("A person's name: ").AssertReply("Mrs Smith")
            .AssertReply("NHS number: ").AssertReply("943 476 5919")
            .AssertReply("Date that could be a date of birth: ").AssertReply("12/03/1985")
            .AssertReply("(in What happened)")
            .Click(ActionNames.PersonalDataEdit, (ActionKeys.Field, StoryFields.WhatHappened))
            .AssertStep(StoryFields.WhatHappened).AssertReply("take out anything that could identify").AssertReply("943 476 5919")
            .Answer(StoryFields.WhatHappened, "A woman was moved between areas and her file followed her, so nobody asked her again.")
            .AssertStep(PreviewStep.StepId);

        Assert.Empty(t.StoryDialogState().Draft.NotPersonalData);
    }

    [Fact]
    public void PersonalData_ConfirmedNotPersonal_IsRecordedInTheResult()
    {
        var t = new StoryTranscript().Send("share a story")
            .Send("The duty desk on 0161 496 0000 took the call and passed it on the same day.")
            .Send(Partners).Send(Shared).Send(Difference).Send("1").Send("none").Send("success").Send("keep it").Send("anonymous").Send("yes")
            .AssertStep(PersonalDataStep.StepId).AssertReply("Phone number: ")
            .Click(ActionNames.PersonalDataConfirm).AssertStep(PreviewStep.StepId)
            .Send("submit");

        // The suggested title is the first sentence, so the number is in the title too.
        Assert.Equal(
            [new(PersonalDataKind.PhoneNumber, "0161 496 0000", StoryFields.WhatHappened), new(PersonalDataKind.PhoneNumber, "0161 496 0000", StoryFields.Title)],
            t.Result.NotPersonalData);
    }

    [Fact]
    public void StaleCardClick_FromAnEarlierQuestion_IsExplainedNotApplied()
    {
        var t = GuidedUpToPillars().Send("1")
            .Answer(StoryFields.Pillars, "technology").AssertReply("belongs to an earlier question").AssertStep(StoryFields.Elements);

        Assert.Equal([Pillar.Culture], t.StoryDialogState().Draft.Pillars);
    }

    [Fact]
    public void SwitchToForm_MidGuided_KeepsTheAnswersOnTheCard()
    {
        GuidedUpToPillars().Send("form").AssertStep(FormStep.StepId).AssertReply(WhatHappened).AssertReply(Difference)
            .Click(ActionNames.StoryUseGuided).AssertStep(StoryFields.Pillars);
    }

    [Fact]
    public void NudgeSource_FromTheStartButton_IsCarriedToTheResult()
    {
        var submit = new CardSubmit(ActionNames.StoryStart, new Dictionary<string, string> { ["deliveryId"] = "d-42", ["variant"] = "social-norm" });
        var start = StoryDialog.StartFrom(submit, "Sam Jones");

        var t = new StoryTranscript().Start(start with { Mode = StoryEntryMode.Form })
            .Click(ActionNames.StoryFormSubmit, FormFields()).Click(ActionNames.StorySubmit);

        Assert.Equal(new StorySource("d-42", "social-norm"), t.Result.Source);
    }

    [Fact]
    public void EditExistingStory_StartsAtThePreviewAndKeepsItsId()
    {
        var existing = new StoryContent
        {
            Title = "Telling it once", WhatHappened = WhatHappened, WhoWasInvolved = ["Northtown Council"], InformationShared = Shared,
            DifferenceMade = Difference, Pillars = [Pillar.Culture], Kind = StoryKind.Barrier, Attribution = Attribution.Anonymous, ConsentToPublish = true,
        };

        var t = new StoryTranscript().Start(new StoryDialogStart { Existing = existing, StoryId = "s-7" })
            .AssertStep(PreviewStep.StepId).AssertReply("Telling it once")
            .Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Kind)).Send("success").AssertStep(PreviewStep.StepId)
            .Click(ActionNames.StorySubmit);

        Assert.True(t.Result.IsEdit);
        Assert.Equal("s-7", t.Result.StoryId);
        Assert.Equal(existing with { Kind = StoryKind.Success }, t.Result.Content with { WhoWasInvolved = existing.WhoWasInvolved, Pillars = existing.Pillars, Elements = existing.Elements });
    }

    [Theory]
    [InlineData("share a story")]
    [InlineData("Tell a story")]
    [InlineData("#infostory")]
    [InlineData("  Share a story! ")]
    public void StartCommand_CampaignPhrases_AreRecognised(string text) => Assert.True(StoryDialog.IsStartCommand(text, StoryTranscript.EnGb));

    [Theory]
    [InlineData("hello")]
    [InlineData("")]
    [InlineData(null)]
    public void StartCommand_OtherText_IsNot(string? text) => Assert.False(StoryDialog.IsStartCommand(text, StoryTranscript.EnGb));

    [Fact]
    public void Elements_NoneOfTheseButton_LeavesThemOut()
    {
        var t = GuidedUpToPillars().Send("1").AssertReply("None of these")
            .Answer(StoryFields.Elements, ChoiceStep<PartnershipElement>.NoneAnswer).AssertStep(StoryFields.Kind);

        Assert.Empty(t.StoryDialogState().Draft.Elements!);
    }

    [Theory]
    [InlineData("""{"dialog":"story","step":"noSuchStep","draft":{}}""")]
    [InlineData("""{"dialog":"admin","step":"whatHappened","draft":{}}""")]
    [InlineData("""{"dialog":"story","step":"whatHappened","draft":{"pillars":"not a list"}}""")]
    [InlineData("""[1, 2, 3]""")]
    public void UnreadableState_EndsPolitelyInsteadOfFailing(string json)
    {
        using var doc = System.Text.Json.JsonDocument.Parse(json);

        var result = StoryDialog.Continue(doc.RootElement, new DialogTurn { Text = "hello", Now = DateTimeOffset.UnixEpoch });

        Assert.Equal(DialogStatus.Expired, result.Status);
        Assert.Null(result.State);
        Assert.Contains("lost track", result.Messages.Single().Text, StringComparison.Ordinal);
    }
}
