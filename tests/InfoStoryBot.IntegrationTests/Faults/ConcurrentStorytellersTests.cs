using InfoStoryBot.Dialogs.Stories;
using System.Net;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.Faults;

/// <summary>Many storytellers at once, and one storyteller on two devices at once: no story lost, none doubled.</summary>
public sealed class ConcurrentStorytellersTests : IAsyncLifetime
{
    private TeamsHarness _teams = null!;

    // The per-tenant Connector budget (30 a second) would make 50 storytellers' 700 turns take half a minute of
    // waiting; this suite is about storage and turn concurrency, so the gate is off.
    public async Task InitializeAsync() => _teams = await TeamsHarness.StartAsync(settings: new Dictionary<string, string?>
    {
        ["Connector:RequestsPerSecondPerTenant"] = "0",
    });

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private IStoryStore Stories => _teams.Service<IStoryStore>();

    [Fact]
    public async Task FiftyStorytellers_SubmittingAtOnce_StoreFiftyStoriesEachWithItsTeller()
    {
        var users = Enumerable.Range(1, 50).Select(SimulatedUser.Create).ToList();
        var messages = GuidedStory.Messages();

        // Everyone reaches the preview, interleaved, then everyone presses submit at the same moment.
        await Task.WhenAll(users.Select(async user =>
        {
            foreach (var text in messages.SkipLast(1))
            {
                Assert.Equal(HttpStatusCode.OK, await PostAsync(_teams.Http, Message(text, user)));
            }
        }));
        var submits = users.Select(user => Message(messages[^1], user)).ToList();
        var statuses = await Task.WhenAll(submits.Select(submit => PostAsync(_teams.Http, submit)));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        foreach (var (user, submit) in users.Zip(submits))
        {
            Assert.Contains(GuidedStory.Stored, Replies.Describe(Replies.To(_teams, Id(submit))), StringComparison.Ordinal);
            var story = Assert.Single(await StoriesOf(user));
            Assert.Equal(user.AadObjectId, story.Teller.AadObjectId);
            Assert.Equal(user.Id, story.Teller.TeamsUserId);
        }

        var all = await Stories.ListAsync(new StoryQuery { Status = Dialogs.Stories.StoryStatus.Submitted, PageSize = StoryQuery.MaxPageSize }, null, CancellationToken.None);
        Assert.Equal(50, all.Stories.Count);
        Assert.Equal(new IndexRebuildReport(50, 0, 0, 0), await Stories.RebuildIndexAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TwoDevices_TypingSubmitAtOnce_StoreOneStory()
    {
        var user = SimulatedUser.Create(201);
        await ReachPreviewAsync(user);

        var statuses = await Task.WhenAll(PostAsync(_teams.Http, Message("submit", user)), PostAsync(_teams.Http, Message("submit", user)));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(await StoriesOf(user));
    }

    [Fact]
    public async Task TwoDevices_PressingSubmitOnTheSameCardAtOnce_StoreOneStory()
    {
        var user = SimulatedUser.Create(202);
        await ReachPreviewAsync(user);

        var statuses = await Task.WhenAll(PostAsync(_teams.Http, SubmitClick(user)), PostAsync(_teams.Http, SubmitClick(user)));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(await StoriesOf(user));
    }

    [Fact]
    public async Task TwoDevices_ReachingTwoInstancesOfTheBotAtOnce_StoreOneStoryEachTime()
    {
        // Behind a load balancer the two devices' messages reach different instances; only the conditional state
        // write (ETag) and the story's fixed id stand between them and a doubled story.
        var settings = new Dictionary<string, string?>(_teams.Teams.BotConfiguration)
        {
            ["Storage:LocalPath"] = _teams.Bot.StoragePath,
            ["Connector:RequestsPerSecondPerTenant"] = "0",
        };
        await using var second = BotHost.Start(settings);
        using var secondHttp = second.CreateHttpClient();
        var users = Enumerable.Range(301, 5).Select(SimulatedUser.Create).ToList();

        foreach (var user in users)
        {
            await ReachPreviewAsync(user);
            var statuses = await Task.WhenAll(PostAsync(_teams.Http, SubmitClick(user)), PostAsync(secondHttp, Message("submit", user)));

            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
            Assert.Single(await StoriesOf(user));
        }

        Assert.Equal(new IndexRebuildReport(users.Count, 0, 0, 0), await Stories.RebuildIndexAsync(CancellationToken.None));
    }

    private async Task ReachPreviewAsync(SimulatedUser user)
    {
        foreach (var text in GuidedStory.Messages().SkipLast(1))
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(_teams.Http, Message(text, user)));
        }
    }

    private JsonObject Message(string text, SimulatedUser user) => _teams.Teams.Activities.PersonalMessage(text, user);

    private JsonObject SubmitClick(SimulatedUser user) =>
        _teams.Teams.Activities.CardSubmit(new JsonObject { ["action"] = ActionNames.StorySubmit }, replyToId: "1700000000000", user: user);

    private static string Id(JsonObject activity) => activity["id"]!.GetValue<string>();

    private async Task<HttpStatusCode> PostAsync(HttpClient http, JsonObject activity)
    {
        using var response = await _teams.Teams.PostActivityAsync(http, new Uri("/api/messages", UriKind.Relative), activity);
        return response.StatusCode;
    }

    private async Task<IReadOnlyList<Story>> StoriesOf(SimulatedUser user)
    {
        var page = await Stories.ListAsync(new StoryQuery { Status = null, TellerAadObjectId = user.AadObjectId }, null, CancellationToken.None);
        return [.. page.Stories.Select(s => s.Value)];
    }
}
