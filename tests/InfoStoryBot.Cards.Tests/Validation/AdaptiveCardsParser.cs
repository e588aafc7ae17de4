using System.Diagnostics;
using System.Text.Json;
using InfoStoryBot.Testing;

namespace InfoStoryBot.Cards.Tests.Validation;

public sealed record ParserEvent(string? Phase, string Event, string Message);

public sealed record CardReport(int Index, IReadOnlyList<ParserEvent> Errors, IReadOnlyList<ParserEvent> Warnings);

/// <summary>Runs tests/tools/validate-cards.mjs (Microsoft's adaptivecards parser) over a batch of cards.</summary>
internal static class AdaptiveCardsParser
{
    private const string HowToInstall = "run ./test.sh (or npm ci in tests/tools)";

    public static IReadOnlyList<CardReport> Validate(IReadOnlyList<string> cardsJson)
    {
        var script = Path.Combine(RepoPaths.Tools, "validate-cards.mjs");
        Assert.True(File.Exists(script), $"{script} is missing.");
        Assert.True(Directory.Exists(Path.Combine(RepoPaths.NodeModules, "adaptivecards")),
            $"The adaptivecards npm package is not installed in {RepoPaths.NodeModules}: {HowToInstall}.");

        var input = Path.Combine(Path.GetTempPath(), $"cards-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, "[" + string.Join(",", cardsJson) + "]");
        try
        {
            var start = new ProcessStartInfo("node", [script, input])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException($"node is not installed or not on PATH ({e.Message}): {HowToInstall}.", e);
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("validate-cards.mjs took longer than 60 s.");
                }

                var error = stderr.GetAwaiter().GetResult();
                Assert.True(process.ExitCode is 0 or 1, $"validate-cards.mjs failed (exit {process.ExitCode}): {error} {HowToInstall}.");
                return JsonSerializer.Deserialize<List<CardReport>>(stdout.GetAwaiter().GetResult(), new JsonSerializerOptions(JsonSerializerDefaults.Web))
                    ?? throw new InvalidOperationException("validate-cards.mjs wrote no report.");
            }
        }
        finally
        {
            File.Delete(input);
        }
    }
}
