using System.Text.Json;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using static InfoStoryBot.IntegrationTests.Admin.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Moderation;

/// <summary>
/// The campaign team decides on the stories waiting, through Teams-shaped traffic to the real app: the queue, each
/// decision by button and by command, the teller told in their own chat, the storybook, and two admins at once.
/// </summary>
public sealed class ModerationThroughTeamsTests : IAsyncLifetime
{
    private const string InTheStorybook = "Your story is in the storybook";

    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task Approve_PressedOnTheQueue_PublishesItAtOnceAndTellsTheTellerInTheirChat()
    {
        var priya = new ChatSession(_teams, Priya);
        var storyId = await TellStoryAsync(_teams, priya);
        Assert.DoesNotContain(GuidedStory.SuggestedTitle, await priya.Say("storybook"), StringComparison.Ordinal);
        var tom = new ChatSession(_teams, Tom);

        var queue = await tom.Say("stories pending");
        Assert.Contains("One story is waiting", queue, StringComparison.Ordinal);
        Assert.Contains("1. ", queue, StringComparison.Ordinal);
        Assert.Contains(GuidedStory.SuggestedTitle, queue, StringComparison.Ordinal);
        Assert.Contains("Its teller agreed it may be published.", queue, StringComparison.Ordinal);

        var answer = await tom.Press("Approve");

        Assert.Contains($"Approved “{GuidedStory.SuggestedTitle}”: it’s in the storybook now", answer, StringComparison.Ordinal);
        var story = await StoryAsync(_teams, storyId);
        Assert.Equal((StoryStatus.Approved, Tom.AadObjectId), (story.Status, story.ModeratedBy));
        var notice = CardsSentTo(_teams, Priya)[^1];
        Assert.Contains(InTheStorybook, CardAssert.Text(notice), StringComparison.Ordinal);
        Assert.Contains(GuidedStory.SuggestedTitle, CardAssert.Text(notice), StringComparison.Ordinal);
        Assert.Contains(GuidedStory.SuggestedTitle, await priya.Say("storybook"), StringComparison.Ordinal);
        var entry = Assert.Single(await AuditAsync(_teams));
        Assert.Equal(("story.approve", storyId, "submitted → approved"), (entry.Action, entry.Target, entry.Details));
        AssertValidCards([.. CardsSentTo(_teams, Tom), notice]);
    }

