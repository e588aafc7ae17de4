using System.Diagnostics;
using System.Text.Json;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.StoryCapture;

/// <summary>
/// The storypath benchmark, run as its command is run (its own process, driving the real bot process behind the Teams
/// simulator): it prints a table, then one line of JSON, and the short path is at most seven turns whichever way the
/// storyteller goes, typing or pressing the card buttons.
/// </summary>
public sealed class StoryPathBenchmarkTests
{
    [Fact]
    public async Task StoryPath_SuggestionsAccepted_IsAtMostSevenTurnsTypedOrPressed()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(RepoPaths.Root, "tests", "InfoStoryBot.Benchmarks", "bin", configuration, "net10.0", "InfoStoryBot.Benchmarks.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build tests/InfoStoryBot.Benchmarks ({configuration}) first; ./test.sh builds everything.");

        var (exitCode, output, errors) = await RunAsync(dll, "storypath");

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length > 0 && lines[^1].StartsWith('{'), $"The last line is not JSON:\n{output}\nstderr: {errors}");
        Assert.Contains(lines, l => l.StartsWith("| typed | ", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(lines[^1]);
        var root = json.RootElement;
        Assert.Equal("storypath", root.GetProperty("benchmark").GetString());
        foreach (var path in new[] { "typed", "buttons" })
        {
            var figures = root.GetProperty(path);
            Assert.True(figures.GetProperty("stored").GetBoolean(), $"{path}: {figures.GetProperty("problem")}");
            Assert.InRange(figures.GetProperty("turns").GetInt32(), 1, 7);
            Assert.Equal(5, figures.GetProperty("questionsBeforePreview").GetInt32());
        }

        Assert.Equal(GuidedStory.Messages().Count, root.GetProperty("typed").GetProperty("turns").GetInt32());
        Assert.Equal(GuidedStory.Messages().Sum(m => m.Length), root.GetProperty("typed").GetProperty("charactersTyped").GetInt32());
        Assert.Equal(2, root.GetProperty("buttons").GetProperty("buttonPresses").GetInt32());
        Assert.True(root.GetProperty("goalMet").GetBoolean());
        Assert.Equal(0, exitCode);
    }

    private static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(180));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The benchmark did not finish within 3 minutes. Output so far: {await stdout} {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
