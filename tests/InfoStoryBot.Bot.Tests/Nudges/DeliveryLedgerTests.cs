using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Tests.Storage;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Tests.Nudges;

/// <summary>The nudge deliveries as admins and the fan-out read them: a typed view of the proactive send ledger.</summary>
public abstract class DeliveryLedgerTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Slot = new(2026, 3, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly IOptions<ProactiveOptions> Proactive = Options.Create(new ProactiveOptions { ClaimTimeout = TimeSpan.FromMinutes(10), SendDeadline = TimeSpan.FromMinutes(2) });

    private SendLedger Sends() => new(Blobs, Proactive, Time);

    private DeliveryLedger Ledger() => new(Sends(), Proactive, Time);

    private static DeliveryKey Key(string channel = "19:abc@thread.tacv2", DateTimeOffset? slot = null, string campaign = "spring-2026") =>
        new(campaign, slot ?? Slot, channel);

    private async Task<SendClaim> ClaimAsync(DeliveryKey key, string entry = "weekly-norm")
    {
        var details = key.Details();
        details["entry"] = entry;
        details["variant"] = "B";
        details["story"] = "019a4f3c2b10-9f03c2aa";
        return (await Sends().TryClaimAsync(new SendRequest(key.SendKey, key.ChannelId, details), None)).Claim!;
    }

    [Fact]
    public async Task Get_SentDelivery_ReadsBackEverythingTheFanOutKept()
    {
        var claim = await ClaimAsync(Key());
        await Sends().CompleteAsync(claim, new SendCompletion(SendStatus.Sent) { ActivityId = "1:activity", ConversationId = "19:abc@thread.tacv2;messageid=1" }, None);

        var delivery = await Ledger().GetAsync(Key().Id, None);

        Assert.NotNull(delivery);
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal("spring-2026", delivery.CampaignId);
        Assert.Equal(Slot, delivery.SlotUtc);
        Assert.Equal("19:abc@thread.tacv2", delivery.ChannelId);
        Assert.Equal("weekly-norm", delivery.NudgeId);
        Assert.Equal("B", delivery.Variant);
        Assert.Equal("019a4f3c2b10-9f03c2aa", delivery.StoryId);
        Assert.Equal("1:activity", delivery.ActivityId);
        Assert.Equal("19:abc@thread.tacv2;messageid=1", delivery.ThreadId);
        Assert.True(delivery.CountsAsPosted);
        Assert.True(delivery.IsFinal);
    }

    [Fact]
    public async Task Get_ClaimOfADeadInstance_IsShownAsUnknown()
    {
        await ClaimAsync(Key());
        Assert.Equal(DeliveryStatus.Sending, (await Ledger().GetAsync(Key().Id, None))!.Status);

        Time.Advance(TimeSpan.FromMinutes(11));
        var delivery = await Ledger().GetAsync(Key().Id, None);

        Assert.Equal(DeliveryStatus.Unknown, delivery!.Status);
        Assert.True(delivery.CountsAsPosted);
    }

    [Fact]
    public async Task RecordUnsent_SkippedMuted_IsKeptWithItsReasonAndNotOverwritten()
    {
        var skipped = await Ledger().RecordUnsentAsync(Key(), DeliveryStatus.Skipped, SkipReason.Muted, "The channel is muted.", None);
        var again = await Ledger().RecordUnsentAsync(Key(), DeliveryStatus.Missed, null, "late", None);

        Assert.Equal(DeliveryStatus.Skipped, skipped.Status);
        Assert.Equal(SkipReason.Muted, skipped.Skip);
        Assert.Equal(DeliveryStatus.Skipped, again.Status);
        Assert.False(again.CountsAsPosted);
        Assert.False((await Sends().TryClaimAsync(new SendRequest(Key().SendKey, Key().ChannelId), None)).IsClaimed);
    }

    [Fact]
    public async Task ListForCampaign_SeveralSlotsAndChannels_ReturnsEachDeliveryOfThatCampaignOnly()
    {
        await ClaimAsync(Key("19:a@thread.tacv2"));
        await ClaimAsync(Key("19:b@thread.tacv2"));
        await ClaimAsync(Key("19:a@thread.tacv2", Slot.AddDays(1)));
        await ClaimAsync(Key("19:a@thread.tacv2", campaign: "other"));

        var all = await Ledger().ListForCampaignAsync("spring-2026", None);
        var slot = await Ledger().ListForSlotAsync("spring-2026", Slot, None);

        Assert.Equal(3, all.Count);
        Assert.Equal(["19:a@thread.tacv2", "19:b@thread.tacv2"], slot.Select(d => d.ChannelId));
    }

    [Fact]
    public async Task ListBetween_ALocalDayAcrossTwoUtcDates_FindsBothAndNothingElse()
    {
        // A day in Sydney (UTC+11): 2026-03-03 13:00 UTC to 2026-03-04 13:00 UTC.
        var from = new DateTimeOffset(2026, 3, 3, 13, 0, 0, TimeSpan.Zero);
        await ClaimAsync(Key(slot: from.AddHours(-1)));
        await ClaimAsync(Key(slot: from.AddHours(2)));
        await ClaimAsync(Key(slot: from.AddHours(20)));
        await ClaimAsync(Key(slot: from.AddHours(24)));

        var day = await Ledger().ListBetweenAsync("spring-2026", from, from.AddDays(1), None);

        Assert.Equal([from.AddHours(2), from.AddHours(20)], day.Select(d => d.SlotUtc));
    }

    [Fact]
    public async Task ListMissed_OnlyMissed()
    {
        await Ledger().RecordUnsentAsync(Key("19:a@thread.tacv2"), DeliveryStatus.Missed, null, "past the grace window", None);
        await ClaimAsync(Key("19:b@thread.tacv2"));

        var missed = Assert.Single(await Ledger().ListMissedAsync("spring-2026", None));

        Assert.Equal("19:a@thread.tacv2", missed.ChannelId);
        Assert.False(missed.CountsAsPosted);
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("a~b")]
    [InlineData("../x~y~z")]
    [InlineData("a~b~c~d")]
    public async Task Get_MalformedDeliveryId_ReturnsNull(string id)
    {
        Assert.Null(DeliveryIds.SendKey(id));
        Assert.Null(await Ledger().GetAsync(id, None));
    }

    [Fact]
    public void DeliveryIds_RoundTripToTheLedgerKey()
    {
        var id = DeliveryIds.For("spring-2026", Slot, "19:abc@thread.tacv2");

        Assert.StartsWith("spring-2026~20260303T0930~k", id, StringComparison.Ordinal);
        Assert.Equal("nudges/" + id.Replace('~', '/'), DeliveryIds.SendKey(id));
    }
}

public sealed class LocalDeliveryLedgerTests : DeliveryLedgerTests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteDeliveryLedgerTests(AzuriteFixture azurite) : DeliveryLedgerTests
{
    protected override AzuriteFixture Azurite => azurite;
}
