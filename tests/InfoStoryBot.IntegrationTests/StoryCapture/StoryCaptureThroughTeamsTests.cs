using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.StoryCapture;

/// <summary>A storyteller tells, reviews, edits and withdraws stories, through Teams-shaped traffic to the real app.</summary>
public sealed class StoryCaptureThroughTeamsTests : IAsyncLifetime
{
    private const string WhatHappened = GuidedStory.WhatHappened;
    private const string Partners = GuidedStory.Partners;
    private const string Shared = GuidedStory.Shared;
    private const string Difference = GuidedStory.Difference;

    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsHarness.StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private IStoryStore Stories => _teams.Service<IStoryStore>();

    [Fact]
    public async Task Guided_AStoryToldOneQuestionAtATime_IsStoredAsSubmitted()
    {
        var chat = new ChatSession(_teams);

        Assert.Contains("What happened?", await chat.Say("share a story"), StringComparison.Ordinal);
        Assert.Contains("Who was involved?", await chat.Say(WhatHappened), StringComparison.Ordinal);
        await TellTheRestGuided(chat);
        Assert.Contains("Thank you for sharing your story", await chat.Say("submit"), StringComparison.Ordinal);

        var story = Assert.Single(await MyStoredStories());
        Assert.Equal(StoryStatus.Submitted, story.Status);
        Assert.Equal(WhatHappened, story.Content.WhatHappened);
        Assert.Equal([Pillar.Culture, Pillar.Technology], story.Content.Pillars);
        Assert.Equal([PartnershipElement.Communication], story.Content.Elements);
        Assert.Equal(GuidedStory.SuggestedTitle, story.Content.Title);
        Assert.Equal(Attribution.RoleOnly, story.Content.Attribution);
        Assert.True(story.Content.ConsentToPublish);
        Assert.Equal(SimulatedUser.Priya.AadObjectId, story.Teller.AadObjectId);
    }

    [Fact]
    public async Task ShortPath_DefaultsAccepted_IsAtMostSevenTurnsTypedOrPressed()
    {
        // Typed all the way (the shared script), and with the card buttons a Teams user would press.
        Assert.True(GuidedStory.Messages().Count <= 7, $"the typed path is {GuidedStory.Messages().Count} turns");
        var typed = new ChatSession(_teams, SimulatedUser.Create(71));
        foreach (var message in GuidedStory.Messages())
        {
            await typed.Say(message);
        }

        Assert.Contains(GuidedStory.Stored, typed.LastAnswer, StringComparison.Ordinal);

        var pressed = new ChatSession(_teams, SimulatedUser.Create(72));
        var turns = 0;
        foreach (var message in GuidedStory.Messages().Take(5))
        {
            await pressed.Say(message);
            turns++;
        }

        Assert.Contains("Question 5 of 5", pressed.LastAnswer, StringComparison.Ordinal);
        await pressed.Press("Yes, publish it");
        Assert.Contains(ActionNames.StorySubmit, pressed.LastButtons());
        turns++;
        Assert.Contains(GuidedStory.Stored, await pressed.Press("Submit my story"), StringComparison.Ordinal);
        turns++;
        Assert.True(turns <= 7, $"the button path is {turns} turns");

        var typedStory = Assert.Single(await MyStoredStories(SimulatedUser.Create(71)));
        var pressedStory = Assert.Single(await MyStoredStories(SimulatedUser.Create(72)));
        Assert.Equal(typedStory.Content, pressedStory.Content with { WhoWasInvolved = typedStory.Content.WhoWasInvolved, Pillars = typedStory.Content.Pillars, Elements = typedStory.Content.Elements });
        Assert.Equal(typedStory.Content.Pillars, pressedStory.Content.Pillars);
        Assert.Equal(typedStory.Content.Elements, pressedStory.Content.Elements);
    }

