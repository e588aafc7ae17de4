namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// Serves DevChat's page and the Web Chat bundle. Under <c>dotnet run</c> the content root is the project folder, so
/// both come from the source tree (the bundle from npm's folder); a published build carries them next to its dll
/// (see the DevChatPublishFiles target), which is found wherever the build is started from. The routes name fixed
/// files, so no request can choose a path. Anything missing answers what to do about it: never a 500, and never a
/// folder of the server (a page anyone on the machine can open has no business showing them).
/// </summary>
internal sealed class DevChatPage(string contentRoot)
{
    public const string InstallHint = "npm ci --prefix Bot/DevChat/web";
    private const string PublishHint = "dotnet publish Bot -c Release";

    private const string PageFolder = "DevChat/page";

    // The source tree's layout first, then the publish output's (see Bot/InfoStoryBot.Bot.csproj).
    private static readonly string[] BundleLocations = ["DevChat/web/node_modules/botframework-webchat/dist/webchat.js", "DevChat/webchat/webchat.js"];

    private readonly string[] _roots = new[] { contentRoot, AppContext.BaseDirectory }
        .Select(Path.GetFullPath)
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    public bool HasWebChatBundle => FindBundle() is not null;

    public void Map(RouteGroupBuilder root)
    {
        root.MapGet("/", Index);
        root.MapGet("/devchat/devchat.js", () => PageAsset("devchat.js", "text/javascript; charset=utf-8"));
        root.MapGet("/devchat/devchat.css", () => PageAsset("devchat.css", "text/css; charset=utf-8"));
        root.MapGet("/webchat/webchat.js", () =>
            (FindBundle() is { } bundle ? Serve(bundle, "text/javascript; charset=utf-8") : null)
            ?? Results.Text(BundleMissingText, "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound));
    }

    private IResult Index()
    {
        if (Find(PageFolder + "/index.html") is not { } index)
        {
            return HelpPage(PageMissingHtml);
        }

        if (FindBundle() is null)
        {
            return HelpPage(BundleMissingHtml);
        }

        return Serve(index, "text/html; charset=utf-8") ?? HelpPage(PageMissingHtml);
    }

    private IResult PageAsset(string name, string contentType) =>
        (Find(PageFolder + "/" + name) is { } path ? Serve(path, contentType) : null)
            ?? Results.Text(
                $"DevChat’s page file {name} is not in this build. A publish carries it in {PageFolder}; publish again with: {PublishHint}",
                "text/plain; charset=utf-8",
                statusCode: StatusCodes.Status404NotFound);

    private string? FindBundle() => BundleLocations.Select(Find).FirstOrDefault(p => p is not null);

    private string? Find(string relative) =>
        _roots.Select(root => Path.Combine(root, relative)).FirstOrDefault(File.Exists);

    /// <summary>
    /// Opens the file here rather than letting the result open it later, so a file deleted in between (npm ci
    /// rewriting node_modules) is a missing file, not an exception.
    /// </summary>
    private static IResult? Serve(string path, string contentType)
    {
        try
        {
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.Asynchronous);
            return Results.Stream(stream, contentType, lastModified: File.GetLastWriteTimeUtc(path), enableRangeProcessing: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // 503: the app is up, but the page cannot work in this build until the missing part is added.
    private static IResult HelpPage(string body) =>
        Results.Content(HelpPageTemplate.Replace("{body}", body, StringComparison.Ordinal), "text/html; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);

    private const string BundleMissingText =
        "The Web Chat bundle is missing, so DevChat’s page cannot load Web Chat.\n" +
        $"Running from the source tree (dotnet run): from the repository root run: {InstallHint}\n" +
        $"Running a published build: install Node.js, then publish again: {PublishHint} (the publish fetches the bundle with npm and carries it as DevChat/webchat/webchat.js).";

    private const string BundleMissingHtml = $"""
        <h1>Web Chat is not installed yet</h1>
        <p>DevChat’s page needs the Web Chat bundle from npm, and this build does not have it. The bot itself is running.</p>
        <h2>Running from the source tree (<code>dotnet run</code>)</h2>
        <p>From the repository root run</p>
        <pre>{InstallHint}</pre>
        <p>then reload this page. A Debug build does this for you when npm is on the path.</p>
        <h2>Running a published build</h2>
        <p>Install Node.js (which brings npm), then publish again from the repository root, with the options you used before, e.g.</p>
        <pre>{PublishHint}</pre>
        <p>The publish fetches the bundle with npm and carries it in its output as <code>DevChat/webchat/webchat.js</code>, next to <code>InfoStoryBot.Bot.dll</code>.</p>
        """;

    private const string PageMissingHtml = $"""
        <h1>DevChat’s page is not in this build</h1>
        <p>The bot itself is running, but the files of the local Web Chat page are missing. A publish carries them in <code>{PageFolder}</code>, next to <code>InfoStoryBot.Bot.dll</code>; publish again from the repository root, with the options you used before, e.g.</p>
        <pre>{PublishHint}</pre>
        <p>(A publish with <code>-p:PublishDevChat=false</code>, as the container image does, leaves DevChat out.)</p>
        """;

    private const string HelpPageTemplate = """
        <!doctype html>
        <html lang="en-GB">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>InfoStoryBot · DevChat</title>
          <link rel="icon" href="data:,">
          <style>body { font-family: system-ui, sans-serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; } pre { background: #f3f2f1; padding: .5rem .75rem; }</style>
        </head>
        <body>
        {body}
        </body>
        </html>
        """;
}
