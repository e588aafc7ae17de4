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

    private static StoryTranscript GuidedUpToDetails() =>
        new StoryTranscript()
            .Send("share a story").AssertReply("five short questions, about two minutes").AssertReply("What happened?").AssertReply("Question 1 of 5")
            .Send(WhatHappened).AssertReply("Who was involved?").AssertReply("Question 2 of 5")
            .Send(Partners).AssertReply("What information was shared").AssertReply("Question 3 of 5")
            .Send(Shared).AssertReply("What difference did it make").AssertReply("Question 4 of 5")
            .Send(Difference).AssertStep(DetailsStep.StepId).AssertReply("Question 5 of 5");

    private static StoryTranscript GuidedUpToPreview() => GuidedUpToDetails().Send("yes").AssertStep(PreviewStep.StepId);

    [Fact]
    public void Guided_ShortPath_FiveQuestionsThenThePreviewThenStored()
    {
        var t = GuidedUpToDetails()
            .Send("yes").AssertStep(PreviewStep.StepId).AssertReply("Submit my story")
            .AssertReply(GuidedStory.SuggestedTitle).AssertReply("credited by your role and organisation").AssertReply("You’ve agreed we may publish it")
            .Send("submit").AssertStatus(DialogStatus.Completed).AssertReply("Thank you for sharing your story");

        var story = t.Result.Content;
        Assert.Equal(WhatHappened, story.WhatHappened);
        Assert.Equal(["Northtown Council", "the police", "a housing charity"], story.WhoWasInvolved);
        Assert.Equal(Shared, story.InformationShared);
        Assert.Equal(Difference, story.DifferenceMade);
        Assert.Equal([Pillar.Culture, Pillar.Technology], story.Pillars);
        Assert.Equal([PartnershipElement.Communication], story.Elements);
        Assert.Equal(StoryKind.Success, story.Kind);
        Assert.Equal(GuidedStory.SuggestedTitle, story.Title);
        Assert.Equal(Attribution.RoleOnly, story.Attribution);
        Assert.Null(story.TellerRole);
        Assert.Null(story.TellerName);
        Assert.True(story.ConsentToPublish);
        Assert.Equal("id-1", t.Result.StoryId);
        Assert.False(t.Result.IsEdit);
    }

    [Fact]
    public void DetailsCard_ShowsEverySuggestionItWillKeep()
    {
        var t = GuidedUpToDetails();

        Assert.Equal(string.Join(",", GuidedStory.SuggestedPillars), t.InputValue(StoryFields.Pillars));
        Assert.Equal(string.Join(",", GuidedStory.SuggestedElements), t.InputValue(StoryFields.Elements));
        Assert.Equal("success", t.InputValue(StoryFields.Kind));
        Assert.Equal(GuidedStory.SuggestedTitle, t.InputValue(StoryFields.Title));
        Assert.Equal("roleOnly", t.InputValue(StoryFields.Attribution));
        Assert.Equal("", t.InputValue(StoryFields.TellerRole));
        t.AssertReply("May we publish it").AssertReply("Yes, publish it").AssertReply("No, keep it private");

        // Pressing Yes with the card as it came keeps exactly what typing "yes" keeps.
        var pressed = GuidedUpToDetails().Press("Yes, publish it").AssertStep(PreviewStep.StepId).Send("submit").Result;
        var typed = GuidedUpToPreview().Send("submit").Result;
        Assert.Equal(typed.Content.Pillars, pressed.Content.Pillars);
        Assert.Equal(typed.Content.Elements, pressed.Content.Elements);
        Assert.Equal(typed.Content with { WhoWasInvolved = [], Pillars = [], Elements = [] }, pressed.Content with { WhoWasInvolved = [], Pillars = [], Elements = [] });
    }

    [Fact]
    public void DetailsCard_ChangedOnTheCard_KeepsTheChangesAndConsent()
    {
        var t = GuidedUpToDetails()
            .Press("No, keep it private",
                (StoryFields.Pillars, "informationGovernance"), (StoryFields.Elements, ""), (StoryFields.Kind, "barrier"),
                (StoryFields.Title, "Told once"), (StoryFields.Attribution, "named"), (StoryFields.TellerRole, "Headteacher"))
            .AssertStep(PreviewStep.StepId).AssertReply("Told by Sam Jones, Headteacher").AssertReply("only the campaign team will read it")
            .Click(ActionNames.StorySubmit).AssertReply("won’t appear in the storybook");

        var story = t.Result.Content;
        Assert.Equal([Pillar.InformationGovernance], story.Pillars);
        Assert.Empty(story.Elements);
        Assert.Equal(StoryKind.Barrier, story.Kind);
        Assert.Equal("Told once", story.Title);
        Assert.Equal(Attribution.Named, story.Attribution);
        Assert.Equal("Sam Jones", story.TellerName);
        Assert.Equal("Headteacher", story.TellerRole);
        Assert.Null(story.TellerOrganisation);
        Assert.False(story.ConsentToPublish);
    }

    [Fact]
    public void DetailsCard_BadValues_AreSentBackWithWhatToFixKeepingTheRest()
    {
        var t = GuidedUpToDetails()
            .Press("Yes, publish it", (StoryFields.Title, "ab"), (StoryFields.Pillars, "culture,bananas"), (StoryFields.Kind, "barrier"))
            .AssertStep(DetailsStep.StepId).AssertReply("need another look").AssertReply("Title: Could you tell me a little more").AssertReply("Pillars: Sorry");

        Assert.Equal("barrier", t.InputValue(StoryFields.Kind));
        Assert.Null(t.StoryDialogState().Draft.Consent);

        t.Press("Yes, publish it", (StoryFields.Title, "Told once"), (StoryFields.Pillars, "culture")).AssertStep(PreviewStep.StepId);
        Assert.Equal(StoryKind.Barrier, t.StoryDialogState().Draft.Kind);
    }

    [Fact]
    public void DetailsCard_EmptyTickBoxesLeftOutByTheClient_MeanNoneNotTheSuggestions()
    {
        var t = GuidedUpToDetails()
            .Click(ActionNames.StoryDetails, (ActionKeys.Step, DetailsStep.StepId), (ActionKeys.Answer, "yes"), (StoryFields.Kind, "success"), (StoryFields.Attribution, "anonymous"))
            .AssertStep(PreviewStep.StepId);

        var draft = t.StoryDialogState().Draft;
        Assert.Empty(draft.Pillars!);
        Assert.Empty(draft.Elements!);
        Assert.Equal(GuidedStory.SuggestedTitle, draft.Title);
        Assert.Equal("", draft.TellerRole);
    }

    [Fact]
    public void PersonalDataWarning_AnythingElseTyped_SaysHowToAnswerAndKeepsTheAnswer()
    {
        var t = new StoryTranscript().Send("share a story").Send("Mr Jones was moved and his file followed him to the new area.")
            .AssertStep(PersonalDataStep.StepId)
            .Send("Northtown Council").AssertStep(PersonalDataStep.StepId).AssertReply("Before we go on").AssertReply("**edit it**")
            .Send("ok").AssertStep(StoryFields.WhoWasInvolved);

        Assert.Equal("Mr Jones was moved and his file followed him to the new area.", t.StoryDialogState().Draft.WhatHappened);
    }

    [Fact]
    public void DetailsCard_TypedSomethingElse_SaysHowToAnswer()
    {
        GuidedUpToDetails().Send("bananas").AssertStep(DetailsStep.StepId).AssertReply("just type **yes** or **no**")
            .Send("no").AssertStep(PreviewStep.StepId).AssertReply("only the campaign team will read it");
    }

    [Fact]
    public void Suggestions_UnclearWords_LeaveTheBoxesEmptyAndStillAccept()
    {
        var t = new StoryTranscript().Send("share a story")
            .Send("Something happened with a family we support and it mattered to them.")
            .Send("The council").Send("Some notes.").Send("It mattered.")
            .AssertStep(DetailsStep.StepId);

        Assert.Equal("", t.InputValue(StoryFields.Pillars));
        Assert.Equal("", t.InputValue(StoryFields.Elements));
        t.Send("yes").Send("submit");
        Assert.Empty(t.Result.Content.Pillars);
        Assert.Empty(t.Result.Content.Elements);
        Assert.Equal("Something happened with a family we support", t.Result.Content.Title);
    }

    [Fact]
    public void Progress_StaysOutOfFive_WhateverTheAnswersAndWhenGoingBack()
    {
        var t = GuidedUpToDetails()
            .Send("back").AssertStep(StoryFields.DifferenceMade).AssertReply("Question 4 of 5")
            .Send(Difference).AssertReply("Question 5 of 5")
            // Anonymous needs no role or organisation: nothing is removed from the count, because nothing was in it.
            .Press("Yes, publish it", (StoryFields.Attribution, "anonymous")).AssertStep(PreviewStep.StepId)
            .Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Kind)).AssertStep(StoryFields.Kind).AssertNoReply("Question")
            .Send("barrier").AssertStep(PreviewStep.StepId)
            // Back from the preview is the last question of the path, still counted the same.
            .Send("back").AssertStep(DetailsStep.StepId).AssertReply("Question 5 of 5");

        Assert.Equal(StoryKind.Barrier, t.StoryDialogState().Draft.Kind);
    }

    [Fact]
    public void CardForm_OneSubmit_GivesTheSameStoryAsGuided()
    {
        var guided = GuidedUpToPreview().Send("submit").Result;

        var form = new StoryTranscript()
            .Start(new StoryDialogStart { Mode = StoryEntryMode.Form, TellerName = "Sam Jones" })
            .AssertStep(FormStep.StepId).AssertReply("Preview my story")
            .Click(ActionNames.StoryFormSubmit, FormFields(elements: "communication", role: "", organisation: "")).AssertStep(PreviewStep.StepId)
            .Click(ActionNames.StorySubmit).AssertStatus(DialogStatus.Completed).Result;

        Assert.Equal(guided.Content.WhoWasInvolved, form.Content.WhoWasInvolved);
        Assert.Equal(guided.Content.Pillars, form.Content.Pillars);
        Assert.Equal(guided.Content.Elements, form.Content.Elements);
        Assert.Equal(guided.Content with { WhoWasInvolved = [], Pillars = [], Elements = [] }, form.Content with { WhoWasInvolved = [], Pillars = [], Elements = [] });
    }

    private static (string, string)[] FormFields(string whatHappened = WhatHappened, string pillars = "culture,technology", string? elements = null, string? role = null, string? organisation = null) =>
        [.. GuidedStory.FormAnswers(whatHappened, pillars).Select(f => f.Key switch
        {
            StoryFields.Elements when elements is not null => (f.Key, elements),
            StoryFields.TellerRole when role is not null => (f.Key, role),
            StoryFields.TellerOrganisation when organisation is not null => (f.Key, organisation),
            _ => f,
        })];

    [Fact]
    public void CardForm_MissingAndInvalidFields_AreReaskedKeepingTheGoodAnswers()
    {
        var t = new StoryTranscript()
            .Start(new StoryDialogStart { Mode = StoryEntryMode.Form })
            .Click(ActionNames.StoryFormSubmit, FormFields(whatHappened: "Too short", pillars: "culture,bananas"))
            .AssertStep(FormStep.StepId)
            .AssertReply("a few answers need another look")
            .AssertReply("What happened: Could you tell me a little more?")
            .AssertReply("Pillars: Sorry, I didn’t recognise that")
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
        GuidedUpToDetails()
            .Send("cancel").AssertStatus(DialogStatus.Cancelled).AssertReply("haven’t kept anything");

        GuidedUpToDetails()
            .Press("Cancel").AssertStatus(DialogStatus.Cancelled);

        // The generic engine name still works, for cards sent before the story's own names.
        GuidedUpToDetails()
            .Click(ActionNames.DialogCancel).AssertStatus(DialogStatus.Cancelled);
    }

    [Fact]
    public void Back_ReasksThePreviousQuestionThenCarriesOn()
    {
        var t = GuidedUpToDetails()
            .Press("Back").AssertStep(StoryFields.DifferenceMade).AssertReply("Here’s what you said").AssertReply(Difference)
            .Send("back").AssertStep(StoryFields.InformationShared)
            .Send("The school rang the new school.").AssertStep(StoryFields.DifferenceMade)
            .Send("It made all the difference to her.").AssertStep(DetailsStep.StepId);

        Assert.Equal("The school rang the new school.", t.StoryDialogState().Draft.InformationShared);
        Assert.Equal("It made all the difference to her.", t.StoryDialogState().Draft.DifferenceMade);

        new StoryTranscript().Send("share a story").Send("back").AssertReply("nowhere to go back to").AssertStep(StoryFields.WhatHappened);
    }

    [Fact]
    public void Restart_ClearsTheAnswersAndAsksTheFirstQuestion()
    {
        var t = GuidedUpToDetails().Send("start again").AssertReply("start again from the top").AssertReply("What happened?").AssertStep(StoryFields.WhatHappened);

        Assert.Null(t.StoryDialogState().Draft.WhatHappened);
        Assert.Empty(t.StoryDialogState().History);
    }

    [Fact]
    public void Help_MidDialog_ExplainsTheQuestionAndAsksItAgain()
    {
        GuidedUpToDetails()
            .Send("help").AssertReply("filled in from what you told me").AssertReply("May we publish it").AssertStep(DetailsStep.StepId)
            .Send("yes").AssertStep(PreviewStep.StepId)
            .Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Pillars))
            .Send("help").AssertReply("strong triangle").AssertStep(StoryFields.Pillars)
            .Send("2").AssertStep(PreviewStep.StepId);
    }

    [Fact]
    public void Preview_EditAnAnswer_JumpsThereAndComesBackToThePreview()
    {
        var t = GuidedUpToPreview()
            .Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Title)).AssertStep(StoryFields.Title)
            .Send("Telling it once").AssertStep(PreviewStep.StepId).AssertReply("Telling it once")
            .Send("change how you’re credited").AssertStep(StoryFields.Attribution)
            .Send("named").AssertStep(PreviewStep.StepId).AssertReply("Told by Sam Jones")
            .Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.TellerRole)).AssertStep(StoryFields.TellerRole)
            .Send("Headteacher").AssertStep(PreviewStep.StepId).AssertReply("Told by Sam Jones, Headteacher")
            .Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Elements))
            .Answer(StoryFields.Elements, ChoiceStep<PartnershipElement>.NoneAnswer).AssertStep(PreviewStep.StepId)
            .Click(ActionNames.StorySubmit);

        Assert.Equal("Telling it once", t.Result.Content.Title);
        Assert.Equal(Attribution.Named, t.Result.Content.Attribution);
        Assert.Equal("Sam Jones", t.Result.Content.TellerName);
        Assert.Equal("Headteacher", t.Result.Content.TellerRole);
        Assert.Null(t.Result.Content.TellerOrganisation);
        Assert.Empty(t.Result.Content.Elements);
    }

    [Fact]
    public void Preview_RoleOnlyWithoutARole_SaysItWillReadAColleague()
    {
        GuidedUpToPreview().AssertReply("haven’t given them yet").AssertReply("Told by a colleague");
        GuidedUpToDetails().Press("Yes, publish it", (StoryFields.TellerRole, "Family support worker"), (StoryFields.TellerOrganisation, "Northtown Council"))
            .AssertNoReply("haven’t given them yet").AssertReply("Told by Family support worker, Northtown Council");
    }

    [Fact]
    public void WrongAnswers_AreReaskedAndAfterThreeAWayOutIsOffered()
    {
        var t = GuidedUpToPreview().Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Kind))
            .Send("bananas").AssertReply("didn’t recognise").AssertNoReply("If this one isn’t working").AssertStep(StoryFields.Kind)
            .Send("7").AssertReply("There’s no option 7").AssertNoReply("If this one isn’t working")
            .Send("more bananas").AssertReply("If this one isn’t working").AssertReply("**cancel**").AssertStep(StoryFields.Kind);
        Assert.Equal(3, t.StoryDialogState().Failures);

        t.Send("barrier").AssertStep(PreviewStep.StepId);
        Assert.Equal(0, t.StoryDialogState().Failures);

        // Elements may be left out: after three misses the way out is "skip", and skip works.
        t.Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Elements))
            .Send("x").Send("y").Send("z").AssertReply("type **skip** to move on")
            .Send("skip").AssertStep(PreviewStep.StepId);
        Assert.Empty(t.StoryDialogState().Draft.Elements!);
    }

    [Fact]
    public void Idle_LongerThanTheTimeout_IsDroppedPolitely()
    {
        GuidedUpToDetails().Wait(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1))
            .Send("yes").AssertStatus(DialogStatus.Expired).AssertReply("It’s been a while");

        GuidedUpToDetails().Wait(TimeSpan.FromDays(6))
            .Send("yes").AssertStatus(DialogStatus.Continue).AssertStep(PreviewStep.StepId);

        new StoryTranscript(new DialogSettings { IdleTimeout = TimeSpan.FromHours(1) })
            .Send("share a story").Wait(TimeSpan.FromHours(2)).Send(WhatHappened).AssertStatus(DialogStatus.Expired);
    }

    [Fact]
    public void State_RoundTripsThroughJsonMidDialog()
    {
        var t = new StoryTranscript().Send("share a story").RoundTripState()
            .Send(WhatHappened).RoundTripState()
            .Send(Partners).Send("back").RoundTripState().AssertStep(StoryFields.WhoWasInvolved)
            .Send(Partners).Send(Shared).Send(Difference).RoundTripState()
            .Press("Yes, publish it", (StoryFields.Pillars, "culture,informationGovernance")).RoundTripState()
            .Send("submit");

        Assert.Equal([Pillar.Culture, Pillar.InformationGovernance], t.Result.Content.Pillars);
        Assert.True(StoryDialog.OwnsState(new StoryTranscript().Start().State!.Value));
    }

    [Fact]
    public void PersonalData_InAnAnswer_IsFlaggedRightAfterItAndEditGoesBackToThatAnswer()
    {
        var t = new StoryTranscript().Send("share a story")
            .Send("Mrs Smith, born 12/03/1985, NHS number 943 476 5919, was moved and her file followed her.")
            .AssertStep(PersonalDataStep.StepId)
            .AssertReply("A person’s name: ").AssertReply("Mrs Smith")
            .AssertReply("NHS number: ").AssertReply("943 476 5919")
            .AssertReply("Date that could be a date of birth: ").AssertReply("12/03/1985")
            .AssertReply("(in What happened)")
            .Press("I’ll edit it")
            .AssertStep(StoryFields.WhatHappened).AssertReply("take out anything that could identify").AssertReply("943 476 5919")
            .Answer(StoryFields.WhatHappened, "A woman was moved between areas and her file followed her, so nobody asked her again.")
            // Back on the path where it was: the next question, not the end.
            .AssertStep(StoryFields.WhoWasInvolved).AssertReply("Question 2 of 5");

        Assert.Empty(t.StoryDialogState().Draft.NotPersonalData);
        t.Send(Partners).AssertStep(StoryFields.InformationShared);
    }

    [Fact]
    public void PersonalData_ConfirmedNotPersonal_IsShownAgainAtThePreviewAndRecorded()
    {
        var t = new StoryTranscript().Send("share a story").Send(WhatHappened).Send(Partners)
            .Send("The duty desk on 0161 496 0000 took the call and passed it on the same day.")
            .AssertStep(PersonalDataStep.StepId).AssertReply("Phone number: ").AssertReply("(in What was shared)")
            .Press("It’s not personal data").AssertStep(StoryFields.DifferenceMade).AssertReply("Question 4 of 5")
            .Send(Difference).AssertStep(DetailsStep.StepId)
            .Send("yes").AssertStep(PreviewStep.StepId)
            .AssertReply("You told me these aren’t personal data").AssertReply("0161 496 0000")
            .Send("submit");

        Assert.Equal([new(PersonalDataKind.PhoneNumber, "0161 496 0000", StoryFields.InformationShared)], t.Result.NotPersonalData);
    }

    [Fact]
    public void PersonalData_InATitleTypedOnTheCard_IsFlaggedBeforeThePreview()
    {
        GuidedUpToDetails()
            .Press("Yes, publish it", (StoryFields.Title, "Mr Jones moved house"))
            .AssertStep(PersonalDataStep.StepId).AssertReply("Mr Jones").AssertReply("(in Title)")
            .Press("I’ll edit it").AssertStep(StoryFields.Title)
            .Send("Moving house").AssertStep(PreviewStep.StepId);
    }

    [Fact]
    public void PersonalData_InTheStory_NeverReachesTheSuggestedTitle()
    {
        var t = new StoryTranscript().Send("share a story")
            .Send("Mrs Patel rang the duty desk on 0161 496 0000. The duty team shared her file with the GP the same day.")
            .AssertStep(PersonalDataStep.StepId).Press("It’s not personal data")
            .Send(Partners).Send(Shared).Send(Difference).AssertStep(DetailsStep.StepId);

        Assert.Equal("The duty team shared her file with the GP the same day", t.InputValue(StoryFields.Title));
    }

    [Fact]
    public void StaleCardClick_FromAnEarlierQuestion_IsExplainedNotApplied()
    {
        var t = GuidedUpToDetails()
            .Answer(StoryFields.WhatHappened, "Something quite different happened.").AssertReply("belongs to an earlier question").AssertStep(DetailsStep.StepId);

        Assert.Equal(WhatHappened, t.StoryDialogState().Draft.WhatHappened);
    }

    [Fact]
    public void OldCard_FromACancelledStory_DoesNotActOnTheNewOne()
    {
        var first = GuidedUpToDetails();
        var oldCard = first.LastCard("Yes, publish it");
        var t = first.Send("cancel").AssertStatus(DialogStatus.Cancelled)
            .Send("share a story").AssertStep(StoryFields.WhatHappened);
        var instance = t.StoryDialogState().Instance;
        Assert.NotEqual("", instance);

        t.PressOn(oldCard, "Yes, publish it").AssertReply("a story you started earlier").AssertReply("What happened?").AssertStep(StoryFields.WhatHappened);
        t.PressOn(oldCard, "Cancel").AssertStatus(DialogStatus.Continue).AssertStep(StoryFields.WhatHappened);

        Assert.Null(t.StoryDialogState().Draft.Consent);
        Assert.Equal(instance, t.StoryDialogState().Instance);
    }

    [Fact]
    public void EveryButton_OnEveryStoryCard_CarriesTheStorysOwnActionAndItsInstance()
    {
        var t = GuidedUpToDetails();
        var instance = t.StoryDialogState().Instance;
        var cards = new[] { t.LastCard(), t.Send("yes").LastCard(), t.Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Kind)).LastCard() };

        foreach (var card in cards)
        {
            foreach (var title in CardPress.Titles(card))
            {
                var value = CardPress.Value(card, title);
                Assert.StartsWith("story.", value["action"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Equal(instance, value[ActionKeys.Dialog]!.GetValue<string>());
            }
        }
    }

    [Fact]
    public void ChoiceLabels_AreNotNumbered_SoNeitherClientShowsThemAsLists()
    {
        var t = GuidedUpToPreview().Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Pillars));
        var card = t.LastCard().GetRawText();

        Assert.Contains("\"title\":\"Culture\"", card, StringComparison.Ordinal);
        Assert.DoesNotMatch("\"title\":\"\\d+[.)]", card);
        t.Send("1, 3").AssertStep(PreviewStep.StepId);
        Assert.Equal([Pillar.Culture, Pillar.Technology], t.StoryDialogState().Draft.Pillars);
    }

    [Fact]
    public void SwitchToForm_MidGuided_KeepsTheAnswersOnTheCard()
    {
        GuidedUpToDetails().Send("form").AssertStep(FormStep.StepId).AssertReply(WhatHappened).AssertReply(Difference)
            .Click(ActionNames.StoryUseGuided).AssertStep(DetailsStep.StepId);
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
    public void SourceOf_AStoryStartedFromANudge_IsItsDeliveryAndVariantUntilItEnds()
    {
        var submit = new CardSubmit(ActionNames.NudgeShare, new Dictionary<string, string> { ["deliveryId"] = "d-42", ["variant"] = "B" });
        var started = StoryDialog.Start(StoryDialog.StartFrom(submit, "Sam Jones"), new DialogTurn { Now = DateTimeOffset.UnixEpoch, Culture = StoryTranscript.EnGb, NewId = "0000000000aa-00000001" });
        var plain = StoryDialog.Start(new StoryDialogStart(), new DialogTurn { Now = DateTimeOffset.UnixEpoch, Culture = StoryTranscript.EnGb, NewId = "0000000000aa-00000002" });

        Assert.Equal(new StorySource("d-42", "B"), StoryDialog.SourceOf(started.State!.Value));
        Assert.Null(StoryDialog.SourceOf(plain.State!.Value));
        Assert.Null(StoryDialog.SourceOf(System.Text.Json.JsonDocument.Parse("""{"dialog":"other","draft":{"source":{"deliveryId":"d-42"}}}""").RootElement));
        Assert.Null(StoryDialog.SourceOf(System.Text.Json.JsonDocument.Parse("[]").RootElement));
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

    [Fact]
    public void StateFromBeforeInstanceIds_StillContinuesAndAcceptsItsCards()
    {
        using var doc = System.Text.Json.JsonDocument.Parse("""{"dialog":"story","step":"whatHappened","draft":{"mode":"guided","storyId":"s-1"},"lastActivityAt":"1970-01-01T00:00:00+00:00"}""");

        Assert.Equal("", StoryDialog.InstanceOf(doc.RootElement));
        var result = StoryDialog.Continue(doc.RootElement, new DialogTurn { Text = WhatHappened, Now = DateTimeOffset.UnixEpoch });

        Assert.Equal(DialogStatus.Continue, result.Status);
        Assert.Contains("Who was involved?", result.Messages.Single().Text, StringComparison.Ordinal);
    }
}
