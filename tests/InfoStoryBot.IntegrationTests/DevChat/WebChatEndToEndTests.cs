using System.Text.Json;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using InfoStoryBot.IntegrationTests.Infrastructure;

namespace InfoStoryBot.IntegrationTests.DevChat;

/// <summary>
/// The real Web Chat, in Debian's Chromium, against the real app on a loopback port: the page loads,
/// a message goes through DevChat's Direct Line subset to the turn processor and back, an Adaptive Card
/// renders and its buttons reach the bot. One test tells a whole story to the real bot; the other uses an
/// echo turn processor to pin down DevChat's own plumbing (Execute clicks, card updates, identity switch).
/// </summary>
public sealed class WebChatEndToEndTests
{
    private static readonly string Screenshots = Path.Combine(RepoPaths.Root, "tests", "InfoStoryBot.IntegrationTests", "DevChat", "screenshots");

    [Fact]
    public async Task WebChat_MessageCardButtonsAndIdentitySwitch_ReachTheBotAndShowItsAnswers()
    {
        RequirePrerequisites();
        using var app = BotHost.Start(services: DirectLineEndpointsTests.EchoServices);
        var screenshot = Path.Combine(Screenshots, "webchat-storyteller.png");

        var run = await NodeTool.RunAsync(NodeTool.Tools, TimeSpan.FromSeconds(150),
            Path.Combine("e2e", "webchat.mjs"), app.BaseAddress.ToString(),
            "--screenshot", screenshot,
            "--reply-screenshot", Path.Combine(Screenshots, "webchat-card.png"),
            "--welcome", "Welcome, Sam Storyteller.",
            "--say", "I'd like to share a story",
            "--expect", "You said: I'd like to share a story",
            "--click", "Tell me more=>You chose more.",
            "--click", "Refresh=>Refreshed by refresh.",
            "--switch", "Admin=>Welcome, Alex Admin.",
            "--switch", "Storyteller=>You chose more.");

        var result = ParseResult(run);
        await File.WriteAllTextAsync(Path.Combine(Screenshots, "webchat-result.json"), run.StandardOutput);
        Assert.True(result.GetProperty("ok").GetBoolean(), $"The browser test failed at '{Text(result, "failedStep")}': {Text(result, "error")}\nTranscript: {result.GetProperty("transcript")}\nstderr: {run.StandardError}");
        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(screenshot));
        var transcript = result.GetProperty("transcript").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Contains(transcript, t => t.Contains("You chose more.", StringComparison.Ordinal));
        Assert.Contains(transcript, t => t.Contains("Refreshed by refresh.", StringComparison.Ordinal));
        Assert.DoesNotContain(transcript, t => t.Contains("DevChat:", StringComparison.Ordinal));
        Assert.Empty(result.GetProperty("consoleErrors").EnumerateArray());
    }

    [Fact]
    public async Task WebChat_AStoryToldOnTheShortPath_ShowsChoicesRightIsStoredAndShownInMyStories()
    {
        RequirePrerequisites();
        using var app = BotHost.Start();
        var screenshot = Path.Combine(Screenshots, "webchat-story.png");

        var run = await NodeTool.RunAsync(NodeTool.Tools, TimeSpan.FromSeconds(180),
            Path.Combine("e2e", "webchat.mjs"), app.BaseAddress.ToString(),
            "--screenshot", screenshot,
            "--timeout", "20000",
            // Web Chat's markdown turns ' into ’ in the echoed message, so the texts here avoid apostrophes.
            "--welcome", "information sharing story?",
            "--say", "share a story",
            "--expect", "five short questions",
            "--then-say", "A family moved between two council areas and the concern raised by the school went with them. The new team trusted the school and picked it up on day one.=>Who was involved?",
            "--then-say", "Northtown Council, the police and a housing charity=>What information was shared",
            "--then-say", "The safeguarding lead at the school rang the new school and sent the file through the secure email system.=>What difference did it make",
            "--then-say", "The mum only had to tell her story once.=>May we publish it",
            "--check-choices", "details",
            "--click", "Yes, publish it=>Submit my story",
            "--click", "Submit my story=>Thank you for sharing your story",
            "--then-say", "my stories=>Waiting for the campaign team");

        var result = ParseResult(run);
        await File.WriteAllTextAsync(Path.Combine(Screenshots, "webchat-story-result.json"), run.StandardOutput);
        Assert.True(result.GetProperty("ok").GetBoolean(), $"The browser test failed at '{Text(result, "failedStep")}': {Text(result, "error")}\nTranscript: {result.GetProperty("transcript")}\nstderr: {run.StandardError}");
        Assert.Empty(result.GetProperty("consoleErrors").EnumerateArray());

        // Every tick box and radio label on the details card, as Chromium rendered it: the words, never a list.
        var labels = result.GetProperty("choices").GetProperty("details").EnumerateArray()
            .Select(c => (Text: c.GetProperty("text").GetString()!, List: c.GetProperty("list").GetBoolean())).ToList();
        Assert.Equal(
            ["Culture", "Information governance", "Technology", "Communication", "Shared language", "Partners", "Decision making and problem solving",
             "Creativity", "Environment", "A success: sharing helped", "A barrier: sharing got in the way", "My name, role and organisation",
             "My role and organisation only", "Anonymously"],
            labels.Select(l => l.Text));
        Assert.All(labels, l => Assert.False(l.List, $"'{l.Text}' rendered as a list"));
        Assert.All(labels, l => Assert.DoesNotMatch(@"^\d+[.)]", l.Text));

        var stories = app.Services.GetRequiredService<IStoryStore>();
        var mine = await stories.ListAsync(new StoryQuery { Status = null, TellerAadObjectId = "00000000-0000-4000-8000-000000005701" }, null, CancellationToken.None);
        var story = Assert.Single(mine.Stories).Value;
        Assert.Equal("A family moved between two council areas", story.Content.Title);
        Assert.Equal([Pillar.Culture, Pillar.Technology], story.Content.Pillars);
        Assert.Equal([PartnershipElement.Communication], story.Content.Elements);
        Assert.Equal(Attribution.RoleOnly, story.Content.Attribution);
        Assert.True(story.Content.ConsentToPublish);
        Assert.Equal(StoryStatus.Submitted, story.Status);
        var turns = result.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("name").GetString() is { } n && (n.StartsWith("say ", StringComparison.Ordinal) || n.StartsWith("click ", StringComparison.Ordinal) || n == "send a message"));
        Assert.Equal(8, turns); // the 7 turns of the short path, then "my stories"
    }

    [Fact]
    public async Task WebChat_ACampaignTriedLocally_NudgeInTheChannelShareYoursAndTheStoryKeepsItsDelivery()
    {
        RequirePrerequisites();
        const string admin = "00000000-0000-4000-8000-00000000ad01";
        using var app = BotHost.Start(new Dictionary<string, string?> { ["Access:BootstrapAdmins:0"] = admin });
        var cast = app.Services.GetRequiredService<InfoStoryBot.Bot.DevChat.DevChatCast>();

        // The campaign as the admin's campaign commands leave it: running, targeting the local Stories channel.
        await DevChatPartnershipTests.SaveCampaignAsync(app, cast.Team.Channels[1].Id);
        var screenshot = Path.Combine(Screenshots, "webchat-channel.png");

        var run = await NodeTool.RunAsync(NodeTool.Tools, TimeSpan.FromSeconds(240),
            Path.Combine("e2e", "webchat.mjs"), app.BaseAddress.ToString(),
            "--screenshot", screenshot,
            "--timeout", "20000",
            "--welcome", "information sharing story?",
            "--say", "",
            "--switch", "Admin=>information sharing story?",
            "--then-say", "nudge send-now local-stories two-minute-share=>1 sent, 0 skipped",
            "--switch", "Storyteller=>information sharing story?",
            "--switch", "#Stories=>Got two minutes?",
            "--click", "Share yours=>sent you a private message",
            "--snapshot", Path.Combine(Screenshots, "webchat-channel-share.png"),
            "--switch", "1:1 chat=>Question 1 of 5",
            "--then-say", "A family moved between two council areas and the concern raised by the school went with them. The new team trusted the school and picked it up on day one.=>Who was involved?",
            "--then-say", "Northtown Council, the police and a housing charity=>What information was shared",
            "--then-say", "The safeguarding lead at the school rang the new school and sent the file through the secure email system.=>What difference did it make",
            "--then-say", "The mum only had to tell her story once.=>May we publish it",
            "--click", "Yes, publish it=>Submit my story",
            "--click", "Submit my story=>Thank you for sharing your story");

        var result = ParseResult(run);
        await File.WriteAllTextAsync(Path.Combine(Screenshots, "webchat-channel-result.json"), run.StandardOutput);
        Assert.True(result.GetProperty("ok").GetBoolean(), $"The browser test failed at '{Text(result, "failedStep")}': {Text(result, "error")}\nTranscript: {result.GetProperty("transcript")}\nstderr: {run.StandardError}");
        Assert.Empty(result.GetProperty("consoleErrors").EnumerateArray());
        var transcript = result.GetProperty("transcript").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.DoesNotContain(transcript, t => t.Contains("DevChat:", StringComparison.Ordinal));

        var delivery = Assert.Single(await app.Services.GetRequiredService<InfoStoryBot.Bot.Nudges.IDeliveryLedger>().ListForCampaignAsync("local-stories", CancellationToken.None));
        Assert.Equal(cast.Team.Channels[1].Id, delivery.ChannelId);
        var stories = app.Services.GetRequiredService<IStoryStore>();
        var mine = await stories.ListAsync(new StoryQuery { Status = null, TellerAadObjectId = "00000000-0000-4000-8000-000000005701" }, null, CancellationToken.None);
        var story = Assert.Single(mine.Stories).Value;
        Assert.Equal(new StoryOrigin(delivery.Id, null), story.Origin);
        Assert.Equal("local-stories", story.CampaignId);
        Assert.Equal(StoryStatus.Submitted, story.Status);
    }

    private static void RequirePrerequisites()
    {
        const string viaTestSh = "./test.sh installs it";
        NodeTool.RequireFile("/usr/bin/chromium", $"Debian's Chromium is needed: apt-get install chromium ({viaTestSh}).");
        NodeTool.RequireFile(Path.Combine(RepoPaths.NodeModules, "playwright-core", "package.json"), $"Install the test tools: (cd tests/tools && npm ci) ({viaTestSh}).");
        NodeTool.RequireFile(Path.Combine(RepoPaths.Root, "Bot", "DevChat", "web", "node_modules", "botframework-webchat", "dist", "webchat.js"),
            $"Install the Web Chat bundle: npm ci --prefix Bot/DevChat/web ({viaTestSh}).");
    }

    private static JsonElement ParseResult(NodeTool.Run run)
    {
        var last = run.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        Assert.True(last is not null && last.StartsWith('{'), $"The browser script printed no JSON result (exit code {run.ExitCode}).\nstdout: {run.StandardOutput}\nstderr: {run.StandardError}");
        return JsonDocument.Parse(last).RootElement;
    }

    private static string? Text(JsonElement result, string property) =>
        result.TryGetProperty(property, out var value) ? value.ToString() : null;
}
