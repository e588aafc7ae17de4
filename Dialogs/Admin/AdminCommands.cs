namespace InfoStoryBot.Dialogs.Admin;

/// <summary>
/// A typed admin command, read from chat by <see cref="AdminGrammar"/>. Bot's gate authorises the person and audits
/// the change, then hands the record to its one handler. <see cref="CommandName"/> is its name in
/// <see cref="AdminCatalogue"/>.
/// </summary>
public abstract record AdminCommand
{
    private protected AdminCommand()
    {
    }

    public abstract string CommandName { get; }
}

/// <summary>Catalogue names of the commands: the words an admin types, and the keys of their help.</summary>
public static class AdminCommandNames
{
    public const string CampaignNew = "campaign new";
    public const string CampaignList = "campaign list";
    public const string CampaignShow = "campaign show";
    public const string CampaignEdit = "campaign edit";
    public const string CampaignChannelsAdd = "campaign channels add";
    public const string CampaignChannelsRemove = "campaign channels remove";
    public const string CampaignStart = "campaign start";
    public const string CampaignPause = "campaign pause";
    public const string CampaignResume = "campaign resume";
    public const string CampaignEnd = "campaign end";
    public const string ChannelsList = "channels";
    public const string ChannelsMute = "channels mute";
    public const string ChannelsUnmute = "channels unmute";
    public const string StoriesPending = "stories pending";
    public const string StoriesApprove = "stories approve";
    public const string StoriesReject = "stories reject";
    public const string StoriesFeature = "stories feature";
    public const string StoriesUnfeature = "stories unfeature";
    public const string AdminPanel = "admin";
    public const string AdminList = "admin list";
    public const string AdminAdd = "admin add";
    public const string AdminRemove = "admin remove";
    public const string Audit = "audit";
    public const string NudgeList = "nudge list";
    public const string NudgePreview = "nudge preview";
    public const string NudgeSendNow = "nudge send-now";
    public const string ExperimentNew = "experiment new";
    public const string ExperimentList = "experiment list";
    public const string ExperimentShow = "experiment show";
    public const string ExperimentStop = "experiment stop";
    public const string Report = "report";
    public const string Export = "export";
    public const string Help = "help";
}

/// <summary>
/// <c>campaign new</c>. The grammar only reads the words: whether <paramref name="Zone"/> is a real IANA zone, the end
/// is after the start or the dates are past is for the campaign rules.
/// </summary>
public sealed record CampaignNew(string Name, DateOnly From, DateOnly To, TimeOnly At, string Zone, DaySet Days, string? Goal, int? Target) : AdminCommand
{
    public const string DefaultZone = "Europe/London";

    public static TimeOnly DefaultTime { get; } = new(10, 0);

    public static DaySet DefaultDays => DaySet.Weekdays;

    /// <summary>The id the campaign will get ("Spring stories" is spring-stories).</summary>
    public string Id => Campaigns.CampaignIds.FromName(Name);

    /// <summary>
    /// Registered channel ids ticked on the campaign form. Never typed (the grammar leaves this null): in chat a
    /// channel is added by its name or number with <c>campaign channels … add</c>.
    /// </summary>
    public ValueList<string>? ChannelIds { get; init; }

    public override string CommandName => AdminCommandNames.CampaignNew;
}

public sealed record CampaignList : AdminCommand
{
    public override string CommandName => AdminCommandNames.CampaignList;
}

public sealed record CampaignShow(CampaignRef Campaign) : AdminCommand
{
    public override string CommandName => AdminCommandNames.CampaignShow;
}

