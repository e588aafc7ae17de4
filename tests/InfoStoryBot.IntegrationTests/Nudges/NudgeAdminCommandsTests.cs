using System.Text.Json;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.IntegrationTests.Nudges;

/// <summary>
/// <c>nudge list</c>, <c>nudge preview</c> and <c>nudge send-now</c> typed by an admin in 1:1 chat through the Teams
/// simulator: the catalogue with what may be used now, exactly what a channel would get and why, and a send reported
/// channel by channel (sent, skipped muted, skipped at the daily limit) and audited once. Refused for everyone else.
/// </summary>
public sealed class NudgeAdminCommandsTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task NudgeList_WithOrWithoutACampaign_ShowsTheCatalogueAndWhatMayBeUsedNow()
    {
        await using var teams = await PartnershipHarness.StartAsync();
        var priya = new ChatSession(teams.Harness, SimulatedUser.Priya);

        Assert.Contains("There are no campaigns yet", await priya.Say("nudge list"), StringComparison.Ordinal);
        var campaign = await teams.CampaignAsync();

        var running = await priya.Say("nudge list");
        Assert.Contains("Nudge catalogue", running, StringComparison.Ordinal);
        Assert.Contains("Spring stories", running, StringComparison.Ordinal);
        Assert.Contains("(story-of-the-day)", running, StringComparison.Ordinal);
        Assert.Contains("(storybook-progress)", running, StringComparison.Ordinal);
        Assert.Contains("May be used now", running, StringComparison.Ordinal);
        Assert.Contains("Not now", running, StringComparison.Ordinal); // no approved story yet: no story of the day
        var card = priya.LastCard();

        Assert.Equal(running, await priya.Say("nudge list spring-stories"));
        Assert.Contains("There’s no campaign ‘autumn’", await priya.Say("nudge list autumn"), StringComparison.Ordinal);

        await teams.Service<ICampaignStore>().SaveAsync(campaign with { State = CampaignState.Paused }, (await teams.Service<ICampaignStore>().GetAsync(campaign.Id, None))!.ETag, None);
        Assert.Contains("Which campaign? None is running just now. Type **nudge list** followed by one of these: **spring-stories**", await priya.Say("nudges"), StringComparison.Ordinal);
        Assert.Empty(teams.Teams.ChannelPosts);
        AssertParses(card);
    }

    [Fact]
    public async Task NudgePreview_ShowsWhyAndTheCardAChannelWouldGetAndPostsNothing()
    {
        await using var teams = await PartnershipHarness.StartAsync();
        await teams.CampaignAsync();
        await teams.ApprovedStoryAsync(Dialogs.Stories.Attribution.Anonymous);
        var priya = new ChatSession(teams.Harness, SimulatedUser.Priya);

        var planned = await priya.Say("nudge preview spring-stories");
        Assert.Contains("Nudge preview", planned, StringComparison.Ordinal);
        Assert.Contains("Why this one", planned, StringComparison.Ordinal);
        Assert.Contains("Northshire Safeguarding Partnership / Stories", planned, StringComparison.Ordinal);
        var cards = priya.LastMessages.SelectMany(m => m.Attachments ?? []).Select(a => a.Content!.Value).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains("nudge.share", CardAssert.Actions(cards[1]));

        var asked = await priya.Say("nudge preview spring-stories story-of-the-day");
        Assert.Contains("Facts used", asked, StringComparison.Ordinal);
        Assert.Contains("Told once, heard by everyone", asked, StringComparison.Ordinal);
        Assert.DoesNotContain("Dana Whitfield", asked, StringComparison.Ordinal); // anonymous, in a preview too
        cards.AddRange(priya.LastMessages.SelectMany(m => m.Attachments ?? []).Select(a => a.Content!.Value));

        Assert.Contains("There’s no campaign ‘autumn’", await priya.Say("nudge preview autumn"), StringComparison.Ordinal);
        Assert.Contains("I don’t know a nudge called ‘frob’", await priya.Say("nudge preview spring-stories frob"), StringComparison.Ordinal);
        Assert.Empty(teams.Teams.ChannelPosts);
        Assert.Empty(await teams.Service<IDeliveryLedger>().ListForCampaignAsync(PartnershipHarness.CampaignId, None));
        AssertParses([.. cards]);
    }

    [Fact]
    public async Task NudgeSendNow_ReportsEachChannelAuditsOnceAndNeverPostsTwice()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 9, 10, 0, 0, TimeSpan.Zero));
        await using var teams = await PartnershipHarness.StartAsync(clock: clock);
        var campaign = await teams.CampaignAsync();
        var team = (await teams.Service<ITeamStore>().GetAsync(teams.Teams.Team.Id, None))!;
        var general = teams.Teams.Team.General.Id;
        var muted = teams.Teams.Team.Channels[1].Id;
        await teams.Service<ITeamStore>().SaveAsync(team.Value with
        {
            Channels = [.. team.Value.Channels.Select(c => c.ChannelId == muted ? c with { Muted = true } : c)],
        }, team.ETag, None);
        var stored = (await teams.Service<ICampaignStore>().GetAsync(campaign.Id, None))!;
        await teams.Service<ICampaignStore>().SaveAsync(campaign with { TargetChannelIds = [teams.Channel.Id, muted, general] }, stored.ETag, None);
        var priya = new ChatSession(teams.Harness, SimulatedUser.Priya);

        var report = await priya.Say("nudge send-now spring-stories two-minute-share");

        Assert.Contains("Nudge sent now", report, StringComparison.Ordinal);
        Assert.Contains("2 sent, 1 skipped, 0 failed, 0 unknown.", report, StringComparison.Ordinal);
        Assert.Contains("Northshire Safeguarding Partnership / Stories", report, StringComparison.Ordinal);
        Assert.Contains("The channel is muted.", report, StringComparison.Ordinal);
        var first = priya.LastCard();
        Assert.Equal(2, teams.Teams.ChannelPosts.Count);
        var audit = await teams.Service<IAuditLog>().ListRecentAsync(10, None);
        var entry = Assert.Single(audit, a => a.Action == "nudge.send-now");
        Assert.Equal(campaign.Id, entry.Target);
        Assert.Equal(SimulatedUser.Priya.AadObjectId, entry.ActorAadObjectId);
        Assert.Contains("2 sent, 1 skipped", entry.Details, StringComparison.Ordinal);

        // Within the same minute: the ledger has every channel already, so nothing goes twice and nothing is audited.
        var again = await priya.Say("nudge send-now spring-stories two-minute-share");
        Assert.Contains("already done this minute", again, StringComparison.Ordinal);
        Assert.Equal(2, teams.Teams.ChannelPosts.Count);
        Assert.Single(await teams.Service<IAuditLog>().ListRecentAsync(10, None), a => a.Action == "nudge.send-now");

        // Another minute, the same day: each channel has had its one post (Nudges:MaxPostsPerChannelPerDay is 1).
        clock.Advance(TimeSpan.FromMinutes(1));
        var capped = await priya.Say("nudge send-now spring-stories");
        Assert.Contains("0 sent, 3 skipped", capped, StringComparison.Ordinal);
        Assert.Contains("already had 1 post(s) that day", capped, StringComparison.Ordinal);
        Assert.Equal(2, teams.Teams.ChannelPosts.Count);
        AssertParses(first, priya.LastCard());
    }

    [Fact]
    public async Task NudgeCommands_FromSomeoneNotOnTheCampaignTeam_AreRefusedAndSendNothing()
    {
        await using var teams = await PartnershipHarness.StartAsync();
        await teams.CampaignAsync();
        var tom = new ChatSession(teams.Harness, SimulatedUser.Tom);

        foreach (var command in new[] { "nudge list", "nudge preview spring-stories", "nudge send-now spring-stories" })
        {
            Assert.Contains("campaign team", await tom.Say(command), StringComparison.Ordinal);
        }

        Assert.Empty(teams.Teams.ChannelPosts);
        Assert.Empty(await teams.Service<IAuditLog>().ListRecentAsync(10, None));
    }

    private static void AssertParses(params JsonElement[] cards)
    {
        var problems = AdaptiveCardsParser.Validate([.. cards.Select(c => c.GetRawText())]).Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Select(p => $"card {p.Index}: {string.Join("; ", p.Errors.Concat(p.Warnings).Select(e => e.Message))}")));
    }
}
