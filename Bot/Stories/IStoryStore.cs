using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Stories;

/// <summary>Stories and the storybook index over them. See <see cref="StorybookIndex"/> for how listing stays cheap.</summary>
public interface IStoryStore
{
    /// <summary>Stores a new story (its id must be new). Returns its ETag.</summary>
    Task<string> CreateAsync(Story story, CancellationToken cancellationToken);

    /// <summary>Null when there is no such story (including a malformed id).</summary>
    Task<Versioned<Story>?> GetAsync(string storyId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the story conditionally on <paramref name="etag"/> and moves its index entries (status change, edit).
    /// Throws <see cref="ConcurrencyConflictException"/> when someone else changed it first.
    /// </summary>
    Task<string> UpdateAsync(Story story, string etag, CancellationToken cancellationToken);

    /// <summary>Deletes the story and every index entry for it. False when it did not exist.</summary>
    Task<bool> WithdrawAsync(string storyId, CancellationToken cancellationToken);

    /// <summary>A page of stories, newest first, matching <paramref name="query"/>; pass the continuation back for the next.</summary>
    Task<StoryPage> ListAsync(StoryQuery query, string? continuation, CancellationToken cancellationToken);

    /// <summary>Recomputes the index from the stories: adds missing entries, removes stray ones, finishes interrupted withdrawals.</summary>
    Task<IndexRebuildReport> RebuildIndexAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Filters for a storybook page. A status is required except when listing one teller's own stories.
/// </summary>
public sealed record StoryQuery
{
    public const int MaxPageSize = 100;

    public StoryStatus? Status { get; init; } = StoryStatus.Approved;

    public string? CampaignId { get; init; }

    public Pillar? Pillar { get; init; }

    public PartnershipElement? Element { get; init; }

    public StoryKind? Kind { get; init; }

    public bool FeaturedOnly { get; init; }

    /// <summary>Only stories whose teller consented to publication (the storybook shows nothing else).</summary>
    public bool ConsentedOnly { get; init; }

    /// <summary>Entra object id: one teller's own stories, any status unless <see cref="Status"/> is set.</summary>
    public string? TellerAadObjectId { get; init; }

    public int PageSize { get; init; } = 20;

    /// <summary>The storybook: approved, consented stories, of one campaign or all.</summary>
    public static StoryQuery Storybook(string? campaignId = null) =>
        new() { Status = StoryStatus.Approved, ConsentedOnly = true, CampaignId = campaignId };
}

public sealed record StoryPage(IReadOnlyList<Versioned<Story>> Stories, string? Continuation);

public sealed record IndexRebuildReport(int Stories, int EntriesAdded, int EntriesRemoved, int WithdrawalsCompleted);
