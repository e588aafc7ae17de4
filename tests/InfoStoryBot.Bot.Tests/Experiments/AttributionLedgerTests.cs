using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Storage.AzureBlob;
using InfoStoryBot.Bot.Storage.Local;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Stories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Tests.Experiments;

/// <summary>The attribution ledger on both backends; "another instance" is a second store client on the same data.</summary>
public abstract class AttributionLedgerTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;
    internal const string Campaign = "spring-2026";
    private static readonly DateTimeOffset Slot = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A second client on the same container or folder: what another instance of the bot would hold.</summary>
    protected abstract IBlobStore OtherInstance();

    private AttributionLedger Ledger(IBlobStore? blobs = null) =>
        new(blobs ?? Blobs, Deliveries(blobs ?? Blobs, Time), Options.Create(new ExperimentsOptions()), Time, NullLogger<AttributionLedger>.Instance);

    /// <summary>The delivery ledger as the bot builds it: a view over the proactive send ledger on the same store.</summary>
    internal static DeliveryLedger Deliveries(IBlobStore blobs, TimeProvider time)
    {
        var options = Options.Create(new ProactiveOptions());
        return new DeliveryLedger(new SendLedger(blobs, options, time), options, time);
    }

    /// <summary>A nudge recorded as the fan-out records a sent one: claimed in the send ledger, then completed.</summary>
    internal static async Task<string> SentDeliveryAsync(IBlobStore blobs, TimeProvider time, string channel = "19:one@thread.tacv2", string? variant = "B", DateTimeOffset? slot = null)
    {
        var sends = new SendLedger(blobs, Options.Create(new ProactiveOptions()), time);
        var key = new DeliveryKey(Campaign, slot ?? Slot, channel);
        var details = key.Details();
        details[DeliveryDetails.Entry] = "weekly-norm";
        if (variant is not null)
        {
            details[DeliveryDetails.Variant] = variant;
        }

        var claimed = await sends.TryClaimAsync(new SendRequest(key.SendKey, key.ChannelId, details), None);
        await sends.CompleteAsync(claimed.Claim!, new SendCompletion(SendStatus.Sent) { ActivityId = "1:posted" }, None);
        return key.Id;
    }

    [Fact]
    public async Task RecordPress_ManyPeoplePressingRepeatedlyOnTwoInstances_CountsEachPersonExactlyOnce()
    {
        var delivery = await SentDeliveryAsync(Blobs, Time);
        var instances = new[] { Ledger(), Ledger(OtherInstance()) };
        var people = Enumerable.Range(0, 60).Select(i => $"00000000-0000-4000-8000-{i:D12}").ToList();

        var results = await Task.WhenAll(
            from person in people
            from press in Enumerable.Range(0, 3)
            select Task.Run(() => instances[(person.GetHashCode() + press) & 1].RecordPressAsync(delivery, "B", person, None)));

        Assert.Equal(60, results.Count(r => r == OutcomeRecording.Recorded));
        Assert.Equal(120, results.Count(r => r == OutcomeRecording.AlreadyRecorded));
        var facts = await Ledger(OtherInstance()).ListAsync(Campaign, None);
        Assert.Equal(60, facts.Count(f => f.Kind == OutcomeKind.Press && f.DeliveryId == delivery));
        Assert.Equal(60, facts.Select(f => f.Subject).Distinct().Count());
    }

    [Fact]
    public async Task RecordPress_ItemNames_HoldNoPersonIdAndTheSameHashOnEveryInstance()
    {
        var delivery = await SentDeliveryAsync(Blobs, Time);
        const string person = "00000000-0000-4000-8000-0000000000aa";

        Assert.Equal(OutcomeRecording.Recorded, await Ledger().RecordPressAsync(delivery, "B", person, None));
        Assert.Equal(OutcomeRecording.AlreadyRecorded, await Ledger(OtherInstance()).RecordPressAsync(delivery, "B", person, None));

        var names = await AllNamesAsync();
        Assert.DoesNotContain(names, n => n.Contains("0000000000aa", StringComparison.Ordinal) || n.Contains(BlobNames.EncodeKey(person), StringComparison.Ordinal));
        Assert.Single(names, n => n.StartsWith($"outcomes/{Campaign}/press/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordPress_UnknownOrForgedDelivery_CountsNothing()
    {
        Assert.Equal(OutcomeRecording.UnknownDelivery, await Ledger().RecordPressAsync("spring-2026~20260302T1000~knotachannel", "A", "p", None));
        Assert.Equal(OutcomeRecording.UnknownDelivery, await Ledger().RecordPressAsync("../../etc", "A", "p", None));
        Assert.Equal(OutcomeRecording.UnknownDelivery, await Ledger().RecordPressAsync("", null, "p", None));

        Assert.Empty(await Ledger().ListAsync(Campaign, None));
    }

    [Fact]
    public async Task RecordStorySubmitted_WithinTheWindowAfterAPress_IsAttributedOnce()
    {
        var delivery = await SentDeliveryAsync(Blobs, Time);
        const string person = "teller";
        await Ledger().RecordPressAsync(delivery, "B", person, None);
        await Ledger().RecordDialogStartedAsync(delivery, "B", person, None);
        var storyId = StoryIds.Format(Time.GetUtcNow(), [1, 2, 3, 4]);
        var origin = new StoryOrigin(delivery, "B");

        var first = await Ledger().RecordStorySubmittedAsync(origin, storyId, person, Time.GetUtcNow() + TimeSpan.FromDays(7), None);
        var again = await Ledger(OtherInstance()).RecordStorySubmittedAsync(origin, storyId, person, Time.GetUtcNow() + TimeSpan.FromDays(7), None);

        Assert.Equal(OutcomeRecording.Recorded, first);
        Assert.Equal(OutcomeRecording.AlreadyRecorded, again);
        var submitted = Assert.Single(await Ledger().ListAsync(Campaign, None), f => f.Kind == OutcomeKind.StorySubmitted);
        Assert.Equal(storyId, submitted.Subject);
    }

    [Fact]
    public async Task RecordStorySubmitted_JustAfterTheWindow_OrWithoutAPress_IsNotAttributed()
    {
        var delivery = await SentDeliveryAsync(Blobs, Time);
        await Ledger().RecordPressAsync(delivery, "B", "presser", None);
        var origin = new StoryOrigin(delivery, "B");
        var late = Time.GetUtcNow() + TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1);

        Assert.Equal(OutcomeRecording.OutsideWindow, await Ledger().RecordStorySubmittedAsync(origin, StoryIds.Format(late, [1, 1, 1, 1]), "presser", late, None));
        Assert.Equal(OutcomeRecording.NoPress, await Ledger().RecordStorySubmittedAsync(origin, StoryIds.Format(late, [2, 2, 2, 2]), "someone else", Time.GetUtcNow(), None));
        Assert.DoesNotContain(await Ledger().ListAsync(Campaign, None), f => f.Kind == OutcomeKind.StorySubmitted);
    }

    [Fact]
    public async Task RecordPledges_MadeAndKept_AreCountedPerPersonPerDelivery()
    {
        var delivery = await SentDeliveryAsync(Blobs, Time);

        await Ledger().RecordPledgeMadeAsync(delivery, "B", "a", None);
        await Ledger().RecordPledgeMadeAsync(delivery, "B", "a", None);
        await Ledger().RecordPledgeMadeAsync(delivery, "B", "b", None);
        await Ledger().RecordPledgeKeptAsync(delivery, "B", "a", None);

        var facts = await Ledger().ListAsync(Campaign, None);
        Assert.Equal(2, facts.Count(f => f.Kind == OutcomeKind.PledgeMade));
        Assert.Equal(1, facts.Count(f => f.Kind == OutcomeKind.PledgeKept));
    }
}

public sealed class LocalAttributionLedgerTests : AttributionLedgerTests
{
    protected override IBlobStore OtherInstance() => new LocalFolderBlobStore(LocalRoot!, Time);
}

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteAttributionLedgerTests(AzuriteFixture azurite) : AttributionLedgerTests
{
    protected override AzuriteFixture Azurite => azurite;

    protected override IBlobStore OtherInstance() =>
        AzureBlobStoreFactory.FromConnectionString(azurite.Azurite.ConnectionString, ((AzureBlobStore)Blobs).Container);
}
