using System.Collections.ObjectModel;

namespace InfoStoryBot.Dialogs.Campaigns;

public enum CampaignMove
{
    Start,
    Pause,
    Resume,
    End,
}

/// <summary>What a move needs to know besides the campaign itself; everything comes in, nothing is read.</summary>
public sealed record CampaignContext(DateTimeOffset NowUtc)
{
    private static readonly IReadOnlyDictionary<string, string> NoNames = new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    /// <summary>Entra object id of the admin acting; stored as CreatedBy/UpdatedBy.</summary>
    public string? Actor { get; init; }

    /// <summary>Every stored campaign (the one being changed, matched by id, is ignored): for the id and channel rules.</summary>
    public IReadOnlyList<Campaign> Campaigns { get; init; } = [];

    /// <summary><c>Nudges:NonWorkingDates</c>.</summary>
    public IReadOnlyCollection<DateOnly> NonWorkingDates { get; init; } = [];

    /// <summary>Channel id → how admins know it ("Partnership board" or "Team / Channel"), for messages.</summary>
    public IReadOnlyDictionary<string, string> ChannelNames { get; init; } = NoNames;

    public CampaignText Text { get; init; } = CampaignText.EnGb;
}

/// <summary>
/// The outcome of a change: the campaign to store (with its state, times and history updated) and notes to
/// show, or the problems that refused it, with nothing to store.
/// </summary>
public sealed record CampaignChange(Campaign? Campaign, IReadOnlyList<CampaignMessage> Problems, IReadOnlyList<CampaignMessage> Notes)
{
    public bool IsAllowed => Campaign is not null;

    internal static CampaignChange Refused(IReadOnlyList<CampaignMessage> problems) => new(null, problems, []);

    internal static CampaignChange Refused(CampaignMessage problem) => new(null, [problem], []);
}

/// <summary>
/// Creating, editing and the state machine, pure. Draft → (start) scheduled when the start date is still ahead,
/// running when today is within the dates; scheduled or running → (pause) paused → (resume) running, or scheduled
/// when the start date is still ahead; anything not ended → (end) ended, which is final. Every other move is
/// refused with a message saying what is possible from the current state. A scheduled campaign becomes running
/// at its first slot, and a running one ended after its end date, without an admin: see <see cref="Advance"/>.
/// </summary>
public static class CampaignMoves
{
    /// <summary>How long a replaced timetable is kept: longer than any grace window, so late slots use their own timetable.</summary>
    public static readonly TimeSpan TimetableHistory = TimeSpan.FromDays(7);

    /// <summary>The moves an admin can make from <paramref name="state"/>.</summary>
    public static IReadOnlyList<CampaignMove> Allowed(CampaignState state) => state switch
    {
        CampaignState.Draft => [CampaignMove.Start, CampaignMove.End],
        CampaignState.Scheduled or CampaignState.Running => [CampaignMove.Pause, CampaignMove.End],
        CampaignState.Paused => [CampaignMove.Resume, CampaignMove.End],
        _ => [],
    };

    public static CampaignChange Apply(CampaignMove move, Campaign campaign, CampaignContext context) => move switch
    {
        CampaignMove.Start => Start(campaign, context),
        CampaignMove.Pause => Pause(campaign, context),
        CampaignMove.Resume => Resume(campaign, context),
        CampaignMove.End => End(campaign, context),
        _ => throw new ArgumentOutOfRangeException(nameof(move), move, "Not a campaign move."),
    };

    /// <summary>A new draft: its id must be free; stamps created/updated by and at.</summary>
    public static CampaignChange Create(Campaign draft, CampaignContext context)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(context);
        var created = draft with
        {
            State = CampaignState.Draft,
            Name = draft.Name?.Trim() ?? "",
            LiveFrom = null,
            EarlierTimetables = [],
            CreatedAt = context.NowUtc,
            UpdatedAt = context.NowUtc,
            CreatedBy = context.Actor,
            UpdatedBy = context.Actor,
        };
        var messages = CampaignRules.Check(created, context.NonWorkingDates, TodayOrMin(created, context), context.Text).ToList();
        if (context.Campaigns.FirstOrDefault(c => c is not null && c.Id == created.Id) is { } taken)
        {
            messages.Insert(0, new(CampaignRule.IdTaken, context.Text.Format("Campaign_IdTaken", taken.Id, taken.Name)));
        }

