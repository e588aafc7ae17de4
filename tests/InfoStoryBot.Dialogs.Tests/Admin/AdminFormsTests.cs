using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Admin;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Dialogs.Tests.Admin;

public sealed class AdminFormsTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    [Fact]
    public void ReadAdd_NameTyped_IsTheAdminAddCommand()
    {
        var parsed = Assert.IsType<AdminParse.Parsed>(AdminForms.ReadAdd(Submit(" @Priya\u200b Shah "), EnGb));

        Assert.Equal(new AdminAdd("Priya Shah"), parsed.Command);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" @ ")]
    public void ReadAdd_NothingTyped_SaysWhatToDo(string? typed)
    {
        var usage = Assert.IsType<AdminParse.Usage>(AdminForms.ReadAdd(Submit(typed), EnGb));

        Assert.Contains("Find them", usage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PanelEntries_EveryButton_RunsACommandTheGrammarReads()
    {
        var view = AdminPanelEntries.View(EnGb);

        Assert.Equal(AdminPanelEntries.Commands.Count, view.Entries.Count);
        foreach (var (entry, command) in view.Entries.Zip(AdminPanelEntries.Commands))
        {
            Assert.Equal(command, Assert.IsType<AdminParse.Parsed>(AdminGrammar.Parse(entry.Command, EnGb)).Command);
            Assert.False(string.IsNullOrWhiteSpace(entry.Title));
            Assert.False(string.IsNullOrWhiteSpace(entry.Description));
        }
    }

    private static CardSubmit Submit(string? person) => new(
        ActionNames.AdminAddFind,
        person is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [AdminFields.Person] = person });
}
