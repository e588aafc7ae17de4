using System.Text.Json;
using InfoStoryBot.IntegrationTests.DevChat;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.Admin;

/// <summary>The Web Chat page's Admin identity is on the campaign team in local mode, with no configuration edited.</summary>
public sealed class DevChatAdminTests : IDisposable
{
    private readonly BotHost _app = BotHost.Start();
    private readonly HttpClient _http;

    public DevChatAdminTests() => _http = _app.CreateHttpClient();

    public void Dispose()
    {
        _http.Dispose();
        _app.Dispose();
    }

    [Fact]
    public async Task Info_InLocalMode_SaysTheAdminIsOnTheCampaignTeamAndTheStorytellerIsNot()
    {
        var body = JsonDocument.Parse(await _http.GetStringAsync("/devchat/info")).RootElement;

        var people = body.GetProperty("people").EnumerateArray().ToDictionary(p => p.GetProperty("key").GetString()!, p => p.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["storyteller"] = false, ["admin"] = true }, people);
    }

    [Fact]
    public async Task AdminIdentity_ApprovesTheStorytellersStory_AndTheStorytellerIsToldInTheirChat()
    {
        var storyteller = await DirectLineClient.StartedAsync(_http, "storyteller");
        var admin = await DirectLineClient.StartedAsync(_http, "admin");
        foreach (var message in GuidedStory.Messages())
        {
            await storyteller.SayAsync(message);
            await WaitForAsync(storyteller, message == "submit" ? GuidedStory.Stored : "");
        }

        Assert.Contains("That’s one for the campaign team", await SayAndWaitAsync(storyteller, "stories pending", "campaign team"), StringComparison.Ordinal);
        Assert.Contains("Everything the campaign team does", await SayAndWaitAsync(admin, "admin", "Everything the campaign team does"), StringComparison.Ordinal);
        Assert.Contains(GuidedStory.SuggestedTitle, await SayAndWaitAsync(admin, "stories pending", GuidedStory.SuggestedTitle), StringComparison.Ordinal);
        Assert.Contains("Approved “", await SayAndWaitAsync(admin, "stories approve 1", "Approved “"), StringComparison.Ordinal);

        Assert.Contains("Your story is in the storybook", await WaitForAsync(storyteller, "Your story is in the storybook"), StringComparison.Ordinal);
    }

    private static async Task<string> SayAndWaitAsync(DirectLineClient client, string text, string expected)
    {
        await client.SayAsync(text);
        return await WaitForAsync(client, expected);
    }

    /// <summary>Polls as Web Chat does until the bot's answers hold <paramref name="expected"/>; returns all they said.</summary>
    private static async Task<string> WaitForAsync(DirectLineClient client, string expected)
    {
        var seen = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            foreach (var activity in await client.PollAsync())
            {
                if (activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    seen.Add(text.GetString()!);
                }

                if (activity.TryGetProperty("attachments", out var attachments))
                {
                    seen.AddRange(attachments.EnumerateArray().Where(a => a.TryGetProperty("content", out _)).Select(a => CardAssert.Text(a.GetProperty("content"))));
                }
            }

            var all = string.Join("\n", seen);
            if (all.Contains(expected, StringComparison.Ordinal) && (expected.Length > 0 || seen.Count > 0))
            {
                return all;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The bot never said “{expected}”. It said:\n{all}");
            await Task.Delay(100);
        }
    }
}
