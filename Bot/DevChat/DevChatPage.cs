namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// Serves the page from the source tree (DevChat runs only under `dotnet run`, where the content root is
/// the project folder) and the Web Chat bundle from the npm folder next to it.
/// </summary>
internal sealed class DevChatPage(string contentRoot)
{
    public const string InstallHint = "npm ci --prefix Bot/DevChat/web";

    private readonly string _pageFolder = Path.Combine(contentRoot, "DevChat", "page");
    private readonly string _bundle = Path.Combine(contentRoot, "DevChat", "web", "node_modules", "botframework-webchat", "dist", "webchat.js");

    public bool HasWebChatBundle => File.Exists(_bundle);

    public void Map(RouteGroupBuilder root)
    {
        root.MapGet("/", () => PageFile("index.html", "text/html; charset=utf-8"));
        root.MapGet("/devchat/devchat.js", () => PageFile("devchat.js", "text/javascript; charset=utf-8"));
        root.MapGet("/devchat/devchat.css", () => PageFile("devchat.css", "text/css; charset=utf-8"));
        root.MapGet("/webchat/webchat.js", () => HasWebChatBundle
            ? Results.File(_bundle, "text/javascript; charset=utf-8")
            : Results.Text($"The Web Chat bundle is missing. From the repository root run: {InstallHint}", "text/plain", statusCode: StatusCodes.Status404NotFound));
    }

    private IResult PageFile(string name, string contentType)
    {
        var path = Path.Combine(_pageFolder, name);
        return File.Exists(path)
            ? Results.File(path, contentType)
            : Results.Text($"DevChat's page file {name} is missing from {_pageFolder}.", "text/plain", statusCode: StatusCodes.Status500InternalServerError);
    }
}