    [Fact]
    public async Task CardForm_OneSubmit_StoresTheSameStory()
    {
        var chat = new ChatSession(_teams);

        await chat.Click(ActionNames.StoryStart, (ActionKeys.Mode, "form"));
        Assert.Contains(ActionNames.StoryFormSubmit, chat.LastButtons());
        await chat.Click(ActionNames.StoryFormSubmit, GuidedStory.FormAnswers());
        Assert.Contains(ActionNames.StorySubmit, chat.LastButtons());
        await chat.Click(ActionNames.StorySubmit);

        var story = Assert.Single(await MyStoredStories());
        Assert.Contains("Northtown Council", story.Content.WhoWasInvolved);
        Assert.Equal([PartnershipElement.Communication, PartnershipElement.Partners], story.Content.Elements);
        Assert.Equal("Family support worker", story.Content.TellerRole);
    }

    [Fact]
    public async Task Cancel_HalfWay_KeepsNothing()
    {
        var chat = new ChatSession(_teams);
        await chat.Say("share a story");
        await chat.Say(WhatHappened);

        Assert.Contains("haven’t kept anything", await chat.Say("cancel"), StringComparison.Ordinal);

        Assert.Empty(await MyStoredStories());
        Assert.Contains("How I can help", await chat.Say("help"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppRestartedMidDialog_TheDialogResumesWhereItWas()
    {
        var chat = new ChatSession(_teams);
        var script = GuidedStory.Messages();
        await chat.Say(script[0]);
        await chat.Say(script[1]);

        await _teams.RestartBotAsync();

        Assert.Contains("What information was shared", await chat.Say(script[2]), StringComparison.Ordinal);
        foreach (var message in script.Skip(3))
        {
            await chat.Say(message);
        }

        Assert.Contains(GuidedStory.Stored, chat.LastAnswer, StringComparison.Ordinal);
        Assert.Single(await MyStoredStories());
    }

    [Fact]
    public async Task TwoAnswersOfOneConversationAtOnce_BothAreKeptInOrder()
    {
        var chat = new ChatSession(_teams);
        await chat.Say("share a story");
        var first = _teams.Teams.Activities.PersonalMessage(WhatHappened);
        var second = _teams.Teams.Activities.PersonalMessage(Partners);

        var sending = new[] { _teams.PostAsync(first), _teams.PostAsync(second) };
        foreach (var response in await Task.WhenAll(sending))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        // Whichever arrived first answered question 1; the other answered question 2. No answer was lost.
        var said = await chat.Say(Shared);
        Assert.Contains("What difference did it make", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalDataInAnAnswer_IsFlaggedRightAfterItAndEditingKeepsThePath()
    {
        var chat = new ChatSession(_teams);
        await chat.Say("share a story");

        var warning = await chat.Say("Mrs Smith, born 12/03/1985, NHS number 943 476 5919, was moved and her file followed her.");

        Assert.Contains("943 476 5919", warning, StringComparison.Ordinal);
        Assert.Contains("Mrs Smith", warning, StringComparison.Ordinal);
        Assert.Contains(ActionNames.PersonalDataEdit, chat.LastButtons());
        await chat.Press("I’ll edit it");
        await chat.Press("Next", ("answer", "A woman was moved between areas and her file followed her, so nobody asked her again."));
        Assert.Contains("Who was involved?", chat.LastAnswer, StringComparison.Ordinal);
        Assert.Empty(await MyStoredStories());
    }

    [Fact]
    public async Task SubmitPressedTwice_TheSecondSaysItIsAlreadyInAndStoresNothingMore()
    {
        var chat = new ChatSession(_teams);
        foreach (var message in GuidedStory.Messages().SkipLast(1))
        {
            await chat.Say(message);
        }

        var preview = chat.LastCard();
        Assert.Contains(GuidedStory.Stored, await chat.PressOn(preview, "Submit my story"), StringComparison.Ordinal);

        var again = await chat.PressOn(preview, "Submit my story");
        Assert.Contains("already in", again, StringComparison.Ordinal);
        Assert.DoesNotContain("didn’t follow", again, StringComparison.Ordinal);
        Assert.Equal([ActionNames.MyStories, ActionNames.StoryStart], chat.LastButtons());
        Assert.Contains("already in", await chat.PressOn(preview, "Edit this answer", (ActionKeys.Field, StoryFields.Title)), StringComparison.Ordinal);
        Assert.Single(await MyStoredStories());
    }

    [Fact]
    public async Task CardOfACancelledStory_SaysSoInOneLineAndOffersToStartAgain()
    {
        var chat = new ChatSession(_teams);
        foreach (var message in GuidedStory.Messages().Take(5))
        {
            await chat.Say(message);
        }

        var details = chat.LastCard();
        await chat.Say("cancel");

        foreach (var button in new[] { "Yes, publish it", "Back", "Cancel" })
        {
            var answer = await chat.PressOn(details, button);
            Assert.Contains("finished or was cancelled", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("didn’t follow", answer, StringComparison.Ordinal);
            Assert.DoesNotContain("How I can help", answer, StringComparison.Ordinal);
            Assert.Single(chat.LastMessages);
            Assert.Equal(ActionNames.StoryStart, chat.LastButtons()[0]);
        }

        Assert.Empty(await MyStoredStories());
        Assert.Contains("What happened?", await chat.Press("Start a new story"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CardOfAReplacedStory_IsNotTakenAsAnAnswerToTheNewOne()
    {
        var chat = new ChatSession(_teams);
        foreach (var message in GuidedStory.Messages().Take(5))
        {
            await chat.Say(message);
        }

        var oldDetails = chat.LastCard();
        await chat.Click(ActionNames.StoryStart);
        Assert.Contains("What happened?", chat.LastAnswer, StringComparison.Ordinal);

        var answer = await chat.PressOn(oldDetails, "Yes, publish it");
        Assert.Contains("a story you started earlier", answer, StringComparison.Ordinal);
        Assert.Contains("What happened?", answer, StringComparison.Ordinal);
        await chat.PressOn(oldDetails, "Cancel");
        Assert.Contains("Who was involved?", await chat.Say(WhatHappened), StringComparison.Ordinal);
        Assert.Empty(await MyStoredStories());
    }

    [Fact]
    public async Task MyStories_ShowsTheTimeBesideTheDateInTheTellersOwnTimeZone()
    {
        var at = new DateTimeOffset(2026, 7, 20, 8, 30, 0, TimeSpan.Zero);
        await Seed("Told in the morning", StoryStatus.Submitted, consent: true, at, teller: SimulatedUser.Priya);
        await Seed("Told in the afternoon", StoryStatus.Submitted, consent: true, at.AddHours(6), teller: SimulatedUser.Priya);
        var chat = new ChatSession(_teams);

        // No localTimezone on the activity: Europe/London (British Summer Time in July).
        var message = _teams.Teams.Activities.PersonalMessage("my stories");
        message.Remove("localTimezone");
        var london = await chat.SendAsync(message);
        Assert.Contains("shared 20 July 2026 at 09:30", london, StringComparison.Ordinal);
        Assert.Contains("shared 20 July 2026 at 15:30", london, StringComparison.Ordinal);

        // Teams says where the teller is: their own time.
        var newYork = _teams.Teams.Activities.PersonalMessage("my stories");
        newYork["localTimezone"] = "America/New_York";
        Assert.Contains("shared 20 July 2026 at 04:30", await chat.SendAsync(newYork), StringComparison.Ordinal);

        // Something Teams would never send is ignored, not looked up.
        var odd = _teams.Teams.Activities.PersonalMessage("my stories");
        odd["localTimezone"] = "../../etc/passwd";
        Assert.Contains("shared 20 July 2026 at 09:30", await chat.SendAsync(odd), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditFromMyStories_UpdatesTheStoryAndSendsItBackToModeration()
    {
        var chat = new ChatSession(_teams);
        await TellAStory(chat);
        var stored = Assert.Single(await MyStoredStories());
        var approved = await Stories.GetAsync(stored.Id, CancellationToken.None);
        await Stories.UpdateAsync(approved!.Value with { Status = StoryStatus.Approved, ModeratedAt = DateTimeOffset.UtcNow }, approved.ETag, CancellationToken.None);

        var list = await chat.Say("my stories");
        Assert.Contains(stored.Content.Title, list, StringComparison.Ordinal);
        await chat.Click(ActionNames.StoryEditOwn, (ActionKeys.StoryId, stored.Id));
        Assert.Contains(ActionNames.StorySubmit, chat.LastButtons());
        await chat.Click(ActionNames.StoryEdit, (ActionKeys.Field, StoryFields.Title));
        await chat.Say("Telling it once");
        await chat.Click(ActionNames.StorySubmit);

        var edited = await Stories.GetAsync(stored.Id, CancellationToken.None);
        Assert.Equal("Telling it once", edited!.Value.Content.Title);
        Assert.Equal(StoryStatus.Submitted, edited.Value.Status);
    }

    [Fact]
    public async Task Withdraw_AfterConfirming_LeavesNothingOfTheStoryInStorage()
    {
        var chat = new ChatSession(_teams);
        await TellAStory(chat);
        var stored = Assert.Single(await MyStoredStories());

        await chat.Click(ActionNames.StoryWithdraw, (ActionKeys.StoryId, stored.Id));
        Assert.Contains(ActionNames.StoryWithdrawConfirm, chat.LastButtons());
        Assert.Contains("withdrawn and deleted", await chat.Click(ActionNames.StoryWithdrawConfirm, (ActionKeys.StoryId, stored.Id)), StringComparison.Ordinal);

        Assert.Null(await Stories.GetAsync(stored.Id, CancellationToken.None));
        var leftovers = Directory.EnumerateFiles(_teams.Bot.StoragePath, "*", SearchOption.AllDirectories)
            .Where(f => f.Contains(stored.Id, StringComparison.Ordinal) || File.ReadAllText(f).Contains(WhatHappened[..40], StringComparison.Ordinal))
            .ToList();
        Assert.Empty(leftovers);
    }

    [Fact]
    public async Task SomeoneElsesStory_CannotBeSeenEditedOrWithdrawn()
    {
        await TellAStory(new ChatSession(_teams));
        var priyas = Assert.Single(await MyStoredStories());
        var tom = new ChatSession(_teams, SimulatedUser.Tom);

        Assert.Contains("can’t find that story", await tom.Click(ActionNames.StoryView, (ActionKeys.StoryId, priyas.Id)), StringComparison.Ordinal);
        Assert.Contains("can’t find that story", await tom.Click(ActionNames.StoryWithdrawConfirm, (ActionKeys.StoryId, priyas.Id)), StringComparison.Ordinal);
        Assert.NotNull(await Stories.GetAsync(priyas.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Storybook_PagesThroughApprovedConsentedStoriesOnly()
    {
        for (var i = 0; i < 23; i++)
        {
            await Seed($"Story number {i:00}", StoryStatus.Approved, consent: true, DateTimeOffset.UtcNow.AddMinutes(-i));
        }

        await Seed("Waiting for moderation", StoryStatus.Submitted, consent: true, DateTimeOffset.UtcNow);
        await Seed("No consent to publish", StoryStatus.Approved, consent: false, DateTimeOffset.UtcNow);
        var chat = new ChatSession(_teams);

        var first = await chat.Say("storybook");
        Assert.Contains("Story number 00", first, StringComparison.Ordinal);
        Assert.Contains("Story number 09", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Story number 10", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Waiting for moderation", first, StringComparison.Ordinal);
        Assert.DoesNotContain("No consent", first, StringComparison.Ordinal);

        var second = await chat.Click(ActionNames.StorybookPage, (ActionKeys.Page, "2"), (ActionKeys.Pillar, "any"), (ActionKeys.Element, "any"), (ActionKeys.Campaign, "any"));
        Assert.Contains("Story number 10", second, StringComparison.Ordinal);
        Assert.Contains("Story number 19", second, StringComparison.Ordinal);

        var third = await chat.Click(ActionNames.StorybookPage, (ActionKeys.Page, "3"), (ActionKeys.Pillar, "any"), (ActionKeys.Element, "any"), (ActionKeys.Campaign, "any"));
        Assert.Contains("Story number 22", third, StringComparison.Ordinal);
        Assert.DoesNotContain("Story number 19", third, StringComparison.Ordinal);

        // A page past the end (an old card) shows the last page there is.
        var beyond = await chat.Click(ActionNames.StorybookPage, (ActionKeys.Page, "9"), (ActionKeys.Pillar, "any"), (ActionKeys.Element, "any"), (ActionKeys.Campaign, "any"));
        Assert.Contains("Story number 22", beyond, StringComparison.Ordinal);

        var back = await chat.Click(ActionNames.StorybookPage, (ActionKeys.Page, "1"), (ActionKeys.Pillar, "any"), (ActionKeys.Element, "any"), (ActionKeys.Campaign, "any"));
        Assert.Contains("Story number 00", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storybook_FilteredByPillar_ShowsOnlyThatPillar()
    {
        await Seed("About culture", StoryStatus.Approved, consent: true, DateTimeOffset.UtcNow, Pillar.Culture);
        await Seed("About technology", StoryStatus.Approved, consent: true, DateTimeOffset.UtcNow, Pillar.Technology);
        var chat = new ChatSession(_teams);

        var page = await chat.Click(ActionNames.StorybookFilter, (ActionKeys.FilterPillar, "technology"), (ActionKeys.FilterElement, "any"), (ActionKeys.FilterCampaign, "any"));

        Assert.Contains("About technology", page, StringComparison.Ordinal);
        Assert.DoesNotContain("About culture", page, StringComparison.Ordinal);
    }

    private static async Task TellTheRestGuided(ChatSession chat)
    {
        await chat.Say(Partners);
        await chat.Say(Shared);
        Assert.Contains("Question 5 of 5", await chat.Say(Difference), StringComparison.Ordinal);
        await chat.Say("yes");
        Assert.Contains(ActionNames.StorySubmit, chat.LastButtons());
    }

    private static async Task TellAStory(ChatSession chat)
    {
        await chat.Say("share a story");
        await chat.Say(WhatHappened);
        await TellTheRestGuided(chat);
        await chat.Say("submit");
    }

    private async Task<IReadOnlyList<Story>> MyStoredStories(SimulatedUser? user = null)
    {
        var page = await Stories.ListAsync(new StoryQuery { Status = null, TellerAadObjectId = (user ?? SimulatedUser.Priya).AadObjectId }, null, CancellationToken.None);
        return [.. page.Stories.Select(s => s.Value)];
    }

    private async Task Seed(string title, StoryStatus status, bool consent, DateTimeOffset at, Pillar pillar = Pillar.Culture, SimulatedUser? teller = null)
    {
        await Stories.CreateAsync(new Story
        {
            Id = StoryIdGenerator.New(at),
            Status = status,
            Content = new StoryContent
            {
                Title = title,
                WhatHappened = WhatHappened,
                WhoWasInvolved = ["Northtown Council"],
                InformationShared = Shared,
                DifferenceMade = Difference,
                Pillars = [pillar],
                Attribution = Attribution.Anonymous,
                ConsentToPublish = consent,
            },
            Teller = teller is null ? new StoryTeller("00000000-0000-0000-0000-0000000000aa", "29:someone", "Someone") : new StoryTeller(teller.AadObjectId, teller.Id, teller.Name),
            CreatedAt = at,
            UpdatedAt = at,
            SubmittedAt = at,
            ModeratedAt = status == StoryStatus.Approved ? at : null,
        }, CancellationToken.None);
    }
}
