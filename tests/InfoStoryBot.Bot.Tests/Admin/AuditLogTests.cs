using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Tests.Storage;

namespace InfoStoryBot.Bot.Tests.Admin;

public sealed class AuditLogTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private AuditLog Log => new(Blobs);

    private static AuditEntry Entry(int minute, string action = "story.approve") =>
        new() { At = Start.AddMinutes(minute), ActorAadObjectId = "admin-1", ActorName = "Alex Admin", Action = action, Target = $"target-{minute}" };

    [Fact]
    public async Task ListRecent_AfterAppends_NewestFirstLimited()
    {
        foreach (var minute in new[] { 3, 1, 4, 2 })
        {
            await Log.AppendAsync(Entry(minute), None);
        }

        var recent = await Log.ListRecentAsync(3, None);

        Assert.Equal(["target-4", "target-3", "target-2"], recent.Select(e => e.Target));
    }

    [Fact]
    public async Task Append_ConcurrentEntriesAtSameInstant_NoneLost()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Log.AppendAsync(Entry(0, "campaign.create"), None)));

        Assert.Equal(20, (await Log.ListRecentAsync(100, None)).Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task ListRecent_CountOutOfRange_Throws(int count)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log.ListRecentAsync(count, None));
    }
}
