using System.Globalization;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.IntegrationTests.Nudges;

/// <summary>
/// The scheduler in the running app, on a hand-moved clock shared with the simulator: campaigns left alone post at
/// their own local time in their channels, across daylight-saving changes, within the grace window only, at most N
/// a day, never on a non-working date; the clock moves campaigns from scheduled to running to ended.
/// </summary>
public sealed class NudgeSchedulerTests
{
    private static DateTimeOffset Utc(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Zone, posting time, first of three campaign days, the UTC instant of each day's post (worked out from the
    /// zones' rules, not by the code under test), and the second occurrence of a repeated local time (which must
    /// not post again), if any.
    /// </summary>
    public static TheoryData<string, string, string, string[], string?> DaylightSavingCases() => new()
    {
        // Clocks go forward 01:00 → 02:00 on 29 March: 01:30 does not exist, so it posts at 02:00 BST.
        { "Europe/London", "01:30", "2026-03-28", ["2026-03-28T01:30Z", "2026-03-29T01:00Z", "2026-03-30T00:30Z"], null },
        // Clocks go back 02:00 → 01:00 on 25 October: 01:30 happens twice; it posts once, at the first (BST).
        { "Europe/London", "01:30", "2026-10-24", ["2026-10-24T00:30Z", "2026-10-25T00:30Z", "2026-10-26T01:30Z"], "2026-10-25T01:30Z" },
        // 8 March, 02:00 → 03:00: 02:30 posts at 03:00 EDT.
        { "America/New_York", "02:30", "2026-03-07", ["2026-03-07T07:30Z", "2026-03-08T07:00Z", "2026-03-09T06:30Z"], null },
        // 1 November, 02:00 → 01:00: 01:30 EDT first, not again at 01:30 EST.
        { "America/New_York", "01:30", "2026-10-31", ["2026-10-31T05:30Z", "2026-11-01T05:30Z", "2026-11-02T06:30Z"], "2026-11-01T06:30Z" },
        // 5 April, 03:00 AEDT → 02:00 AEST: 02:30 happens twice; once, at 02:30 AEDT.
        { "Australia/Sydney", "02:30", "2026-04-04", ["2026-04-03T15:30Z", "2026-04-04T15:30Z", "2026-04-05T16:30Z"], "2026-04-04T16:30Z" },
        // 4 October, 02:00 AEST → 03:00 AEDT: 02:30 posts at 03:00 AEDT.
        { "Australia/Sydney", "02:30", "2026-10-03", ["2026-10-02T16:30Z", "2026-10-03T16:00Z", "2026-10-04T15:30Z"], null },
        // India keeps UTC+05:30 all year: 10:00 IST is 04:30 UTC every day.
        { "Asia/Kolkata", "10:00", "2026-03-28", ["2026-03-28T04:30Z", "2026-03-29T04:30Z", "2026-03-30T04:30Z"], null },
    };

    [Theory]
    [MemberData(nameof(DaylightSavingCases))]
    public async Task RunningCampaign_LeftAlone_PostsAtItsLocalTimeInItsChannelsAcrossTheClockChange(
        string zone, string time, string firstDay, string[] expectedUtc, string? repeatedUtc)
    {
        var expected = expectedUtc.Select(Utc).ToList();
        var clock = new FakeTimeProvider(expected[0].AddMinutes(-3));
        await using var harness = await NudgeHarness.StartAsync(clock);
        var channels = await harness.RegisterChannelsAsync(2);
        var first = Date(firstDay);
        await harness.SaveAsync(NudgeHarness.Campaign("dst", zone, first, first.AddDays(2), TimeOnly.Parse(time, CultureInfo.InvariantCulture), channels, clock.GetUtcNow().AddMinutes(-1)));
        await harness.FirstTickAsync();

        for (var day = 0; day < expected.Count; day++)
        {
            var due = expected[day];
            if (clock.GetUtcNow() < due.AddMinutes(-2))
            {
                await harness.TickAtAsync(due.AddMinutes(-2));
            }

            await harness.TickAtAsync(due.AddMinutes(-1));
            Assert.Equal(2 * day, harness.Teams.ChannelPosts.Count);

            await harness.TickEveryMinuteAsync(due, due.AddMinutes(2));
            var posts = harness.Teams.ChannelPosts;
            Assert.Equal(2 * (day + 1), posts.Count);
            var today = posts.Skip(2 * day).ToList();
            Assert.Equal(channels.Order(StringComparer.Ordinal), today.Select(p => p.ChannelId).Order(StringComparer.Ordinal));
            Assert.All(today, p => Assert.Equal(due, p.ReceivedAt));

            if (repeatedUtc is not null && day == 1)
            {
                var again = Utc(repeatedUtc);
                await harness.TickAtAsync(again.AddMinutes(-2));
                await harness.TickEveryMinuteAsync(again.AddMinutes(-1), again.AddMinutes(2));
                Assert.Equal(4, harness.Teams.ChannelPosts.Count);
            }
        }

        var deliveries = await harness.DeliveriesAsync("dst");
        Assert.Equal(6, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        Assert.Equal(expected, deliveries.Select(d => d.SlotUtc).Distinct().Order());
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("03:00:00", true)]
    public async Task AfterDowntime_SlotWithinTheGraceWindowPosts_OlderOneIsRecordedMissed(string? graceWindow, bool olderPostsToo)
    {
        var clock = new FakeTimeProvider(Utc("2026-05-12T09:00Z"));
        var settings = graceWindow is null ? null : new Dictionary<string, string?> { ["Nudges:GraceWindow"] = graceWindow };
        await using var harness = await NudgeHarness.StartAsync(clock, settings);
        var channels = await harness.RegisterChannelsAsync(4);
        var day = Date("2026-05-12");
        var liveSince = Utc("2026-05-12T06:00Z");
        await harness.SaveAsync(NudgeHarness.Campaign("older", "Etc/UTC", day, day, new TimeOnly(6, 59), channels[..2], liveSince));
        await harness.SaveAsync(NudgeHarness.Campaign("recent", "Etc/UTC", day, day, new TimeOnly(7, 2), channels[2..], liveSince));
        await harness.FirstTickAsync();

        // The bot comes back at 09:01: 07:02 was 1 h 59 min ago, 06:59 was 2 h 2 min ago.
        await harness.TickEveryMinuteAsync(Utc("2026-05-12T09:01Z"), Utc("2026-05-12T09:05Z"));

        var posted = harness.PostsByChannel();
        Assert.All(channels[2..], c => Assert.Single(posted[c]));
        // At the first tick after the bot came back: 09:01, or 09:00 when the start-up tick already saw the campaigns.
        Assert.All(posted.Values.SelectMany(p => p), p => Assert.InRange(p.ReceivedAt, Utc("2026-05-12T09:00Z"), Utc("2026-05-12T09:01Z")));
        var older = await harness.DeliveriesAsync("older");
        Assert.Equal(2, older.Count);
        if (olderPostsToo)
        {
            Assert.All(channels[..2], c => Assert.Single(posted[c]));
            Assert.All(older, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        }
        else
        {
            Assert.All(channels[..2], c => Assert.False(posted.ContainsKey(c)));
            Assert.All(older, d => Assert.Equal(DeliveryStatus.Missed, d.Status));
            var missed = await harness.Service<IDeliveryLedger>().ListMissedAsync("older", CancellationToken.None);
            Assert.Equal(channels[..2], missed.Select(d => d.ChannelId).Order(StringComparer.Ordinal));
            Assert.All(missed, d => Assert.Equal(Utc("2026-05-12T06:59Z"), d.SlotUtc));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task SentNowInTheMorning_ScheduledSlotThatDay_RespectsMaxPostsPerChannelPerDay(int maxPerDay)
    {
        var clock = new FakeTimeProvider(Utc("2026-05-12T08:00Z"));
        await using var harness = await NudgeHarness.StartAsync(clock, new Dictionary<string, string?> { ["Nudges:MaxPostsPerChannelPerDay"] = maxPerDay.ToString(CultureInfo.InvariantCulture) });
        var channels = await harness.RegisterChannelsAsync(2);
        var day = Date("2026-05-12");
        var campaign = NudgeHarness.Campaign("daily", "Etc/UTC", day, day.AddDays(5), new TimeOnly(10, 0), channels, Utc("2026-05-12T07:00Z"));
        await harness.SaveAsync(campaign);
        await harness.FirstTickAsync();

        var now = await harness.FanOutAsync(f => f.SendNowAsync(campaign, NudgeKind.TwoMinuteShare, SimulatedUser.Priya.AadObjectId, CancellationToken.None));
        Assert.Equal(2, now.Sent);
        await harness.TickAtAsync(Utc("2026-05-12T09:58Z"));
        await harness.TickEveryMinuteAsync(Utc("2026-05-12T09:59Z"), Utc("2026-05-12T10:02Z"));

        var slot = await harness.Service<IDeliveryLedger>().ListForSlotAsync("daily", Utc("2026-05-12T10:00Z"), CancellationToken.None);
        Assert.Equal(2, slot.Count);
        Assert.Equal(2 * Math.Min(maxPerDay, 2), harness.Teams.ChannelPosts.Count);
        if (maxPerDay == 1)
        {
            Assert.All(slot, d => Assert.Equal((DeliveryStatus.Skipped, SkipReason.DailyLimit), (d.Status, d.Skip)));
        }
        else
        {
            Assert.All(slot, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
        }

        var sentNow = (await harness.DeliveriesAsync("daily")).Where(d => d.SentBy is not null).ToList();
        Assert.Equal(2, sentNow.Count);
        Assert.All(sentNow, d => Assert.Equal(("two-minute-share", SimulatedUser.Priya.AadObjectId), (d.NudgeId, d.SentBy)));
    }

    [Fact]
    public async Task NonWorkingDate_NothingPostsThatDay()
    {
        var clock = new FakeTimeProvider(Utc("2026-12-24T09:57Z"));
        await using var harness = await NudgeHarness.StartAsync(clock, new Dictionary<string, string?>
        {
            ["Nudges:NonWorkingDates:0"] = "2026-12-25",
            ["Nudges:NonWorkingDates:1"] = "2026-12-28",
        });
        var channels = await harness.RegisterChannelsAsync(1);
        await harness.SaveAsync(NudgeHarness.Campaign("winter", "Europe/London", Date("2026-12-24"), Date("2026-12-26"), new TimeOnly(10, 0), channels, clock.GetUtcNow()));
        await harness.FirstTickAsync();

        foreach (var day in new[] { "2026-12-24", "2026-12-25", "2026-12-26" })
        {
            var ten = Utc(day + "T10:00Z");
            if (clock.GetUtcNow() < ten.AddMinutes(-2))
            {
                await harness.TickAtAsync(ten.AddMinutes(-2));
            }

            await harness.TickEveryMinuteAsync(ten.AddMinutes(-1), ten.AddMinutes(2));
        }

        Assert.Equal([Utc("2026-12-24T10:00Z"), Utc("2026-12-26T10:00Z")], harness.Teams.ChannelPosts.Select(p => p.ReceivedAt));
        Assert.Equal(2, (await harness.DeliveriesAsync("winter")).Count);
    }

    [Fact]
    public async Task ScheduledCampaign_TheClockMovesItToRunningAtItsFirstSlotAndToEndedAfterItsLastDay()
    {
        var clock = new FakeTimeProvider(Utc("2026-06-01T12:00Z"));
        await using var harness = await NudgeHarness.StartAsync(clock);
        var channels = await harness.RegisterChannelsAsync(1);
        await harness.SaveAsync(NudgeHarness.Campaign("june", "Europe/London", Date("2026-06-02"), Date("2026-06-02"), new TimeOnly(10, 0), channels, clock.GetUtcNow(), CampaignState.Scheduled));
        await harness.FirstTickAsync();

        await harness.TickAtAsync(Utc("2026-06-02T08:58Z"));
        Assert.Equal(CampaignState.Scheduled, (await harness.CampaignAsync("june")).State);
        await harness.TickEveryMinuteAsync(Utc("2026-06-02T08:59Z"), Utc("2026-06-02T09:01Z"));
        var running = await harness.CampaignAsync("june");
        Assert.Equal(CampaignState.Running, running.State);
        Assert.Null(running.UpdatedBy);
        Assert.Single(harness.Teams.ChannelPosts);

        // Midnight in London after 2 June is 23:00 UTC.
        await harness.TickAtAsync(Utc("2026-06-02T22:58Z"));
        Assert.Equal(CampaignState.Running, (await harness.CampaignAsync("june")).State);
        await harness.TickEveryMinuteAsync(Utc("2026-06-02T22:59Z"), Utc("2026-06-02T23:01Z"));
        Assert.Equal(CampaignState.Ended, (await harness.CampaignAsync("june")).State);
        Assert.Single(harness.Teams.ChannelPosts);
    }

    [Theory]
    [InlineData("Nudges:NonWorkingDates:0", "25/12/2026", "Nudges:NonWorkingDates holds '25/12/2026'")]
    [InlineData("Nudges:MaxPostsPerChannelPerDay", "0", "MaxPostsPerChannelPerDay")]
    [InlineData("Nudges:NormThreshold", "1", "NormThreshold")]
    [InlineData("Proactive:ClaimTimeout", "00:00:10", "Proactive:ClaimTimeout")]
    public void BadSetting_FailsStartWithAClearMessage(string key, string value, string expected)
    {
        var error = Record.Exception(() =>
        {
            using var host = BotHost.Start(new Dictionary<string, string?> { [key] = value });
        });

        Assert.NotNull(error);
        var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
        Assert.Contains(expected, messages, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Flatten(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            yield return error;
            if (error is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                {
                    yield return inner;
                }
            }
        }
    }
}
