using System.Globalization;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Storage.Local;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Tests.Experiments;

public sealed class ExperimentStoreTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly string[] Channels = [.. Enumerable.Range(1, 9).Select(i => $"19:c{i}@thread.tacv2")];

    /// <summary>A fresh set of stores over the same folder: what the bot holds after a restart.</summary>
    private (ExperimentSummaries Service, ExperimentStore Experiments, IBlobStore Blobs) Restarted()
    {
        var blobs = new LocalFolderBlobStore(LocalRoot!, Time);
        var experiments = new ExperimentStore(blobs);
        var deliveries = AttributionLedgerTests.Deliveries(blobs, Time);
        var options = Options.Create(new ExperimentsOptions { MinDeliveriesPerVariant = 2 });
        var outcomes = new AttributionLedger(blobs, deliveries, options, Time, NullLogger<AttributionLedger>.Instance);
        var service = new ExperimentSummaries(experiments, new CampaignStore(blobs), deliveries, outcomes,
            new StoryStore(blobs, NullLogger<StoryStore>.Instance), options, Time);
        return (service, experiments, blobs);
    }

    protected override async Task OnInitializedAsync() =>
        await new CampaignStore(Blobs).SaveAsync(new Campaign
        {
            Id = AttributionLedgerTests.Campaign,
            Name = "Spring #infostory",
            StartDate = new DateOnly(2026, 3, 2),
            EndDate = new DateOnly(2026, 3, 27),
            TargetChannelIds = Channels,
            State = CampaignState.Running,
            CreatedAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
        }, null, None);

    private async Task<Experiment> StartAsync(ExperimentSummaries service) =>
        Assert.IsType<ExperimentMove.Done>(await service.StartAsync(AttributionLedgerTests.Campaign, "weekly-norm",
            ["{colleagues} colleagues shared a story this week.", "This week, {colleagues} people told theirs. Will you?", "Your turn?"], "admin", EnGb, None)).Experiment;

    [Fact]
    public async Task Start_AfterARestart_EveryChannelKeepsItsVariantAndTheSplitIsBalanced()
    {
        var experiment = await StartAsync(Restarted().Service);

        var (_, experiments, _) = Restarted();
        var stored = (await experiments.GetAsync(experiment.Id.ToUpperInvariant(), None))!.Value;
        Assert.Equal(experiment.Assignments, stored.Assignments);
        Assert.Equal(experiment.Seed, stored.Seed);
        Assert.Equal([3, 3, 3], stored.Letters.Select(l => stored.Assignments.Count(a => a.Letter == l)));
        foreach (var channel in Channels)
        {
            var wording = await experiments.WordingForAsync(AttributionLedgerTests.Campaign, NudgeKind.WeeklyNorm, channel, None);
            Assert.Equal(experiment.LetterFor(channel), wording!.Letter);
        }
    }

    [Fact]
    public async Task WordingFor_ANewChannelAskedByTwoInstancesAtOnce_IsDealtOnceAndKeepsIt()
    {
        var experiment = await StartAsync(Restarted().Service);
        const string late = "19:late@thread.tacv2";

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => Restarted().Experiments.WordingForAsync(AttributionLedgerTests.Campaign, NudgeKind.WeeklyNorm, late, None))));

        Assert.Single(answers.Select(a => a!.Letter).Distinct());
        var stored = (await Restarted().Experiments.GetAsync(experiment.Id, None))!.Value;
        Assert.Single(stored.Assignments, a => a.ChannelId == late);
        Assert.Equal(10, stored.Assignments.Count);
    }

    [Fact]
    public async Task WordingFor_OtherEntryOrNoExperiment_IsTheCataloguesOwn_AndAfterStopEveryoneGetsTheKeptOne()
    {
        var (service, experiments, _) = Restarted();
        var experiment = await StartAsync(service);

        Assert.Null(await experiments.WordingForAsync(AttributionLedgerTests.Campaign, NudgeKind.Pledge, Channels[0], None));
        Assert.Null(await experiments.WordingForAsync("another-campaign", NudgeKind.WeeklyNorm, Channels[0], None));

        Assert.IsType<ExperimentMove.Done>(await service.StopAsync(experiment.Id, "c", "admin", EnGb, None));
        foreach (var channel in Channels)
        {
            Assert.Equal("Your turn?", (await experiments.WordingForAsync(AttributionLedgerTests.Campaign, NudgeKind.WeeklyNorm, channel, None))!.Text);
        }

        Assert.IsType<ExperimentMove.Refused>(await service.StopAsync(experiment.Id, "A", "admin", EnGb, None));
        Assert.IsType<ExperimentMove.Refused>(await service.StopAsync("x-none", "A", "admin", EnGb, None));
    }

    [Fact]
    public async Task Summarise_PressesAndStories_CountPerVariant_AndAWithdrawnStoryLeavesTheSample()
    {
        var (service, _, blobs) = Restarted();
        var experiment = await StartAsync(service);
        var outcomes = new AttributionLedger(blobs, AttributionLedgerTests.Deliveries(blobs, Time), Options.Create(new ExperimentsOptions()), Time, NullLogger<AttributionLedger>.Instance);
        var storyStore = new StoryStore(blobs, NullLogger<StoryStore>.Instance);
        var a = experiment.Assignments.First(x => x.Letter == "A").ChannelId;
        var b = experiment.Assignments.First(x => x.Letter == "B").ChannelId;
        Time.Advance(TimeSpan.FromHours(1));
        var deliveries = new List<(string Id, string Letter)>();
        foreach (var (channel, letter) in new[] { (a, "A"), (b, "B") })
        {
            for (var day = 0; day < 2; day++)
            {
                deliveries.Add((await AttributionLedgerTests.SentDeliveryAsync(blobs, Time, channel, letter, Time.GetUtcNow().AddDays(day)), letter));
            }
        }

        var stories = new List<string>();
        foreach (var (delivery, letter) in deliveries.Where(d => d.Letter == "B"))
        {
            await outcomes.RecordPressAsync(delivery, letter, "teller-" + delivery, None);
            var story = new Story
            {
                Id = StoryIdGenerator.New(Time.GetUtcNow()),
                CampaignId = AttributionLedgerTests.Campaign,
                Status = StoryStatus.Submitted,
                Content = new StoryContent { Title = "Told once", ConsentToPublish = true },
                Teller = new StoryTeller("teller-" + delivery, null, null),
                CreatedAt = Time.GetUtcNow(),
                UpdatedAt = Time.GetUtcNow(),
                Origin = new StoryOrigin(delivery, letter),
            };
            await storyStore.CreateAsync(story, None);
            Assert.Equal(OutcomeRecording.Recorded, await outcomes.RecordStorySubmittedAsync(story.Origin!, story.Id, story.Teller.AadObjectId, Time.GetUtcNow(), None));
            stories.Add(story.Id);
        }

        var before = (await service.SummariseAsync(experiment.Id, EnGb, None))!;
        await storyStore.WithdrawAsync(stories[0], None);
        var after = (await service.SummariseAsync(experiment.Id, EnGb, None))!;

        var bBefore = before.Variants.Single(v => v.Letter == "B");
        Assert.Equal((2, 2, 2), (bBefore.Deliveries, bBefore.Presses, bBefore.StoriesSubmitted));
        Assert.Equal(1.0, bBefore.StoryRate.Rate);
        Assert.Equal(0, before.Variants.Single(v => v.Letter == "A").StoriesSubmitted);
        Assert.Equal(1, after.Variants.Single(v => v.Letter == "B").StoriesSubmitted);
        Assert.Equal(VerdictKind.TooEarly, before.Verdict.Kind); // variant C has no deliveries yet
        Assert.NotNull(await service.ShowCardAsync(experiment.Id, EnGb, None));
        Assert.Null(await service.ShowCardAsync("x404", EnGb, None));
    }
}
