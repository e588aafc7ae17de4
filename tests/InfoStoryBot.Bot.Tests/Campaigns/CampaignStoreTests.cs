using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Tests.Storage;

namespace InfoStoryBot.Bot.Tests.Campaigns;

public sealed class CampaignStoreTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;

    private CampaignStore Store => new(Blobs);

    private static Campaign Spring() => new()
    {
        Id = CampaignIds.FromName("Spring 2026 #infostory"),
        Name = "Spring 2026 #infostory",
        StartDate = new DateOnly(2026, 3, 2),
        EndDate = new DateOnly(2026, 3, 27),
        DaysOfWeek = [DayOfWeek.Tuesday, DayOfWeek.Thursday],
        PostingTime = new TimeOnly(9, 30),
        TimeZone = "Europe/London",
        TargetChannelIds = ["19:general@thread.tacv2"],
        State = CampaignState.Scheduled,
        Goal = "A story from every partner",
        StoryTarget = 30,
        CreatedAt = new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.Zero),
        UpdatedAt = new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public async Task Save_ThenGet_RoundTripsEveryField()
    {
        var campaign = Spring();
        var etag = await Store.SaveAsync(campaign, null, None);

        var loaded = await Store.GetAsync("spring-2026-infostory", None);

        Assert.Equal(etag, loaded!.ETag);
        Assert.Equal(campaign with { DaysOfWeek = loaded.Value.DaysOfWeek, TargetChannelIds = loaded.Value.TargetChannelIds }, loaded.Value);
        Assert.Equal(campaign.DaysOfWeek, loaded.Value.DaysOfWeek);
        Assert.Equal(campaign.TargetChannelIds, loaded.Value.TargetChannelIds);
    }

    [Fact]
    public async Task Save_StateChangeWithStaleETag_ThrowsConflict()
    {
        var etag = await Store.SaveAsync(Spring(), null, None);
        await Store.SaveAsync(Spring() with { State = CampaignState.Running }, etag, None);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(Spring() with { State = CampaignState.Paused }, etag, None));
        Assert.Equal(CampaignState.Running, (await Store.GetAsync(Spring().Id, None))!.Value.State);
    }

    [Fact]
    public async Task Save_Invalid_ThrowsWithEveryProblem()
    {
        var bad = Spring() with { EndDate = new DateOnly(2026, 1, 1), TimeZone = "Mars/Olympus", DaysOfWeek = [] };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveAsync(bad, null, None));

        Assert.Contains("end date", error.Message, StringComparison.Ordinal);
        Assert.Contains("Mars/Olympus", error.Message, StringComparison.Ordinal);
        Assert.Contains("day of the week", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_TwoCampaigns_ReturnsBoth()
    {
        await Store.SaveAsync(Spring(), null, None);
        await Store.SaveAsync(Spring() with { Id = "autumn-2026", Name = "Autumn 2026" }, null, None);

        var all = await Store.ListAsync(None);

        Assert.Equal(["autumn-2026", "spring-2026-infostory"], all.Select(c => c.Value.Id));
    }

    [Fact]
    public async Task Delete_Campaign_RemovesIt()
    {
        var etag = await Store.SaveAsync(Spring(), null, None);

        Assert.True(await Store.DeleteAsync(Spring().Id, etag, None));
        Assert.Null(await Store.GetAsync(Spring().Id, None));
    }

    [Theory]
    [InlineData("Spring 2026 #infostory", "spring-2026-infostory")]
    [InlineData("  ", "campaign")]
    [InlineData("Ça va? Été!", "a-va-t")]
    public void FromName_AnyName_GivesValidId(string name, string expected)
    {
        var id = CampaignIds.FromName(name);

        Assert.Equal(expected, id);
        Assert.True(CampaignIds.IsValid(id));
    }
}
