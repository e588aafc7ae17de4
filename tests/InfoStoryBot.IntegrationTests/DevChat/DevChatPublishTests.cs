using System.Net;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.DevChat;

/// <summary>
/// Local mode from a published build, as a new user runs it: <c>dotnet publish Bot</c>, then the output's dll as a
/// real process in Development with no app id, started from the output folder and knowing nothing of the source
/// tree. The page, the Web Chat bundle and Direct Line must work; whatever is missing from the output must be
/// explained, never answered with a 500 or the server's folders.
/// </summary>
public sealed class DevChatPublishTests(PublishedBot published) : IClassFixture<PublishedBot>
{
    private const string InstallCommand = "npm ci --prefix Bot/DevChat/web";
    private const string PublishCommand = "dotnet publish Bot -c Release";

    [Fact]
    public async Task LocalMode_FromThePublishedOutput_ServesThePageTheBundleAndDirectLine()
    {
        published.RequirePublished();
        Assert.True(File.Exists(Path.Combine(published.Output, PublishedBot.BundlePath)),
            $"The publish output has no Web Chat bundle ({PublishedBot.BundlePath}). Publishing fetches it with npm when " +
            $"Bot/DevChat/web/node_modules lacks it, so Node.js (npm) must be installed for this test. Publish said:{Environment.NewLine}{published.Log}");
        await using var bot = await StartLocalModeAsync(published.Output);
        using var http = Client(bot);

        var page = await GetAsync(http, "/", bot, published.Output);
        var bundle = await http.GetAsync("/webchat/webchat.js");
        var script = await GetAsync(http, "/devchat/devchat.js", bot, published.Output);
        var style = await GetAsync(http, "/devchat/devchat.css", bot, published.Output);

        Assert.True(page.Status == HttpStatusCode.OK, $"GET / answered {(int)page.Status}: {page.Body}{Environment.NewLine}{bot.Output()}");
        Assert.Equal("text/html", page.MediaType);
        Assert.Contains("<script src=\"/webchat/webchat.js\"", page.Body, StringComparison.Ordinal);
        Assert.Contains("InfoStoryBot", page.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Equal("text/javascript", bundle.Content.Headers.ContentType?.MediaType);
        var bundleText = await bundle.Content.ReadAsStringAsync();
        Assert.Equal(new FileInfo(Path.Combine(published.Output, PublishedBot.BundlePath)).Length, System.Text.Encoding.UTF8.GetByteCount(bundleText));
        Assert.Contains("renderWebChat", bundleText, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "text/javascript"), (script.Status, script.MediaType));
        Assert.Equal((HttpStatusCode.OK, "text/css"), (style.Status, style.MediaType));

        // One round trip through Direct Line to the real bot: the welcome, then the first question of a story.
        var chat = await DirectLineClient.StartedAsync(http);
        var welcome = await chat.PollAsync();
        await chat.SayAsync("share a story");
        var answer = await chat.PollAsync();

        Assert.Contains(welcome, a => a.GetProperty("from").GetProperty("role").GetString() == "bot");
        Assert.Contains(answer, a => a.GetProperty("from").GetProperty("role").GetString() == "bot" && a.GetRawText().Contains("What happened?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LocalMode_PublishedWithoutTheBundle_AnswersHowToGetItWithoutAPath()
    {
        published.RequirePublished();
        var output = published.CopyWithout(PublishedBot.BundlePath);
        await using var bot = await StartLocalModeAsync(output);
        using var http = Client(bot);

        var page = await GetAsync(http, "/", bot, output);
        var bundle = await GetAsync(http, "/webchat/webchat.js", bot, output);

        Assert.NotEqual(HttpStatusCode.InternalServerError, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.Contains("Web Chat", page.Body, StringComparison.Ordinal);
        Assert.Contains(InstallCommand, page.Body, StringComparison.Ordinal);
        Assert.Contains(PublishCommand, page.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, bundle.Status);
        Assert.Contains(InstallCommand, bundle.Body, StringComparison.Ordinal);
        Assert.Contains(PublishCommand, bundle.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LocalMode_PublishedWithoutDevChatsFiles_EveryStaticRouteSaysWhatIsMissingWithoutAPath()
    {
        published.RequirePublished();
        var output = published.CopyWithout("DevChat");
        await using var bot = await StartLocalModeAsync(output);
        using var http = Client(bot);

        foreach (var route in new[] { "/", "/devchat/devchat.js", "/devchat/devchat.css", "/webchat/webchat.js" })
        {
            var answer = await GetAsync(http, route, bot, output);

            Assert.True(answer.Status != HttpStatusCode.InternalServerError, $"GET {route} answered 500: {answer.Body}");
            Assert.Contains(PublishCommand, answer.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task StaticRoutes_PathsReachingForOtherFiles_404WithoutTheirContent()
    {
        published.RequirePublished();
        await using var bot = await StartLocalModeAsync(published.Output);
        using var http = Client(bot);

        foreach (var path in new[]
                 {
                     "/devchat/..%2F..%2Fappsettings.json",
                     "/devchat/%2e%2e/%2e%2e/appsettings.json",
                     "/webchat/..%2FInfoStoryBot.Bot.deps.json",
                     "/devchat/devchat.js%2F..%2F..%2F..%2Fappsettings.json",
                     "/devchat/index.html",
                     "/DevChat/page/index.html",
                     "/appsettings.json",
                 })
        {
            var answer = await GetAsync(http, path, bot, published.Output);

            Assert.True(answer.Status == HttpStatusCode.NotFound, $"GET {path} answered {(int)answer.Status}: {answer.Body}");
            Assert.DoesNotContain("\"Logging\"", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("runtimeTarget", answer.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("<html", answer.Body, StringComparison.OrdinalIgnoreCase);
        }
    }

    private sealed record Answer(HttpStatusCode Status, string? MediaType, string Body);

    /// <summary>Any answer of a DevChat route, checked for the folders of the server (the output, the repository, the temp folder).</summary>
    private static async Task<Answer> GetAsync(HttpClient http, string path, BotProcess bot, string output)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var folder in new[] { output, RepoPaths.Root, Path.GetTempPath().TrimEnd(Path.DirectorySeparatorChar), AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar) })
        {
            Assert.False(body.Contains(folder, StringComparison.Ordinal), $"GET {path} shows the server's folder {folder}: {body}{Environment.NewLine}{bot.Output()}");
        }

        return new Answer(response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    private static HttpClient Client(BotProcess bot) => new() { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Development and no app id: local mode, as the README tells a new user to run it. Storage in a folder of its own.</summary>
    private async Task<BotProcess> StartLocalModeAsync(string output) =>
        await BotProcess.StartDllAsync(
            Path.Combine(output, "InfoStoryBot.Bot.dll"),
            [],
            new Dictionary<string, string?> { ["Storage:LocalPath"] = Path.Combine(published.Root, "data-" + Guid.NewGuid().ToString("n")) },
            "Development");
}
