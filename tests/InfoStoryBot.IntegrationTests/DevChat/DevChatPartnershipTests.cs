using System.Text.Json;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.DevChat;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.IntegrationTests.DevChat;

/// <summary>
/// DevChat's partnership channel with the real bot, over its Direct Line subset (what the page's Web Chat does, without
/// the browser): the local team is registered through the bot's own install capture, a nudge sent now lands in the
/// channel as a new thread every member sees, and Share yours pressed there opens the storyteller's 1:1 chat (opening it
/// when they have none), where the story told keeps the delivery it came from.
/// </summary>
public sealed class DevChatPartnershipTests
{
    private const string AdminObjectId = "00000000-0000-4000-8000-00000000ad01";
    private const string StorytellerObjectId = "00000000-0000-4000-8000-000000005701";
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task Partnership_WhenThePageAsks_IsInstalledThroughInstallCaptureWithItsChannels()
    {
        using var app = BotHost.Start(new Dictionary<string, string?> { ["Access:BootstrapAdmins:0"] = AdminObjectId });
        using var http = app.CreateHttpClient();
        var cast = app.Services.GetRequiredService<DevChatCast>();

        var first = await http.PostAsync("/devchat/partnership", null);
        var again = await http.PostAsync("/devchat/partnership", null);

        first.EnsureSuccessStatusCode();
        again.EnsureSuccessStatusCode();
        var described = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(["General", "Stories"], described.GetProperty("channels").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        var team = await TeamAsync(app, cast);
        Assert.Equal("Local partnership", team.Name);
        Assert.Equal([(cast.Team.Id, (string?)null), (cast.Team.Channels[1].Id, "Stories")], team.Channels.Select(c => (c.ChannelId, c.Name)));
        Assert.Single(await app.Services.GetRequiredService<ITeamStore>().ListAsync(None));
        var reference = await app.Services.GetRequiredService<IConversationReferenceStore>().GetAsync(cast.Team.Channels[1].Id, None);
        Assert.Equal(DevChatCast.ServiceUrl, reference?.ServiceUrl);

        // The team was welcomed once, in General, as on a real install; a view of it shows that.
        var general = new DirectLineClient(http);
        (await general.GenerateWithAsync(new { identity = "storyteller", channel = cast.Team.Id })).EnsureSuccessStatusCode();
        var seen = await general.PollAsync();
        Assert.Single(seen, a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("Hello, partners!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NudgeInTheLocalChannel_ShareYoursOpensTheStorytellersChat_AndTheStoryKeepsItsDelivery()
    {
        using var app = BotHost.Start(new Dictionary<string, string?> { ["Access:BootstrapAdmins:0"] = AdminObjectId });
        using var http = app.CreateHttpClient();
        var cast = app.Services.GetRequiredService<DevChatCast>();
        (await http.PostAsync("/devchat/partnership", null)).EnsureSuccessStatusCode();
        await TeamAsync(app, cast);
        var stories = cast.Team.Channels[1];
        await SaveCampaignAsync(app, stories.Id);

        // Both look at the channel before anything is posted; the admin sends a nudge now from their chat.
        var samInChannel = new DirectLineClient(http);
        (await samInChannel.GenerateWithAsync(new { identity = "storyteller", channel = stories.Id })).EnsureSuccessStatusCode();
        var alexInChannel = new DirectLineClient(http);
        (await alexInChannel.GenerateWithAsync(new { identity = "admin", channel = stories.Id })).EnsureSuccessStatusCode();
        var alex = await DirectLineClient.StartedAsync(http, "admin");
        await alex.PollAsync();
        await alex.SayAsync("nudge send-now local-stories two-minute-share");
        Assert.Contains("1 sent, 0 skipped", string.Join("\n", (await alex.PollAsync()).Select(a => a.GetRawText())), StringComparison.Ordinal);

        var post = Assert.Single(await samInChannel.PollAsync(), a => a.TryGetProperty("attachments", out _));
        Assert.Single(await alexInChannel.PollAsync(), a => a.GetProperty("id").GetString() == post.GetProperty("id").GetString());
        var share = post.GetProperty("attachments")[0].GetProperty("content").GetProperty("actions").EnumerateArray()
            .Single(a => a.GetProperty("title").GetString() == "Share yours");
        await samInChannel.PostAsync(new { type = "message", value = share.GetProperty("data"), channelData = new { postBack = true } });

        var answer = await samInChannel.PollAsync();
        Assert.Contains(answer, a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("private message", StringComparison.Ordinal));
        Assert.DoesNotContain(await alexInChannel.PollAsync(), a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("private message", StringComparison.Ordinal));

        // Sam had no chat open: the bot opened one, and the page picks it up with the first question in it.
        var sam = new DirectLineClient(http);
        (await sam.GenerateWithAsync(new { identity = "storyteller", resume = true })).EnsureSuccessStatusCode();
        Assert.Contains(await sam.PollAsync(), a => a.TryGetProperty("text", out var t) && t.GetString()!.Contains("five short questions", StringComparison.Ordinal));
        foreach (var message in GuidedStory.Messages().Skip(1))
        {
            await sam.SayAsync(message);
        }

        var told = await sam.PollAsync();
        Assert.True(told.Any(a => a.GetRawText().Contains(GuidedStory.Stored, StringComparison.Ordinal)), string.Join("\n", told.TakeLast(4).Select(a => a.GetRawText())));
        var delivery = Assert.Single(await app.Services.GetRequiredService<IDeliveryLedger>().ListForCampaignAsync("local-stories", None));
        var mine = await app.Services.GetRequiredService<IStoryStore>().ListAsync(new StoryQuery { Status = null, TellerAadObjectId = StorytellerObjectId }, null, None);
        Assert.Equal(delivery.Id, Assert.Single(mine.Stories).Value.Origin?.DeliveryId);
        Assert.Null(await app.Services.GetRequiredService<Bot.Turns.IConversationStateStore>().GetAsync("msteams", DevChatChannels.ThreadId(stories.Id, post.GetProperty("id").GetString()!), None));
    }

    internal static async Task<TeamRecord> TeamAsync(BotHost app, DevChatCast cast)
    {
        var teams = app.Services.GetRequiredService<ITeamStore>();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            if (await teams.GetAsync(cast.Team.Id, None) is { Value: { Channels.Count: 2, Name: not null } team })
            {
                return team;
            }

            Assert.True(DateTime.UtcNow < deadline, "The local team was not registered with its channels (install capture and channel sync).");
            await Task.Delay(50);
        }
    }

    /// <summary>A running campaign posting to the local channel, stored as <c>campaign new</c> and <c>campaign start</c> leave it.</summary>
    internal static Task SaveCampaignAsync(BotHost app, string channelId)
    {
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return app.Services.GetRequiredService<ICampaignStore>().SaveAsync(new Campaign
        {
            Id = "local-stories",
            Name = "Local stories",
            StartDate = today.AddDays(-1),
            EndDate = today.AddDays(13),
            DaysOfWeek = Enum.GetValues<DayOfWeek>(),
            PostingTime = new TimeOnly(23, 59),
            TimeZone = "Europe/London",
            TargetChannelIds = [channelId],
            State = CampaignState.Running,
            LiveFrom = now.AddDays(-1),
            CreatedAt = now.AddDays(-1),
            UpdatedAt = now.AddDays(-1),
            CreatedBy = AdminObjectId,
        }, null, None);
    }
}
