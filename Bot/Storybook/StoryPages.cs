using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Storybook;

/// <summary>One page of a story listing, by page number, as the storybook and My stories show them.</summary>
public sealed record StoryPageResult(IReadOnlyList<Versioned<Story>> Stories, int Page, bool HasNext);

/// <summary>
/// Turns the store's continuation tokens into numbered pages. The start of every page seen is kept in
/// the conversation's <see cref="PageTrail"/>, so Next and Previous read one page; only a page the trail
/// does not know (an old card, a very deep page) is reached by walking from the first.
/// </summary>
public sealed class StoryPages(IStoryStore stories)
{
    public const int PageSize = 10;

    /// <summary>Where each page of the listing last seen here starts.</summary>
    internal static readonly ConversationSlot<PageTrail> TrailSlot = new("storybook.trail");

    public async Task<StoryPageResult> ReadAsync(TurnContext turn, string listing, StoryQuery query, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var trail = turn.State.Get(TrailSlot) is { } known && known.Listing == listing ? known : new PageTrail(listing, [null]);
        var starts = trail.PageStarts.ToList();

        // Walk forward from the furthest known start until the wanted page's start is known.
        while (starts.Count < page)
        {
            var skipped = await stories.ListAsync(query with { PageSize = PageSize }, starts[^1], cancellationToken);
            if (skipped.Continuation is null)
            {
                page = starts.Count; // asked past the end: show the last page there is
                break;
            }

            starts.Add(skipped.Continuation);
        }

        var result = await stories.ListAsync(query with { PageSize = PageSize }, starts[page - 1], cancellationToken);
        if (result.Continuation is not null && starts.Count == page && starts.Count < PageTrail.MaxPages)
        {
            starts.Add(result.Continuation);
        }

        turn.State = turn.State.With(TrailSlot, trail with { PageStarts = starts.Take(PageTrail.MaxPages).ToList() });
        return new StoryPageResult(result.Stories, page, result.Continuation is not null);
    }
}

/// <summary>The continuation token at which each page of one listing (one set of filters) starts; page 1 starts at null.</summary>
public sealed record PageTrail(string Listing, IReadOnlyList<string?> PageStarts)
{
    /// <summary>Pages beyond this are reached by walking; the state stays small.</summary>
    public const int MaxPages = 50;
}
