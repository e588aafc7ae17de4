using System.Net;
using InfoStoryBot.IntegrationTests.DevChat;
using InfoStoryBot.IntegrationTests.Infrastructure;

namespace InfoStoryBot.IntegrationTests.BadInput;

/// <summary>The bad-input corpus against DevChat's Direct Line endpoint, on the real bot in local mode.</summary>
public sealed class DirectLineBadInputTests
{
    [Fact]
    public async Task Corpus_PostedToAConversation_EveryEntryGetsAClearAnswerAndTheChatCarriesOn()
    {
        var logs = new LogCapture();
        await using var bot = BotHost.Start(services: logs.Register);
        using var http = bot.CreateHttpClient();
        var client = await DirectLineClient.StartedAsync(http);

        var problems = await CorpusRunner.RunAsync(http, $"/v3/directline/conversations/{client.ConversationId}/activities", BadInputCorpus.ForDirectLine(), "Bearer " + client.Token);

        Assert.True(problems.Count == 0, "Unclear answers:\n" + string.Join("\n", problems));
        Assert.True(CorpusRunner.Crashes(logs).Count == 0, "Crashes:\n" + string.Join("\n", CorpusRunner.Crashes(logs)));
        await client.PollAsync();
        await client.SayAsync("help");
        var after = await client.PollAsync();
        Assert.Contains(after, a => a.GetProperty("from").GetProperty("role").GetString() == "bot"
            && a.TryGetProperty("attachments", out _) || (a.TryGetProperty("text", out var t) && t.GetString()!.Contains("help", StringComparison.OrdinalIgnoreCase)));
    }
}