/// <summary>What <c>campaign edit</c> changes: a null field stays as it is.</summary>
public sealed record CampaignChanges
{
    public string? Name { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public TimeOnly? At { get; init; }

    public string? Zone { get; init; }

    public DaySet? Days { get; init; }

    public string? Goal { get; init; }

    public int? Target { get; init; }

    /// <summary><c>goal none</c>: the campaign no longer has a goal.</summary>
    public bool ClearGoal { get; init; }

    /// <summary><c>target none</c>: the campaign no longer has a story target.</summary>
    public bool ClearTarget { get; init; }

    /// <summary>
    /// Channel ids ticked (added) and unticked (removed) on the campaign form, as changes rather than a whole list, so
    /// a channel another admin added meanwhile stays. Never typed: the grammar leaves these null.
    /// </summary>
    public ValueList<string>? AddChannelIds { get; init; }

    public ValueList<string>? RemoveChannelIds { get; init; }

    public bool IsEmpty =>
        Name is null && From is null && To is null && At is null && Zone is null && Days is null && Goal is null && Target is null && !ClearGoal && !ClearTarget
        && AddChannelIds is not { Count: > 0 } && RemoveChannelIds is not { Count: > 0 };
}

public sealed record CampaignEdit(CampaignRef Campaign, CampaignChanges Changes) : AdminCommand
{
    public override string CommandName => AdminCommandNames.CampaignEdit;
}

public sealed record CampaignChannelsAdd(CampaignRef Campaign, ChannelRef Channel) : AdminCommand
{
    public override string CommandName => AdminCommandNames.CampaignChannelsAdd;
}

public sealed record CampaignChannelsRemove(CampaignRef Campaign, ChannelRef Channel) : AdminCommand
{
    public override string CommandName => AdminCommandNames.CampaignChannelsRemove;
}

public sealed record CampaignStart(CampaignRef Campaign) : AdminCommand
{
    public override string CommandName => AdminCommandNames.CampaignStart;
}

public sealed record CampaignPause(CampaignRef Campaign) : AdminCommand
{
    public override string CommandName => AdminCommandNames.CampaignPause;
}

public sealed record CampaignResume(CampaignRef Campaign) : AdminCommand
{
    public override string CommandName => AdminCommandNames.CampaignResume;
}

public sealed record CampaignEnd(CampaignRef Campaign) : AdminCommand
{
    public override string CommandName => AdminCommandNames.CampaignEnd;
}

public sealed record ChannelsList : AdminCommand
{
    public override string CommandName => AdminCommandNames.ChannelsList;
}

public sealed record ChannelsMute(ChannelRef Channel) : AdminCommand
{
    public override string CommandName => AdminCommandNames.ChannelsMute;
}

public sealed record ChannelsUnmute(ChannelRef Channel) : AdminCommand
{
    public override string CommandName => AdminCommandNames.ChannelsUnmute;
}

public sealed record StoriesPending : AdminCommand
{
    public override string CommandName => AdminCommandNames.StoriesPending;
}

public sealed record StoriesApprove(StoryRef Story) : AdminCommand
{
    public override string CommandName => AdminCommandNames.StoriesApprove;
}

/// <summary><paramref name="Reason"/> is shown to the storyteller.</summary>
public sealed record StoriesReject(StoryRef Story, string Reason) : AdminCommand
{
    public override string CommandName => AdminCommandNames.StoriesReject;
}

public sealed record StoriesFeature(StoryRef Story) : AdminCommand
{
    public override string CommandName => AdminCommandNames.StoriesFeature;
}

public sealed record StoriesUnfeature(StoryRef Story) : AdminCommand
{
    public override string CommandName => AdminCommandNames.StoriesUnfeature;
}

/// <summary><c>admin</c> alone: the admin panel card.</summary>
public sealed record AdminPanel : AdminCommand
{
    public override string CommandName => AdminCommandNames.AdminPanel;
}

public sealed record AdminList : AdminCommand
{
    public override string CommandName => AdminCommandNames.AdminList;
}

/// <summary><paramref name="Person"/> is a name as typed; Bot picks from the people it knows, never an id.</summary>
public sealed record AdminAdd(string Person) : AdminCommand
{
    public override string CommandName => AdminCommandNames.AdminAdd;
}

public sealed record AdminRemove(string Person) : AdminCommand
{
    public override string CommandName => AdminCommandNames.AdminRemove;
}

/// <summary>The newest <paramref name="Count"/> audit entries, 1 to <see cref="MaxCount"/>.</summary>
public sealed record Audit(int Count) : AdminCommand
{
    public const int DefaultCount = 20;
    public const int MaxCount = 500;

    public override string CommandName => AdminCommandNames.Audit;
}

/// <summary>
/// <c>help &lt;command&gt;</c>: <paramref name="Topic"/> is a catalogue name ("campaign new") or a family word
/// ("campaign"); null (from <c>admin help</c>) means every admin command. See <see cref="AdminHelp"/>.
/// </summary>
public sealed record Help(string? Topic) : AdminCommand
{
    public override string CommandName => AdminCommandNames.Help;
}

/// <summary><paramref name="Campaign"/> is null when none was named: the running campaign's entries are shown, or the admin is asked.</summary>
public sealed record NudgeList(CampaignRef? Campaign = null) : AdminCommand
{
    public override string CommandName => AdminCommandNames.NudgeList;
}

/// <summary><paramref name="Entry"/> is a catalogue entry id, or null to let the plan choose.</summary>
public sealed record NudgePreview(CampaignRef Campaign, string? Entry) : AdminCommand
{
    public override string CommandName => AdminCommandNames.NudgePreview;
}

public sealed record NudgeSendNow(CampaignRef Campaign, string? Entry) : AdminCommand
{
    public override string CommandName => AdminCommandNames.NudgeSendNow;
}

/// <summary>Two to four variants' wording, A first.</summary>
public sealed record ExperimentNew(CampaignRef Campaign, string Entry, ValueList<string> Variants) : AdminCommand
{
    public const int MinVariants = 2;
    public const int MaxVariants = 4;

    public override string CommandName => AdminCommandNames.ExperimentNew;
}

public sealed record ExperimentList : AdminCommand
{
    public override string CommandName => AdminCommandNames.ExperimentList;
}

public sealed record ExperimentShow(string Id) : AdminCommand
{
    public override string CommandName => AdminCommandNames.ExperimentShow;
}

/// <summary><paramref name="Keep"/> is the upper-case letter of the variant kept as the entry's wording (A to D).</summary>
public sealed record ExperimentStop(string Id, char Keep) : AdminCommand
{
    public override string CommandName => AdminCommandNames.ExperimentStop;
}

/// <summary><paramref name="Campaign"/> is null for <c>report</c> alone: the admin is asked which campaign, a button each.</summary>
public sealed record Report(CampaignRef? Campaign) : AdminCommand
{
    public override string CommandName => AdminCommandNames.Report;
}

/// <summary>
/// Both null for <c>export</c> alone: the admin is asked which campaign and format, a button each. The grammar never
/// gives one without the other.
/// </summary>
public sealed record Export(CampaignRef? Campaign, ExportFormat? Format) : AdminCommand
{
    public override string CommandName => AdminCommandNames.Export;
}
