using System.Globalization;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Nudges;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>
/// What a campaign's stories say at one moment, read once per slot and shared by every channel of the slot:
/// the facts every channel gets alike. Channel facts (its story-of-the-day history, what it got today) are
/// added per channel by <see cref="INudgeComposer.ComposeAsync"/>.
/// </summary>
/// <param name="Today">The local date the nudge is for (the slot's date, or today for a post sent now).</param>
/// <param name="AtUtc">When the figures were read.</param>
public sealed record CampaignNudgeFacts(Campaign Campaign, DateOnly Today, DateTimeOffset AtUtc, NudgeFacts Shared, NudgePlan Plan);

/// <summary>One channel's nudge: the planner's decision (entry, why, facts used), its card and the activity to post.</summary>
public sealed record ComposedNudge(NudgeDecision Decision, AdaptiveCard Card, Activity Activity, NudgeFacts Facts);

/// <summary>
/// Fills <see cref="NudgeFacts"/> from stored data at send time (only true figures: counts of stored stories,
/// nothing estimated), lets <see cref="NudgePlanner.Choose"/> pick the entry, and builds the card whose buttons
/// carry the delivery id and the variant. Also what <c>nudge preview</c> shows.
/// </summary>
public interface INudgeComposer
{
    /// <summary>The campaign-wide facts for a nudge on <paramref name="localDate"/>, read at <paramref name="nowUtc"/>.</summary>
    Task<CampaignNudgeFacts> CampaignFactsAsync(Campaign campaign, DateOnly localDate, DateTimeOffset nowUtc, CancellationToken cancellationToken);

    /// <summary>
    /// The nudge for one channel. <paramref name="requested"/> is an admin's choice of entry (null: the plan's);
    /// <paramref name="postedToday"/> are the entries the channel already got that day.
    /// </summary>
    Task<ComposedNudge> ComposeAsync(
        CampaignNudgeFacts facts, string channelId, string deliveryId, NudgeKind? requested, IReadOnlyList<NudgeKind> postedToday, CancellationToken cancellationToken);
}

