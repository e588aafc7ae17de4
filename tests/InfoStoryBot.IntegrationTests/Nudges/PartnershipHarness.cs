using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.IntegrationTests.Nudges;

/// <summary>
/// The real bot and the Teams simulator with the partnership team registered as install capture stores it, a running
/// campaign posting to its Stories channel, and channel members who press the buttons of what the bot posted there,
/// as Teams sends them (Action.Execute invokes in the post's thread). Restartable on the same storage; optionally on a
/// hand-moved clock shared with the simulator. Priya is an admin with no 1:1 chat yet.
/// </summary>
internal sealed class PartnershipHarness : IAsyncDisposable
{
    public const string CampaignId = "spring-stories";

    private readonly Dictionary<string, string?> _settings;

    private PartnershipHarness(TeamsHarness harness, FakeTimeProvider? clock, Dictionary<string, string?> settings)
    {
        Harness = harness;
        Clock = clock;
        _settings = settings;
    }

    public TeamsHarness Harness { get; }

    public Simulator Teams => Harness.Teams;

    public FakeTimeProvider? Clock { get; }

    public SimulatedChannel Channel => Teams.Team.Channels[2];

    public DateTimeOffset Now => Clock?.GetUtcNow() ?? DateTimeOffset.UtcNow;

    /// <param name="members">Extra channel members (SimulatedUser.Create(1..n)) besides Priya and Tom.</param>
    public static async Task<PartnershipHarness> StartAsync(int members = 2, FakeTimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Access:BootstrapAdmins:0"] = SimulatedUser.Priya.AadObjectId,
            ["Connector:BaseDelay"] = "00:00:00.050",
            ["Connector:MaxDelay"] = "00:00:00.200",
        };
        if (clock is not null)
        {
            // On a hand-moved clock nothing moves unless the test moves it: paced sends would wait for the next move.
            config["Connector:RequestsPerSecondPerTenant"] = "0";
            config["Nudges:TickInterval"] = "00:01:00";
            config["Pledges:TickInterval"] = "00:01:00";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var harness = await TeamsHarness.StartAsync(
            services => { if (clock is not null) { services.AddSingleton<TimeProvider>(clock); } },
            config,
            new TeamsSimulatorOptions { TimeProvider = clock ?? TimeProvider.System, Teams = [SimulatedTeam.Partnership(members)] });
        var partnership = new PartnershipHarness(harness, clock, config);
        await partnership.RegisterTeamAsync();
        return partnership;
    }

    public T Service<T>() where T : notnull => Harness.Bot.Services.GetRequiredService<T>();

    /// <summary>A second instance of the app on the same storage, simulator and clock, as a scaled-out deployment runs.</summary>
    public BotHost StartSecondInstance()
    {
        var config = new Dictionary<string, string?>(Teams.BotConfiguration) { ["Storage:LocalPath"] = Harness.Bot.StoragePath };
        foreach (var (key, value) in _settings)
        {
            config[key] = value;
        }

        return BotHost.Start(config, "Development", services => { if (Clock is not null) { services.AddSingleton<TimeProvider>(Clock); } });
    }

    public SimulatedUser Member(int n) => SimulatedUser.Create(n);

    /// <summary>The team with its channels, as install capture stores it once Teams said the bot was added.</summary>
    private Task RegisterTeamAsync() => Service<ITeamStore>().SaveAsync(new TeamRecord
    {
        TeamId = Teams.Team.Id,
        Name = Teams.Team.Name,
        TenantId = Teams.Options.TenantId,
        ServiceUrl = Teams.ServiceUrl,
        InstalledAt = DateTimeOffset.UnixEpoch,
        Channels = [.. Teams.Team.Channels.Select(c => new ChannelRecord(c.Id, c.Name))],
    }, null, CancellationToken.None);

    /// <summary>A running campaign around today, posting to the Stories channel.</summary>
    public async Task<Campaign> CampaignAsync(int days = 14)
    {
        var now = Now;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var campaign = new Campaign
        {
            Id = CampaignId,
            Name = "Spring stories",
            StartDate = today.AddDays(-3),
            EndDate = today.AddDays(days),
            DaysOfWeek = Enum.GetValues<DayOfWeek>(),
            PostingTime = new TimeOnly(23, 59),
            TimeZone = "Europe/London",
            TargetChannelIds = [Channel.Id],
            State = CampaignState.Running,
            LiveFrom = now.AddDays(-3),
            StoryTarget = 50,
            CreatedAt = now.AddDays(-4),
            UpdatedAt = now.AddDays(-3),
            CreatedBy = SimulatedUser.Priya.AadObjectId,
        };
        await Service<ICampaignStore>().SaveAsync(campaign, null, CancellationToken.None);
        return campaign;
    }

