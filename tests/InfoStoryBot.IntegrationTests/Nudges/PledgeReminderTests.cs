using System.Text.Json;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.IntegrationTests.Nudges;

/// <summary>
/// "I’ll share a story this week" through the Teams simulator on a hand-moved clock: the pledge is recorded, the
/// reminder times are the person's own (Europe/London from Teams' localTimezone), and the one reminder comes in their
/// 1:1 chat at the time they picked, once, across restarts and with two instances racing for it; a story told before
/// then keeps the pledge and the reminder never comes.
/// </summary>
public sealed class PledgeReminderTests
{
    private const string PledgeButton = "I’ll share a story this week";
    private const string ReminderHeading = "Your story this week";

    // Monday 9 March 2026, 10:00 in London (GMT): the times offered are Tuesday 9:00, Wednesday 14:00, Thursday 9:00.
    private static readonly DateTimeOffset Monday = new(2026, 3, 9, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset TuesdayNine = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Pledge_ReminderAtThePickedTime_ComesOnceInTheirChatAcrossRestarts()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var teams = await PartnershipHarness.StartAsync(clock: clock);
        var campaign = await teams.CampaignAsync();
        var post = await teams.SendNowAsync(campaign, NudgeKind.Pledge);
        var sam = teams.Member(1);

        var times = await teams.PressAsync(post, PledgeButton, sam);
        Assert.Equal(["Tomorrow 9:00", "Wednesday 14:00", "Thursday 9:00", "No reminder, thanks"], CardPress.Titles(times.Card));
        Assert.Contains("Europe/London", CardAssert.Text(times.Card), StringComparison.Ordinal);
        var confirmed = await teams.PressAsync(post, "Tomorrow 9:00", sam, times.Card);
        Assert.Contains("Tomorrow 9:00", CardAssert.Text(confirmed.Card), StringComparison.Ordinal);
        Assert.Equal(0, teams.MessagesInChat(sam)); // the chat is opened now, but nothing is said in it yet

        await teams.Harness.RestartBotAsync();
        await TickAtAsync(teams, TuesdayNine.AddMinutes(-2), [teams.Harness.Bot]);
        Assert.Equal(0, teams.MessagesInChat(sam));

        await TickAtAsync(teams, TuesdayNine.AddSeconds(30), [teams.Harness.Bot]);
        var reminder = Assert.Single(teams.SentInChat(sam));
        Assert.Contains(ReminderHeading, CardAssert.Describe(reminder), StringComparison.Ordinal);
        Assert.Contains("nudge.share", CardAssert.Actions(CardAssert.Card(reminder)));
        Assert.Contains(post.DeliveryId, CardAssert.Card(reminder).GetRawText(), StringComparison.Ordinal);

        await teams.Harness.RestartBotAsync();
        await TickAtAsync(teams, TuesdayNine.AddMinutes(5), [teams.Harness.Bot]);
        await TickAtAsync(teams, TuesdayNine.AddHours(3), [teams.Harness.Bot]);
        Assert.Equal(1, teams.MessagesInChat(sam));

        var pledge = (await teams.Service<IPledgeStore>().ForPersonAsync(sam.AadObjectId, None)).Single().Value;
        Assert.Equal(PledgeStatus.Reminded, pledge.Status);
        var outcomes = await teams.Service<IAttributionLedger>().ListAsync(campaign.Id, None);
        Assert.Single(outcomes, o => o.Kind == OutcomeKind.PledgeMade && o.DeliveryId == post.DeliveryId);
        Assert.Empty(AdaptiveCardsParser.Validate([times.Card.GetRawText(), confirmed.Card.GetRawText(), CardAssert.Card(reminder).GetRawText()])
            .SelectMany(r => r.Errors.Concat(r.Warnings)));
        await NudgeButtonsTests.AssertChannelStateNeverWrittenAsync(teams, post);
    }

    [Fact]
    public async Task Pledge_KeptByAStoryBeforeItsTime_CancelsTheReminderAndCountsAsKept()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var teams = await PartnershipHarness.StartAsync(clock: clock);
        var campaign = await teams.CampaignAsync();
        var post = await teams.SendNowAsync(campaign, NudgeKind.Pledge);
        var sam = teams.Member(1);
        var times = await teams.PressAsync(post, PledgeButton, sam);
        await teams.PressAsync(post, "Wednesday 14:00", sam, times.Card);

        var chat = new ChatSession(teams.Harness, sam);
        foreach (var message in GuidedStory.Messages())
        {
            await chat.Say(message);
        }

        Assert.Contains(GuidedStory.Stored, chat.LastAnswer, StringComparison.Ordinal);
        var told = teams.MessagesInChat(sam);
        await TickAtAsync(teams, new DateTimeOffset(2026, 3, 11, 14, 0, 30, TimeSpan.Zero), [teams.Harness.Bot]);

