using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Tests.Storage;

namespace InfoStoryBot.Bot.Tests.Nudges;

/// <summary>
/// The pledge store on both storage implementations: one pledge per person and delivery however often it is made, the
/// due index that lists reminders in time order and follows every change of time or status, conditional updates.
/// </summary>
public abstract class PledgeStoreTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Made = new(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);

    private PledgeStore Store() => new(Blobs);

    private Pledge New(string delivery = "spring~20260309T1000~kabc", string person = "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e") => new()
    {
        Id = Store().IdFor(delivery, person),
        DeliveryId = delivery,
        CampaignId = "spring",
        PersonId = person,
        MadeAt = Made,
    };

    [Fact]
    public async Task Make_TwiceOrOnTwoInstancesAtOnce_KeepsTheFirstPledge()
    {
        var first = New() with { Variant = "A" };

        var made = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Store().MakeAsync(i == 0 ? first : New() with { MadeAt = Made.AddMinutes(i) }, None)));

        Assert.Single(made.Select(m => m.Value.MadeAt).Distinct());
        Assert.Single(await Store().ForPersonAsync(first.PersonId, None));
        Assert.Equal(Store().IdFor(first.DeliveryId, first.PersonId), (await Store().GetAsync(first.Id, None))!.Value.Id);
        Assert.NotEqual(Store().IdFor(first.DeliveryId, first.PersonId), Store().IdFor(first.DeliveryId, "someone-else"));
    }

    [Fact]
    public async Task Due_ListsRemindersUpToNowInTimeOrder_AndFollowsAChangedTime()
    {
        var store = Store();
        var early = await store.MakeAsync(New(person: "a"), None);
        var late = await store.MakeAsync(New(person: "b"), None);
        await store.UpdateAsync(late.Value with { RemindAt = Made.AddDays(2) }, late.ETag, None);
        var moved = await store.UpdateAsync(early.Value with { RemindAt = Made.AddDays(3) }, early.ETag, None);
        await store.UpdateAsync(moved.Value with { RemindAt = Made.AddDays(1) }, moved.ETag, None);

        Assert.Empty(await store.DueAsync(Made.AddHours(23), None));
        Assert.Equal([early.Value.Id], (await store.DueAsync(Made.AddDays(1), None)).Select(d => d.PledgeId));
        var all = await store.DueAsync(Made.AddDays(10), None);
        Assert.Equal([early.Value.Id, late.Value.Id], all.Select(d => d.PledgeId));
        Assert.Equal([Made.AddDays(1), Made.AddDays(2)], all.Select(d => d.At));
    }

    [Fact]
    public async Task Update_ToAClosedStatus_RemovesItsReminderFromTheIndex()
    {
        var store = Store();
        var made = await store.MakeAsync(New(), None);
        var timed = await store.UpdateAsync(made.Value with { RemindAt = Made.AddDays(1) }, made.ETag, None);

        await store.UpdateAsync(timed.Value with { Status = PledgeStatus.Kept, StoryId = "019a4f3c2b10-9f03c2aa" }, timed.ETag, None);

        Assert.Empty(await store.DueAsync(Made.AddDays(30), None));
        Assert.Equal(PledgeStatus.Kept, (await store.GetAsync(made.Value.Id, None))!.Value.Status);
    }

    [Fact]
    public async Task Update_OnAStaleETag_Conflicts()
    {
        var store = Store();
        var made = await store.MakeAsync(New(), None);
        await store.UpdateAsync(made.Value with { RemindAt = Made.AddDays(1) }, made.ETag, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.UpdateAsync(made.Value with { Status = PledgeStatus.Kept }, made.ETag, None));
    }

    [Fact]
    public async Task RemoveDue_TakesTheEntryOutAndGetIgnoresIdsThatAreNotPledges()
    {
        var store = Store();
        var made = await store.MakeAsync(New(), None);
        await store.UpdateAsync(made.Value with { RemindAt = Made.AddDays(1) }, made.ETag, None);
        var due = Assert.Single(await store.DueAsync(Made.AddDays(1), None));

        await store.RemoveDueAsync(due, None);

        Assert.Empty(await store.DueAsync(Made.AddDays(1), None));
        Assert.Null(await store.GetAsync("../../keys/attribution", None));
        Assert.Null(await store.GetAsync("ABCDEF", None));
    }
}

public sealed class LocalPledgeStoreTests : PledgeStoreTests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuritePledgeStoreTests(AzuriteFixture azurite) : PledgeStoreTests
{
    protected override AzuriteFixture Azurite => azurite;
}
