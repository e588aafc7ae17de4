using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Tests.Storage;

namespace InfoStoryBot.Bot.Tests.Nudges;

public abstract class DeliveryLedgerTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Slot = new(2026, 3, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    private DeliveryLedger Ledger() => new(Blobs, Time);

    private static DeliveryRequest Request(string instance, string channel = "19:abc@thread.tacv2") =>
        new("spring-2026", Slot, channel, instance, "social-norm-1", "B");

    [Fact]
    public async Task TryClaim_TwoInstancesAtOnce_ExactlyOneGetsIt()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Ledger().TryClaimAsync(Request($"instance-{i}"), StaleAfter, None)));

        var claim = Assert.Single(claims, c => c is not null);
        var stored = await Ledger().GetAsync(claim!.Record.Id, None);
        Assert.Equal(claim.Record.ClaimedBy, stored!.ClaimedBy);
        Assert.Equal(DeliveryStatus.Claimed, stored.Status);
    }

    [Fact]
    public async Task RecordOutcome_Sent_IsStoredAndNotClaimableAgain()
    {
        var claim = await Ledger().TryClaimAsync(Request("a"), StaleAfter, None);

        await Ledger().RecordOutcomeAsync(claim!, new DeliveryOutcome(DeliveryStatus.Sent, ActivityId: "1:activity"), None);
        Time.Advance(TimeSpan.FromHours(1));

        Assert.Null(await Ledger().TryClaimAsync(Request("b"), StaleAfter, None));
        var stored = await Ledger().GetAsync(claim!.Record.Id, None);
        Assert.Equal(DeliveryStatus.Sent, stored!.Status);
        Assert.Equal("1:activity", stored.ActivityId);
        Assert.Equal("B", stored.Variant);
        Assert.Equal(Time.GetUtcNow(), stored.CompletedAt + TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task TryClaim_StaleClaimOfDeadInstance_IsTakenOverOnceAndOldOwnerCannotRecord()
    {
        var dead = await Ledger().TryClaimAsync(Request("dead"), StaleAfter, None);
        Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await Ledger().TryClaimAsync(Request("early"), StaleAfter, None));
        Time.Advance(TimeSpan.FromMinutes(6));

        var takeovers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Ledger().TryClaimAsync(Request($"live-{i}"), StaleAfter, None)));

        var takeover = Assert.Single(takeovers, c => c is not null);
        Assert.Equal(2, takeover!.Record.Attempt);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Ledger().RecordOutcomeAsync(dead!, new DeliveryOutcome(DeliveryStatus.Sent), None));
    }

    [Fact]
    public async Task TryClaim_AfterRetryableFailure_IsClaimableAgain()
    {
        var first = await Ledger().TryClaimAsync(Request("a"), StaleAfter, None);
        await Ledger().RecordOutcomeAsync(first!, new DeliveryOutcome(DeliveryStatus.Failed, Reason: "429 from Teams", Retryable: true), None);

        var second = await Ledger().TryClaimAsync(Request("b"), StaleAfter, None);

        Assert.NotNull(second);
        Assert.Equal(2, second.Record.Attempt);
    }

    [Fact]
    public async Task ListForCampaign_SeveralChannels_ReturnsEachDelivery()
    {
        foreach (var channel in new[] { "19:a@thread.tacv2", "19:b@thread.tacv2" })
        {
            await Ledger().TryClaimAsync(Request("a", channel), StaleAfter, None);
        }

        await Ledger().TryClaimAsync(Request("a") with { CampaignId = "other" }, StaleAfter, None);

        var deliveries = await Ledger().ListForCampaignAsync("spring-2026", None);

        Assert.Equal(["19:a@thread.tacv2", "19:b@thread.tacv2"], deliveries.Select(d => d.ChannelId).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("a~b")]
    [InlineData("../x~y~z")]
    public async Task Get_MalformedDeliveryId_ReturnsNull(string id)
    {
        Assert.Null(await Ledger().GetAsync(id, None));
    }
}

public sealed class LocalDeliveryLedgerTests : DeliveryLedgerTests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteDeliveryLedgerTests(AzuriteFixture azurite) : DeliveryLedgerTests
{
    protected override AzuriteFixture Azurite => azurite;
}
