using NodaTime;
using NodaTime.TimeZones;

namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>How a daylight-saving change touched a slot's local time.</summary>
public enum SlotShift
{
    /// <summary>The planned local time happened once that day.</summary>
    None,

    /// <summary>The clocks went forward over the planned time: it posts at the first minute after the gap.</summary>
    Skipped,

    /// <summary>The clocks went back over the planned time: it posts once, at its first occurrence.</summary>
    Repeated,
}

/// <summary>
/// One scheduled posting time of a campaign. <see cref="Utc"/> is the instant it posts (and the slot's identity
/// in the delivery ledger); <see cref="LocalDate"/> and <see cref="PlannedTime"/> are what the team planned;
/// <see cref="TargetChannelIds"/> are the channels of the timetable the slot was planned from.
/// </summary>
public sealed record CampaignSlot
{
    public required string CampaignId { get; init; }

    public required DateOnly LocalDate { get; init; }

    public required TimeOnly PlannedTime { get; init; }

    /// <summary>The wall-clock time it posts at: the planned time, or the first valid minute after a gap.</summary>
    public required TimeOnly LocalTime { get; init; }

    /// <summary>The posting instant, offset zero.</summary>
    public required DateTimeOffset Utc { get; init; }

    /// <summary>The same instant with the zone's offset at that moment.</summary>
    public required DateTimeOffset Local { get; init; }

    public required string TimeZone { get; init; }

    /// <summary>The tz database's abbreviation then: "GMT", "BST", "EDT", "AEST", "IST".</summary>
    public required string ZoneAbbreviation { get; init; }

    public SlotShift Shift { get; init; }

    public required IReadOnlyList<string> TargetChannelIds { get; init; }

    /// <summary>"Mon 1 Mar 2027, 10:00 GMT", for <c>campaign show</c>.</summary>
    public required string Display { get; init; }
}

/// <summary>Slots since the last run: those still worth posting now, and those too old (record them as missed).</summary>
public sealed record SlotTriage(IReadOnlyList<CampaignSlot> Due, IReadOnlyList<CampaignSlot> Missed);

/// <summary>
/// "What is due": pure functions of a campaign, an interval and the configured non-working dates. The hosted
/// service asks and acts (the delivery ledger makes each slot and channel go out once); nothing here reads a clock.
/// </summary>
/// <remarks>
/// A campaign has at most one slot per local date: the posting time on each of its days between its dates, in its
/// own zone, except on non-working dates (<c>Nudges:NonWorkingDates</c>, global; a campaign cannot override them).
/// Daylight saving: a posting time the clocks skip posts at the first valid instant after the gap (01:30 on the
/// spring-forward day in London posts at 02:00 BST = 01:00 UTC); a time that happens twice posts once, at the
/// earlier instant (01:30 BST = 00:30 UTC on the autumn day). Only scheduled and running campaigns have due slots,
/// and only from <see cref="Campaign.LiveFrom"/> on. After an edit (see <see cref="CampaignMoves.Edit"/>), a slot
/// before the edit instant comes from the timetable in force then; a date that already had its slot before the
/// edit gets no second one from the new timetable.
/// </remarks>
public static class CampaignSchedule
{
    /// <summary>After downtime, a slot up to this old is still posted; an older one is recorded as missed.</summary>
    public static readonly TimeSpan DefaultGraceWindow = TimeSpan.FromHours(2);

    /// <summary>Skipped: the start of the interval after the gap. Repeated: the earlier of the two instants.</summary>
    internal static readonly ZoneLocalMappingResolver Resolver =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    /// <summary>
    /// The slots with <paramref name="fromUtc"/> ≤ instant &lt; <paramref name="untilUtc"/>, oldest first. None for a
    /// draft, paused or ended campaign; a scheduled one has its slots (it becomes running at its first, see
    /// <see cref="StateAt"/>).
    /// </summary>
    public static IReadOnlyList<CampaignSlot> DueSlots(
        Campaign campaign, DateTimeOffset fromUtc, DateTimeOffset untilUtc, IReadOnlyCollection<DateOnly> nonWorkingDates, CampaignText? text = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (!HasSlots(campaign.State) || untilUtc <= fromUtc)
        {
            return [];
        }

        var from = campaign.LiveFrom is { } liveFrom && liveFrom > fromUtc ? liveFrom : fromUtc;
        return Slots(campaign, from, untilUtc, nonWorkingDates, text).OrderBy(s => s.Utc).ToList();
    }

