using System.Globalization;
using InfoStoryBot.Dialogs.Engine;

namespace InfoStoryBot.Dialogs.Admin;

/// <summary>One command as help, the help card and the README describe it.</summary>
/// <param name="Name">What an admin types first ("campaign new"), the key of <see cref="AdminCommand.CommandName"/>.</param>
/// <param name="Family">Its first word ("campaign"): help on a family lists all of its commands.</param>
/// <param name="Form">The form, with placeholders: <c>campaign show &lt;campaign&gt;</c>.</param>
/// <param name="Example">A line that parses as written.</param>
/// <param name="Summary">One line: what it does.</param>
/// <param name="Details">A sentence or two more: defaults, choices, rules.</param>
/// <param name="AdminOnly">Whether only the campaign team may run it (Bot's gate denies unless this says otherwise).</param>
public sealed record AdminCommandInfo(string Name, string Family, string Form, string Example, string Summary, string Details, bool AdminOnly);

/// <summary>
/// The admin commands as data: for help, the help card's admin section, the README, and Bot's start-up check that
/// no two commands claim the same words.
/// </summary>
public static class AdminCatalogue
{
    private static readonly (string Name, string Key)[] Definitions =
    [
        (AdminCommandNames.CampaignNew, "CampaignNew"),
        (AdminCommandNames.CampaignList, "CampaignList"),
        (AdminCommandNames.CampaignShow, "CampaignShow"),
        (AdminCommandNames.CampaignEdit, "CampaignEdit"),
        (AdminCommandNames.CampaignChannelsAdd, "CampaignChannelsAdd"),
        (AdminCommandNames.CampaignChannelsRemove, "CampaignChannelsRemove"),
        (AdminCommandNames.CampaignStart, "CampaignStart"),
        (AdminCommandNames.CampaignPause, "CampaignPause"),
        (AdminCommandNames.CampaignResume, "CampaignResume"),
        (AdminCommandNames.CampaignEnd, "CampaignEnd"),
        (AdminCommandNames.ChannelsList, "ChannelsList"),
        (AdminCommandNames.ChannelsMute, "ChannelsMute"),
        (AdminCommandNames.ChannelsUnmute, "ChannelsUnmute"),
        (AdminCommandNames.StoriesPending, "StoriesPending"),
        (AdminCommandNames.StoriesApprove, "StoriesApprove"),
        (AdminCommandNames.StoriesReject, "StoriesReject"),
        (AdminCommandNames.StoriesFeature, "StoriesFeature"),
        (AdminCommandNames.StoriesUnfeature, "StoriesUnfeature"),
        (AdminCommandNames.AdminPanel, "AdminPanel"),
        (AdminCommandNames.AdminList, "AdminList"),
        (AdminCommandNames.AdminAdd, "AdminAdd"),
        (AdminCommandNames.AdminRemove, "AdminRemove"),
        (AdminCommandNames.Audit, "Audit"),
        (AdminCommandNames.NudgeList, "NudgeList"),
        (AdminCommandNames.NudgePreview, "NudgePreview"),
        (AdminCommandNames.NudgeSendNow, "NudgeSendNow"),
        (AdminCommandNames.ExperimentNew, "ExperimentNew"),
        (AdminCommandNames.ExperimentList, "ExperimentList"),
        (AdminCommandNames.ExperimentShow, "ExperimentShow"),
        (AdminCommandNames.ExperimentStop, "ExperimentStop"),
        (AdminCommandNames.Report, "Report"),
        (AdminCommandNames.Export, "Export"),
        (AdminCommandNames.Help, "Help"),
    ];

    // Plurals and singulars people type; each maps to the family word the catalogue uses.
    private static readonly Dictionary<string, string> FirstWords = new(StringComparer.Ordinal)
    {
        ["campaign"] = "campaign",
        ["campaigns"] = "campaign",
        ["channels"] = "channels",
        ["channel"] = "channels",
        ["stories"] = "stories",
        ["admin"] = "admin",
        ["admins"] = "admin",
        ["audit"] = "audit",
        ["nudge"] = "nudge",
        ["nudges"] = "nudge",
        ["experiment"] = "experiment",
        ["experiments"] = "experiment",
        ["report"] = "report",
        ["export"] = "export",
        ["help"] = "help",
    };

    /// <summary>Every command's catalogue name, in the order help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = Definitions.Select(d => d.Name).ToList();

