using System.Globalization;

namespace InfoStoryBot.Dialogs.Admin;

/// <summary>
/// A command written back as the text that <see cref="AdminGrammar"/> reads to the same command: for cards whose
/// buttons carry a command, for audit lines and for "did you mean" replies. Names are quoted with straight double
/// quotes; a name that itself holds double quotes falls back to single ones.
/// </summary>
public static class AdminCommandText
{
    public static string Render(AdminCommand command) => command switch
    {
        CampaignNew c => $"campaign new {Quote(c.Name)} from {Date(c.From)} to {Date(c.To)} at {Time(c.At)} in {c.Zone} on {c.Days}"
            + (c.Target is { } target ? $" target {Number(target)}" : "")
            + (c.Goal is { } goal ? $" goal {Quote(goal)}" : ""),
        CampaignList => "campaign list",
        CampaignShow c => $"campaign show {Campaign(c.Campaign)}",
        CampaignEdit c => $"campaign edit {Campaign(c.Campaign)}{Changes(c.Changes)}",
        CampaignChannelsAdd c => $"campaign channels {Campaign(c.Campaign)} add {Channel(c.Channel)}",
        CampaignChannelsRemove c => $"campaign channels {Campaign(c.Campaign)} remove {Channel(c.Channel)}",
        CampaignStart c => $"campaign start {Campaign(c.Campaign)}",
        CampaignPause c => $"campaign pause {Campaign(c.Campaign)}",
        CampaignResume c => $"campaign resume {Campaign(c.Campaign)}",
        CampaignEnd c => $"campaign end {Campaign(c.Campaign)}",
        ChannelsList => "channels",
        ChannelsMute c => $"channels mute {Channel(c.Channel)}",
        ChannelsUnmute c => $"channels unmute {Channel(c.Channel)}",
        StoriesPending => "stories pending",
        StoriesApprove c => $"stories approve {Story(c.Story)}",
        StoriesReject c => $"stories reject {Story(c.Story)} {FreeText(c.Reason)}",
        StoriesFeature c => $"stories feature {Story(c.Story)}",
        StoriesUnfeature c => $"stories unfeature {Story(c.Story)}",
        AdminPanel => "admin",
        AdminList => "admin list",
        AdminAdd c => $"admin add {FreeText(c.Person)}",
        AdminRemove c => $"admin remove {FreeText(c.Person)}",
        Audit c => $"audit {Number(c.Count)}",
        Help { Topic: null } => "admin help",
        Help c => $"help {c.Topic}",
        NudgeList { Campaign: { } campaign } => $"nudge list {Campaign(campaign)}",
        NudgeList => "nudge list",
        NudgePreview c => $"nudge preview {Campaign(c.Campaign)}" + (c.Entry is { } entry ? " " + entry : ""),
        NudgeSendNow c => $"nudge send-now {Campaign(c.Campaign)}" + (c.Entry is { } entry ? " " + entry : ""),
        ExperimentNew c => $"experiment new {Campaign(c.Campaign)} {c.Entry} " + string.Join(' ', c.Variants.Select(Quote)),
        ExperimentList => "experiment list",
        ExperimentShow c => $"experiment show {c.Id}",
        ExperimentStop c => $"experiment stop {c.Id} keep {c.Keep}",
        Report { Campaign: { } campaign } => $"report {Campaign(campaign)}",
        Report => "report",
        Export { Campaign: { } campaign, Format: { } format } => $"export {Campaign(campaign)} {format.ToString().ToLowerInvariant()}",
        Export => "export",
        _ => command.CommandName,
    };

    public static string Campaign(CampaignRef campaign) => campaign.Id ?? Quote(campaign.Name ?? "");

    public static string Channel(ChannelRef channel) => channel switch
    {
        ChannelRef.ByNumber n => Number(n.Number),
        ChannelRef.ByTeamAndChannel t => Quote(t.Team + " / " + t.Channel),
        ChannelRef.ByName n => Quote(n.Name),
        _ => "",
    };

    public static string Story(StoryRef story) => story switch
    {
        StoryRef.ById s => s.Id,
        StoryRef.ByNumber n => Number(n.Number),
        _ => "",
    };

    private static string Changes(CampaignChanges changes)
    {
        var parts = new List<string>();
        if (changes.Name is { } name)
        {
            parts.Add("name " + Quote(name));
        }

        if (changes.From is { } from)
        {
            parts.Add("from " + Date(from));
        }

        if (changes.To is { } to)
        {
            parts.Add("to " + Date(to));
        }

        if (changes.At is { } at)
        {
            parts.Add("at " + Time(at));
        }

        if (changes.Zone is { } zone)
        {
            parts.Add("in " + zone);
        }

        if (changes.Days is { } days)
        {
            parts.Add("on " + days);
        }

        if (changes.Target is { } target)
        {
            parts.Add("target " + Number(target));
        }
        else if (changes.ClearTarget)
        {
            parts.Add("target none");
        }

        if (changes.Goal is { } goal)
        {
            parts.Add("goal " + Quote(goal));
        }
        else if (changes.ClearGoal)
        {
            parts.Add("goal none");
        }

        return string.Concat(parts.Select(p => " " + p));
    }

    /// <summary>
    /// Text that ends the line goes bare, unless it starts with a quote mark, which would be read as quoting it:
    /// then it goes in whichever double quotes it does not hold itself.
    /// </summary>
    private static string FreeText(string text) =>
        text.Length == 0 || !"\"“”„‟'‘’‚‛".Contains(text[0]) ? text
        : !text.Contains('"') ? "\"" + text + "\""
        : !text.Any(c => c is '“' or '”') ? "“" + text + "”"
        : text;

    private static string Quote(string text) =>
        text.Any(c => c is '"' or '“' or '”' or '„' or '‟') ? "‘" + text + "’" : "\"" + text + "\"";

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
