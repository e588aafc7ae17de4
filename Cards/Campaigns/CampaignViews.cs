using InfoStoryBot.Cards.StoryCapture;

namespace InfoStoryBot.Cards.Campaigns;

/// <summary>What a campaign button does; the card words its title.</summary>
public enum CampaignButtonKind
{
    Show,
    Edit,
    Start,
    Pause,
    Resume,
    End,
    List,
    New,

    /// <summary>The campaign's report (<c>report &lt;campaign&gt;</c>), as a new card.</summary>
    Report,
}

/// <summary>
/// One button. <see cref="Command"/> is the admin command it runs, as typed (an <c>admin.run</c> button goes through
/// the same grammar, gate and audit as typing it); Edit and New open the campaign form instead and carry
/// <see cref="CampaignId"/> (null for New).
/// </summary>
public sealed record CampaignButton(CampaignButtonKind Kind, string? Command = null, string? CampaignId = null);

/// <summary>One campaign in <c>campaign list</c>. <paramref name="State"/> and <paramref name="Dates"/> are already worded.</summary>
public sealed record CampaignRowView(string Id, string Name, string State, string Dates, IReadOnlyList<CampaignButton> Buttons);

/// <param name="NotShown">How many more campaigns there are than the card shows.</param>
public sealed record CampaignListView(IReadOnlyList<CampaignRowView> Campaigns, int NotShown = 0, string? Done = null);

/// <summary>
/// <c>campaign show</c>, and the answer to every change. Texts are worded already: dates, days, time and zone, the
/// next slots in the campaign's own time. <see cref="Channels"/> are "Team / Channel" names with their marks.
/// <see cref="Done"/> says what just happened; <see cref="Problems"/> why a change was refused; <see cref="Notes"/>
/// what will happen (daylight saving, muted or gone channels). Problems and notes are our own markdown.
/// </summary>
public sealed record CampaignCardView
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string State { get; init; }

    public required string Dates { get; init; }

    public required string Days { get; init; }

    public required string TimeAndZone { get; init; }

    public IReadOnlyList<string> Channels { get; init; } = [];

    public string? Goal { get; init; }

    public string? Target { get; init; }

    public IReadOnlyList<string> NextSlots { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public string? Done { get; init; }

    public IReadOnlyList<string> Problems { get; init; } = [];

    public IReadOnlyList<CampaignButton> Buttons { get; init; } = [];
}

/// <summary>
/// What the campaign form holds, as its inputs send it: dates yyyy-MM-dd, time HH:mm, days as "mon".."sun",
/// channels as registered channel ids (chosen by name, never typed), goal and target as typed.
/// </summary>
public sealed record CampaignFormValues
{
    public string Name { get; init; } = "";

    public string From { get; init; } = "";

    public string To { get; init; } = "";

    public string At { get; init; } = "";

    public string Zone { get; init; } = "";

    public IReadOnlyList<string> Days { get; init; } = [];

    public IReadOnlyList<string> ChannelIds { get; init; } = [];

    public string Goal { get; init; } = "";

    public string Target { get; init; } = "";
}

/// <summary>
/// The campaign form, for a new campaign (<see cref="CampaignId"/> null) or an edit. <see cref="Was"/> holds the
/// values the form was opened with: the submit carries them, so only what the admin changed is changed, and an
/// edit another admin made meanwhile to another field stays.
/// </summary>
/// <param name="ZoneIds">The zones of <paramref name="Region"/> (all of them would not fit in one card).</param>
/// <param name="Regions">The first parts of the zone ids ("Europe", "America"…), to list another region's zones.</param>
/// <param name="Channels">Registered channels to choose from (value = channel id, title = "Team / Channel").</param>
/// <param name="Cancel">Where Cancel goes: the campaign's card for an edit, the list for a new one.</param>
/// <param name="Errors">Why the last submit was refused, our own markdown.</param>
public sealed record CampaignFormView(
    string? CampaignId,
    CampaignFormValues Values,
    string Region,
    IReadOnlyList<string> Regions,
    IReadOnlyList<string> ZoneIds,
    IReadOnlyList<ChoiceOption> Channels,
    CampaignButton Cancel,
    CampaignFormValues? Was = null,
    IReadOnlyList<string>? Errors = null,
    string? CampaignName = null);

/// <summary>The ids of the form's inputs, and of the values it was opened with (sent in the submit's data).</summary>
public static class CampaignFormFields
{
    public const string Name = "campaignName";
    public const string From = "campaignFrom";
    public const string To = "campaignTo";
    public const string At = "campaignAt";
    public const string Zone = "campaignZone";
    public const string Days = "campaignDays";
    public const string Channels = "campaignChannels";
    public const string Goal = "campaignGoal";
    public const string Target = "campaignTarget";

    /// <summary>Not a campaign field: which region's zones the form lists.</summary>
    public const string Region = "campaignRegion";

    /// <summary>The days' values, Monday first.</summary>
    public static IReadOnlyList<string> DayValues { get; } = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public static IReadOnlyList<string> All { get; } = [Name, From, To, At, Zone, Days, Channels, Goal, Target];

    /// <summary>The data key holding the value <paramref name="field"/> had when the form was opened.</summary>
    public static string Was(string field) => "was." + field;
}
