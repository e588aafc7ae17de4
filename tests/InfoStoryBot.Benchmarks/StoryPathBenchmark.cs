using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using InfoStoryBot.Testing;
using InfoStoryBot.TeamsSimulator;
using Simulator = InfoStoryBot.TeamsSimulator.TeamsSimulator;

namespace InfoStoryBot.Benchmarks;

/// <summary>
/// How much a storyteller must do, from "share a story" to a submitted story, on the guided path with every
/// suggestion accepted: turns (messages sent and buttons pressed) and characters typed. The real bot (Release build,
/// its own process) behind the Teams simulator; two ways through, the shared typed script (tests/Shared/GuidedStory.cs)
/// and the same story with the card buttons a Teams user presses (each press sends the card's inputs as the bot filled
/// them in, as Teams does). Each way must end with the story stored and shown in My stories. Goal: at most 7 turns.
/// Counts, not timings: the figures do not depend on the machine.
/// </summary>
internal static partial class StoryPathBenchmark
{
    public const int GoalTurns = 7;

    public static async Task<int> RunAsync(Arguments args)
    {
        await using var simulator = await Simulator.StartAsync(new TeamsSimulatorOptions());
        var storage = Path.Combine(args.String("temp") ?? Path.GetTempPath(), "infostorybot-storypath-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>(simulator.BotConfiguration) { ["Storage:LocalPath"] = storage };
        try
        {
            await using var bot = await BotProcess.StartAsync(settings);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var teller = new Teller(simulator, bot, client);

            var typed = await teller.TellAsync("typed", SimulatedUser.Create(9001), GuidedStory.Messages().Select(Step.Type).ToList());
            var pressed = await teller.TellAsync("buttons", SimulatedUser.Create(9002),
            [
                .. GuidedStory.Messages().Take(5).Select(Step.Type),
                Step.Press("Yes, publish it"),
                Step.Press("Submit my story"),
            ]);

            var report = new Report([typed, pressed]);
            Console.WriteLine($"story path: from \"share a story\" to a submitted story, suggestions accepted; goal at most {GoalTurns} turns");
            Console.WriteLine();
            Console.WriteLine(report.Table());
            Console.WriteLine(report.Json.ToJsonString());
            return report.GoalMet ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(storage, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }

    /// <summary>One thing the storyteller does: type a message, or press a button (by its title) on the newest card that has it.</summary>
    internal sealed record Step(string? Typed, string? Button)
    {
        public static Step Type(string text) => new(text, null);

        public static Step Press(string title) => new(null, title);
    }

    internal sealed record PathResult(
        string Name,
        int Turns,
        int TypedTurns,
        int Presses,
        int CharactersTyped,
        int StoryCharacters,
        int CommandCharacters,
        int QuestionsBeforePreview,
        int BotMessages,
        bool Stored,
        string? Problem);

    private sealed class Teller(Simulator simulator, BotProcess bot, HttpClient client)
    {
        // Typed words that are commands or answers to a yes/no, not the story itself.
        private static readonly HashSet<string> Commands = new(StringComparer.OrdinalIgnoreCase) { "share a story", "yes", "no", "submit" };

        public async Task<PathResult> TellAsync(string name, SimulatedUser user, IReadOnlyList<Step> steps)
        {
            simulator.ClearCalls();
            var replies = new List<JsonObject>();
            int typedTurns = 0, presses = 0, story = 0, commands = 0, questions = 0;
            string? problem = null;
            foreach (var step in steps)
            {
                JsonObject activity;
                if (step.Typed is { } text)
                {
                    activity = simulator.Activities.PersonalMessage(text, user);
                    typedTurns++;
                    if (Commands.Contains(text))
                    {
                        commands += text.Length;
                    }
                    else
                    {
                        story += text.Length;
                    }
                }
                else
                {
                    var card = replies.SelectMany(Cards).LastOrDefault(c => CardPress.Titles(c).Contains(step.Button!));
                    if (card.ValueKind != JsonValueKind.Object)
                    {
                        problem = $"no card had a button '{step.Button}'";
                        break;
                    }

                    activity = simulator.Activities.CardSubmit(CardPress.Value(card, step.Button!), replyToId: "1700000000000", user: user);
                    presses++;
                }

                var before = ReplyCalls().Count;
                using (var response = await simulator.PostActivityAsync(client, bot.MessagesUrl, activity))
                {
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        problem = $"the bot answered {(int)response.StatusCode} to {step.Typed ?? step.Button}";
                        break;
                    }
                }

                var answer = ReplyCalls().Skip(before).Select(c => c.Activity!).ToList();
                replies.AddRange(answer);
                questions = Math.Max(questions, answer.Select(Describe).SelectMany(t => Progress().Matches(t)).Select(m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max());
            }

            var stored = problem is null && replies.Count > 0 && Describe(replies[^1]).Contains(GuidedStory.Stored, StringComparison.Ordinal);
            if (problem is null && !stored)
            {
                problem = "the last answer was not the thank-you: " + (replies.Count > 0 ? Describe(replies[^1]) : "(none)");
            }

            // Not counted: proof the story is there, as the teller would look for it.
            if (stored)
            {
                var before = ReplyCalls().Count;
                using var response = await simulator.PostActivityAsync(client, bot.MessagesUrl, simulator.Activities.PersonalMessage("my stories", user));
                var mine = string.Join("\n", ReplyCalls().Skip(before).Select(c => Describe(c.Activity!)));
                stored = mine.Contains(GuidedStory.SuggestedTitle, StringComparison.Ordinal);
                problem = stored ? null : "My stories does not show the story";
            }

            return new PathResult(name, typedTurns + presses, typedTurns, presses, story + commands, story, commands, questions, replies.Count, stored, problem);
        }

        private List<ConnectorCall> ReplyCalls() =>
            [.. simulator.Calls.Where(c => c.Method == "POST" && c.Path.Contains("/activities", StringComparison.Ordinal) && c.Activity is not null)];

        private static IEnumerable<JsonElement> Cards(JsonObject activity) =>
            (activity["attachments"] as JsonArray ?? [])
                .Select(a => a?["content"])
                .Where(c => c is JsonObject)
                .Select(c => JsonSerializer.SerializeToElement(c));

        /// <summary>The text and card text of a reply, as a person reads it.</summary>
        private static string Describe(JsonObject activity)
        {
            var parts = new List<string>();
            if (activity["text"]?.GetValue<string>() is { Length: > 0 } text)
            {
                parts.Add(text);
            }

            foreach (var card in Cards(activity))
            {
                Collect(card, parts);
            }

            return string.Join("\n", parts);
        }

        private static void Collect(JsonElement element, List<string> parts)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    if (element.TryGetProperty("type", out var type) && type.GetString() is "TextBlock" or "TextRun" && element.TryGetProperty("text", out var t))
                    {
                        parts.Add(t.GetString() ?? "");
                    }

                    foreach (var property in element.EnumerateObject())
                    {
                        Collect(property.Value, parts);
                    }

                    break;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        Collect(item, parts);
                    }

                    break;
            }
        }
    }