        return Result(created, messages);
    }

    /// <summary>
    /// An edit: <paramref name="proposed"/> is the campaign as the admin wants it; its id, state, creation and
    /// history are taken from <paramref name="current"/>. An edit to a live campaign applies from its next slot:
    /// a changed timetable is kept in <see cref="Campaign.EarlierTimetables"/> with the edit instant, so a slot
    /// that was due before the edit is still posted as planned. A live campaign cannot lose its last channel, have
    /// its end date moved into the past, or take a channel another live campaign holds; an ended one cannot change.
    /// </summary>
    public static CampaignChange Edit(Campaign current, Campaign proposed, CampaignContext context)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(proposed);
        ArgumentNullException.ThrowIfNull(context);
        var text = context.Text;
        if (current.State == CampaignState.Ended)
        {
            return CampaignChange.Refused(new CampaignMessage(CampaignRule.EndedCannotChange, text.Format("Campaign_EndedCannotChange", current.Name)));
        }

        var edited = proposed with
        {
            Id = current.Id,
            Name = proposed.Name?.Trim() ?? "",
            State = current.State,
            LiveFrom = current.LiveFrom,
            EarlierTimetables = current.EarlierTimetables,
            CreatedAt = current.CreatedAt,
            CreatedBy = current.CreatedBy,
            UpdatedAt = context.NowUtc,
            UpdatedBy = context.Actor,
        };
        var timetableChanged = !edited.CurrentTimetable().SameAs(current.CurrentTimetable());
        var today = TodayOrMin(edited, context);
        var messages = CampaignRules.Check(edited, context.NonWorkingDates, timetableChanged ? today : DateOnly.MaxValue, text).ToList();
        if (messages.Any(m => m.IsProblem) || !CampaignRules.IsLive(current.State))
        {
            return Result(edited, messages);
        }

        if (edited.TargetChannelIds.Count == 0)
        {
            messages.Add(new(CampaignRule.LiveNeedsChannel, text.Format("Campaign_LiveNeedsChannel", edited.Name, text.State(current.State), edited.Id)));
        }

        if (edited.EndDate != current.EndDate && edited.EndDate < today)
        {
            messages.Add(EndPassed(edited, today, text));
        }

        if (current.State == CampaignState.Scheduled && edited.StartDate != current.StartDate && edited.StartDate < today)
        {
            messages.Add(StartInPast(edited, today, text));
        }

        messages.AddRange(CampaignRules.ChannelConflicts(edited, context.Campaigns, context.ChannelNames, text));
        if (messages.Any(m => m.IsProblem))
        {
            return Result(edited, messages);
        }

        if (current.State == CampaignState.Running && edited.StartDate > today)
        {
            edited = edited with { State = CampaignState.Scheduled };
        }

        if (timetableChanged && CampaignSchedule.HasSlots(current.State))
        {
            var keepAfter = context.NowUtc - TimetableHistory;
            edited = edited with
            {
                EarlierTimetables =
                [
                    .. current.EarlierTimetables.Where(t => t.ReplacedAt is { } at && at >= keepAfter && at <= context.NowUtc),
                    current.CurrentTimetable() with { ReplacedAt = context.NowUtc },
                ],
            };
        }

        return Result(edited, messages);
    }

    public static CampaignChange Start(Campaign campaign, CampaignContext context)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(context);
        if (campaign.State != CampaignState.Draft)
        {
            return NotAllowed(CampaignMove.Start, campaign, context.Text);
        }

        return GoLive(campaign, context, isResume: false);
    }

    public static CampaignChange Pause(Campaign campaign, CampaignContext context)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(context);
        return campaign.State is CampaignState.Scheduled or CampaignState.Running
            ? Moved(campaign, CampaignState.Paused, context)
            : NotAllowed(CampaignMove.Pause, campaign, context.Text);
    }

    public static CampaignChange Resume(Campaign campaign, CampaignContext context)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(context);
        return campaign.State == CampaignState.Paused
            ? GoLive(campaign, context, isResume: true)
            : NotAllowed(CampaignMove.Resume, campaign, context.Text);
    }

    public static CampaignChange End(Campaign campaign, CampaignContext context)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(context);
        return campaign.State != CampaignState.Ended
            ? Moved(campaign, CampaignState.Ended, context)
            : NotAllowed(CampaignMove.End, campaign, context.Text);
    }

    /// <summary>
    /// The move the clock makes, for the scheduler to store: scheduled → running at the first slot, scheduled or
    /// running → ended once the end date is over in the campaign's zone (<see cref="CampaignSchedule.StateAt"/>).
    /// Null when nothing changes. UpdatedBy is cleared: no admin made this move.
    /// </summary>
    public static Campaign? Advance(Campaign campaign, DateTimeOffset nowUtc, IReadOnlyCollection<DateOnly> nonWorkingDates)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var state = CampaignSchedule.StateAt(campaign, nowUtc, nonWorkingDates);
        return state == campaign.State ? null : campaign with { State = state, UpdatedAt = nowUtc, UpdatedBy = null };
    }

    private static CampaignChange GoLive(Campaign campaign, CampaignContext context, bool isResume)
    {
        var text = context.Text;
        var today = TodayOrMin(campaign, context);
        var messages = CampaignRules.Check(campaign, context.NonWorkingDates, today, text).ToList();
        if (messages.Any(m => m.IsProblem))
        {
            return Result(campaign, messages);
        }

        if (campaign.TargetChannelIds.Count == 0)
        {
            messages.Add(new(CampaignRule.NoChannels, text.Format("Campaign_NoChannels", campaign.Name, campaign.Id)));
        }

        if (campaign.EndDate < today)
        {
            messages.Add(isResume
                ? EndPassed(campaign, today, text)
                : new(CampaignRule.DatesInPast, text.Format(
                    "Campaign_DatesInPast", campaign.Name, text.LongDate(campaign.StartDate), text.LongDate(campaign.EndDate), text.LongDate(today), campaign.TimeZone, campaign.Id)));
        }
        else if (!isResume && campaign.StartDate < today)
        {
            messages.Add(StartInPast(campaign, today, text));
        }
        else if (CampaignSchedule.NextSlots(campaign with { State = CampaignState.Running, LiveFrom = null }, context.NowUtc, 1, context.NonWorkingDates, text).Count == 0)
        {
            messages.Add(new(CampaignRule.NeverPosts, text.Format(
                "Campaign_NeverPosts", campaign.Name, text.LongDate(campaign.EndDate), text.Days(campaign.DaysOfWeek), CampaignText.Time(campaign.PostingTime))));
        }

        messages.AddRange(CampaignRules.ChannelConflicts(campaign, context.Campaigns, context.ChannelNames, text));
        var state = campaign.StartDate > today ? CampaignState.Scheduled : CampaignState.Running;
        return Result(campaign with { State = state, LiveFrom = context.NowUtc, UpdatedAt = context.NowUtc, UpdatedBy = context.Actor }, messages);
    }

    private static CampaignChange Moved(Campaign campaign, CampaignState state, CampaignContext context) =>
        new(campaign with { State = state, UpdatedAt = context.NowUtc, UpdatedBy = context.Actor }, [], []);

    private static CampaignChange NotAllowed(CampaignMove move, Campaign campaign, CampaignText text)
    {
        var possible = text.Format("Campaign_MovesFrom_" + campaign.State, campaign.Id);
        return CampaignChange.Refused(new CampaignMessage(
            CampaignRule.MoveNotAllowed, text.Format("Campaign_MoveRefused", campaign.Name, text["Campaign_Moved_" + move], possible)));
    }

    private static CampaignMessage StartInPast(Campaign campaign, DateOnly today, CampaignText text) =>
        new(CampaignRule.StartInPast, text.Format("Campaign_StartInPast", text.LongDate(campaign.StartDate), text.LongDate(today), campaign.TimeZone, campaign.Id));

    private static CampaignMessage EndPassed(Campaign campaign, DateOnly today, CampaignText text) =>
        new(CampaignRule.EndPassed, text.Format("Campaign_EndPassed", text.LongDate(campaign.EndDate), text.LongDate(today), campaign.TimeZone, campaign.Id));

    /// <summary>Today in the campaign's zone; when the zone is unknown (already a problem) the date checks are moot.</summary>
    private static DateOnly TodayOrMin(Campaign campaign, CampaignContext context) =>
        CampaignZones.Find(campaign.TimeZone) is { } zone ? CampaignCalendar.Today(zone, context.NowUtc) : DateOnly.MinValue;

    private static CampaignChange Result(Campaign campaign, List<CampaignMessage> messages)
    {
        var problems = messages.Where(m => m.IsProblem).ToList();
        var notes = messages.Where(m => !m.IsProblem).ToList();
        return problems.Count > 0 ? CampaignChange.Refused(problems) : new CampaignChange(campaign, [], notes);
    }
}
