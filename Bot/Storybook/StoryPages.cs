using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Turns;

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

    public async Task<StoryPageResult> ReadAsync(TurnContext turn, string listing, StoryQuery query, int page, CancellationToken cancellationToken)
    {
        page = Math.Max(1, page);
        var trail = turn.State.Storybook is { } known && known.Listing == listing ? known : new PageTrail(listing, [null]);
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

        turn.State = turn.State with { Storybook = trail with { PageStarts = starts.Take(PageTrail.MaxPages).ToList() } };
        return new StoryPageResult(result.Stories, page, result.Continuation is not null);
    }
}
