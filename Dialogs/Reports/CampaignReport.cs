using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Reports;

/// <summary>
/// One story as a report sees it: what its storybook index entry says, nothing more (no text, no teller). Pillars and
/// elements are bit sets (bit n is the enum value n), so 100,000 of them cost a few megabytes.
/// </summary>
public readonly record struct StoryFact(DateTimeOffset CreatedAt, StoryStatus Status, StoryKind Kind, int Pillars, int Elements)
{
    public bool Has(Pillar pillar) => (Pillars & (1 << (int)pillar)) != 0;

    public bool Has(PartnershipElement element) => (Elements & (1 << (int)element)) != 0;
}

/// <summary>Stories created in one Monday-to-Sunday week of the campaign's zone.</summary>
public sealed record WeekCount(DateOnly Monday, int Successes, int Barriers)
{
    public int Total => Successes + Barriers;
}

/// <summary>One cell of the barrier map: stories tagged with both this element and this pillar.</summary>
public sealed record BarrierMapCell(PartnershipElement Element, Pillar Pillar, int Barriers, int Successes);

/// <summary>What the campaign's nudges reached and what followed them.</summary>
/// <param name="StoriesFollowed">Stories submitted within the attribution window after a press, withdrawn ones left out.</param>
public sealed record NudgeFigures(int ChannelsReached, int Deliveries, int Presses, int StoriesStarted, int StoriesFollowed, int PledgesMade, int PledgesKept);

/// <summary>
/// <c>report &lt;campaign&gt;</c>: the campaign's stories (submitted or approved; drafts and rejected ones are not
/// counted) per week, by pillar, by partnership element, successes against barriers, the barrier map, and the nudges.
/// </summary>
public sealed record CampaignReport
{
    public required string CampaignId { get; init; }
    public required string CampaignName { get; init; }
    public required string TimeZone { get; init; }
    public required DateOnly StartDate { get; init; }
    public required DateOnly EndDate { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }

    public int Stories { get; init; }
    public int Successes { get; init; }
    public int Barriers { get; init; }
    public int Approved { get; init; }
    public int AwaitingModeration { get; init; }

    /// <summary>Every week from the campaign's first (or the first story's, if earlier) to the last, oldest first.</summary>
    public IReadOnlyList<WeekCount> Weeks { get; init; } = [];

    public IReadOnlyList<(Pillar Pillar, int Stories)> ByPillar { get; init; } = [];

    public IReadOnlyList<(PartnershipElement Element, int Stories)> ByElement { get; init; } = [];

    /// <summary>Six elements by three pillars, in enum order (element-major).</summary>
    public IReadOnlyList<BarrierMapCell> BarrierMap { get; init; } = [];

    public NudgeFigures Nudges { get; init; } = new(0, 0, 0, 0, 0, 0, 0);
}
