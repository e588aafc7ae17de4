using System.Text.Json;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.Tests.Turns;

public abstract class ConversationStateStoreTests : StorageBackend
{
    private const string Channel = "msteams";
    private const string Conversation = "a:1Xyz-AbC_9;messageid=1234@thread.tacv2";
    private static readonly CancellationToken None = CancellationToken.None;

    private ConversationStateStore Store => new(Blobs);

    private static ConversationState State(string step) =>
        new() { Dialog = JsonSerializer.SerializeToElement(new { step }), RecentActivityIds = [step] };

    [Fact]
    public async Task Get_NeverSaved_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(Channel, Conversation, None));
    }

    [Fact]
    public async Task Save_ThenGet_RoundTripsWithETag()
    {
        var etag = await Store.SaveAsync(Channel, Conversation, State("title"), null, None);

        var loaded = await Store.GetAsync(Channel, Conversation, None);

        Assert.NotNull(loaded);
        Assert.Equal(etag, loaded.ETag);
        Assert.Equal("title", loaded.Value.Dialog!.Value.GetProperty("step").GetString());
        Assert.Equal(["title"], loaded.Value.RecentActivityIds);
    }

    [Fact]
    public async Task SaveCreate_WhenAnotherTurnCreatedFirst_ThrowsConflict()
    {
        await Store.SaveAsync(Channel, Conversation, State("first"), null, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(Channel, Conversation, State("second"), null, None));
    }

    [Fact]
    public async Task Save_TwoConcurrentTurnsWithSameETag_ExactlyOneWinsOtherIsTold()
    {
        var etag = await Store.SaveAsync(Channel, Conversation, State("start"), null, None);

        var turns = await Task.WhenAll(new[] { "turn-a", "turn-b" }.Select(async step =>
        {
            try
            {
                await Store.SaveAsync(Channel, Conversation, State(step), etag, None);
                return (step, won: true);
            }
            catch (ConcurrencyConflictException)
            {
                return (step, won: false);
            }
        }));

        var winner = Assert.Single(turns, t => t.won);
        var stored = await Store.GetAsync(Channel, Conversation, None);
        Assert.Equal(winner.step, stored!.Value.RecentActivityIds.Single());
    }

    [Fact]
    public async Task Save_ManyConcurrentTurnsThatRetryOnConflict_LoseNoUpdate()
    {
        await Store.SaveAsync(Channel, Conversation, new ConversationState(), null, None);

        // Each turn appends its id, reloading and retrying when it loses: every id must survive.
        await Parallel.ForEachAsync(Enumerable.Range(0, 12), async (i, ct) =>
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                var current = await Store.GetAsync(Channel, Conversation, ct);
                var next = current!.Value with { RecentActivityIds = [.. current.Value.RecentActivityIds, $"act-{i}"] };
                try
                {
                    await Store.SaveAsync(Channel, Conversation, next, current.ETag, ct);
                    return;
                }
                catch (ConcurrencyConflictException)
                {
                }
            }

            throw new InvalidOperationException("A turn never got through.");
        });

        var final = await Store.GetAsync(Channel, Conversation, None);
        Assert.Equal(12, final!.Value.RecentActivityIds.Distinct().Count());
    }

    [Fact]
    public async Task Delete_Saved_Forgets()
    {
        await Store.SaveAsync(Channel, Conversation, State("x"), null, None);

        await Store.DeleteAsync(Channel, Conversation, None);

        Assert.Null(await Store.GetAsync(Channel, Conversation, None));
    }

    [Fact]
    public async Task Save_ConversationsDifferingOnlyInCase_AreKeptApart()
    {
        await Store.SaveAsync(Channel, "a:abc", State("lower"), null, None);
        await Store.SaveAsync(Channel, "a:ABC", State("upper"), null, None);

        Assert.Equal("lower", (await Store.GetAsync(Channel, "a:abc", None))!.Value.RecentActivityIds[0]);
        Assert.Equal("upper", (await Store.GetAsync(Channel, "a:ABC", None))!.Value.RecentActivityIds[0]);
    }
}

public sealed class LocalConversationStateStoreTests : ConversationStateStoreTests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteConversationStateStoreTests(AzuriteFixture azurite) : ConversationStateStoreTests
{
    protected override AzuriteFixture Azurite => azurite;
}