        Assert.Equal(told, teams.MessagesInChat(sam));
        Assert.DoesNotContain(teams.SentInChat(sam), m => CardAssert.Describe(m).Contains(ReminderHeading, StringComparison.Ordinal));
        var pledge = (await teams.Service<IPledgeStore>().ForPersonAsync(sam.AadObjectId, None)).Single().Value;
        Assert.Equal(PledgeStatus.Kept, pledge.Status);
        Assert.NotNull(pledge.StoryId);
        Assert.Empty(await teams.Service<IPledgeStore>().DueAsync(clock.GetUtcNow().AddDays(30), None));
        var outcomes = await teams.Service<IAttributionLedger>().ListAsync(campaign.Id, None);
        Assert.Single(outcomes, o => o.Kind == OutcomeKind.PledgeMade);
        Assert.Single(outcomes, o => o.Kind == OutcomeKind.PledgeKept);

        // Pressing a reminder time again after the story: nothing to remind.
        var again = await teams.PressAsync(post, "Thursday 9:00", sam, times.Card);
        Assert.Contains("already shared a story since you pledged", again.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pledge_TwoInstancesRacingForTheReminders_SendEachOnce()
    {
        const int members = 8;
        var clock = new FakeTimeProvider(Monday);
        await using var teams = await PartnershipHarness.StartAsync(members, clock);
        var campaign = await teams.CampaignAsync();
        var post = await teams.SendNowAsync(campaign, NudgeKind.Pledge);
        var crowd = Enumerable.Range(1, members).Select(teams.Member).ToList();
        foreach (var member in crowd)
        {
            var times = await teams.PressAsync(post, PledgeButton, member);
            await teams.PressAsync(post, "Tomorrow 9:00", member, times.Card);
        }

        using var second = teams.StartSecondInstance();
        await TickAtAsync(teams, TuesdayNine.AddSeconds(30), [teams.Harness.Bot, second]);
        await TickAtAsync(teams, TuesdayNine.AddMinutes(2), [teams.Harness.Bot, second]);

        Assert.All(crowd, m => Assert.Equal(1, teams.MessagesInChat(m)));
        Assert.All(crowd, m => Assert.Contains(ReminderHeading, CardAssert.Describe(Assert.Single(teams.SentInChat(m))), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pledge_NoReminderOrAStaleTime_IsRecordedAndNeverReminds()
    {
        var clock = new FakeTimeProvider(Monday);
        await using var teams = await PartnershipHarness.StartAsync(clock: clock);
        var post = await teams.SendNowAsync(await teams.CampaignAsync(), NudgeKind.Pledge);
        var sam = teams.Member(1);
        var tom = teams.Member(2);

        var samTimes = await teams.PressAsync(post, PledgeButton, sam);
        var none = await teams.PressAsync(post, "No reminder, thanks", sam, samTimes.Card);
        Assert.Contains("No reminder, then", CardAssert.Text(none.Card), StringComparison.Ordinal);

        var tomTimes = await teams.PressAsync(post, PledgeButton, tom);
        await TickAtAsync(teams, TuesdayNine.AddHours(1), [teams.Harness.Bot]);
        var stale = await teams.PressAsync(post, "Tomorrow 9:00", tom, tomTimes.Card);
        Assert.Contains("That time has passed", stale.Message, StringComparison.Ordinal);

        await TickAtAsync(teams, TuesdayNine.AddDays(3), [teams.Harness.Bot]);
        Assert.Equal(0, teams.MessagesInChat(sam));
        Assert.Equal(0, teams.MessagesInChat(tom));
        var outcomes = await teams.Service<IAttributionLedger>().ListAsync(PartnershipHarness.CampaignId, None);
        Assert.Equal(2, outcomes.Count(o => o.Kind == OutcomeKind.PledgeMade));
    }

    /// <summary>
    /// Moves the clock to <paramref name="utc"/> and waits until every instance's pledge reminders have run the tick the
    /// move causes (a move across many intervals fires one tick, perhaps one more: waited out until quiet).
    /// </summary>
    private static async Task TickAtAsync(PartnershipHarness teams, DateTimeOffset utc, IReadOnlyList<BotHost> instances)
    {
        var clock = teams.Clock!;
        var reminders = instances.Select(i => i.Services.GetRequiredService<PledgeReminders>()).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (reminders.Any(r => r.TicksCompleted == 0))
        {
            Assert.True(DateTime.UtcNow < deadline, "the pledge reminders did not tick at start");
            await Task.Delay(20);
        }

        var ticks = reminders.Select(r => r.NextTickAsync()).ToList();
        clock.Advance(utc - clock.GetUtcNow());
        await Task.WhenAll(ticks).WaitAsync(TimeSpan.FromSeconds(30));
        while (true)
        {
            var more = reminders.Select(r => r.NextTickAsync()).ToList();
            await Task.Delay(500);
            if (more.All(t => !t.IsCompleted))
            {
                break;
            }
        }
    }
}
