using System.Globalization;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.IntegrationTests.Nudges;

/// <summary>
/// The fan-out in the running app through the Teams simulator (real time, real pacing): every channel once and
/// none twice under throttling and refusals, unknown outcomes never re-sent, gone channels marked and admins told
/// once, muted channels skipped, and cards built from true figures.
/// </summary>
public sealed class NudgeFanOutTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static async Task<(NudgeHarness Harness, Campaign Campaign)> StartAsync(int channels, IDictionary<string, string?>? settings = null, int? tenantLimit = 30,
        Func<int, ChannelRecord, ChannelRecord>? change = null)
    {
        var harness = await NudgeHarness.StartAsync(settings: settings, tenantLimit: tenantLimit);
        var ids = await harness.RegisterChannelsAsync(channels, change);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var campaign = NudgeHarness.Campaign("fanout", "Etc/UTC", today.AddDays(-10), today.AddDays(10), new TimeOnly(23, 59, 59), ids, DateTimeOffset.UtcNow, CampaignState.Paused);
        await harness.SaveAsync(campaign);
        return (harness, campaign);
    }

    /// <summary>Runs the slot again until every channel has its final record, as the scheduler's next ticks would.</summary>
    private static async Task<FanOutReport> UntilCompleteAsync(NudgeHarness harness, Campaign campaign, CampaignSlot slot, int passes = 4)
    {
        FanOutReport report = null!;
        for (var pass = 0; pass < passes; pass++)
        {
            report = await harness.FanOutAsync(f => f.SendSlotAsync(campaign, slot, None));
            if (report.IsComplete)
            {
                break;
            }
        }

        return report;
    }

    [Fact]
    public async Task FanOut_UnderInjected429And503_PostsEveryChannelOnceAndNoneTwice()
    {
        var (harness, campaign) = await StartAsync(40);
        await using var _ = harness;
        harness.Teams.RandomFaults = new RandomFaultPolicy(0.25) { Statuses = [429, 503], RetryAfter = TimeSpan.FromSeconds(1) };
        var slot = NudgeHarness.Slot(campaign, DateTimeOffset.UtcNow);

        var report = await UntilCompleteAsync(harness, campaign, slot);

        Assert.True(report.IsComplete, string.Join(", ", report.Channels.Where(c => !c.IsFinal).Select(c => $"{c.ChannelId} {c.Status} {c.Reason}")));
        Assert.Equal(40, report.Sent);
        var posts = harness.PostsByChannel();
        Assert.Equal(campaign.TargetChannelIds.Order(StringComparer.Ordinal), posts.Keys.Order(StringComparer.Ordinal));
        Assert.All(posts.Values, p => Assert.Single(p));
        Assert.True(harness.Teams.Calls.Any(c => c.ResponseStatus is 429 or 503), "no faults were injected");
        var deliveries = await harness.Service<IDeliveryLedger>().ListForSlotAsync(campaign.Id, slot.Utc, None);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.All(deliveries, d => Assert.Equal(posts[d.ChannelId][0].ActivityId, d.ActivityId));
    }

    [Fact]
    public async Task FanOut_OverTheTenantLimitOfTheSimulator_IsPacedByTheBotAndNeverRefused()
    {
        var (harness, campaign) = await StartAsync(45, tenantLimit: 30);
        await using var _ = harness;

        var report = await harness.FanOutAsync(f => f.SendSlotAsync(campaign, NudgeHarness.Slot(campaign, DateTimeOffset.UtcNow), None));

        Assert.Equal(45, report.Sent);
        Assert.Equal(0, harness.Teams.RefusedOverTenantLimit);
        var times = harness.Teams.ChannelPosts.Select(p => p.ReceivedAt).Order().ToList();
        Assert.True(times[^1] - times[0] >= TimeSpan.FromSeconds(1.2), $"45 posts at 30 a second took only {times[^1] - times[0]}");
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task FanOut_AnswerThatMayHavePosted_IsUnknownAndNeverSentAgain(int status)
    {
        var (harness, campaign) = await StartAsync(5);
        await using var _ = harness;
        harness.Teams.InjectFault(SimulatedFault.Status(status) with { Method = "POST" });
        var slot = NudgeHarness.Slot(campaign, DateTimeOffset.UtcNow);

        var first = await harness.FanOutAsync(f => f.SendSlotAsync(campaign, slot, None));
        var second = await harness.FanOutAsync(f => f.SendSlotAsync(campaign, slot, None));

        var unknown = Assert.Single(first.Channels, c => c.Status == DeliveryStatus.Unknown);
        Assert.Equal(4, first.Sent);
        Assert.True(first.IsComplete);
        Assert.Equal(DeliveryStatus.Unknown, second.Channels.Single(c => c.ChannelId == unknown.ChannelId).Status);
        Assert.Equal(4, harness.Teams.ChannelPosts.Count);
        Assert.DoesNotContain(harness.Teams.ChannelPosts, p => p.ChannelId == unknown.ChannelId);
        var record = await harness.Service<IDeliveryLedger>().GetAsync(unknown.DeliveryId, None);
        Assert.Equal(DeliveryStatus.Unknown, record!.Status);
    }

    [Fact]
    public async Task FanOut_ChannelTheBotWasRemovedFrom_IsMarkedGoneAndEachAdminIsToldOnce()
    {
        var (harness, campaign) = await StartAsync(3);
        await using var _ = harness;
        var gone = campaign.TargetChannelIds[1];
        harness.Teams.RemoveBotFromChannel(gone);
        var today = DateTimeOffset.UtcNow;

        var first = await harness.FanOutAsync(f => f.SendSlotAsync(campaign, NudgeHarness.Slot(campaign, today), None));
        var second = await harness.FanOutAsync(f => f.SendSlotAsync(campaign, NudgeHarness.Slot(campaign, today.AddDays(1)), None));

        Assert.Equal(DeliveryStatus.Gone, first.Channels.Single(c => c.ChannelId == gone).Status);
        Assert.Equal((DeliveryStatus.Skipped, SkipReason.Gone), second.Channels.Single(c => c.ChannelId == gone) is var s ? (s.Status, s.Skip) : default);
        Assert.Equal(2, first.Sent);
        Assert.Equal(2, second.Sent);
        var team = await harness.Service<ITeamStore>().GetAsync(NudgeHarness.TeamId, None);
        Assert.Equal(InfoStoryBot.Dialogs.Channels.ChannelGoneReason.Refused, team!.Value.Channels.Single(c => c.ChannelId == gone).Gone?.Reason);
        Assert.DoesNotContain(harness.Teams.ChannelPosts, p => p.ChannelId == gone);

        // Priya has a chat with the bot and was told once; Tom has none, so his notice is recorded as not sent.
        var priyasChat = harness.Teams.Activities.PersonalConversationId(SimulatedUser.Priya);
        var notice = Assert.Single(harness.Teams.Calls, c => c.Method == "POST" && c.Path == $"v3/conversations/{priyasChat}/activities");
        Assert.Contains("Partners 2", notice.Text, StringComparison.Ordinal);
        Assert.Contains("403 BotNotInConversationRoster", notice.Text, StringComparison.Ordinal);
        Assert.Contains(campaign.Name, notice.Text, StringComparison.Ordinal);
        var notices = await harness.Service<ISendLedger>().ReadManyAsync(await harness.Service<ISendLedger>().ListKeysAsync("notices/channel-gone/", None), None);
        Assert.Equal(2, notices.Count);
        Assert.Single(notices, n => n.Status == SendStatus.Sent);
        Assert.Single(notices, n => n.Status == SendStatus.Skipped && n.Details["admin"] == SimulatedUser.Tom.AadObjectId);
    }

    [Fact]
    public async Task FanOut_MutedChannel_IsSkippedAndTheSkipRecorded()
    {
        var (harness, campaign) = await StartAsync(3, change: (n, c) => n == 3 ? c with { Muted = true } : c);
        await using var _ = harness;

        var report = await harness.FanOutAsync(f => f.SendSlotAsync(campaign, NudgeHarness.Slot(campaign, DateTimeOffset.UtcNow), None));

        var muted = campaign.TargetChannelIds[2];
        Assert.Equal((DeliveryStatus.Skipped, SkipReason.Muted), report.Channels.Single(c => c.ChannelId == muted) is var m ? (m.Status, m.Skip) : default);
        Assert.Equal(2, report.Sent);
        Assert.DoesNotContain(harness.Teams.ChannelPosts, p => p.ChannelId == muted);
        var record = await harness.Service<IDeliveryLedger>().GetAsync(report.Channels.Single(c => c.ChannelId == muted).DeliveryId, None);
        Assert.Equal(DeliveryStatus.Skipped, record!.Status);
        Assert.Equal("The channel is muted.", record.Reason);
    }

    [Fact]
    public async Task FanOut_ClaimLeftByAnInstanceThatDied_StaysUnsentAndIsShownUnknown()
    {
        var (harness, campaign) = await StartAsync(3, new Dictionary<string, string?>
        {
            ["Proactive:SendDeadline"] = "00:00:01",
            ["Proactive:ClaimTimeout"] = "00:00:03",
        });
        await using var _ = harness;
        var slot = NudgeHarness.Slot(campaign, DateTimeOffset.UtcNow);
        var orphan = new DeliveryKey(campaign.Id, slot.Utc, campaign.TargetChannelIds[0]);
        Assert.True((await harness.Service<ISendLedger>().TryClaimAsync(new SendRequest(orphan.SendKey, orphan.ChannelId, new Dictionary<string, string>(orphan.Details())), None)).IsClaimed);

        var whileFresh = await harness.FanOutAsync(f => f.SendSlotAsync(campaign, slot, None));
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        var afterTimeout = await harness.FanOutAsync(f => f.SendSlotAsync(campaign, slot, None));

        Assert.Equal(DeliveryStatus.Sending, whileFresh.Channels[0].Status);
        Assert.False(whileFresh.IsComplete);
        Assert.Equal(DeliveryStatus.Unknown, afterTimeout.Channels[0].Status);
        Assert.True(afterTimeout.IsComplete);
        var stored = await harness.Service<ISendLedger>().GetAsync(orphan.SendKey, None);
        Assert.Equal(SendStatus.Unknown, stored!.Status);
        Assert.DoesNotContain(harness.Teams.ChannelPosts, p => p.ChannelId == orphan.ChannelId);
        Assert.Equal(2, harness.Teams.ChannelPosts.Count);
    }

    [Fact]
    public async Task SendNow_WeeklyNorm_ShowsThisWeeksTrueFigures_AndFallsBackBelowTheThreshold()
    {
        var (harness, campaign) = await StartAsync(1);
        await using var _ = harness;
        var week = CampaignCalendar.WeekOf("Etc/UTC", DateOnly.FromDateTime(DateTime.UtcNow));
        string[] orgs = ["Northtown Council", "northtown  council", "Police", "GP surgery", "Police", null!];
        for (var i = 0; i < 6; i++)
        {
            await harness.TellAsync(campaign.Id, week.StartUtc, $"teller-{i}", orgs[i], i % 2 == 0 ? StoryStatus.Submitted : StoryStatus.Approved);
        }

        // Last Sunday does not count this week, and a rejected story is no story of the campaign.
        await harness.TellAsync(campaign.Id, week.StartUtc.AddMinutes(-1), "teller-old", "Housing");
        await harness.TellAsync(campaign.Id, week.StartUtc, "teller-rejected", "Housing", StoryStatus.Rejected);

        var report = await harness.FanOutAsync(f => f.SendNowAsync(campaign, NudgeKind.WeeklyNorm, SimulatedUser.Priya.AadObjectId, None));

        var sent = Assert.Single(report.Channels);
        Assert.Equal("weekly-norm", sent.EntryId);
        var card = CardText(Assert.Single(harness.Teams.ChannelPosts));
        Assert.Contains("6 colleagues", card, StringComparison.Ordinal);
        Assert.Contains("3 partner organisations", card, StringComparison.Ordinal);
        Assert.Contains(sent.DeliveryId, card, StringComparison.Ordinal);

        await using var few = await NudgeHarness.StartAsync(tenantLimit: 30);
        var channels = await few.RegisterChannelsAsync(1);
        var quiet = campaign with { Id = "quiet", TargetChannelIds = channels };
        await few.SaveAsync(quiet);
        for (var i = 0; i < 4; i++)
        {
            await few.TellAsync(quiet.Id, week.StartUtc, $"teller-{i}", "Police");
        }

        var fallback = Assert.Single((await few.FanOutAsync(f => f.SendNowAsync(quiet, NudgeKind.WeeklyNorm, SimulatedUser.Priya.AadObjectId, None))).Channels);
        Assert.Equal(DeliveryStatus.Sent, fallback.Status);
        Assert.NotEqual("weekly-norm", fallback.EntryId);
        var record = await few.Service<IDeliveryLedger>().GetAsync(fallback.DeliveryId, None);
        Assert.Equal("weekly-norm", record!.PlannedNudgeId);
        Assert.DoesNotContain("4 colleagues", CardText(Assert.Single(few.Teams.ChannelPosts)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoryOfTheDay_AnonymousStoryShowsNoName_AndTheNextDayTheChannelGetsTheOtherStory()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 5, 12, 9, 0, 0, TimeSpan.Zero));
        await using var harness = await NudgeHarness.StartAsync(clock);
        var channels = await harness.RegisterChannelsAsync(1);
        var campaign = NudgeHarness.Campaign("stories", "Europe/London", new DateOnly(2026, 5, 1), new DateOnly(2026, 5, 31), new TimeOnly(23, 0), channels, clock.GetUtcNow(), CampaignState.Paused);
        await harness.SaveAsync(campaign);
        var anonymous = await harness.TellAsync(campaign.Id, clock.GetUtcNow().AddDays(-3), "teller-anon", "Police", StoryStatus.Approved, Pillar.Culture, Attribution.Anonymous, title: "The call nobody had to make twice");
        var named = await harness.TellAsync(campaign.Id, clock.GetUtcNow().AddDays(-2), "teller-named", "Police", StoryStatus.Approved, Pillar.Technology, Attribution.Named, title: "One record, two teams");
        await harness.TellAsync(campaign.Id, clock.GetUtcNow().AddDays(-2), "teller-private", "Police", StoryStatus.Approved, Pillar.InformationGovernance, consent: false, title: "Not for the channel");
        await harness.FirstTickAsync();

        var first = Assert.Single((await harness.FanOutAsync(f => f.SendNowAsync(campaign, NudgeKind.StoryOfTheDay, SimulatedUser.Priya.AadObjectId, None))).Channels);
        await harness.TickAtAsync(clock.GetUtcNow().AddDays(1));
        var second = Assert.Single((await harness.FanOutAsync(f => f.SendNowAsync(campaign, NudgeKind.StoryOfTheDay, SimulatedUser.Priya.AadObjectId, None))).Channels);

        Assert.Equal(("story-of-the-day", "story-of-the-day"), (first.EntryId, second.EntryId));
        Assert.Equal([anonymous.Id, named.Id], new[] { first.StoryId, second.StoryId }.Order(StringComparer.Ordinal));
        var cards = harness.Teams.ChannelPosts.Select(CardText).ToList();
        var anonymousCard = cards.Single(c => c.Contains(anonymous.Id, StringComparison.Ordinal));
        Assert.DoesNotContain("Sam Teller teller-anon", anonymousCard, StringComparison.Ordinal);
        Assert.Contains("Sam Teller teller-named", cards.Single(c => c.Contains(named.Id, StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(cards, c => c.Contains("Not for the channel", StringComparison.Ordinal));
        var history = await harness.Service<IFeaturedStories>().GetAsync(campaign.Id, channels[0], None);
        Assert.Equal([first.StoryId, second.StoryId], history.Select(h => h.StoryId));
        Assert.Equal([first.DeliveryId, second.DeliveryId], history.Select(h => h.DeliveryId));
    }

    private static string CardText(SimulatedChannelPost post) =>
        post.Activity?["attachments"]?[0]?["content"]?.ToJsonString() ?? throw new InvalidOperationException("The post has no card.");
}
