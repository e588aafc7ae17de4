using System.Security.Cryptography;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.IntegrationTests.Nudges;

/// <summary>
/// The real bot in process, wired to the Teams simulator, with a partnership team of many channels registered and
/// campaigns and stories stored through the bot's own stores; optionally on a hand-moved clock shared with the
/// simulator (so posts are stamped with the bot's time). Priya is an admin with a 1:1 chat; Tom is an admin without.
/// </summary>
internal sealed class NudgeHarness : IAsyncDisposable
{
    public const string TeamId = "19:a7f3c2e1b9d84f6a8e5c3b2a1d0f9e8c@thread.tacv2";

    private NudgeHarness(Simulator teams, BotHost bot, FakeTimeProvider? clock)
    {
        Teams = teams;
        Bot = bot;
        Clock = clock;
    }

    public Simulator Teams { get; }

    public BotHost Bot { get; }

    public FakeTimeProvider? Clock { get; }

    public static string ChannelId(int n) => $"19:nudge{n:D4}channel0000000000000000@thread.tacv2";

    /// <param name="clock">A hand-moved clock for the bot and the simulator, or null for real time.</param>
    /// <param name="tenantLimit">The simulator's per-tenant limit, or null for none.</param>
    public static async Task<NudgeHarness> StartAsync(FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null, int? tenantLimit = null)
    {
        var teams = await Simulator.StartAsync(new TeamsSimulatorOptions
        {
            TimeProvider = clock ?? TimeProvider.System,
            TenantRequestsPerSecond = tenantLimit,
        });
        var config = new Dictionary<string, string?>(teams.BotConfiguration)
        {
            ["Storage:LocalPath"] = BotHost.NewStoragePath(),
            ["Access:BootstrapAdmins:0"] = SimulatedUser.Priya.AadObjectId,
            ["Access:BootstrapAdmins:1"] = SimulatedUser.Tom.AadObjectId,
            ["Connector:BaseDelay"] = "00:00:00.050",
            ["Connector:MaxDelay"] = "00:00:00.200",
        };
        if (clock is not null)
        {
            // On a hand-moved clock nothing moves unless the test moves it: a paced post would wait for the next move.
            config["Connector:RequestsPerSecondPerTenant"] = "0";
            config["Nudges:TickInterval"] = "00:01:00";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var bot = BotHost.Start(config, "Development", services =>
        {
            if (clock is not null)
            {
                services.AddSingleton<TimeProvider>(clock);
            }
        });
        var harness = new NudgeHarness(teams, bot, clock);
        await harness.Service<IConversationReferenceStore>().SaveAsync(harness.PriyasChat, CancellationToken.None);
        return harness;
    }

    public T Service<T>() where T : notnull => Bot.Services.GetRequiredService<T>();

    public NudgeScheduler Scheduler => Service<NudgeScheduler>();

    public ConversationReference PriyasChat => new()
    {
        Bot = new ChannelAccount { Id = Teams.BotId, Name = "InfoStoryBot" },
        User = new ChannelAccount { Id = SimulatedUser.Priya.Id, AadObjectId = SimulatedUser.Priya.AadObjectId, Name = SimulatedUser.Priya.Name },
        ChannelId = "msteams",
        ServiceUrl = Teams.ServiceUrl,
        Conversation = new ConversationAccount { Id = Teams.Activities.PersonalConversationId(SimulatedUser.Priya), ConversationType = ConversationTypes.Personal, TenantId = Teams.Options.TenantId },
    };

    /// <summary>Registers the partnership team with <paramref name="channels"/> channels (ChannelId(1..n)).</summary>
    public async Task<string[]> RegisterChannelsAsync(int channels, Func<int, ChannelRecord, ChannelRecord>? change = null)
    {
        var ids = Enumerable.Range(1, channels).Select(ChannelId).ToArray();
        await Service<ITeamStore>().SaveAsync(new TeamRecord
        {
            TeamId = TeamId,
            Name = "Northshire Safeguarding Partnership",
            TenantId = Teams.Options.TenantId,
            ServiceUrl = Teams.ServiceUrl,
            InstalledAt = DateTimeOffset.UnixEpoch,
            Channels = [.. ids.Select((id, i) => change?.Invoke(i + 1, new ChannelRecord(id, $"Partners {i + 1}")) ?? new ChannelRecord(id, $"Partners {i + 1}"))],
        }, null, CancellationToken.None);
        return ids;
    }

    public static Campaign Campaign(
        string id, string zone, DateOnly start, DateOnly end, TimeOnly at, IReadOnlyList<string> channels, DateTimeOffset liveFrom,
        CampaignState state = CampaignState.Running) => new()
    {
        Id = id,
        Name = "#infostory " + id,
        StartDate = start,
        EndDate = end,
        DaysOfWeek = Enum.GetValues<DayOfWeek>(),
        PostingTime = at,
        TimeZone = zone,
        TargetChannelIds = channels,
        State = state,
        LiveFrom = liveFrom,
        StoryTarget = 50,
        CreatedAt = liveFrom.AddDays(-1),
        UpdatedAt = liveFrom,
        CreatedBy = SimulatedUser.Priya.AadObjectId,
    };

    public Task SaveAsync(Campaign campaign) => Service<ICampaignStore>().SaveAsync(campaign, null, CancellationToken.None);

    public async Task<Campaign> CampaignAsync(string id) => (await Service<ICampaignStore>().GetAsync(id, CancellationToken.None))!.Value;

    /// <summary>Stores a story of the campaign as a storyteller would have told it.</summary>
    public async Task<Story> TellAsync(
        string campaignId, DateTimeOffset submittedAt, string teller, string? organisation, StoryStatus status = StoryStatus.Submitted,
        Pillar pillar = Pillar.Culture, Attribution attribution = Attribution.RoleOnly, bool consent = true, string? title = null)
    {
        var story = new Story
        {
            Id = StoryIds.Format(submittedAt, RandomNumberGenerator.GetBytes(4)),
            CampaignId = campaignId,
            Status = status,
            Content = new StoryContent
            {
                Title = title ?? "Told once, heard by everyone",
                WhatHappened = "A family moved between two council areas and the school's concern went with them.",
                WhoWasInvolved = ["Northtown Council", "GP surgery"],
                InformationShared = "The safeguarding lead rang the new school.",
                DifferenceMade = "The mum only had to tell her story once.",
                Pillars = [pillar],
                Elements = [PartnershipElement.Communication],
                Attribution = attribution,
                TellerName = "Sam Teller " + teller,
                TellerRole = "Family support worker",
                TellerOrganisation = organisation,
                ConsentToPublish = consent,
            },
            Teller = new StoryTeller(teller, null, "Sam Teller " + teller),
            CreatedAt = submittedAt,
            UpdatedAt = submittedAt,
            SubmittedAt = submittedAt,
        };
        await Service<IStoryStore>().CreateAsync(story, CancellationToken.None);
        return story;
    }

    /// <summary>Runs a fan-out the way the scheduler or <c>nudge send-now</c> does, in a scope of its own.</summary>
    public async Task<FanOutReport> FanOutAsync(Func<NudgeFanOut, Task<FanOutReport>> run)
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<NudgeFanOut>());
    }

    /// <summary>A slot of the campaign at <paramref name="utc"/>, as the schedule would give it.</summary>
    public static CampaignSlot Slot(Campaign campaign, DateTimeOffset utc) => new()
    {
        CampaignId = campaign.Id,
        LocalDate = CampaignCalendar.Today(campaign, utc),
        PlannedTime = campaign.PostingTime,
        LocalTime = campaign.PostingTime,
        Utc = utc,
        Local = utc,
        TimeZone = campaign.TimeZone,
        ZoneAbbreviation = "UTC",
        TargetChannelIds = campaign.TargetChannelIds,
        Display = utc.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Waits for the first tick (at start), so each later <see cref="TickAtAsync"/> is the tick it caused.</summary>
    public async Task FirstTickAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Scheduler.TicksCompleted == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the scheduler did not tick at start");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Moves the hand-moved clock to <paramref name="utc"/> and waits for the tick that move causes. A move of more
    /// than one tick interval fires the scheduler's timer for every interval it crosses, and the scheduler runs one
    /// more tick for them: the helper waits until no further tick comes, so the next move starts from quiet.
    /// </summary>
    public async Task TickAtAsync(DateTimeOffset utc)
    {
        var clock = Clock ?? throw new InvalidOperationException("Only with a hand-moved clock.");
        var step = utc - clock.GetUtcNow();
        Assert.True(step > TimeSpan.Zero, $"the clock is at {clock.GetUtcNow():u} already");
        var tick = Scheduler.NextTickAsync();
        clock.Advance(step);
        await tick.WaitAsync(TimeSpan.FromSeconds(30));
        if (step > TimeSpan.FromMinutes(1))
        {
            while (true)
            {
                var more = Scheduler.NextTickAsync();
                if (await Task.WhenAny(more, Task.Delay(300)) != more)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Ticks once a minute from <paramref name="fromUtc"/> to <paramref name="untilUtc"/> (both included).</summary>
    public async Task TickEveryMinuteAsync(DateTimeOffset fromUtc, DateTimeOffset untilUtc)
    {
        for (var at = fromUtc; at <= untilUtc; at = at.AddMinutes(1))
        {
            await TickAtAsync(at);
        }
    }

    public Task<IReadOnlyList<DeliveryRecord>> DeliveriesAsync(string campaignId) =>
        Service<IDeliveryLedger>().ListForCampaignAsync(campaignId, CancellationToken.None);

    /// <summary>The channel posts Teams accepted, per channel.</summary>
    public IReadOnlyDictionary<string, List<SimulatedChannelPost>> PostsByChannel() =>
        Teams.ChannelPosts.GroupBy(p => p.ChannelId).ToDictionary(g => g.Key, g => g.ToList());

    public async ValueTask DisposeAsync()
    {
        var storage = Bot.StoragePath;
        await Bot.DisposeAsync();
        await Teams.DisposeAsync();
        BotHost.DeleteStorage(storage);
    }
}