    /// <summary>
    /// The first words whose messages the grammar reads (plurals included), for Bot's start-up check that no other
    /// command starts with them. <c>help</c> is not among them: the grammar only answers <c>help</c> followed by an
    /// admin command's name, and leaves <c>help</c> alone (and every other help) to the bot's help.
    /// </summary>
    public static IReadOnlyList<string> CommandWords { get; } = FirstWords.Keys.Where(w => w != "help").ToList();

    /// <summary>The nudge catalogue's entry ids (behavioural-insights.md), as <c>nudge</c> and <c>experiment</c> accept them.</summary>
    public static IReadOnlyList<string> NudgeEntries { get; } =
    [
        "story-of-the-day", "weekly-norm", "rising-norm", "two-minute-share", "campaign-moment",
        "quiet-pillar", "partnership-element", "pledge", "storybook-progress",
    ];

    public static IReadOnlyList<AdminCommandInfo> Commands(CultureInfo culture)
    {
        var text = new DialogText(culture);
        return Definitions.Select(d => Describe(d.Name, d.Key, text)).ToList();
    }

    public static AdminCommandInfo? Find(string name, CultureInfo culture) =>
        Definitions.Where(d => d.Name == name).Select(d => Describe(d.Name, d.Key, new DialogText(culture))).FirstOrDefault();

    /// <summary>
    /// The commands a help topic covers: the one named, and those it starts ("campaign" covers every campaign
    /// command, "campaign channels" both of its own); every command when the topic is null.
    /// </summary>
    public static IReadOnlyList<AdminCommandInfo> Topic(string? topic, CultureInfo culture) =>
        Commands(culture).Where(c => topic is null || c.Name == topic || c.Name.StartsWith(topic + " ", StringComparison.Ordinal)).ToList();

    internal static string? FamilyOf(string word) => FirstWords.GetValueOrDefault(word);

    internal static string? Example(string name, DialogText text) =>
        Definitions.FirstOrDefault(d => d.Name == name) is { Key: { } key } ? text[$"AdminHelp_{key}_Example"] : null;

    /// <summary>The longest run of the words that names a command or starts some ("help campaign frob" is about campaign).</summary>
    internal static string? ResolveTopic(IReadOnlyList<string> words)
    {
        if (words.Count == 0 || FamilyOf(words[0]) is not { } family)
        {
            return null;
        }

        var normal = new List<string> { family };
        for (var i = 1; i < Math.Min(words.Count, 4); i++)
        {
            var word = words[i];
            if (word == "send" && i + 1 < words.Count && words[i + 1] == "now")
            {
                normal.Add("send-now");
                i++;
            }
            else
            {
                normal.Add(word switch
                {
                    "sendnow" => "send-now",
                    "channel" when family == "campaign" && i == 1 => "channels",
                    _ => word,
                });
            }
        }

        for (var k = Math.Min(normal.Count, 3); k >= 1; k--)
        {
            var candidate = string.Join(' ', normal.Take(k));
            if (Names.Any(n => n == candidate || n.StartsWith(candidate + " ", StringComparison.Ordinal)))
            {
                return candidate;
            }
        }

        return null;
    }

    private static AdminCommandInfo Describe(string name, string key, DialogText text) =>
        new(
            name,
            name.Split(' ')[0],
            text[$"AdminHelp_{key}_Form"],
            text[$"AdminHelp_{key}_Example"],
            text[$"AdminHelp_{key}_Summary"],
            text[$"AdminHelp_{key}_Details"],
            AdminOnly: true);
}

/// <summary>The answer to <see cref="Help"/>: one command's form and example, a family's commands, or them all.</summary>
public static class AdminHelp
{
    public static string Describe(Help help, CultureInfo culture)
    {
        var text = new DialogText(culture);
        var topic = AdminCatalogue.Topic(help.Topic, culture) is { Count: > 0 } ? help.Topic : null;
        var commands = AdminCatalogue.Topic(topic, culture);
        if (commands is [var one])
        {
            return text.Format("AdminHelp_One", one.Name, one.Summary, one.Details, one.Form, one.Example);
        }

        var lines = commands.Select(c => text.Format("AdminHelp_Line", c.Form, c.Summary));
        var intro = topic is null ? text["AdminHelp_All"] : text.Format("AdminHelp_Family", topic);
        return intro + "\n\n" + string.Join("\n", lines);
    }
}
