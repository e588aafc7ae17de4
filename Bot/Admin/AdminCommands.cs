using System.Globalization;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Bot.Admin;

/// <summary>The admin commands the help card lists for admins: each with an example, from the grammar's own catalogue.</summary>
public static class AdminCommands
{
    public static IReadOnlyList<string> Lines(CultureInfo culture) =>
        [.. AdminCatalogue.Commands(culture).Where(c => c.AdminOnly).Select(c => $"{c.Example} — {c.Summary}")];
}
