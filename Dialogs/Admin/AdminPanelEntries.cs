using System.Globalization;
using InfoStoryBot.Cards.Admin;
using InfoStoryBot.Dialogs.Engine;

namespace InfoStoryBot.Dialogs.Admin;

/// <summary>
/// What the admin panel offers, each a button running an admin command's own text. Every command is reached from
/// here: these cards carry the buttons for the rest (the campaign list its Show, Edit, Start, Pause and End; the
/// stories waiting their Approve, Feature and Send back; the campaign team its Add and Remove; the experiments their
/// Show and Stop; report and export, alone, ask which campaign). A command joins the panel once it has a handler.
/// </summary>
public static class AdminPanelEntries
{
    private static readonly (string Key, AdminCommand Command)[] Entries =
    [
        ("StoriesPending", new StoriesPending()),
        ("CampaignList", new CampaignList()),
        ("ChannelsList", new ChannelsList()),
        ("ExperimentList", new ExperimentList()),
        ("Report", new Report(null)),
        ("Export", new Export(null, null)),
        ("AdminList", new AdminList()),
        ("Audit", new Audit(Audit.DefaultCount)),
        ("Help", new Help(null)),
    ];

    public static AdminPanelView View(CultureInfo culture)
    {
        var text = new DialogText(culture);
        return new AdminPanelView([.. Entries.Select(e => new AdminPanelEntry(
            text[$"AdminPanel_{e.Key}_Title"],
            text[$"AdminPanel_{e.Key}_Description"],
            AdminCommandText.Render(e.Command)))]);
    }

    /// <summary>The commands the panel runs, for tests that press every button.</summary>
    public static IReadOnlyList<AdminCommand> Commands { get; } = [.. Entries.Select(e => e.Command)];
}
