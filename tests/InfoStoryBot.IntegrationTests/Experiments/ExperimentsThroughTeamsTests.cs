using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.IntegrationTests.Nudges;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using AdminTests = InfoStoryBot.IntegrationTests.Admin.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Experiments;

/// <summary>
/// An A/B experiment end to end through the Teams simulator against the real app: started by command, each of the
/// campaign's eight channels dealt a variant (stably, four and four), a fan-out posting each channel its own variant's
/// wording with the letter in the ledger and on every button, stories told from the nudges counted for their variant,
/// <c>experiment show</c> with Wilson intervals and a verdict, and <c>experiment stop … keep B</c> making B the wording.
/// </summary>
/// <remarks>
/// The nudge buttons' press handler (nudge.share) is not on this branch, so a press is recorded through the
/// attribution ledger as that handler will, and the teller's story starts from the nudge's delivery id and variant the
/// way the card carries them (a story.start press with the Share yours button's data).
/// </remarks>
public sealed class ExperimentsThroughTeamsTests : IAsyncLifetime
{
    private const string CampaignId = "spring-stories";
    private const string VariantA = "Got two minutes? Tell {campaign} your story in chat.";
    private const string VariantB = "Five short questions, and your story could help a partner.";
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly SimulatedTeam Team = new(
        "19:e1c2b3a4d5f64789a0b1c2d3e4f5a6b7@thread.tacv2",
        "Northshire Safeguarding Partnership",
        "e2f3a4b5-c6d7-4e8f-9a0b-1c2d3e4f5a6b",
        [
            new SimulatedChannel("19:e1c2b3a4d5f64789a0b1c2d3e4f5a6b7@thread.tacv2", null),
            .. Enumerable.Range(1, 7).Select(i => new SimulatedChannel($"19:x{i:D2}b8e1f0c6d2a4e9b8c7d6e5f4a3b2c1d@thread.tacv2", $"Partners {i}")),
        ],
        [SimulatedUser.Priya, SimulatedUser.Tom]);

    private TeamsHarness _teams = null!;
    private Campaign _campaign = null!;