    /// <summary>
    /// The next <paramref name="count"/> slots at or after <paramref name="nowUtc"/>, for <c>campaign show</c>: what
    /// a draft would post once started, or a paused one once resumed. None once ended.
    /// </summary>
    public static IReadOnlyList<CampaignSlot> NextSlots(
        Campaign campaign, DateTimeOffset nowUtc, int count = 5, IReadOnlyCollection<DateOnly>? nonWorkingDates = null, CampaignText? text = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (campaign.State == CampaignState.Ended || count < 1)
        {
            return [];
        }

        var from = campaign.State is CampaignState.Running or CampaignState.Scheduled && campaign.LiveFrom is { } liveFrom && liveFrom > nowUtc
            ? liveFrom
            : nowUtc;
        return Slots(campaign, from, null, nonWorkingDates ?? [], text).Take(count).ToList();
    }

    /// <summary>
    /// Every slot of the current timetable, whatever the state and history: the campaign's posting dates as
    /// planned, for the nudge plan ("the last three posting days") and the rules.
    /// </summary>
    public static IReadOnlyList<CampaignSlot> PlannedSlots(Campaign campaign, IReadOnlyCollection<DateOnly>? nonWorkingDates = null, CampaignText? text = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var current = campaign with { EarlierTimetables = [] };
        return Slots(current, null, null, nonWorkingDates ?? [], text).ToList();
    }

