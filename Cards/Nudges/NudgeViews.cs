using InfoStoryBot.Cards.Storybook;

namespace InfoStoryBot.Cards.Nudges;

// The view records of the nudge cards. Dialogs/Nudges words them; the builders only lay them out. Every string
// may carry user or admin text (a campaign name, an experiment's wording, a story title), so the builders show
// all of them through UntrustedText.

/// <summary>Which delivery a card belongs to, carried by every button so a press can be attributed.</summary>
/// <param name="Variant">The experiment variant's letter, or null outside an experiment.</param>
public sealed record NudgeDelivery(string DeliveryId, string? Variant = null);

public abstract record NudgeView
{
    public required string CampaignName { get; init; }

    public required string Heading { get; init; }

    /// <summary>The nudge's message; an experiment variant replaces exactly this.</summary>
    public required string Text { get; init; }
}

/// <param name="Excerpt">The opening of the story; the card cuts it to a short excerpt.</param>
/// <param name="Byline">As the teller chose; the card shows only what its kind allows.</param>
public sealed record StoryOfTheDayView : NudgeView
{
    public required string StoryId { get; init; }
    public required string Title { get; init; }
    public required string Excerpt { get; init; }
    public IReadOnlyList<string> PillarLabels { get; init; } = [];
    public IReadOnlyList<string> Partners { get; init; } = [];
    public Byline Byline { get; init; } = new(BylineKind.Anonymous);

    /// <summary>The invitation under the story, e.g. "Has something like this happened to you?".</summary>
    public string? Prompt { get; init; }
}

/// <param name="Figures">The week's true figures, each worded with its own label ("14", "colleagues").</param>
public sealed record WeeklyNormView : NudgeView
{
    public IReadOnlyList<NudgeFigure> Figures { get; init; } = [];
}

/// <summary>A figure shown large with its label, e.g. 14 / "colleagues".</summary>
public sealed record NudgeFigure(string Value, string Label);

public sealed record RisingNormView : NudgeView
{
    /// <summary>Oldest first; the label says which week, e.g. "3 weeks ago", "Last week".</summary>
    public IReadOnlyList<NudgeFigure> Weeks { get; init; } = [];
}

public sealed record TwoMinuteShareView : NudgeView;

public enum CampaignMomentKind { Launch, HalfWay, LastDays, LastDay }

public sealed record CampaignMomentView : NudgeView
{
    public CampaignMomentKind Moment { get; init; }

    /// <summary>A short line under the message, e.g. "Ends on Friday 28 November".</summary>
    public string? Detail { get; init; }
}

public sealed record QuietPillarView : NudgeView
{
    public required string PillarLabel { get; init; }
}

public sealed record PartnershipElementView : NudgeView
{
    public required string ElementLabel { get; init; }
}

public sealed record PledgeView : NudgeView;

public sealed record StorybookProgressView : NudgeView
{
    public int Size { get; init; }
    public int Target { get; init; }

    /// <summary>Worded figure, e.g. "42 of 100 stories".</summary>
    public required string ProgressLabel { get; init; }
}

/// <summary>A reminder time offered after a pledge (the label in the person's local time, the value sent back).</summary>
public sealed record ReminderTimeOption(string Label, string Value);

/// <summary>The card answering "I’ll share a story this week": when shall I remind you?</summary>
/// <param name="ZoneLabel">The zone the times are in, e.g. "Europe/London".</param>
public sealed record PledgeTimesView(IReadOnlyList<ReminderTimeOption> Choices, string ZoneLabel);

/// <param name="ReminderLabel">When the reminder will come, e.g. "Thursday 14:00"; null when the person wanted none.</param>
public sealed record PledgeConfirmedView(string? ReminderLabel);

/// <summary>The one reminder, in 1:1 chat, at the time the person picked.</summary>
public sealed record PledgeReminderView(string CampaignName);

/// <summary>The whole story, for "Read it" on story of the day.</summary>
public sealed record NudgeStoryView(StoryDisplay Story, string CampaignName);

/// <summary>One line of <c>nudge list</c>, worded.</summary>
public sealed record NudgeListItem(string Id, string Name, string East, bool MayUse, string Reason, bool PlannedToday);

public sealed record NudgeListView(string CampaignName, IReadOnlyList<NudgeListItem> Entries);

/// <summary>What <c>nudge preview</c> shows beside the card itself: the entry, why it was chosen, the facts used.</summary>
public sealed record NudgeDecisionView(string CampaignName, string EntryId, string EntryName, string Why, IReadOnlyList<NudgeFactLine> FactsUsed, string? Variant);

public sealed record NudgeFactLine(string Label, string Value);

/// <summary>How one channel fared in <c>nudge send-now</c>.</summary>
public enum NudgeSendOutcome
{
    Sent,
    Skipped,
    Failed,

    /// <summary>It answered 403/404 now: marked gone, admins told.</summary>
    Gone,

    /// <summary>It may or may not have been posted; it is never sent again.</summary>
    Unknown,

    /// <summary>Another instance has it in hand.</summary>
    Sending,

    Missed,
}

/// <param name="Channel">"Team / Channel".</param>
/// <param name="Entry">The catalogue entry posted (or that would have been).</param>
/// <param name="Why">The ledger's reason, e.g. "The channel is muted.".</param>
/// <param name="Earlier">Nothing was sent now: the channel already had a record for this minute.</param>
public sealed record NudgeSendLine(string Channel, NudgeSendOutcome Outcome, string? Entry, string? Why, bool Earlier);

/// <summary><c>nudge send-now</c>: what happened in each channel of the campaign.</summary>
public sealed record NudgeSendReportView(string CampaignName, IReadOnlyList<NudgeSendLine> Channels)
{
    public int Count(NudgeSendOutcome outcome) => Channels.Count(c => c.Outcome == outcome);
}
