using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.Dialogs.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.Bot.Tests.Teams;

public sealed class ChannelDirectoryTests : StorageBackend
{
    private const string TeamId = "19:team@thread.tacv2";
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));

    private ChannelDirectory Directory => new(new TeamStore(Blobs), _time, NullLogger<ChannelDirectory>.Instance);

    private Task SeedAsync(int channels = 2) => new TeamStore(Blobs).SaveAsync(new TeamRecord
    {
        TeamId = TeamId,
        Name = "Northshire",
        ServiceUrl = "https://smba.example/amer/",
        InstalledAt = _time.GetUtcNow(),
        Channels = [new ChannelRecord(TeamId, null), .. Enumerable.Range(1, channels - 1).Select(i => new ChannelRecord($"19:c{i}@thread.tacv2", $"C{i}"))],
    }, null, None);

    [Fact]
    public async Task List_EveryChannelWithItsTeam()
    {
        await SeedAsync(3);

        var all = await Directory.ListAsync(None);

        Assert.Equal(3, all.Count);
        Assert.All(all, c => Assert.Equal("Northshire", c.TeamName));
        Assert.True(all.Single(c => c.ChannelId == TeamId).IsGeneral);
    }

    [Fact]
    public async Task SetMuted_SaysBeforeAndAfter_AndTwiceChangesNothing()
    {
        await SeedAsync();

        var first = await Directory.SetMutedAsync("19:c1@thread.tacv2", true, None);
        var again = await Directory.SetMutedAsync("19:c1@thread.tacv2", true, None);

        Assert.False(first!.Before.Muted);
        Assert.True(first.After.Muted);
        Assert.False(first.After.CanPost);
        Assert.Equal(again!.Before, again.After);
        Assert.Null(await Directory.SetMutedAsync("19:nowhere@thread.tacv2", true, None));
    }

    [Fact]
    public async Task SetMuted_ManyChannelsOfOneTeamAtOnce_KeepsEveryChange()
    {
        await SeedAsync(9);
        var ids = Enumerable.Range(1, 8).Select(i => $"19:c{i}@thread.tacv2").ToList();

        await Task.WhenAll(ids.Select(id => Task.Run(() => Directory.SetMutedAsync(id, true, None))));

        var all = await Directory.ListAsync(None);
        Assert.All(ids, id => Assert.True(all.Single(c => c.ChannelId == id).Muted));
    }

    [Fact]
    public async Task MarkGone_TrueTheFirstTimeOnly_AndKeepsTheFirstReason()
    {
        await SeedAsync();

        Assert.True(await Directory.MarkGoneAsync("19:c1@thread.tacv2", ChannelGoneReason.Refused, "404 ConversationNotFound", None));
        _time.Advance(TimeSpan.FromHours(1));
        Assert.False(await Directory.MarkGoneAsync("19:c1@thread.tacv2", ChannelGoneReason.Deleted, null, None));
        Assert.False(await Directory.MarkGoneAsync("19:nowhere@thread.tacv2", ChannelGoneReason.Refused, null, None));

        var gone = (await Directory.FindAsync("19:c1@thread.tacv2", None))!.Gone;
        Assert.Equal(new ChannelGone(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero), ChannelGoneReason.Refused, "404 ConversationNotFound"), gone);
    }
}
