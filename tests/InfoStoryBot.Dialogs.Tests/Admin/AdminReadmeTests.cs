using System.Globalization;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Testing;

namespace InfoStoryBot.Dialogs.Tests.Admin;

/// <summary>The README's list of the campaign team's commands is the catalogue's, so the two cannot drift apart.</summary>
public sealed class AdminReadmeTests
{
    private const string Heading = "## Campaign team commands";

    [Fact]
    public void Readme_CampaignTeamCommands_IsTheTableTheCatalogueMakes()
    {
        var section = Section();
        var table = Table(CultureInfo.GetCultureInfo("en-GB"));

        Assert.True(section.Contains(table, StringComparison.Ordinal), $"README.md's \"{Heading}\" section must hold this table, made from AdminCatalogue:\n\n{table}\n");
    }

    [Fact]
    public void Readme_CampaignTeamCommands_HasEveryCommandsExample()
    {
        var section = Section();

        Assert.All(AdminCatalogue.Commands(CultureInfo.GetCultureInfo("en-GB")), c => Assert.Contains("`" + Cell(c.Example) + "`", section, StringComparison.Ordinal));
    }

    /// <summary>One row per command: its form, an example that parses as written, and what it does.</summary>
    public static string Table(CultureInfo culture) =>
        "| command | example | what it does |\n|---|---|---|\n"
        + string.Join("\n", AdminCatalogue.Commands(culture).Select(c => $"| `{Cell(c.Form)}` | `{Cell(c.Example)}` | {Cell(c.Summary)} |"));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Section()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).ReplaceLineEndings("\n");
        var start = readme.IndexOf(Heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"README.md has no \"{Heading}\" section.");
        var end = readme.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        return end < 0 ? readme[start..] : readme[start..end];
    }
}