    /// <summary>A story of the campaign told earlier by someone else, approved by the team.</summary>
    public async Task<Story> ApprovedStoryAsync(Attribution attribution, bool consent = true, StoryStatus status = StoryStatus.Approved)
    {
        var at = Now.AddDays(-2);
        var story = new Story
        {
            Id = StoryIds.Format(at, RandomNumberGenerator.GetBytes(4)),
            CampaignId = CampaignId,
            Status = status,
            Content = new StoryContent
            {
                Title = "Told once, heard by everyone",
                WhatHappened = "A family moved between two council areas and the school's concern went with them. The new team picked it up on day one.",
                WhoWasInvolved = ["Northtown Council", "GP surgery"],
                InformationShared = "The safeguarding lead rang the new school.",
                DifferenceMade = "The mum only had to tell her story once.",
                Pillars = [Pillar.Culture],
                Elements = [PartnershipElement.Communication],
                Kind = StoryKind.Success,
                Attribution = attribution,
                TellerName = "Dana Whitfield",
                TellerRole = "Family support worker",
                TellerOrganisation = "Northtown Council",
                ConsentToPublish = consent,
            },
            Teller = new StoryTeller("0f0f0f0f-1111-4222-8333-444455556666", null, "Dana Whitfield"),
            CreatedAt = at,
            UpdatedAt = at,
            SubmittedAt = at,
            ModeratedAt = at.AddHours(1),
        };
        await Service<IStoryStore>().CreateAsync(story, CancellationToken.None);
        return story;
    }

    /// <summary>Posts <paramref name="entry"/> to the campaign's channels now, as <c>nudge send-now</c> does; returns the post.</summary>
    public async Task<ChannelPostOnTeams> SendNowAsync(Campaign campaign, NudgeKind entry)
    {
        await using var scope = Harness.Bot.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<NudgeFanOut>().SendNowAsync(campaign, entry, SimulatedUser.Priya.AadObjectId, CancellationToken.None);
        var sent = Assert.Single(report.Channels);
        Assert.Equal(DeliveryStatus.Sent, sent.Status);
        var post = Teams.ChannelPosts.Last(p => p.ChannelId == Channel.Id);
        var card = post.Activity!["attachments"]![0]!["content"]!;
        return new ChannelPostOnTeams(sent.DeliveryId, post.ThreadId, post.ActivityId, JsonDocument.Parse(card.ToJsonString()).RootElement.Clone());
    }

    /// <summary>
    /// Presses a button of a channel post as Teams sends it: an adaptiveCard/action invoke in the post's thread, from the
    /// member. Returns the invoke response body.
    /// </summary>
    public async Task<InvokeAnswer> PressAsync(ChannelPostOnTeams post, string title, SimulatedUser user, JsonElement? card = null)
    {
        var value = CardPress.Value(card ?? post.Card, title);
        var verb = value["action"]!.GetValue<string>();
        var activity = Teams.Activities.AdaptiveCardAction(verb, value, replyToId: post.ActivityId, user: user, channel: Channel);
        activity["conversation"]!["id"] = post.ThreadId;
        using var response = await Harness.PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The bot answered {(int)response.StatusCode}: {body}");
        return new InvokeAnswer(JsonDocument.Parse(body).RootElement.Clone());
    }

    /// <summary>Everything the bot sent in this member's 1:1 chat, in order.</summary>
    public IReadOnlyList<Activity> SentInChat(SimulatedUser user)
    {
        var chat = Teams.Activities.PersonalConversationId(user);
        return [.. Harness.Sent().Where(a => a.Conversation?.Id == chat)];
    }

    /// <summary>The Connector calls that wrote into this member's 1:1 chat (one per message).</summary>
    public int MessagesInChat(SimulatedUser user)
    {
        var path = $"v3/conversations/{Teams.Activities.PersonalConversationId(user)}/activities";
        return Teams.Calls.Count(c => c.Method == "POST" && c.Path.EndsWith(path, StringComparison.Ordinal) && c.ResponseStatus is >= 200 and < 300);
    }

    public async ValueTask DisposeAsync() => await Harness.DisposeAsync();
}

/// <summary>A nudge the bot posted in a channel: its delivery, its thread and root activity, and its card as Teams got it.</summary>
internal sealed record ChannelPostOnTeams(string DeliveryId, string ThreadId, string ActivityId, JsonElement Card);

/// <summary>An adaptiveCard/action invoke response: a card only the presser sees, or a message where they clicked.</summary>
internal sealed record InvokeAnswer(JsonElement Body)
{
    public string Type => Body.GetProperty("type").GetString()!;

    public string Message => Type == AdaptiveCardInvokeResponse.MessageType ? Body.GetProperty("value").GetString()! : "";

    public JsonElement Card
    {
        get
        {
            Assert.Equal(AdaptiveCardInvokeResponse.CardType, Type);
            return Body.GetProperty("value");
        }
    }
}
