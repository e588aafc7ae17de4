namespace InfoStoryBot.Benchmarks;

/// <summary>
/// Every benchmark is a subcommand. Each prints a readable table and, as its very last line, one line of JSON
/// with its figures, so scripts can take the last line.
/// </summary>
internal static class Program
{
    private static readonly Dictionary<string, (string Help, Func<Arguments, Task<int>> Run)> Commands = new(StringComparer.Ordinal)
    {
        ["storybook"] = ("storybook --stories N [--azurite] [--queries Q] [--path DIR]   seed N stories, time storybook pages", StorybookBenchmark.RunAsync),
        ["storypath"] = ("storypath [--temp DIR]   turns and characters typed from \"share a story\" to a submitted story (guided, suggestions accepted; goal <= 7 turns)", StoryPathBenchmark.RunAsync),
        ["fanout"] = ("fanout --channels N [--throttle P] [--limit 30] [--storytellers 10] [--think-ms 10000] [--lead 10] [--azurite] [--no-docs]   one nudge to N channels by the bot process while storytellers talk", FanOutBenchmark.RunAsync),
        ["report"] = ("report --stories N [--runs R] [--path DIR] [--no-docs]   seed one campaign of N stories and its nudges, time its whole report (chart included)", ReportBenchmark.RunAsync),
        ["export"] = ("export --stories N [--format csv|json|html|all] [--path DIR] [--no-docs]   seed one campaign, export it in child processes: seconds, peak memory, bytes", ExportBenchmark.RunAsync),
        ["turns"] = ("turns [--seconds N] [--runs R] [--warmup S] [--concurrency 1,10,50] [--script five|guided] [--azurite] [--compare OTHER/InfoStoryBot.Bot.dll] [--rate-gate] [--temp DIR] [--no-floor] [--no-docs]   turns/s, latency, CPU and blob requests per turn of the bot process vs a floor (and another build)", TurnBenchmark.RunAsync),
    };

    // Helpers for tests, not benchmarks: left out of the usage text.
    private static readonly Dictionary<string, Func<Arguments, Task<int>>> Hidden = new(StringComparer.Ordinal)
    {
        ["local-store-race"] = LocalStoreRace.RunAsync,
        ["floor-server"] = FloorServer.RunAsync,
        ["export-run"] = ExportBenchmark.RunChildAsync,
    };

    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            return Usage(args.Length == 0 ? 2 : 0);
        }

        Arguments arguments;
        try
        {
            arguments = Arguments.Parse(args.Skip(1));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }

        var run = Commands.TryGetValue(args[0], out var command) ? command.Run : Hidden.GetValueOrDefault(args[0]);
        if (run is null)
        {
            Console.Error.WriteLine($"Unknown subcommand '{args[0]}'.");
            return Usage(2);
        }

        try
        {
            return await run(arguments);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Usage(int exitCode)
    {
        Console.WriteLine("usage: dotnet run -c Release --project tests/InfoStoryBot.Benchmarks -- <subcommand> [options]");
        foreach (var (_, (help, _)) in Commands)
        {
            Console.WriteLine("  " + help);
        }

        return exitCode;
    }
}

/// <summary>"--name value" and "--flag" options.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    public static Arguments Parse(IEnumerable<string> args)
    {
        var parsed = new Arguments();
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null)
                {
                    parsed._values[pending] = null;
                }

                pending = arg[2..];
            }
            else if (pending is not null)
            {
                parsed._values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }

        if (pending is not null)
        {
            parsed._values[pending] = null;
        }

        return parsed;
    }

    public bool Flag(string name) => _values.ContainsKey(name);

    public string? String(string name) => _values.GetValueOrDefault(name);

    public double Double(string name, double fallback)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new ArgumentException($"--{name} needs a number such as 0.05, not '{value}'.");
    }

    public int Int(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var value))
        {
            return fallback;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"--{name} needs a positive whole number, not '{value}'.");
    }
}
