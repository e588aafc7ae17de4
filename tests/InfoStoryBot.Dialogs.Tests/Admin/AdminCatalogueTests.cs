using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Testing;
using static InfoStoryBot.Dialogs.Tests.Admin.AdminGrammarTestKit;

namespace InfoStoryBot.Dialogs.Tests.Admin;

public sealed partial class AdminCatalogueTests
{
    [Fact]
    public void Commands_EveryExample_ParsesAsItsOwnCommand()
    {
        foreach (var command in AdminCatalogue.Commands(EnGb))
        {
            Assert.Equal(command.Name, Command(command.Example).CommandName);
        }
    }

    [Fact]
    public void Commands_EveryEntry_HasAFormExampleSummaryAndDetails()
    {
        var commands = AdminCatalogue.Commands(EnGb);

        Assert.Equal(33, commands.Count);
        Assert.Equal(commands.Count, commands.Select(c => c.Name).Distinct().Count());
        Assert.All(commands, c =>
        {
            Assert.StartsWith(c.Name.Replace("campaign channels ", "campaign channels", StringComparison.Ordinal).Split(' ')[0], c.Form, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(c.Summary));
            Assert.False(string.IsNullOrWhiteSpace(c.Details));
            Assert.Equal(c.Name.Split(' ')[0], c.Family);
            Assert.True(c.AdminOnly);
            Assert.DoesNotContain("'", c.Summary + c.Details, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void CommandNames_EveryCommandRecord_HasACatalogueEntry()
    {
        var records = typeof(AdminCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AdminCommand)) && !t.IsAbstract).ToList();

        Assert.Equal(AdminCatalogue.Names.Count, records.Count);
        Assert.All(records, t =>
        {
            Assert.True(t.IsSealed, t.Name + " is not sealed");
            var name = ((AdminCommand)RuntimeHelpers.GetUninitializedObject(t)).CommandName;
            Assert.Contains(name, AdminCatalogue.Names);
        });
    }

    [Fact]
    public void CommandWords_AreUniqueAndEachStartsAnAdminCommand()
    {
        Assert.Equal(AdminCatalogue.CommandWords.Count, AdminCatalogue.CommandWords.Distinct().Count());
        Assert.DoesNotContain("help", AdminCatalogue.CommandWords);
        Assert.All(AdminCatalogue.Names.Where(n => n != "help"), n => Assert.Contains(n.Split(' ')[0], AdminCatalogue.CommandWords));
        Assert.All(AdminCatalogue.CommandWords, w => Assert.IsNotType<AdminParse.NotAdmin>(AdminGrammar.Parse(w, EnGb)));
    }

    [Fact]
    public void NudgeEntries_AreTheNineOfTheCatalogue() =>
        Assert.Equal(
            ["story-of-the-day", "weekly-norm", "rising-norm", "two-minute-share", "campaign-moment", "quiet-pillar", "partnership-element", "pledge", "storybook-progress"],
            AdminCatalogue.NudgeEntries);

    [Fact]
    public void Help_OneCommand_GivesWhatItDoesItsFormAndAnExample()
    {
        var help = AdminHelp.Describe(new Help("campaign new"), EnGb);

        Assert.StartsWith("**campaign new**: Creates a campaign", help, StringComparison.Ordinal);
        Assert.Contains("Without at, in or on, it posts at 10:00 London time on weekdays.", help, StringComparison.Ordinal);
        Assert.Contains("Form: `campaign new \"<name>\" from <date> to <date>", help, StringComparison.Ordinal);
        Assert.Contains("Example: `campaign new \"Spring stories\" from 2027-03-01 to 2027-03-31 at 10:00 in Europe/London on weekdays`", help, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_AFamily_ListsEachOfItsCommands()
    {
        var help = AdminHelp.Describe(new Help("campaign"), EnGb);

        Assert.StartsWith("Here’s what you can do with campaign.", help, StringComparison.Ordinal);
        Assert.Equal(10, help.Split('\n').Count(l => l.StartsWith("- `campaign ", StringComparison.Ordinal)));
        Assert.Equal(2, AdminHelp.Describe(new Help("campaign channels"), EnGb).Split('\n').Count(l => l.StartsWith("- `", StringComparison.Ordinal)));
        Assert.Equal(4, AdminHelp.Describe(new Help("admin"), EnGb).Split('\n').Count(l => l.StartsWith("- `", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("no such command")]
    public void Help_AllOrUnknown_ListsEveryCommand(string? topic)
    {
        var help = AdminHelp.Describe(new Help(topic), EnGb);

        Assert.StartsWith("Here’s everything the campaign team can do in chat.", help, StringComparison.Ordinal);
        Assert.Equal(33, help.Split('\n').Count(l => l.StartsWith("- `", StringComparison.Ordinal)));
    }

    [Fact]
    public void Resources_EveryKeyTheGrammarUses_IsInStringsResx()
    {
        var source = string.Concat(Directory.GetFiles(Path.Combine(RepoPaths.Root, "Dialogs", "Admin"), "*.cs").Select(File.ReadAllText));
        var keys = XDocument.Load(Path.Combine(RepoPaths.Root, "Dialogs", "Resources", "Strings.resx"))
            .Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

        var used = UsedKey().Matches(source).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(used);
        Assert.All(used, k => Assert.Contains(k, keys));
        Assert.All(keys.Where(k => k.StartsWith("AdminUsage_", StringComparison.Ordinal) || k.StartsWith("AdminWhat_", StringComparison.Ordinal)), k => Assert.Contains(k, used));
    }

    [GeneratedRegex("\"(Admin(?:Usage|What|Help)_[A-Za-z]+)\"")]
    private static partial Regex UsedKey();
}
