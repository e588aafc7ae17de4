using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Stories;
using NodaTime;

namespace InfoStoryBot.Dialogs.Reports;

/// <summary>
/// Adds up a campaign's stories one at a time, so a report over 100,000 stories never holds them as a list: Bot
/// streams index entries in, and <see cref="Build"/> makes the report. Pure: the time comes in as an argument.
/// </summary>
public sealed class ReportTally
{
    private static readonly Pillar[] Pillars = Enum.GetValues<Pillar>();
    private static readonly PartnershipElement[] Elements = Enum.GetValues<PartnershipElement>();

    private readonly Campaign _campaign;
    private readonly DateTimeZone _zone;
    private readonly Dictionary<DateOnly, (int Successes, int Barriers)> _weeks = [];
    private readonly int[] _pillars = new int[Pillars.Length];
    private readonly int[] _elements = new int[Elements.Length];
    private readonly int[,] _barriers = new int[Elements.Length, Pillars.Length];
    private readonly int[,] _successes = new int[Elements.Length, Pillars.Length];
    private int _stories, _barrierStories, _approved, _awaiting;

    public ReportTally(Campaign campaign)
    {
        _campaign = campaign ?? throw new ArgumentNullException(nameof(campaign));
        _zone = CampaignZones.Find(campaign.TimeZone) ?? throw new ArgumentException($"Campaign {campaign.Id} has an unknown time zone '{campaign.TimeZone}'.", nameof(campaign));
    }

    /// <summary>Counts a story that is submitted or approved; any other status is ignored.</summary>
    public void Add(StoryFact story)
    {
        if (story.Status is not (StoryStatus.Submitted or StoryStatus.Approved))
        {
            return;
        }

        _stories++;
        _approved += story.Status == StoryStatus.Approved ? 1 : 0;
        _awaiting += story.Status == StoryStatus.Submitted ? 1 : 0;
        var barrier = story.Kind == StoryKind.Barrier;
        _barrierStories += barrier ? 1 : 0;

        var monday = Monday(story.CreatedAt);
        var week = _weeks.GetValueOrDefault(monday);
        _weeks[monday] = barrier ? (week.Successes, week.Barriers + 1) : (week.Successes + 1, week.Barriers);

        for (var p = 0; p < Pillars.Length; p++)
        {
            if (story.Has(Pillars[p]))
            {
                _pillars[p]++;
            }
        }

        for (var e = 0; e < Elements.Length; e++)
        {
            if (!story.Has(Elements[e]))
            {
                continue;
            }

            _elements[e]++;
            for (var p = 0; p < Pillars.Length; p++)
            {
                if (story.Has(Pillars[p]))
                {
                    (barrier ? _barriers : _successes)[e, p]++;
                }
            }
        }
    }

    /// <param name="nudges">From <see cref="NudgeTally.Count"/>.</param>
    public CampaignReport Build(NudgeFigures nudges, DateTimeOffset now)
    {
        var first = MondayOf(_campaign.StartDate);
        var last = MondayOf(Min(_campaign.EndDate, Today(now)));
        if (_weeks.Count > 0)
        {
            first = Min(first, _weeks.Keys.Min());
            last = Max(last, _weeks.Keys.Max());
        }

        var weeks = new List<WeekCount>();
        for (var monday = first; monday <= last; monday = monday.AddDays(7))
        {
            var (successes, barriers) = _weeks.GetValueOrDefault(monday);
            weeks.Add(new WeekCount(monday, successes, barriers));
        }

        var map = new List<BarrierMapCell>();
        for (var e = 0; e < Elements.Length; e++)
        {
            for (var p = 0; p < Pillars.Length; p++)
            {
                map.Add(new BarrierMapCell(Elements[e], Pillars[p], _barriers[e, p], _successes[e, p]));
            }
        }

        return new CampaignReport
        {
            CampaignId = _campaign.Id,
            CampaignName = _campaign.Name,
            TimeZone = _campaign.TimeZone,
            StartDate = _campaign.StartDate,
            EndDate = _campaign.EndDate,
            GeneratedAt = now,
            Stories = _stories,
            Successes = _stories - _barrierStories,
            Barriers = _barrierStories,
            Approved = _approved,
            AwaitingModeration = _awaiting,
            Weeks = weeks,
            ByPillar = Pillars.Select((p, i) => (p, _pillars[i])).ToList(),
            ByElement = Elements.Select((e, i) => (e, _elements[i])).ToList(),
            BarrierMap = map,
            Nudges = nudges,
        };
    }

    private DateOnly Today(DateTimeOffset at) => DateOnly.FromDateTime(Instant.FromDateTimeOffset(at).InZone(_zone).Date.ToDateTimeUnspecified());

    private DateOnly Monday(DateTimeOffset at) => MondayOf(Today(at));

    private static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}

/// <summary>What a campaign's nudges reached and what followed, from the delivery ledger and the attribution ledger.</summary>
public static class NudgeTally
{
    /// <param name="sent">The campaign's deliveries with status Sent.</param>
    /// <param name="storyIsLive">False for a withdrawn story: it is not counted.</param>
    public static NudgeFigures Count(IReadOnlyCollection<DeliveryFact> sent, IEnumerable<OutcomeFact> outcomes, Func<string, bool> storyIsLive)
    {
        var known = sent.Select(d => d.DeliveryId).ToHashSet(StringComparer.Ordinal);
        int presses = 0, started = 0, pledged = 0, kept = 0;
        var stories = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in outcomes)
        {
            if (!known.Contains(outcome.DeliveryId))
            {
                continue;
            }

            switch (outcome.Kind)
            {
                case OutcomeKind.Press: presses++; break;
                case OutcomeKind.DialogStarted: started++; break;
                case OutcomeKind.PledgeMade: pledged++; break;
                case OutcomeKind.PledgeKept: kept++; break;
                case OutcomeKind.StorySubmitted when storyIsLive(outcome.Subject): stories.Add(outcome.Subject); break;
            }
        }

        return new NudgeFigures(
            sent.Select(d => d.ChannelId).Distinct(StringComparer.Ordinal).Count(),
            sent.Count,
            presses,
            started,
            stories.Count,
            pledged,
            kept);
    }
}
