using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfoStoryBot.IntegrationTests.DevChat;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.Deploy;

public sealed class TeamsAppPackageTests
{
    private const string TestBotAppId = "0b5e3f7a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

    private static readonly string Teams = Path.Combine(RepoPaths.Root, "deploy", "teams");

    [Fact]
    public async Task Manifest_WithATestAppId_IsValidAgainstMicrosoftsPublishedSchema()
    {
        RequireSchemaPackage();
        var folder = StageManifest(File.ReadAllText(Path.Combine(Teams, "manifest.json")));

        var (ok, report) = await ValidateAsync(folder);

        Assert.True(ok, report.ToString());
        Assert.EndsWith(Path.Combine("teams", "v1.29", "MicrosoftTeams.schema.json"), report.GetProperty("schema").GetString());
    }

    [Fact]
    public async Task Validator_ManifestBreakingTheSchema_IsRejected()
    {
        // Proves the validation above can fail: a colour name where the schema wants #rrggbb.
        RequireSchemaPackage();
        var text = File.ReadAllText(Path.Combine(Teams, "manifest.json")).Replace("\"#1F6F78\"", "\"teal\"", StringComparison.Ordinal);
        var folder = StageManifest(text);

        var (ok, report) = await ValidateAsync(folder);

        Assert.False(ok);
        Assert.Contains("accentColor", report.GetProperty("errors").ToString());
    }

    [Fact]
    public void Manifest_Template_HasThePlaceholdersThePackageScriptFills()
    {
        var text = File.ReadAllText(Path.Combine(Teams, "manifest.json"));

        var placeholders = Regex.Matches(text, @"\$\{\{([A-Z_]+)\}\}").Select(m => m.Groups[1].Value).Distinct().Order();

        Assert.Equal(["APP_VERSION", "BOT_APP_ID", "TEAMS_APP_ID"], placeholders);
    }