internal sealed class NudgeComposer(
    IStoryStore stories,
    IFeaturedStories featured,
    INudgeVariantProvider variants,
    IOptions<NudgeOptions> options) : INudgeComposer
{
    /// <summary>Enough weeks for any rising norm the settings allow.</summary>
    private const int MaxCompleteWeeks = 52;

    private static CultureInfo Culture => BotText.DefaultCulture;

    public async Task<CampaignNudgeFacts> CampaignFactsAsync(Campaign campaign, DateOnly localDate, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);

        // Stories told in this campaign: submitted (awaiting moderation) and approved. Drafts are not told yet, rejected
        // ones the team decided are not stories of the campaign, withdrawn ones no longer exist.
        var submitted = await AllAsync(new StoryQuery { Status = StoryStatus.Submitted, CampaignId = campaign.Id, PageSize = StoryQuery.MaxPageSize }, cancellationToken);
        var approved = await AllAsync(new StoryQuery { Status = StoryStatus.Approved, CampaignId = campaign.Id, PageSize = StoryQuery.MaxPageSize }, cancellationToken);
        var told = submitted.Concat(approved).Where(s => s.CampaignId == campaign.Id && (s.SubmittedAt ?? s.CreatedAt) <= nowUtc).ToList();

        var week = CampaignCalendar.WeekOf(campaign.TimeZone, localDate);
        var thisWeek = told.Where(s => week.Contains(When(s))).ToList();
        var firstMonday = CampaignCalendar.WeekOf(campaign.TimeZone, campaign.StartDate).Monday;
        var completeWeeks = new List<int>();
        for (var monday = week.Monday.AddDays(-7); monday >= firstMonday && completeWeeks.Count < MaxCompleteWeeks; monday = monday.AddDays(-7))
        {
            var earlier = CampaignCalendar.WeekOf(campaign.TimeZone, monday);
            completeWeeks.Insert(0, told.Count(s => earlier.Contains(When(s))));
        }

        // Only stories the teller consented to publish, and the team approved, can be featured or counted in the storybook.
        var publishable = approved.Where(s => s.Content.ConsentToPublish).ToList();
        var shared = new NudgeFacts
        {
            CampaignName = campaign.Name,
            StartDate = campaign.StartDate,
            EndDate = campaign.EndDate,
            TimeZone = campaign.TimeZone,
            Today = localDate,
            DayNumber = CampaignCalendar.DayNumber(campaign, localDate),
            TotalDays = CampaignCalendar.Length(campaign),
            ThisWeek = new WeekFigures(
                thisWeek.Count,
                thisWeek.Select(s => s.Teller.AadObjectId).Distinct(StringComparer.OrdinalIgnoreCase).Count(),
                thisWeek.Select(s => Normalise(s.Content.TellerOrganisation)).Where(o => o.Length > 0).Distinct(StringComparer.Ordinal).Count()),
            CompleteWeeks = completeWeeks,
            PillarCounts = Enum.GetValues<Pillar>().ToDictionary(p => p, p => told.Count(s => s.Content.Pillars.Contains(p))),
            ElementCounts = Enum.GetValues<PartnershipElement>().ToDictionary(e => e, e => told.Count(s => s.Content.Elements.Contains(e))),
            StoryCandidates = publishable.Select(s => StoryCandidate.From(s.Id, s.Status, s.Content)).ToList(),
            StorybookSize = publishable.Count,
            StoryTarget = campaign.StoryTarget,
        };
        return new CampaignNudgeFacts(campaign, localDate, nowUtc, shared, PlanFor(campaign));
    }

    public async Task<ComposedNudge> ComposeAsync(
        CampaignNudgeFacts facts, string channelId, string deliveryId, NudgeKind? requested, IReadOnlyList<NudgeKind> postedToday, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        var history = await featured.GetAsync(facts.Campaign.Id, channelId, cancellationToken);
        var channelFacts = facts.Shared with
        {
            FeaturedInChannel = history.Select(h => h.StoryId).ToList(),
            PostedTodayInChannel = postedToday,
            Seed = StableSeed(channelId),
        };
        var settings = options.Value.Settings();
        var decision = NudgePlanner.Choose(channelFacts, facts.Plan, settings, Culture, requested);

        // The variant depends on the entry chosen, so ask for it once the entry is known.
        if (await variants.VariantForAsync(facts.Campaign, channelId, decision.Kind, cancellationToken) is { } variant)
        {
            decision = NudgePlanner.Choose(channelFacts, facts.Plan, settings, Culture, requested, variant);
        }

        var card = NudgeCards.Build(decision.View, decision.Delivery(deliveryId), Culture);
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Summary = card.FallbackText,
            Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = CardJson.ToJsonElement(card) }],
        };
        return new ComposedNudge(decision, card, activity, channelFacts);
    }

    /// <summary>The default plan, with the entries the team pinned to dates of this campaign.</summary>
    internal static NudgePlan PlanFor(Campaign campaign)
    {
        if (campaign.PlannedNudges.Count == 0)
        {
            return NudgePlan.Default;
        }

        var days = new Dictionary<int, NudgeKind>(NudgePlan.Default.Days);
        foreach (var pinned in campaign.PlannedNudges)
        {
            if (NudgeCatalogue.TryFind(pinned.EntryId, out var entry) && CampaignCalendar.IsWithinDates(campaign, pinned.Date))
            {
                days[CampaignCalendar.DayNumber(campaign, pinned.Date)] = entry.Kind;
            }
        }

        return NudgePlan.Default with { Days = days };
    }

    /// <summary>A stable number per channel (FNV-1a of its id) for the planner's tie-breaks: the same channel always gets the same.</summary>
    internal static int StableSeed(string channelId)
    {
        var hash = 2166136261u;
        foreach (var c in channelId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private static DateTimeOffset When(Story story) => story.SubmittedAt ?? story.CreatedAt;

    private static string Normalise(string? organisation) =>
        string.Join(' ', (organisation ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToLowerInvariant();

    private async Task<List<Story>> AllAsync(StoryQuery query, CancellationToken cancellationToken)
    {
        var all = new List<Story>();
        string? continuation = null;
        do
        {
            var page = await stories.ListAsync(query, continuation, cancellationToken);
            all.AddRange(page.Stories.Select(s => s.Value));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        return all;
    }
}

/// <summary>
/// The seam for experiments: which wording variant (if any) a channel gets for an entry. Assignment belongs to the
/// experiments work (stable per channel); until then every channel gets the catalogue's own wording.
/// </summary>
public interface INudgeVariantProvider
{
    Task<NudgeVariant?> VariantForAsync(Campaign campaign, string channelId, NudgeKind entry, CancellationToken cancellationToken);
}

/// <summary>No experiment running: no variant, the catalogue's wording.</summary>
internal sealed class NoNudgeVariants : INudgeVariantProvider
{
    public Task<NudgeVariant?> VariantForAsync(Campaign campaign, string channelId, NudgeKind entry, CancellationToken cancellationToken) =>
        Task.FromResult<NudgeVariant?>(null);
}