    [Fact]
    public async Task Approve_StoryOfARunningCampaign_TheTellerHearsItInTheCampaignsVoice()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await _teams.Service<ICampaignStore>().SaveAsync(new Campaign
        {
            Id = "spring-stories",
            Name = "Spring stories",
            StartDate = today.AddDays(-1),
            EndDate = today.AddDays(30),
            DaysOfWeek = [.. Enum.GetValues<DayOfWeek>()],
            TargetChannelIds = [_teams.Teams.Team.Channels[1].Id],
            State = CampaignState.Running,
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-2),
            UpdatedAt = DateTimeOffset.UtcNow.AddDays(-2),
        }, null, CancellationToken.None);
        var storyId = await TellStoryAsync(_teams, new ChatSession(_teams, Priya));
        var tom = new ChatSession(_teams, Tom);

        Assert.Contains("Spring stories", await tom.Say("stories pending"), StringComparison.Ordinal);
        await tom.Say("stories approve 1");

        Assert.Equal("spring-stories", (await StoryAsync(_teams, storyId)).CampaignId);
        // The sentence is our runs with the campaign's name (untrusted) as a run of its own between them.
        Assert.Contains("it’s now in the Spring stories storybook", CardAssert.Text(CardsSentTo(_teams, Priya)[^1]).Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApproveTyped_ByItsNumber_MeansTheStoryTheAdminWasShown()
    {
        var priya = new ChatSession(_teams, Priya);
        var first = await TellStoryAsync(_teams, priya);
        var tom = new ChatSession(_teams, Tom);

        Assert.Contains("Type **stories pending** first", await tom.Say("stories approve 1"), StringComparison.Ordinal);
        await tom.Say("stories pending");
        // A newer story arrives after Tom looked: number 1 is still the one he saw.
        var second = await TellStoryAsync(_teams, new ChatSession(_teams, SimulatedUsers.Teller2), "A second family moved and the new school rang the old one the same morning, so nothing was lost.");

        Assert.Contains("there’s no number 2", await tom.Say("stories approve 2"), StringComparison.Ordinal);
        Assert.Contains("Approved", await tom.Say("stories approve 1"), StringComparison.Ordinal);

        Assert.Equal(StoryStatus.Approved, (await StoryAsync(_teams, first)).Status);
        Assert.Equal(StoryStatus.Submitted, (await StoryAsync(_teams, second)).Status);
    }

    [Fact]
    public async Task Reject_WithAReason_TellsTheTellerKindly_AndTheirEditSendsItBackToTheQueue()
    {
        var priya = new ChatSession(_teams, Priya);
        var storyId = await TellStoryAsync(_teams, priya);
        var tom = new ChatSession(_teams, Tom);
        await tom.Say("stories pending");

        var answer = await tom.Press("Send it back", (ModerationFields.Reason(storyId), "It names the school: could you leave the name out?"));

        Assert.Contains("Sent “", answer, StringComparison.Ordinal);
        var story = await StoryAsync(_teams, storyId);
        Assert.Equal((StoryStatus.Rejected, "It names the school: could you leave the name out?"), (story.Status, story.ModerationNote));
        var notice = CardAssert.Text(CardsSentTo(_teams, Priya)[^1]);
        Assert.Contains("Your story needs a small change", notice, StringComparison.Ordinal);
        Assert.Contains("It names the school: could you leave the name out?", notice, StringComparison.Ordinal);
        Assert.Contains("send it again from My stories", notice, StringComparison.Ordinal);

        await priya.Press("Change my story");
        Assert.Contains(GuidedStory.Stored, await priya.Say("submit"), StringComparison.Ordinal);
        Assert.Equal(StoryStatus.Submitted, (await StoryAsync(_teams, storyId)).Status);
        Assert.Contains("Changed and sent again", await tom.Say("stories pending"), StringComparison.Ordinal);
        Assert.Equal(["story.reject"], (await AuditAsync(_teams)).Select(e => e.Action));
    }

    [Fact]
    public async Task RejectForm_WithNoReason_AsksForOneAndChangesNothing()
    {
        var storyId = await TellStoryAsync(_teams, new ChatSession(_teams, Priya));
        var tom = new ChatSession(_teams, Tom);
        await tom.Say("stories pending");

        Assert.Contains("Please write why the story is going back", await tom.Press("Send it back", (ModerationFields.Reason(storyId), "   ")), StringComparison.Ordinal);
        Assert.Equal(StoryStatus.Submitted, (await StoryAsync(_teams, storyId)).Status);
        Assert.Empty(await AuditAsync(_teams));
    }

    [Fact]
    public async Task TwoAdminsApprovingAtOnce_ExactlyOneWins_TheOtherIsToldWhoDidIt()
    {
        var storyId = await TellStoryAsync(_teams, new ChatSession(_teams, Priya));
        var tom = new ChatSession(_teams, Tom);
        var sam = new ChatSession(_teams, Sam);
        await tom.Say("hello");
        await sam.Say("hello");
        var noticesBefore = CardsSentTo(_teams, Priya).Count;

        var answers = await Task.WhenAll(tom.Say("stories approve " + storyId), sam.Say("stories approve " + storyId));

        Assert.Single(answers, a => a.StartsWith("Approved “", StringComparison.Ordinal));
        var lost = Assert.Single(answers, a => !a.StartsWith("Approved “", StringComparison.Ordinal));
        var winner = answers[0].StartsWith("Approved “", StringComparison.Ordinal) ? Tom : Sam;
        Assert.Contains($"{winner.Name} approved “{GuidedStory.SuggestedTitle}” a moment ago", lost, StringComparison.Ordinal);
        Assert.Equal(winner.AadObjectId, (await StoryAsync(_teams, storyId)).ModeratedBy);
        Assert.Single(await AuditAsync(_teams));
        Assert.Single(CardsSentTo(_teams, Priya).Skip(noticesBefore), c => CardAssert.Text(c).Contains(InTheStorybook, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApproveExecuted_UpdatesTheQueueCardInPlace()
    {
        var storyId = await TellStoryAsync(_teams, new ChatSession(_teams, Priya));
        await new ChatSession(_teams, Tom).Say("stories pending");

        var response = await ExecuteAsync(_teams, Tom, ActionNames.AdminRun, (ActionKeys.Command, "stories approve " + storyId));

        Assert.Equal("application/vnd.microsoft.card.adaptive", response.GetProperty("type").GetString());
        var card = response.GetProperty("value");
        Assert.Contains("Approved “", CardAssert.Text(card), StringComparison.Ordinal);
        Assert.Contains("No stories are waiting", CardAssert.Text(card), StringComparison.Ordinal);
        AssertValidCards([card]);
    }

    [Fact]
    public async Task Feature_ThenUnfeature_EachAudited_AndTheTellerToldItIsFeatured()
    {
        var storyId = await TellStoryAsync(_teams, new ChatSession(_teams, Priya));
        var tom = new ChatSession(_teams, Tom);
        await tom.Say("stories pending");

        Assert.Contains("Approved and featured", await tom.Press("Approve and feature"), StringComparison.Ordinal);
        Assert.Contains("You approved and featured", await tom.Say("stories feature " + storyId), StringComparison.Ordinal);
        Assert.Contains("no longer featured", await tom.Say("stories unfeature " + storyId), StringComparison.Ordinal);

        var story = await StoryAsync(_teams, storyId);
        Assert.Equal((StoryStatus.Approved, false), (story.Status, story.Featured));
        Assert.Contains("Your story is featured", CardAssert.Text(CardsSentTo(_teams, Priya)[^1]), StringComparison.Ordinal);
        Assert.Equal(
            [("story.unfeature", "approved, featured → approved"), ("story.feature", "submitted → approved, featured")],
            (await AuditAsync(_teams)).Select(e => (e.Action, e.Details!)));
    }

    [Fact]
    public async Task PersonalDataTheTellerSaidIsNot_IsShownToTheCampaignTeam_AndNeverInTheAudit()
    {
        var priya = new ChatSession(_teams, Priya);
        await priya.Say("share a story");
        Assert.Contains("943 476 5919", await priya.Say("Her NHS number 943 476 5919 went with her between the GP and the school, so nobody asked again."), StringComparison.Ordinal);
        await priya.Say("it’s not personal data");
        foreach (var message in GuidedStory.Messages().Skip(2))
        {
            await priya.Say(message);
        }

        Assert.Contains(GuidedStory.Stored, priya.LastAnswer, StringComparison.Ordinal);
        var tom = new ChatSession(_teams, Tom);

        var queue = await tom.Say("stories pending");

        Assert.Contains("Looks like personal data", queue, StringComparison.Ordinal);
        Assert.Contains("943 476 5919", queue, StringComparison.Ordinal);
        Assert.Contains("its teller said this isn’t personal data", queue, StringComparison.Ordinal);
        await tom.Press("Approve");
        Assert.All(await AuditAsync(_teams), e => Assert.DoesNotContain("943", (e.Details ?? "") + e.Target, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TellerWhoCannotBeReached_TheAdminIsToldAndTheDecisionStands()
    {
        var storyId = await TellStoryAsync(_teams, new ChatSession(_teams, Priya));
        await _teams.Service<IConversationReferenceStore>().DeleteAsync(_teams.Teams.Activities.PersonalConversationId(Priya), CancellationToken.None);
        var tom = new ChatSession(_teams, Tom);

        var answer = await tom.Say("stories approve " + storyId);

        Assert.Contains("Approved “", answer, StringComparison.Ordinal);
        Assert.Contains("I couldn’t tell its teller in Teams just now", answer, StringComparison.Ordinal);
        Assert.Equal(StoryStatus.Approved, (await StoryAsync(_teams, storyId)).Status);
    }

    [Fact]
    public async Task StoryWithoutConsent_CanBeApprovedButNotFeatured()
    {
        var priya = new ChatSession(_teams, Priya);
        foreach (var message in GuidedStory.Messages().SkipLast(2))
        {
            await priya.Say(message);
        }

        await priya.Press("No, keep it private");
        await priya.Say("submit");
        var tom = new ChatSession(_teams, Tom);
        await tom.Say("stories pending");

        Assert.DoesNotContain("Approve and feature", CardPress.Titles(tom.LastCard()));
        Assert.Contains("I can’t feature", await tom.Say("stories feature 1"), StringComparison.Ordinal);
        Assert.Contains("stays with the campaign team", await tom.Say("stories approve 1"), StringComparison.Ordinal);
        Assert.Contains("The campaign team has read your story", CardAssert.Text(CardsSentTo(_teams, Priya)[^1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadItAll_ShowsTheWholeStoryWithTheSameDecisions()
    {
        var storyId = await TellStoryAsync(_teams, new ChatSession(_teams, Priya));
        var tom = new ChatSession(_teams, Tom);
        await tom.Say("stories pending");

        var story = await tom.Press("Read it all");

        Assert.Contains(GuidedStory.Difference, story, StringComparison.Ordinal);
        Assert.Contains("Before you decide", story, StringComparison.Ordinal);
        Assert.Contains("Approved", await tom.Press("Approve"), StringComparison.Ordinal);
        Assert.Equal(StoryStatus.Approved, (await StoryAsync(_teams, storyId)).Status);
    }
}

internal static class SimulatedUsers
{
    public static TeamsSimulator.SimulatedUser Teller2 { get; } = TeamsSimulator.SimulatedUser.Create(42);
}

/// <summary>
/// Two admins' decisions held until both have read the story, so both write on the same ETag: the store lets exactly
/// one through, and the other admin is told, from the story as it then is, who decided.
/// </summary>
public sealed class ModerationRaceTests : IAsyncLifetime
{
    private readonly RendezvousStoryStore.Gate _gate = new();
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync()
    {
        _teams = await TeamsHarness.StartAsync(
            services: services =>
            {
                var existing = services.Last(d => d.ServiceType == typeof(IStoryStore));
                services.Remove(existing);
                services.AddSingleton<IStoryStore>(sp => new RendezvousStoryStore((IStoryStore)ActivatorUtilities.CreateInstance(sp, existing.ImplementationType!), _gate));
            },
            settings: new Dictionary<string, string?> { ["Access:BootstrapAdmins:0"] = Tom.AadObjectId, ["Access:BootstrapAdmins:1"] = Sam.AadObjectId });
    }

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task ApproveAndRejectAtOnce_OnTheSameVersion_ExactlyOneIsKept()
    {
        var storyId = await TellStoryAsync(_teams, new ChatSession(_teams, Priya));
        var tom = new ChatSession(_teams, Tom);
        var sam = new ChatSession(_teams, Sam);
        await tom.Say("hello");
        await sam.Say("hello");
        _gate.Hold(2);

        var answers = await Task.WhenAll(tom.Say("stories approve " + storyId), sam.Say("stories reject " + storyId + " Please take the school’s name out."));

        Assert.True(_gate.Met, "both decisions should have reached the store together");
        var story = await StoryAsync(_teams, storyId);
        var (winner, loser, lost) = story.Status == StoryStatus.Approved ? (Tom, Sam, answers[1]) : (Sam, Tom, answers[0]);
        Assert.Equal(winner.AadObjectId, story.ModeratedBy);
        Assert.Contains(winner.Name, lost, StringComparison.Ordinal);
        Assert.Contains("a moment ago", lost, StringComparison.Ordinal);
        Assert.DoesNotContain(loser.Name, lost, StringComparison.Ordinal);
        Assert.Single(await AuditAsync(_teams));
    }
}

/// <summary>An IStoryStore whose next updates wait for one another before going on, so they race on one ETag.</summary>
internal sealed class RendezvousStoryStore(IStoryStore inner, RendezvousStoryStore.Gate gate) : IStoryStore
{
    public Task<string> CreateAsync(Story story, CancellationToken cancellationToken) => inner.CreateAsync(story, cancellationToken);

    public Task<InfoStoryBot.Bot.Storage.Versioned<Story>?> GetAsync(string storyId, CancellationToken cancellationToken) => inner.GetAsync(storyId, cancellationToken);

    public async Task<string> UpdateAsync(Story story, string etag, CancellationToken cancellationToken)
    {
        await gate.ArriveAsync();
        return await inner.UpdateAsync(story, etag, cancellationToken);
    }

    public Task<bool> WithdrawAsync(string storyId, CancellationToken cancellationToken) => inner.WithdrawAsync(storyId, cancellationToken);

    public Task<StoryPage> ListAsync(StoryQuery query, string? continuation, CancellationToken cancellationToken) => inner.ListAsync(query, continuation, cancellationToken);

    public Task<IndexRebuildReport> RebuildIndexAsync(CancellationToken cancellationToken) => inner.RebuildIndexAsync(cancellationToken);

    public sealed class Gate
    {
        private readonly object _lock = new();
        private int _expected;
        private TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool Met { get; private set; }

        public void Hold(int updates)
        {
            lock (_lock)
            {
                _expected = updates;
                _all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public async Task ArriveAsync()
        {
            Task wait;
            lock (_lock)
            {
                if (_expected == 0)
                {
                    return;
                }

                if (--_expected == 0)
                {
                    Met = true;
                    _all.TrySetResult();
                }

                wait = _all.Task;
            }

            // Bounded: a decision that never meets its rival goes on alone, and the test then fails on Met.
            await wait.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
