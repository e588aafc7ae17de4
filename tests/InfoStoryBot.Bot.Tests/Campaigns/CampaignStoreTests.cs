using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.Dialogs.Campaigns;

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
        PlannedNudges = [new(new DateOnly(2026, 3, 3), "campaign-moment")],
        LiveFrom = new DateTimeOffset(2026, 2, 20, 10, 0, 0, TimeSpan.Zero),
        UpdatedBy = "admin-object-id",
        EarlierTimetables =
        [
            new CampaignTimetable
            {
                StartDate = new DateOnly(2026, 3, 2),
                EndDate = new DateOnly(2026, 3, 27),
                DaysOfWeek = [DayOfWeek.Tuesday],
                PostingTime = new TimeOnly(9, 0),
                TimeZone = "Europe/London",
                TargetChannelIds = ["19:general@thread.tacv2"],
                ReplacedAt = new DateTimeOffset(2026, 2, 21, 10, 0, 0, TimeSpan.Zero),
            },
        ],
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
        var value = loaded.Value;
        Assert.Equal(campaign with { DaysOfWeek = value.DaysOfWeek, TargetChannelIds = value.TargetChannelIds, PlannedNudges = value.PlannedNudges, EarlierTimetables = value.EarlierTimetables }, value);
        Assert.Equal(campaign.DaysOfWeek, value.DaysOfWeek);
        Assert.Equal(campaign.TargetChannelIds, value.TargetChannelIds);
        Assert.Equal(campaign.PlannedNudges, value.PlannedNudges);
        var earlier = Assert.Single(value.EarlierTimetables);
        Assert.True(campaign.EarlierTimetables[0].SameAs(earlier));
        Assert.Equal(campaign.EarlierTimetables[0].ReplacedAt, earlier.ReplacedAt);
    }

    [Fact]
    public async Task Get_CampaignStoredBeforeTheModelMoved_StillReads()
    {
        const string stored = """
            {"id":"spring-2026","name":"Spring 2026","startDate":"2026-03-02","endDate":"2026-03-27","daysOfWeek":["Tuesday","Thursday"],
             "postingTime":"09:30:00","timeZone":"Europe/London","targetChannelIds":["19:general@thread.tacv2"],"state":"Scheduled",
             "goal":"A story from every partner","storyTarget":30,"createdAt":"2026-02-20T10:00:00+00:00","updatedAt":"2026-02-20T10:00:00+00:00"}
            """;
        await Blobs.WriteAsync("campaigns/spring-2026.json", System.Text.Encoding.UTF8.GetBytes(stored), WriteCondition.IfAbsent, None);

        var loaded = (await Store.GetAsync("spring-2026", None))!.Value;

        Assert.Equal([DayOfWeek.Tuesday, DayOfWeek.Thursday], loaded.DaysOfWeek);
        Assert.Equal(new TimeOnly(9, 30), loaded.PostingTime);
        Assert.Equal(CampaignState.Scheduled, loaded.State);
        Assert.Empty(loaded.PlannedNudges);
        Assert.Empty(loaded.EarlierTimetables);
        Assert.Null(loaded.LiveFrom);
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
