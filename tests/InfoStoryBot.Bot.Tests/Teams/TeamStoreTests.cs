using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Tests.Storage;

namespace InfoStoryBot.Bot.Tests.Teams;

public sealed class TeamStoreTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;

    private TeamStore Store => new(Blobs);

    private static TeamRecord Team(string id, params ChannelRecord[] channels) => new()
    {
        TeamId = id,
        Name = "Northshire Partnership",
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        InstalledAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
        Channels = channels,
    };

    [Fact]
    public async Task Save_ThenGetAndList_ReturnsTeamsWithChannels()
    {
        await Store.SaveAsync(Team("19:team-a@thread.tacv2", new ChannelRecord("19:team-a@thread.tacv2", null), new ChannelRecord("19:c2@thread.tacv2", "Stories")), null, None);
        await Store.SaveAsync(Team("19:team-b@thread.tacv2"), null, None);

        var loaded = await Store.GetAsync("19:team-a@thread.tacv2", None);
        var all = await Store.ListAsync(None);

        Assert.Equal(2, loaded!.Value.Channels.Count);
        Assert.Equal(["19:team-a@thread.tacv2", "19:team-b@thread.tacv2"], all.Select(t => t.TeamId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Save_StaleETag_ThrowsConflict()
    {
        var etag = await Store.SaveAsync(Team("19:t"), null, None);
        await Store.SaveAsync(Team("19:t", new ChannelRecord("19:c", "One")), etag, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(Team("19:t", new ChannelRecord("19:d", "Two")), etag, None));
        Assert.Equal("19:c", (await Store.GetAsync("19:t", None))!.Value.Channels.Single().ChannelId);
    }

    [Fact]
    public async Task Save_MutedAndGoneChannel_RoundTrips()
    {
        var gone = new InfoStoryBot.Dialogs.Channels.ChannelGone(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero), InfoStoryBot.Dialogs.Channels.ChannelGoneReason.Refused, "404 ConversationNotFound");
        await Store.SaveAsync(Team("19:t", new ChannelRecord("19:c", "One", Muted: true, Gone: gone)), null, None);

        Assert.Equal(new ChannelRecord("19:c", "One", true, gone), (await Store.GetAsync("19:t", None))!.Value.Channels.Single());
    }

    [Fact]
    public async Task Get_TeamStoredBeforeGoneMarks_ReadsItsChannelsAsNotGone()
    {
        var json = """{"teamId":"19:t","name":"N","serviceUrl":"https://smba.example/","installedAt":"2026-03-01T09:00:00+00:00","channels":[{"channelId":"19:c","name":"One","muted":true}]}""";
        await Blobs.WriteAsync("teams/" + BlobNames.EncodeKey("19:t") + ".json", System.Text.Encoding.UTF8.GetBytes(json), WriteCondition.Always, None);

        Assert.Equal(new ChannelRecord("19:c", "One", true), (await Store.GetAsync("19:t", None))!.Value.Channels.Single());
    }

    [Fact]
    public async Task Delete_Team_RemovesIt()
    {
        await Store.SaveAsync(Team("19:t"), null, None);

        await Store.DeleteAsync("19:t", None);

        Assert.Null(await Store.GetAsync("19:t", None));
        Assert.Empty(await Store.ListAsync(None));
    }
}