    [GeneratedRegex(@"Question (\d+) of (\d+)")]
    private static partial Regex Progress();

    private sealed class Report(IReadOnlyList<PathResult> paths)
    {
        public bool GoalMet => paths.All(p => p.Stored && p.Turns <= GoalTurns);

        public JsonObject Json
        {
            get
            {
                var json = new JsonObject
                {
                    ["benchmark"] = "storypath",
                    ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                    ["goalTurnsAtMost"] = GoalTurns,
                };
                foreach (var p in paths)
                {
                    json[p.Name] = new JsonObject
                    {
                        ["turns"] = p.Turns,
                        ["typedTurns"] = p.TypedTurns,
                        ["buttonPresses"] = p.Presses,
                        ["charactersTyped"] = p.CharactersTyped,
                        ["storyCharacters"] = p.StoryCharacters,
                        ["commandCharacters"] = p.CommandCharacters,
                        ["questionsBeforePreview"] = p.QuestionsBeforePreview,
                        ["botMessages"] = p.BotMessages,
                        ["stored"] = p.Stored,
                        ["problem"] = p.Problem,
                    };
                }

                json["goalMet"] = GoalMet;
                return json;
            }
        }

        public string Table()
        {
            var text = new StringBuilder();
            text.AppendLine("| path | turns | typed | button presses | characters typed | of which the story | of which commands | questions | bot messages | stored | goal ≤ 7 turns |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
            foreach (var p in paths)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"| {p.Name} | {p.Turns} | {p.TypedTurns} | {p.Presses} | {p.CharactersTyped} | {p.StoryCharacters} | {p.CommandCharacters} | {p.QuestionsBeforePreview} | {p.BotMessages} | {(p.Stored ? "yes" : "NO")} | {(p.Stored && p.Turns <= GoalTurns ? "met" : "MISSED")} |");
            }

            foreach (var p in paths.Where(p => p.Problem is not null))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{p.Name}: {p.Problem}");
            }

            return text.ToString().TrimEnd();
        }
    }
}
