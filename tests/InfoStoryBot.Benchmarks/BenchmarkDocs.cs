using System.Text;
using InfoStoryBot.Testing;

namespace InfoStoryBot.Benchmarks;

/// <summary>
/// docs/benchmarks.md: each benchmark owns the text between its two markers and rewrites only that, so running
/// one benchmark never loses another's latest figures.
/// </summary>
internal static class BenchmarkDocs
{
    public static string Path => System.IO.Path.Combine(RepoPaths.Root, "docs", "benchmarks.md");

    public static string WriteTurnSection(string markdown) => WriteSection("turns", markdown);

    public static string WriteSection(string name, string markdown)
    {
        var begin = $"<!-- {name}:begin (written by the benchmark; edits here are overwritten) -->";
        var end = $"<!-- {name}:end -->";
        var text = File.Exists(Path) ? File.ReadAllText(Path) : Template();
        var section = begin + "\n" + markdown.TrimEnd() + "\n" + end;
        var from = text.IndexOf(begin, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + section + text[(to + end.Length)..]
            : text.TrimEnd() + "\n\n" + section + "\n";
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        File.WriteAllText(Path, text, new UTF8Encoding(false));
        return Path;
    }

    private static string Template() =>
        """
        # Benchmarks

        Every benchmark is a subcommand of `tests/InfoStoryBot.Benchmarks`; each prints a table and, as its last line,
        one line of JSON with every figure. The sections below are rewritten by the benchmark that owns them.

        ## Storybook benchmark

        Seeds stories through the real story store and times storybook pages (goals at 100,000 stories in the local
        store: first page under 50 ms, filtered page under 100 ms, peak memory under 300 MB):

        ```bash
        dotnet run -c Release --project tests/InfoStoryBot.Benchmarks -- storybook --stories 100000
        ```

        (Figures: see the storage work's report until this benchmark writes its own section here.)
        """;
}
