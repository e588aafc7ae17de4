using InfoStoryBot.Dialogs.Stories;
using System.Net;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.Faults;

/// <summary>
/// Teams delivers an activity again when the bot did not answer 2xx in time (and sometimes when it did): the same
/// activity, same id. The bot must act on it once, and must not lose the answer the first delivery could not send.
/// </summary>
public sealed class RedeliveryTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await TeamsHarness.StartAsync(_logs.Register);

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task Redelivery_AfterASuccessfulTurn_IsNotActedOnTwice()
    {
        var start = Message("share a story");
        Assert.Equal(HttpStatusCode.OK, await PostAsync(start));
        var firstReplies = Replies.To(_teams, Id(start)).Count;

        Assert.Equal(HttpStatusCode.OK, await PostAsync(start));

        Assert.Equal(firstReplies, Replies.To(_teams, Id(start)).Count);
        Assert.Single(_logs.Matching("was delivered again"));
        // The dialog moved one step, not two: the next answer is taken as "what happened".
        var next = Message(GuidedStory.WhatHappened);
        await PostAsync(next);
        Assert.Contains("Who was involved?", Replies.Describe(Replies.To(_teams, Id(next))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redelivery_WhileTheFirstDeliveryIsStillRunning_IsActedOnOnce()
    {
        var start = Message("share a story");
        _teams.Teams.InjectFault(SimulatedFault.Slow(TimeSpan.FromMilliseconds(300)) with { Method = "POST" });

        var both = await Task.WhenAll(PostAsync(start), PostAsync(start));

        Assert.All(both, status => Assert.Equal(HttpStatusCode.OK, status));
        AssertAnsweredOnce(Replies.To(_teams, Id(start)), "What happened?");
    }

    [Fact]
    public async Task Redelivery_AfterTheReplyCouldNotBeSent_SendsTheLostReply()
    {
        var start = Message("share a story");
        _teams.Teams.InjectFault(SimulatedFault.Status(500) with { Method = "POST" });

        Assert.Equal(HttpStatusCode.BadGateway, await PostAsync(start));
        Assert.Empty(Replies.To(_teams, Id(start)));
        Assert.Single(_logs.Matching("A reply could not be delivered"));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(start));

        var replies = Replies.To(_teams, Id(start));
        AssertAnsweredOnce(replies, "What happened?");

        // Sent once: a further redelivery says nothing more.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(start));
        Assert.Equal(replies.Count, Replies.To(_teams, Id(start)).Count);
    }

    [Fact]
    public async Task Redelivery_OfTheSubmitAfterItsReplyFailed_StoresOneStoryAndSaysThankYou()
    {
        var messages = GuidedStory.Messages();
        foreach (var text in messages.SkipLast(1))
        {
            Assert.Equal(HttpStatusCode.OK, await PostAsync(Message(text)));
        }

        var submit = Message(messages[^1]);
        _teams.Teams.InjectFault(SimulatedFault.Status(500) with { Method = "POST" });
        Assert.Equal(HttpStatusCode.BadGateway, await PostAsync(submit));
        Assert.Single(await StoriesOf(SimulatedUser.Priya));

        Assert.Equal(HttpStatusCode.OK, await PostAsync(submit));

        Assert.Contains(GuidedStory.Stored, Replies.Describe(Replies.To(_teams, Id(submit))), StringComparison.Ordinal);
        Assert.Single(await StoriesOf(SimulatedUser.Priya));
    }

    [Fact]
    public async Task NextMessage_AfterALostReply_IsAnsweredAndTheLostReplyIsNotSentLate()
    {
        var start = Message("share a story");
        _teams.Teams.InjectFault(SimulatedFault.Status(500) with { Method = "POST" });
        Assert.Equal(HttpStatusCode.BadGateway, await PostAsync(start));

        // Teams gave up on the redelivery; the user, seeing nothing, types their story anyway.
        var next = Message(GuidedStory.WhatHappened);
        Assert.Equal(HttpStatusCode.OK, await PostAsync(next));
        Assert.Contains("Who was involved?", Replies.Describe(Replies.To(_teams, Id(next))), StringComparison.Ordinal);

        // A redelivery of the old activity arriving now would be out of date: nothing is sent for it.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(start));
        Assert.Empty(Replies.To(_teams, Id(start)));
    }

    /// <summary>The expected words were said, and no message was said twice.</summary>
    private static void AssertAnsweredOnce(IReadOnlyList<Bot.Protocol.Activity> replies, string expected)
    {
        var texts = replies.Select(Replies.Describe).ToList();
        Assert.Single(texts, t => t.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
    }

    private JsonObject Message(string text) => _teams.Teams.Activities.PersonalMessage(text);

    private static string Id(JsonObject activity) => activity["id"]!.GetValue<string>();

    private async Task<HttpStatusCode> PostAsync(JsonObject activity)
    {
        // Each delivery is its own request body; the JsonObject is reused as Teams reuses the activity.
        using var response = await _teams.PostAsync((JsonObject)activity.DeepClone());
        return response.StatusCode;
    }

    private async Task<IReadOnlyList<Story>> StoriesOf(SimulatedUser user)
    {
        var page = await _teams.Service<IStoryStore>().ListAsync(new StoryQuery { Status = null, TellerAadObjectId = user.AadObjectId }, null, CancellationToken.None);
        return [.. page.Stories.Select(s => s.Value)];
    }
}
