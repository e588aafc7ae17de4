using System.Net;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Storage.AzureBlob;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Testing;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Logging.Abstractions;

namespace InfoStoryBot.IntegrationTests.Resilience;

/// <summary>
/// Two bot processes on one Azurite container, as two App Service instances behind Teams: each keeps its own
/// in-memory copy of the conversation state it last saw, and Teams sends each message to either. A turn on an
/// instance whose copy another instance has moved on from must still carry the conversation on from where it is.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(20);

    private Simulator _teams = null!;
    private Azurite _azurite = null!;
    private BotProcess _a = null!;
    private BotProcess _b = null!;
    private readonly string _container = "two" + Guid.NewGuid().ToString("N")[..12];
    private int _repliesSeen;

    public async Task InitializeAsync()
    {
        _teams = await Simulator.StartAsync(new TeamsSimulatorOptions());
        _azurite = await Azurite.StartAsync();
        var settings = new Dictionary<string, string?>(_teams.BotConfiguration)
        {
            ["Storage:ConnectionString"] = _azurite.ConnectionString,
            ["Storage:Container"] = _container,
        };
        _a = await BotProcess.StartAsync(settings);
        _b = await BotProcess.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _azurite.DisposeAsync();
        await _teams.DisposeAsync();
    }

    [Fact]
    public async Task OneConversation_TurnsAlternatingBetweenInstances_NeverLosesOrRepeatsAStep()
    {
        var messages = GuidedStory.Messages();
        var alone = await TellAsync(SimulatedUser.Create(5101), messages, _ => _a);

        // A, B, A, B, B, A, A, B, ...: every switch finds the other instance's copy out of date.
        var alternating = await TellAsync(SimulatedUser.Create(5102), messages, turn => (turn / 2 + turn) % 2 == 0 ? _a : _b);

        Assert.Equal(alone, alternating);
        AssertStoredOnce(await StoriesOf(SimulatedUser.Create(5102)));
        Assert.Contains("Conversation state changed under this turn", _a.Output() + _b.Output(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redelivery_ToEitherInstance_IsAnsweredOnceAndTheStoryKeepsTheAnswerOnce()
    {
        var user = SimulatedUser.Create(5201);
        var messages = GuidedStory.Messages();
        await SayAsync(_a, user, messages[0]);
        await SayAsync(_b, user, messages[1]);

        // Teams delivers the same activity (same id) again, here to the other instance and then back.
        var answer = _teams.Activities.PersonalMessage(messages[2], user);
        Assert.NotEmpty(await PostAsync(_a, answer));
        Assert.Empty(await PostAsync(_b, answer));
        Assert.Empty(await PostAsync(_a, answer));

        for (var turn = 3; turn < messages.Count; turn++)
        {
            await SayAsync(turn % 2 == 0 ? _a : _b, user, messages[turn]);
        }

        AssertStoredOnce(await StoriesOf(user));
    }

    [Fact]
    public async Task OneInstanceKilledMidConversation_TheOtherCarriesOnAndTheRestartedOneLosesNothing()
    {
        var messages = GuidedStory.Messages();
        var alone = await TellAsync(SimulatedUser.Create(5301), messages, _ => _b);

        var user = SimulatedUser.Create(5302);
        var told = new List<string>();
        for (var turn = 0; turn < messages.Count; turn++)
        {
            if (turn == 4)
            {
                await _a.KillAsync(); // SIGKILL: A's memory of the conversation dies with it
            }

            if (turn == 7)
            {
                await _a.RestartAsync();
            }

            var bot = turn is >= 4 and < 7 ? _b : turn % 2 == 0 ? _a : _b;
            told.Add(Normalise(await SayAsync(bot, user, messages[turn]), user));
        }

        Assert.Equal(alone, told);
        AssertStoredOnce(await StoriesOf(user));
    }

    private static void AssertStoredOnce(IReadOnlyList<Story> stories)
    {
        var story = Assert.Single(stories);
        Assert.Equal(StoryStatus.Submitted, story.Status);
        Assert.Equal(GuidedStory.WhatHappened, story.Content.WhatHappened);
        Assert.Contains("Northtown Council", story.Content.WhoWasInvolved);
        Assert.Equal(GuidedStory.Shared, story.Content.InformationShared);
        Assert.Equal(GuidedStory.Difference, story.Content.DifferenceMade);
    }

    /// <summary>The whole conversation, each turn to the instance <paramref name="route"/> picks; what the bot said at each turn.</summary>
    private async Task<List<string>> TellAsync(SimulatedUser user, IReadOnlyList<string> messages, Func<int, BotProcess> route)
    {
        var told = new List<string>();
        for (var turn = 0; turn < messages.Count; turn++)
        {
            told.Add(Normalise(await SayAsync(route(turn), user, messages[turn]), user));
        }

        return told;
    }

    private async Task<IReadOnlyList<JsonObject>> SayAsync(BotProcess bot, SimulatedUser user, string text)
    {
        var replies = await PostAsync(bot, _teams.Activities.PersonalMessage(text, user));
        Assert.True(replies.Count > 0, $"The bot said nothing to '{text}'.");
        return replies;
    }

    /// <summary>Posts the activity and returns the replies the bot sent for it.</summary>
    private async Task<IReadOnlyList<JsonObject>> PostAsync(BotProcess bot, JsonObject activity)
    {
        using var response = await _teams.PostActivityAsync(bot.MessagesUrl, activity).WaitAsync(TurnTimeout);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The bot answered {(int)response.StatusCode}. Its output:\n{bot.Output()}");
        var replies = _teams.Calls.Where(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal) && c.ResponseStatus is >= 200 and < 300).ToList();
        var said = replies.Skip(_repliesSeen).Select(c => (JsonObject)JsonNode.Parse(c.Body!)!).ToList();
        _repliesSeen = replies.Count;
        return said;
    }

    /// <summary>What a person reads: each reply's text and the kinds of card it carries, with their own name taken out.</summary>
    private static string Normalise(IReadOnlyList<JsonObject> replies, SimulatedUser user) =>
        string.Join("\n---\n", replies.Select(r =>
            (r["text"]?.GetValue<string>() ?? "").Replace(user.Name, "(name)", StringComparison.Ordinal) + " [" +
            string.Join(",", (r["attachments"]?.AsArray() ?? []).Select(a => a?["contentType"]?.GetValue<string>())) + "]"));

    private async Task<IReadOnlyList<Story>> StoriesOf(SimulatedUser user)
    {
        var blobs = AzureBlobStoreFactory.FromConnectionString(_azurite.ConnectionString, _container);
        var store = new StoryStore(blobs, NullLogger<StoryStore>.Instance);
        var names = (await blobs.ListAsync(StorybookIndex.StoriesPrefix, 5000, null, CancellationToken.None)).Names;
        var stories = new List<Story>();
        foreach (var name in names)
        {
            var id = Path.GetFileNameWithoutExtension(name[StorybookIndex.StoriesPrefix.Length..]);
            if ((await store.GetAsync(id, CancellationToken.None))?.Value is { } story && story.Teller.AadObjectId == user.AadObjectId)
            {
                stories.Add(story);
            }
        }

        return stories;
    }
}
