using System.Net;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Storage.Local;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Testing;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfoStoryBot.IntegrationTests.Resilience;

/// <summary>
/// The bot as a real process, killed with SIGKILL (no graceful shutdown: what a crash, an out-of-memory kill or a
/// lost VM does) and started again on the same port and local storage, while a person is telling a story.
/// </summary>
public sealed class BotProcessKillTests : IAsyncLifetime
{
    private const string WhatHappened = "A family moved between two council areas and the school's concern went with them. The new team picked it up on day one.";
    private const string Partners = "Northtown Council, the police and a housing charity";
    private const string Shared = "The school's safeguarding lead rang the new school and passed the file on.";
    private const string Difference = "The mum only had to tell her story once.";
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(20);

    private readonly string _storage = Path.Combine(Path.GetTempPath(), "infostorybot-tests", "kill-" + Guid.NewGuid().ToString("n"));
    private readonly SimulatedUser _user = SimulatedUser.Create(4242);
    private Simulator _teams = null!;
    private BotProcess _bot = null!;
    private readonly HashSet<ConnectorCall> _cutOff = [];
    private int _repliesSeen;

    public async Task InitializeAsync()
    {
        _teams = await Simulator.StartAsync(new TeamsSimulatorOptions());
        _bot = await BotProcess.StartAsync(new Dictionary<string, string?>(_teams.BotConfiguration) { ["Storage:LocalPath"] = _storage });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _teams.DisposeAsync();
        if (Directory.Exists(_storage))
        {
            Directory.Delete(_storage, recursive: true);
        }
    }

    [Fact]
    public async Task Killed_BetweenTwoAnswers_TheDialogResumesAtTheNextQuestionAndTheStoryIsStoredOnce()
    {
        await Say("share a story");
        await Say(WhatHappened);
        Assert.Contains("What information was shared", await Say(Partners), StringComparison.Ordinal);

        await _bot.KillAsync();
        Assert.False(_bot.IsRunning);
        await _bot.RestartAsync();

        Assert.Contains("What difference did it make", await Say(Shared), StringComparison.Ordinal);
        await TellTheRest();
        Assert.Contains("Thank you for sharing your story", await Say("submit"), StringComparison.Ordinal);

        var story = Assert.Single(await StoredStories());
        Assert.Equal(StoryStatus.Submitted, story.Status);
        Assert.Equal(WhatHappened, story.Content.WhatHappened);
        Assert.Contains("Northtown Council", story.Content.WhoWasInvolved);
        Assert.Equal(Shared, story.Content.InformationShared);
        Assert.Equal(Difference, story.Content.DifferenceMade);
    }

    [Fact]
    public async Task Killed_WhileAnAnswersReplyIsInFlight_TheRedeliveredAnswerIsKeptOnce()
    {
        await Say("share a story");
        await Say(WhatHappened);

        // The bot has saved the turn and is sending its next question when the process dies.
        var answer = _teams.Activities.PersonalMessage(Partners, _user);
        await KillDuringTheReplyTo(answer);
        await _bot.RestartAsync();

        // Teams delivers the same activity (same id) again after a failed POST.
        using (var again = await _teams.PostActivityAsync(_bot.MessagesUrl, answer).WaitAsync(TurnTimeout))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        // The answer was kept exactly once: the next answer goes to the next question, not the same one, not the one after.
        Assert.Contains("What difference did it make", await Say(Shared), StringComparison.Ordinal);
        await TellTheRest();
        await Say("submit");

        var story = Assert.Single(await StoredStories());
        Assert.Contains("Northtown Council", story.Content.WhoWasInvolved);
        Assert.Equal(Shared, story.Content.InformationShared);
        Assert.Equal(Difference, story.Content.DifferenceMade);
    }