    /// <summary>
    /// The slots after <paramref name="sinceUtc"/> (the last run) up to and including <paramref name="nowUtc"/>:
    /// due when no older than the grace window (a slot exactly that old is still due), otherwise missed. Deliveries
    /// the ledger already holds are the caller's to skip.
    /// </summary>
    public static SlotTriage Classify(
        Campaign campaign, DateTimeOffset sinceUtc, DateTimeOffset nowUtc, IReadOnlyCollection<DateOnly> nonWorkingDates, TimeSpan? graceWindow = null, CampaignText? text = null)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var slots = nowUtc > sinceUtc ? DueSlots(campaign, sinceUtc.AddTicks(1), nowUtc.AddTicks(1), nonWorkingDates, text) : [];
        return Classify(slots, nowUtc, graceWindow ?? DefaultGraceWindow);
    }

    /// <summary>The same triage for slots the caller already has; slots after <paramref name="nowUtc"/> are left out.</summary>
    public static SlotTriage Classify(IEnumerable<CampaignSlot> slots, DateTimeOffset nowUtc, TimeSpan graceWindow)
    {
        ArgumentNullException.ThrowIfNull(slots);
        ArgumentOutOfRangeException.ThrowIfLessThan(graceWindow, TimeSpan.Zero);
        var oldestDue = nowUtc - graceWindow;
        var past = slots.Where(s => s.Utc <= nowUtc).OrderBy(s => s.Utc).ToList();
        return new SlotTriage(past.Where(s => s.Utc >= oldestDue).ToList(), past.Where(s => s.Utc < oldestDue).ToList());
    }

    /// <summary>
    /// The state a campaign is in at <paramref name="nowUtc"/>, derived from its stored state: a scheduled campaign
    /// is running from its first slot (at or after <see cref="Campaign.LiveFrom"/>) on; a scheduled or running one
    /// has ended once its end date is over in its zone (local midnight after it). Draft, paused and ended stay as
    /// stored: only an admin moves those. Ask <see cref="Classify(Campaign, DateTimeOffset, DateTimeOffset, IReadOnlyCollection{DateOnly}, TimeSpan?, CampaignText?)"/>
    /// before storing a derived "ended", so a last slot still in its grace window is posted.
    /// </summary>
    public static CampaignState StateAt(Campaign campaign, DateTimeOffset nowUtc, IReadOnlyCollection<DateOnly> nonWorkingDates)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (!HasSlots(campaign.State) || CampaignZones.Find(campaign.TimeZone) is not { } zone)
        {
            return campaign.State;
        }

        if (nowUtc >= CampaignCalendar.EndUtc(campaign.EndDate, zone))
        {
            return CampaignState.Ended;
        }

        if (campaign.State == CampaignState.Scheduled)
        {
            var first = Slots(campaign, campaign.LiveFrom, null, nonWorkingDates, null).FirstOrDefault();
            return first is not null && nowUtc >= first.Utc ? CampaignState.Running : CampaignState.Scheduled;
        }

        return campaign.State;
    }

    internal static bool HasSlots(CampaignState state) => state is CampaignState.Scheduled or CampaignState.Running;

    /// <summary>Slots in [from, until) (either end open when null), one per local date, in date order.</summary>
    private static IEnumerable<CampaignSlot> Slots(
        Campaign campaign, DateTimeOffset? from, DateTimeOffset? until, IReadOnlyCollection<DateOnly> nonWorkingDates, CampaignText? text)
    {
        text ??= CampaignText.EnGb;
        var nonWorking = nonWorkingDates as ISet<DateOnly> ?? nonWorkingDates.ToHashSet();
        var versions = Versions(campaign);
        if (versions.All(v => v.Timetable.DaysOfWeek.Count == 0))
        {
            yield break;
        }

        // Any zone is within a day or so of UTC, so two days either side of the window's UTC dates holds every
        // local date that can have a slot inside it.
        var lo = versions.Min(v => v.Timetable.StartDate);
        var hi = versions.Max(v => v.Timetable.EndDate);
        if (from is { } f)
        {
            lo = Max(lo, AddDays(DateOnly.FromDateTime(f.UtcDateTime), -2));
        }

        if (until is { } u)
        {
            hi = Min(hi, AddDays(DateOnly.FromDateTime(u.UtcDateTime), 2));
        }

        for (var date = lo; date <= hi; date = date.AddDays(1))
        {
            CampaignSlot? best = null;
            foreach (var version in versions)
            {
                if (Slot(campaign.Id, version, date, nonWorking, text) is { } slot && (best is null || slot.Utc < best.Utc))
                {
                    best = slot;
                }
            }

            if (best is not null && (from is null || best.Utc >= from) && (until is null || best.Utc < until))
            {
                yield return best;
            }

            if (date == DateOnly.MaxValue)
            {
                yield break;
            }
        }
    }

    private static CampaignSlot? Slot(string campaignId, Version version, DateOnly date, ISet<DateOnly> nonWorking, CampaignText text)
    {
        var timetable = version.Timetable;
        if (date < timetable.StartDate || date > timetable.EndDate || !timetable.DaysOfWeek.Contains(date.DayOfWeek) || nonWorking.Contains(date))
        {
            return null;
        }

        var local = LocalDate.FromDateOnly(date) + LocalTime.FromTimeOnly(timetable.PostingTime);
        var mapping = version.Zone.MapLocal(local);
        var zoned = version.Zone.ResolveLocal(local, Resolver);
        var instant = zoned.ToInstant();
        if ((version.From is { } start && instant < start) || (version.Until is { } end && instant >= end))
        {
            return null;
        }

        var slot = new CampaignSlot
        {
            CampaignId = campaignId,
            LocalDate = date,
            PlannedTime = timetable.PostingTime,
            LocalTime = zoned.TimeOfDay.ToTimeOnly(),
            Utc = instant.ToDateTimeOffset(),
            Local = zoned.ToDateTimeOffset(),
            TimeZone = timetable.TimeZone,
            ZoneAbbreviation = version.Zone.GetZoneInterval(instant).Name,
            Shift = mapping.Count switch { 0 => SlotShift.Skipped, 2 => SlotShift.Repeated, _ => SlotShift.None },
            TargetChannelIds = timetable.TargetChannelIds,
            Display = "",
        };
        return slot with { Display = text.Slot(slot) };
    }

    /// <summary>The earlier timetables in the order they were replaced, then the current one, each with its span.</summary>
    private static List<Version> Versions(Campaign campaign)
    {
        var versions = new List<Version>();
        Instant? previousEnd = null;
        foreach (var earlier in campaign.EarlierTimetables.Where(t => t.ReplacedAt is not null).OrderBy(t => t.ReplacedAt))
        {
            var replacedAt = Instant.FromDateTimeOffset(earlier.ReplacedAt!.Value);
            if (CampaignZones.Find(earlier.TimeZone) is { } earlierZone)
            {
                versions.Add(new Version(earlier, earlierZone, previousEnd, replacedAt));
            }

            previousEnd = replacedAt;
        }

        if (CampaignZones.Find(campaign.TimeZone) is { } zone)
        {
            versions.Add(new Version(campaign.CurrentTimetable(), zone, previousEnd, null));
        }

        return versions;
    }

    private static DateOnly AddDays(DateOnly date, int days) =>
        days < 0 && date.DayNumber < -days ? DateOnly.MinValue
        : days > 0 && DateOnly.MaxValue.DayNumber - date.DayNumber < days ? DateOnly.MaxValue
        : date.AddDays(days);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private sealed record Version(CampaignTimetable Timetable, DateTimeZone Zone, Instant? From, Instant? Until);
}
