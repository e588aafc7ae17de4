using System.Diagnostics;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.DevChat;

/// <summary>
/// The Bot project published once per test class into a temporary folder, as <c>dotnet publish Bot</c> lays it out
/// for a server or a container. It publishes the build that already exists (<c>--no-build</c>, in the tests' own
/// configuration), so it costs a few seconds rather than a second compile. Publishing never throws here: each test
/// asserts on the outcome, so a failed publish or a missing bundle fails the test with the publish's own words.
/// </summary>
public sealed class PublishedBot : IAsyncLifetime
{
    /// <summary>Where a publish puts the Web Chat bundle, relative to the output folder.</summary>
    public const string BundlePath = "DevChat/webchat/webchat.js";

    /// <summary>Where a publish puts DevChat's page (index.html, devchat.js, devchat.css), relative to the output folder.</summary>
    public const string PageFolder = "DevChat/page";

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(3);

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "infostorybot-tests", "publish-" + Guid.NewGuid().ToString("n"));

    public string Output => Path.Combine(Root, "publish");

    public int ExitCode { get; private set; } = -1;

    public string Log { get; private set; } = "";

    public string Command { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var project = Path.Combine(RepoPaths.Root, "Bot", "InfoStoryBot.Bot.csproj");
        var start = new ProcessStartInfo(BotProcess.DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepoPaths.Root,
        };
        foreach (var argument in new[] { "publish", project, "-c", BotProcess.Configuration, "--no-build", "-o", Output, "-nologo", "-nodeReuse:false" })
        {
            start.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild's own variables (dotnet test); a nested build must find its SDK afresh,
        // and must leave no build server behind.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        Command = "dotnet " + string.Join(' ', start.ArgumentList);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(PublishTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
            ExitCode = process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Log = $"(did not finish within {PublishTimeout.TotalMinutes} minutes) ";
        }

        Log += (await stdout + await stderr).Trim();
    }

    public string Dll => Path.Combine(Output, "InfoStoryBot.Bot.dll");

    /// <summary>Fails the test with the publish's output unless the publish succeeded.</summary>
    public void RequirePublished() =>
        Assert.True(ExitCode == 0 && File.Exists(Dll), $"{Command} failed (exit code {ExitCode}):{Environment.NewLine}{Log}");

    /// <summary>A copy of the published output without the given files or folders (relative paths), for the cases where something is missing.</summary>
    public string CopyWithout(params string[] relativePaths)
    {
        var copy = Path.Combine(Root, "copy-" + Guid.NewGuid().ToString("n"));
        var left = relativePaths.Select(p => Path.GetFullPath(Path.Combine(Output, p))).ToList();
        foreach (var file in Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories))
        {
            if (left.Any(l => file == l || file.StartsWith(l + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            {
                continue;
            }

            var target = Path.Combine(copy, Path.GetRelativePath(Output, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }

        return Task.CompletedTask;
    }
}