    [Fact]
    public async Task Killed_WhileTheSubmitIsInFlight_TheRedeliveredSubmitStoresTheStoryOnce()
    {
        await Say("share a story");
        await Say(WhatHappened);
        await Say(Partners);
        await Say(Shared);
        await TellTheRest();

        var submit = _teams.Activities.PersonalMessage("submit", _user);
        await KillDuringTheReplyTo(submit);
        await _bot.RestartAsync();
        using (var again = await _teams.PostActivityAsync(_bot.MessagesUrl, submit).WaitAsync(TurnTimeout))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        var story = Assert.Single(await StoredStories());
        Assert.Equal(StoryStatus.Submitted, story.Status);
        Assert.Equal(WhatHappened, story.Content.WhatHappened);

        // A second, separate submit (a new activity) finds no dialog to submit: nothing is doubled.
        await Say("submit");
        Assert.Single(await StoredStories());
    }

    private async Task TellTheRest()
    {
        // The last of the five questions is the details card: "yes" keeps what it suggests and consents to publish.
        await Say(Difference);
        await Say("yes");
    }

    /// <summary>Posts the activity with the Connector slowed down, and kills the bot once its reply has reached the simulator.</summary>
    private async Task KillDuringTheReplyTo(JsonObject activity)
    {
        var before = ReplyCalls().Count;
        _teams.InjectFault(SimulatedFault.Slow(TimeSpan.FromSeconds(30)) with { Method = "POST", PathContains = "/activities" });
        var posting = _teams.PostActivityAsync(_bot.MessagesUrl, activity);

        using (var deadline = new CancellationTokenSource(TurnTimeout))
        {
            // Calls lists a call as soon as it arrives, before the simulated latency: the reply is on the wire.
            while (ReplyCalls(includeInFlight: true).Count == before)
            {
                await Task.Delay(10, deadline.Token);
            }
        }

        _cutOff.UnionWith(ReplyCalls(includeInFlight: true).Skip(before));
        await _bot.KillAsync();
        var lost = await Record.ExceptionAsync(() => posting.WaitAsync(TurnTimeout));
        Assert.IsType<HttpRequestException>(lost);
        _teams.ClearFaults();
        _repliesSeen = ReplyCalls().Count;
    }

    /// <summary>Sends one message and returns what the bot said back (the replies' raw JSON, cards included).</summary>
    private async Task<string> Say(string text)
    {
        using var response = await _teams.PostActivityAsync(_bot.MessagesUrl, _teams.Activities.PersonalMessage(text, _user)).WaitAsync(TurnTimeout);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The bot answered {(int)response.StatusCode} to '{text}'. Its output:\n{_bot.Output()}");
        var replies = ReplyCalls();
        var said = string.Join("\n", replies.Skip(_repliesSeen).Select(c => c.Body));
        _repliesSeen = replies.Count;
        Assert.False(string.IsNullOrEmpty(said), $"The bot said nothing to '{text}'.");
        return said;
    }

    private List<ConnectorCall> ReplyCalls(bool includeInFlight = false) =>
    [
        .. _teams.Calls.Where(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal) && !_cutOff.Contains(c)
                                   && (includeInFlight || c.ResponseStatus is >= 200 and < 300)),
    ];

    /// <summary>Every story item in storage, read straight from the folder (the bot may be down).</summary>
    private async Task<IReadOnlyList<Story>> StoredStories()
    {
        var blobs = new LocalFolderBlobStore(_storage, TimeProvider.System);
        var store = new StoryStore(blobs, NullLogger<StoryStore>.Instance);
        var names = (await blobs.ListAsync(StorybookIndex.StoriesPrefix, 5000, null, CancellationToken.None)).Names;
        var stories = new List<Story>();
        foreach (var name in names)
        {
            var id = Path.GetFileNameWithoutExtension(name[StorybookIndex.StoriesPrefix.Length..]);
            if ((await store.GetAsync(id, CancellationToken.None))?.Value is { } story && story.Teller.AadObjectId == _user.AadObjectId)
            {
                stories.Add(story);
            }
        }

        return stories;
    }
}