    public async Task InitializeAsync()
    {
        _teams = await TeamsHarness.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["Access:BootstrapAdmins:0"] = SimulatedUser.Priya.AadObjectId,
                ["Experiments:MinDeliveriesPerVariant"] = "4",
            },
            simulator: new TeamsSimulatorOptions { Teams = [Team] });
        await CampaignTeam.InstallAsync(_teams, Team);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        // Paused, so the scheduler posts nothing of its own; the test runs the fan-out as send-now and the scheduler do.
        _campaign = NudgeHarness.Campaign(CampaignId, "Etc/UTC", today.AddDays(-3), today.AddDays(10), new TimeOnly(23, 59, 59), [.. Team.Channels.Select(c => c.Id)],
            DateTimeOffset.UtcNow, CampaignState.Paused) with
        {
            Name = "Spring stories",
            PlannedNudges = [new PlannedNudge(today, "two-minute-share"), new PlannedNudge(today.AddDays(1), "two-minute-share")],
        };
        await _teams.Service<ICampaignStore>().SaveAsync(_campaign, null, None);
    }

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private async Task<FanOutReport> FanOutAsync(Func<NudgeFanOut, Task<FanOutReport>> run)
    {
        await using var scope = _teams.Bot.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<NudgeFanOut>());
    }

    private async Task<Experiment> StartExperimentAsync(AdminChat priya)
    {
        var answer = await priya.Say($"experiment new {CampaignId} two-minute-share \"{VariantA}\" “{VariantB}”");
        Assert.Contains("has started in Spring stories", answer, StringComparison.Ordinal);
        return Assert.Single(await _teams.Service<IExperimentStore>().ListAsync(CampaignId, None)).Value;
    }

    /// <summary>Each channel's newest post: its card and what its Share yours button carries.</summary>
    private IReadOnlyDictionary<string, (string Text, JsonObject Share)> NewestPosts() =>
        _teams.Teams.ChannelPosts.GroupBy(p => p.ChannelId).ToDictionary(g => g.Key, g =>
        {
            var card = JsonDocument.Parse(g.Last().Activity!["attachments"]![0]!["content"]!.ToJsonString()).RootElement.Clone();
            return (CardAssert.Text(card), CardPress.Value(card, "Share yours"));
        });

    /// <summary>A storyteller presses Share yours on a nudge and tells their story from it.</summary>
    private async Task<string> TellFromAsync(SimulatedUser teller, JsonObject share, bool pressed = true)
    {
        var deliveryId = share[ActionKeys.DeliveryId]!.GetValue<string>();
        var variant = share[ActionKeys.Variant]!.GetValue<string>();
        if (pressed)
        {
            Assert.Equal(OutcomeRecording.Recorded, await _teams.Service<IAttributionLedger>().RecordPressAsync(deliveryId, variant, teller.AadObjectId, None));
        }

        var chat = new ChatSession(_teams, teller);
        await chat.Click(ActionNames.StoryStart, (ActionKeys.DeliveryId, deliveryId), (ActionKeys.Variant, variant));
        foreach (var message in GuidedStory.Messages().Skip(1))
        {
            await chat.Say(message);
        }

        Assert.Contains(GuidedStory.Stored, chat.LastAnswer, StringComparison.Ordinal);
        var mine = await _teams.Service<IStoryStore>().ListAsync(new StoryQuery { Status = null, TellerAadObjectId = teller.AadObjectId }, null, None);
        var story = Assert.Single(mine.Stories).Value;
        Assert.Equal(new StoryOrigin(deliveryId, variant), story.Origin);
        return story.Id;
    }

    [Fact]
    public async Task Experiment_FromNewToStopKeepB_ChannelsGetTheirVariant_StoriesCountForIt_AndBBecomesTheWording()
    {
        var priya = new AdminChat(_teams, SimulatedUser.Priya);

        // experiment new: every target channel dealt a variant, four and four, and audited without the wording.
        var experiment = await StartExperimentAsync(priya);
        AdminTests.AssertValidCards([priya.Card]);
        Assert.Equal(_campaign.TargetChannelIds.Order(StringComparer.Ordinal), experiment.Assignments.Select(a => a.ChannelId).Order(StringComparer.Ordinal));
        Assert.Equal([("A", 4), ("B", 4)], experiment.Assignments.GroupBy(a => a.Letter).Select(g => (g.Key, g.Count())).OrderBy(p => p.Key));
        var start = Assert.Single(await CampaignTeam.AuditAsync(_teams), e => e.Action == "experiment.start");
        Assert.Equal((experiment.Id, $"{CampaignId}, two-minute-share, A in 4, B in 4"), (start.Target, start.Details));

        // Stable: the same channels keep the same variants after a restart.
        await _teams.RestartBotAsync();
        var afterRestart = (await _teams.Service<IExperimentStore>().GetAsync(experiment.Id, None))!.Value;
        Assert.Equal(experiment.Assignments, afterRestart.Assignments);

        // The fan-out (nudge send-now's path): each channel its own variant's wording, the letter in the ledger and on the buttons.
        var sent = await FanOutAsync(f => f.SendNowAsync(_campaign, NudgeKind.TwoMinuteShare, SimulatedUser.Priya.AadObjectId, None));
        Assert.Equal(8, sent.Sent);
        var posts = NewestPosts();
        Assert.Equal(8, posts.Count);
        foreach (var assignment in experiment.Assignments)
        {
            var (text, share) = posts[assignment.ChannelId];
            Assert.Contains(assignment.Letter == "A" ? "Got two minutes? Tell Spring stories your story in chat." : VariantB, text, StringComparison.Ordinal);
            // Both share the nudge's heading ("Got two minutes?"); the wording below it is the variant's alone.
            Assert.DoesNotContain(assignment.Letter == "A" ? VariantB : "Tell Spring stories your story in chat.", text, StringComparison.Ordinal);
            Assert.Equal(assignment.Letter, share[ActionKeys.Variant]!.GetValue<string>());
            var record = (await _teams.Service<IDeliveryLedger>().GetAsync(share[ActionKeys.DeliveryId]!.GetValue<string>(), None))!;
            Assert.Equal((DeliveryStatus.Sent, assignment.ChannelId, assignment.Letter, "two-minute-share"), (record.Status, record.ChannelId, record.Variant, record.NudgeId));
        }

        // Attribution: a story told within the window after a press counts for its delivery's variant; one told from a
        // post its teller never pressed does not.
        var bShares = experiment.Assignments.Where(a => a.Letter == "B").Select(a => posts[a.ChannelId].Share).ToList();
        for (var i = 0; i < bShares.Count; i++)
        {
            await TellFromAsync(SimulatedUser.Create(300 + i), bShares[i]);
        }

        var aChannel = experiment.Assignments.First(a => a.Letter == "A").ChannelId;
        await TellFromAsync(SimulatedUser.Create(399), posts[aChannel].Share, pressed: false);

        var summary = (await _teams.Service<IExperimentService>().SummariseAsync(experiment.Id, EnGb, None))!;
        var a = summary.Variants.Single(v => v.Letter == "A");
        var b = summary.Variants.Single(v => v.Letter == "B");
        Assert.Equal((4, 4, 0, 0), (a.Channels, a.Deliveries, a.Presses, a.StoriesSubmitted));
        Assert.Equal((4, 4, 4, 4), (b.Channels, b.Deliveries, b.Presses, b.StoriesSubmitted));
        Assert.Equal(WilsonInterval.Of(4, 4), b.StoryRate);
        Assert.Equal(WilsonInterval.Of(0, 4), a.StoryRate);
        Assert.Equal((VerdictKind.Ahead, "B"), (summary.Verdict.Kind, summary.Verdict.Leader));

        // experiment show: the figures with their intervals and the verdict in words.
        var shown = await priya.Say("experiment show " + experiment.Id.ToUpperInvariant());
        AdminTests.AssertValidCards([priya.Card]);
        Assert.Contains("B is ahead: 100% vs 0% of deliveries led to a story, and the intervals do not overlap.", shown, StringComparison.Ordinal);
        // Every string on the card (the figures are a fact set's values), markdown escapes kept: an interval's brackets are escaped.
        var figures = string.Join('\n', Strings(priya.Card));
        Assert.Contains("100% \\(51%–100%\\)", figures, StringComparison.Ordinal);
        Assert.Contains("0% \\(0%–49%\\)", figures, StringComparison.Ordinal);

        // experiment stop … keep B, pressed on the card: it updates in place, and B is the wording from the next post on.
        var stopped = await priya.Press("Stop and keep B");
        Assert.NotNull(priya.LastUpdate);
        AdminTests.AssertValidCards([priya.LastUpdate!.Value]);
        Assert.Contains("every channel of Spring stories gets variant B’s wording for Two-minute share", stopped, StringComparison.Ordinal);
        Assert.DoesNotContain("Stop and keep", CardPress.Titles(priya.LastUpdate.Value));
        var kept = (await _teams.Service<IExperimentStore>().GetAsync(experiment.Id, None))!.Value;
        Assert.Equal((ExperimentState.Stopped, "B"), (kept.State, kept.KeptVariant));
        var stop = Assert.Single(await CampaignTeam.AuditAsync(_teams), e => e.Action == "experiment.stop");
        Assert.Equal((experiment.Id, $"{CampaignId}, two-minute-share, kept B"), (stop.Target, stop.Details));
        Assert.All(await CampaignTeam.AuditAsync(_teams), e => Assert.DoesNotContain("two minutes", (e.Details ?? "") + e.Target, StringComparison.OrdinalIgnoreCase));

        // The scheduler's path, the next day: every channel now gets B's wording.
        var nextDay = await FanOutAsync(f => f.SendSlotAsync(_campaign, NudgeHarness.Slot(_campaign, DateTimeOffset.UtcNow.AddDays(1)), None));
        Assert.Equal(8, nextDay.Sent);
        Assert.All(NewestPosts().Values, p => Assert.Contains(VariantB, p.Text, StringComparison.Ordinal));
        Assert.Equal(8, (await _teams.Service<IDeliveryLedger>().ListForCampaignAsync(CampaignId, None)).Count(d => d.SlotUtc > DateTimeOffset.UtcNow && d.Variant == "B"));
        var later = (await _teams.Service<IExperimentService>().SummariseAsync(experiment.Id, EnGb, None))!;
        Assert.Equal(4, later.Variants.Single(v => v.Letter == "B").Deliveries); // posts after the stop are not in its sample
    }

    [Fact]
    public async Task ExperimentList_ShowsEachWithItsStatus_AndShowOpensItInPlace()
    {
        var priya = new AdminChat(_teams, SimulatedUser.Priya);
        var empty = await priya.Say("experiment list");
        Assert.Contains("No experiments yet", empty, StringComparison.Ordinal);
        var experiment = await StartExperimentAsync(priya);

        var list = await priya.Say("experiments");

        AdminTests.AssertValidCards([priya.Card]);
        Assert.Contains(experiment.Id, list, StringComparison.Ordinal);
        Assert.Contains("Two-minute share · Spring stories", list, StringComparison.Ordinal);
        Assert.Contains("variants A and B", list, StringComparison.Ordinal);
        var shown = await priya.Press("Show");
        Assert.NotNull(priya.LastUpdate);
        Assert.Contains("too early to tell", shown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Stop and keep A", CardPress.Titles(priya.Card));
    }

    [Fact]
    public async Task ExperimentCommands_RefusedOrWrong_SayWhyAndChangeNothing()
    {
        var priya = new AdminChat(_teams, SimulatedUser.Priya);

        Assert.Contains("There’s no campaign", await priya.Say("experiment new autumn two-minute-share \"a\" \"b\""), StringComparison.Ordinal);
        Assert.Contains("{colleagues}", await priya.Say($"experiment new {CampaignId} two-minute-share \"{{colleagues}} told theirs\" \"b\""), StringComparison.Ordinal);
        Assert.Contains("There’s no experiment ‘x404’", await priya.Say("experiment show x404"), StringComparison.Ordinal);
        Assert.Contains("There’s no experiment ‘x404’", await priya.Say("experiment stop x404 keep B"), StringComparison.Ordinal);
        Assert.Empty(await _teams.Service<IExperimentStore>().ListAsync(null, None));

        var experiment = await StartExperimentAsync(priya);
        Assert.Contains("already", await priya.Say($"experiment new {CampaignId} two-minute-share \"c\" \"d\""), StringComparison.Ordinal);
        Assert.Contains("C", await priya.Say($"experiment stop {experiment.Id} keep C"), StringComparison.Ordinal);
        Assert.Equal(ExperimentState.Running, (await _teams.Service<IExperimentStore>().GetAsync(experiment.Id, None))!.Value.State);
        Assert.Single(await _teams.Service<IExperimentStore>().ListAsync(null, None));
    }

    [Fact]
    public async Task ExperimentCommandsAndButtons_ByAnyoneNotOnTheCampaignTeam_AreRefusedAndNothingChanges()
    {
        var priya = new AdminChat(_teams, SimulatedUser.Priya);
        var experiment = await StartExperimentAsync(priya);
        var sam = new ChatSession(_teams, SimulatedUser.Create(7));
        var before = ExperimentFiles();
        string[] commands =
        [
            $"experiment new {CampaignId} two-minute-share \"a\" \"b\"",
            "experiment list",
            "experiment show " + experiment.Id,
            $"experiment stop {experiment.Id} keep B",
        ];

        foreach (var command in commands)
        {
            Assert.Contains(AdminTests.ForCampaignTeam, await sam.Say(command), StringComparison.Ordinal);
            Assert.Contains(AdminTests.ForCampaignTeam, await sam.Click(ActionNames.AdminRun, (ActionKeys.Command, command)), StringComparison.Ordinal);
            var executed = await AdminTests.ExecuteAsync(_teams, SimulatedUser.Create(7), ActionNames.AdminRun, (ActionKeys.Command, command));
            Assert.Contains(AdminTests.ForCampaignTeam, executed.GetProperty("value").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before, ExperimentFiles());
        Assert.DoesNotContain(await CampaignTeam.AuditAsync(_teams), e => e.ActorAadObjectId == SimulatedUser.Create(7).AadObjectId);
    }

    private IReadOnlyDictionary<string, string> ExperimentFiles()
    {
        var root = Path.Combine(_teams.Bot.StoragePath, "experiments");
        return Directory.EnumerateFiles(root).ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f), StringComparer.Ordinal);
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        _ => [],
    };
}
