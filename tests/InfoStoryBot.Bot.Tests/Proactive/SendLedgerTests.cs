using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Tests.Storage;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Tests.Proactive;

/// <summary>The once-only semantics, on both stores: one claim wins, outcomes stick, a dead claim becomes unknown and is never re-sent.</summary>
public abstract class SendLedgerTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan ClaimTimeout = TimeSpan.FromMinutes(10);
    private const string Key = "nudges/spring-2026/20260303T0930/kchannel";

    private SendLedger Ledger() => new(Blobs, Options.Create(new ProactiveOptions { ClaimTimeout = ClaimTimeout, SendDeadline = TimeSpan.FromMinutes(2) }), Time);

    private static SendRequest Request(string key = Key) =>
        new(key, "19:abc@thread.tacv2", new Dictionary<string, string> { ["entry"] = "weekly-norm", ["variant"] = "B" });

    [Fact]
    public async Task TryClaim_EightInstancesAtOnce_ExactlyOneGetsIt()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Ledger().TryClaimAsync(Request(), None)));

        var claim = Assert.Single(results, r => r.IsClaimed);
        Assert.All(results.Where(r => !r.IsClaimed), r => Assert.Equal(SendStatus.Claimed, r.Record.Status));
        var stored = await Ledger().GetAsync(Key, None);
        Assert.Equal(SendStatus.Claimed, stored!.Status);
        Assert.Equal(1, stored.Attempt);
        Assert.Equal("B", stored.Details["variant"]);
        Assert.Equal(ProactiveInstance.Id, claim.Record.ClaimedBy);
    }

    [Fact]
    public async Task Complete_Sent_IsStoredAndNeverClaimableAgain()
    {
        var claim = (await Ledger().TryClaimAsync(Request(), None)).Claim!;

        await Ledger().CompleteAsync(claim, new SendCompletion(SendStatus.Sent) { ActivityId = "1:activity", ConversationId = "19:abc;messageid=1" }, None);
        Time.Advance(TimeSpan.FromDays(1));
        var again = await Ledger().TryClaimAsync(Request(), None);

        Assert.False(again.IsClaimed);
        Assert.Equal(SendStatus.Sent, again.Record.Status);
        Assert.Equal("1:activity", again.Record.ActivityId);
        Assert.Equal("19:abc;messageid=1", again.Record.ConversationId);
    }

    [Fact]
    public async Task TryClaim_ClaimOfADeadInstance_BecomesUnknownAndIsNeverSentAgain()
    {
        var dead = (await Ledger().TryClaimAsync(Request(), None)).Claim!;
        Time.Advance(ClaimTimeout - TimeSpan.FromMinutes(1));
        var early = await Ledger().TryClaimAsync(Request(), None);
        Assert.False(early.IsClaimed);
        Assert.Equal(SendStatus.Claimed, early.Record.Status);

        Time.Advance(TimeSpan.FromMinutes(2));
        var late = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Ledger().TryClaimAsync(Request(), None)));

        Assert.All(late, r => Assert.False(r.IsClaimed));
        Assert.All(late, r => Assert.Equal(SendStatus.Unknown, r.Record.Status));
        var stored = await Ledger().GetAsync(Key, None);
        Assert.Equal(SendStatus.Unknown, stored!.Status);
        Assert.Contains("may or may not have been posted", stored.Reason, StringComparison.Ordinal);
        Assert.Equal(dead.Record.Attempt, stored.Attempt);
        Time.Advance(TimeSpan.FromDays(30));
        Assert.False((await Ledger().TryClaimAsync(Request(), None)).IsClaimed);
    }

    [Fact]
    public async Task StatusAt_StaleClaimNotYetRewritten_ReadsAsUnknown()
    {
        await Ledger().TryClaimAsync(Request(), None);
        Time.Advance(ClaimTimeout + TimeSpan.FromSeconds(1));

        var stored = await Ledger().GetAsync(Key, None);

        Assert.Equal(SendStatus.Claimed, stored!.Status);
        Assert.Equal(SendStatus.Unknown, stored.StatusAt(Time.GetUtcNow(), ClaimTimeout));
    }

    [Fact]
    public async Task Complete_AfterAnotherInstanceMarkedItUnknown_TheRealOutcomeReplacesUnknown()
    {
        var slow = (await Ledger().TryClaimAsync(Request(), None)).Claim!;
        Time.Advance(ClaimTimeout + TimeSpan.FromMinutes(1));
        Assert.Equal(SendStatus.Unknown, (await Ledger().TryClaimAsync(Request(), None)).Record.Status);

        var done = await Ledger().CompleteAsync(slow, new SendCompletion(SendStatus.Sent) { ActivityId = "late" }, None);

        Assert.Equal(SendStatus.Sent, done.Status);
        Assert.Equal(SendStatus.Sent, (await Ledger().GetAsync(Key, None))!.Status);
    }

    [Fact]
    public async Task TryClaim_AfterRetryableFailure_IsTakenOverOnceWithTheNextAttempt()
    {
        var first = (await Ledger().TryClaimAsync(Request(), None)).Claim!;
        await Ledger().CompleteAsync(first, new SendCompletion(SendStatus.Failed) { Retryable = true, StatusCode = 429, Reason = "Teams answered 429." }, None);

        var takeovers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Ledger().TryClaimAsync(Request(), None)));

        var second = Assert.Single(takeovers, r => r.IsClaimed);
        Assert.Equal(2, second.Record.Attempt);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Ledger().CompleteAsync(first, new SendCompletion(SendStatus.Sent), None));
    }

    [Theory]
    [InlineData(SendStatus.Gone)]
    [InlineData(SendStatus.Unknown)]
    public async Task TryClaim_AfterAFinalOutcome_IsNotClaimable(SendStatus final)
    {
        var claim = (await Ledger().TryClaimAsync(Request(), None)).Claim!;
        await Ledger().CompleteAsync(claim, new SendCompletion(final) { Retryable = true }, None);

        var again = await Ledger().TryClaimAsync(Request(), None);

        Assert.False(again.IsClaimed);
        Assert.Equal(final, again.Record.Status);
        Assert.False(again.Record.Retryable);
    }

    [Fact]
    public async Task Complete_NonRetryableFailure_StaysFailed()
    {
        var claim = (await Ledger().TryClaimAsync(Request(), None)).Claim!;
        await Ledger().CompleteAsync(claim, new SendCompletion(SendStatus.Failed) { StatusCode = 400 }, None);

        Assert.False((await Ledger().TryClaimAsync(Request(), None)).IsClaimed);
    }

    [Fact]
    public async Task RecordUnsent_WhenAlreadyClaimed_ReturnsTheClaimAndChangesNothing()
    {
        await Ledger().TryClaimAsync(Request(), None);

        var skipped = await Ledger().RecordUnsentAsync(Request(), SendStatus.Skipped, "muted", None);

        Assert.Equal(SendStatus.Claimed, skipped.Status);
        Assert.Equal(SendStatus.Claimed, (await Ledger().GetAsync(Key, None))!.Status);
    }

    [Fact]
    public async Task RecordUnsent_Missed_IsFinal()
    {
        var missed = await Ledger().RecordUnsentAsync(Request(), SendStatus.Missed, "past the grace window", None);

        Assert.Equal(SendStatus.Missed, missed.Status);
        Assert.Equal(0, missed.Attempt);
        Assert.False((await Ledger().TryClaimAsync(Request(), None)).IsClaimed);
    }

    [Fact]
    public async Task ListKeys_ByPrefix_ListsOnlyThatPrefix()
    {
        await Ledger().TryClaimAsync(Request("nudges/a/20260303T0930/k1"), None);
        await Ledger().TryClaimAsync(Request("nudges/a/20260304T0930/k1"), None);
        await Ledger().TryClaimAsync(Request("nudges/b/20260303T0930/k1"), None);

        var keys = await Ledger().ListKeysAsync("nudges/a/", None);
        var records = await Ledger().ReadManyAsync(keys, None);

        Assert.Equal(["nudges/a/20260303T0930/k1", "nudges/a/20260304T0930/k1"], keys);
        Assert.Equal(2, records.Count);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("double//slash")]
    public async Task Keys_NotNameSafe_AreRefused(string key)
    {
        Assert.False(SendKeys.IsValid(key));
        Assert.Null(await Ledger().GetAsync(key, None));
        await Assert.ThrowsAsync<ArgumentException>(() => Ledger().TryClaimAsync(Request(key), None));
    }
}

public sealed class LocalSendLedgerTests : SendLedgerTests;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteSendLedgerTests(AzuriteFixture azurite) : SendLedgerTests
{
    protected override AzuriteFixture Azurite => azurite;
}