    [Fact]
    public void Manifest_CommandLists_OfferStorytellerAndAdminCommandsInPersonalAndStoryCommandsInTeams()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Teams, "manifest.json"))).RootElement;
        var bot = manifest.GetProperty("bots")[0];
        var lists = bot.GetProperty("commandLists").EnumerateArray()
            .ToDictionary(l => l.GetProperty("scopes")[0].GetString()!, l => l.GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()).ToList());

        Assert.Equal("1.29", manifest.GetProperty("manifestVersion").GetString());
        Assert.Equal(["personal", "team"], bot.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(
            ["share a story", "my stories", "storybook", "help", "admin", "stories pending", "campaign list", "channels", "admin list", "audit", "nudge list", "report"],
            lists["personal"]);
        Assert.Equal(["share a story", "help"], lists["team"]);
        Assert.All(lists.Values, l => Assert.True(l.Count <= 12, "schema v1.29 allows at most 12 commands a list"));
    }

    [Fact]
    public void Manifest_CommandLists_OfferNoSlashTriggers()
    {
        // Slash commands need supportsTargetedMessages, arrive as targeted (private) messages that exist only in
        // channels and group chats, and are a preview: the bot answers in 1:1 chat and by @mention, so the lists keep
        // the default trigger (the compose box's command menu), and every admin command stays reachable by its panel.
        var bot = JsonDocument.Parse(File.ReadAllText(Path.Combine(Teams, "manifest.json"))).RootElement.GetProperty("bots")[0];

        Assert.False(bot.TryGetProperty("supportsTargetedMessages", out _));
        Assert.All(bot.GetProperty("commandLists").EnumerateArray(), l => Assert.False(l.TryGetProperty("triggers", out _)));
    }

    [Fact]
    public void Manifest_PersonalCampaignTeamCommands_AreCommandsTheAdminGrammarReads()
    {
        var personal = JsonDocument.Parse(File.ReadAllText(Path.Combine(Teams, "manifest.json"))).RootElement.GetProperty("bots")[0]
            .GetProperty("commandLists").EnumerateArray().Single(l => l.GetProperty("scopes")[0].GetString() == "personal")
            .GetProperty("commands").EnumerateArray()
            .Where(c => c.GetProperty("description").GetString()!.StartsWith("Campaign team:", StringComparison.Ordinal))
            .Select(c => c.GetProperty("title").GetString()!)
            .ToList();

        Assert.NotEmpty(personal);
        Assert.All(personal, title => Assert.IsType<InfoStoryBot.Dialogs.Admin.AdminParse.Parsed>(
            InfoStoryBot.Dialogs.Admin.AdminGrammar.Parse(title, System.Globalization.CultureInfo.GetCultureInfo("en-GB"))));
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icon_HasTheSizeTeamsRequires(string file, int size)
    {
        var png = Png.Read(Path.Combine(Teams, file));

        Assert.Equal((size, size), (png.Width, png.Height));
    }

    [Fact]
    public void OutlineIcon_IsWhiteOnTransparent()
    {
        var png = Png.Read(Path.Combine(Teams, "outline.png"));

        Assert.True(png.HasAlpha, $"outline.png has PNG colour type {png.ColourType}, which has no alpha channel");
        Assert.NotEmpty(png.Rgba);
        var pixels = png.Rgba.Chunk(4).ToList();
        Assert.Contains(pixels, p => p[3] == 0);
        Assert.Contains(pixels, p => p[3] == 255);
        Assert.All(pixels.Where(p => p[3] > 0), p => Assert.True(p[0] == 255 && p[1] == 255 && p[2] == 255, $"a visible pixel is not white: {p[0]},{p[1]},{p[2]}"));
    }

    [Fact]
    public void ColorIcon_IsOpaqueFullColour()
    {
        var png = Png.Read(Path.Combine(Teams, "color.png"));

        var pixels = png.Rgba.Chunk(4).ToList();
        Assert.All(pixels, p => Assert.Equal(255, p[3]));
        Assert.True(pixels.Select(p => (p[0], p[1], p[2])).Distinct().Count() > 3, "the colour icon should have more than a few colours");
    }

    [Fact]
    public async Task IconScript_RunAgain_DrawsTheCommittedIcons()
    {
        var output = Directory.CreateTempSubdirectory("infostorybot-icons-").FullName;
        try
        {
            var run = await RunAsync("python3", [Path.Combine(Teams, "make-icons.py"), output]);

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Equal(File.ReadAllBytes(Path.Combine(Teams, "color.png")), File.ReadAllBytes(Path.Combine(output, "color.png")));
            Assert.Equal(File.ReadAllBytes(Path.Combine(Teams, "outline.png")), File.ReadAllBytes(Path.Combine(output, "outline.png")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task PackageScript_WithAnAppId_ZipsExactlyTheThreeFilesAtTheRoot()
    {
        RequireSchemaPackage();
        var zip = Path.Combine(Directory.CreateTempSubdirectory("infostorybot-package-").FullName, "InfoStoryBot.zip");

        var run = await RunAsync("bash", [Path.Combine(Teams, "package.sh"), "--bot-app-id", TestBotAppId, "--version", "1.2.3", "--out", zip]);

        Assert.True(run.ExitCode == 0, $"package.sh failed: {run.Output} {run.Error}");
        using var archive = ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        using var reader = new StreamReader(archive.GetEntry("manifest.json")!.Open());
        var manifest = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement;
        Assert.Equal(TestBotAppId, manifest.GetProperty("bots")[0].GetProperty("botId").GetString());
        Assert.Equal("1.2.3", manifest.GetProperty("version").GetString());
        Directory.Delete(Path.GetDirectoryName(zip)!, recursive: true);
    }

    [Theory]
    [InlineData("", "app id is required")]
    [InlineData("not-a-guid", "must be a GUID")]
    public async Task PackageScript_BadAppId_FailsSayingWhy(string appId, string message)
    {
        var zip = Path.Combine(Path.GetTempPath(), $"infostorybot-{Guid.NewGuid():N}.zip");

        var run = await RunAsync("bash", [Path.Combine(Teams, "package.sh"), "--bot-app-id", appId, "--out", zip], environment: new() { ["BOT_APP_ID"] = "" });

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists(zip));
    }

    private static void RequireSchemaPackage() =>
        NodeTool.RequireFile(Path.Combine(RepoPaths.NodeModules, "@microsoft", "app-manifest", "package.json"),
            "The Teams manifest schema comes from npm: (cd tests/tools && npm ci), which ./test.sh does.");

    private static string StageManifest(string template)
    {
        var folder = Directory.CreateTempSubdirectory("infostorybot-manifest-").FullName;
        var filled = template
            .Replace("${{BOT_APP_ID}}", TestBotAppId, StringComparison.Ordinal)
            .Replace("${{TEAMS_APP_ID}}", "5d2c8e1f-3a4b-4c6d-9e8f-7a6b5c4d3e2f", StringComparison.Ordinal)
            .Replace("${{APP_VERSION}}", "1.0.0", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "manifest.json"), filled);
        File.Copy(Path.Combine(Teams, "color.png"), Path.Combine(folder, "color.png"));
        File.Copy(Path.Combine(Teams, "outline.png"), Path.Combine(folder, "outline.png"));
        return folder;
    }

    private static async Task<(bool Ok, JsonElement Report)> ValidateAsync(string folder)
    {
        try
        {
            var run = await NodeTool.RunAsync(RepoPaths.Root, TimeSpan.FromSeconds(60),
                Path.Combine(Teams, "validate-manifest.mjs"), Path.Combine(folder, "manifest.json"), folder);
            Assert.True(run.StandardOutput.TrimStart().StartsWith('{'), $"validate-manifest.mjs printed no report: {run.StandardOutput} {run.StandardError}");
            var report = JsonDocument.Parse(run.StandardOutput).RootElement;
            Assert.Equal(report.GetProperty("ok").GetBoolean(), run.ExitCode == 0);
            return (report.GetProperty("ok").GetBoolean(), report);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? [])
        {
            start.Environment[key] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"'{file}' is needed for this test but could not be started ({ex.Message}); install it (Debian: apt-get install {file}).");
            throw;
        }

        using var owned = process;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(cts.Token);
        return (process.ExitCode, await output, await error);
    }
}
