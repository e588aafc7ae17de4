using System.Diagnostics;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.DevChat;

/// <summary>Runs a node script from tests/tools with a time limit, failing with a how-to when node is missing.</summary>
internal static class NodeTool
{
    public sealed record Run(int ExitCode, string StandardOutput, string StandardError);

    public static void RequireFile(string path, string howToGetIt)
    {
        Assert.True(File.Exists(path) || Directory.Exists(path), $"Missing {path}. {howToGetIt}");
    }

    public static async Task<Run> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail($"Node.js is needed for this test but 'node' could not be started ({ex.Message}). Install Node.js 20 or later (./test.sh expects it on PATH).");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"node {string.Join(' ', arguments)} did not finish within {timeout}. Output so far: {await stdout} {await stderr}");
            }

            return new Run(process.ExitCode, await stdout, await stderr);
        }
    }

    public static string Tools => RepoPaths.Tools;
}
