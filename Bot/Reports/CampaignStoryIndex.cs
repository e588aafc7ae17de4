using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Dialogs.Reports;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Reports;

/// <summary>
/// A campaign's stories as the storybook index names them, read by listing only: every name under
/// "storybook/campaign/{campaign}/{status}/" carries the story id (and so its creation time), its pillars, elements
/// and kind in the mask (see <see cref="StorybookIndex"/>). No story is opened, so a report over 100,000 stories is
/// a few dozen listing calls, and a withdrawn story, whose entries go with it, is simply not there.
/// </summary>
internal sealed class CampaignStoryIndex(IBlobStore store)
{
    private const int PageSize = 5000;

    // The mask is 12 bits; decoding it through StorybookIndex.MaskMatches (rather than its bit layout) keeps this
    // right if the layout changes, and a table makes it free per entry.
    private static readonly Lazy<(int Pillars, int Elements, StoryKind Kind)[]> Masks = new(BuildMasks);

    /// <summary>Each story of the campaign with one of <paramref name="statuses"/>, newest first within a status.</summary>
    public async IAsyncEnumerable<(string StoryId, StoryFact Fact)> ReadAsync(
        string campaignId,
        IReadOnlyList<StoryStatus> statuses,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var masks = Masks.Value;
        foreach (var status in statuses)
        {
            var prefix = StorybookIndex.PrefixFor(new StoryQuery { Status = status, CampaignId = campaignId });
            string? continuation = null;
            do
            {
                var page = await store.ListAsync(prefix, PageSize, continuation, cancellationToken);
                foreach (var name in page.Names)
                {
                    if (StorybookIndex.Parse(name) is not { } entry || entry.Mask is < 0 or >= 4096)
                    {
                        continue;
                    }

                    var (pillars, elements, kind) = masks[entry.Mask];
                    yield return (entry.StoryId, new StoryFact(StoryIds.CreatedAt(entry.StoryId), status, kind, pillars, elements));
                }

                continuation = page.Continuation;
            }
            while (continuation is not null);
        }
    }

    private static (int, int, StoryKind)[] BuildMasks()
    {
        var table = new (int, int, StoryKind)[4096];
        for (var mask = 0; mask < table.Length; mask++)
        {
            var pillars = Enum.GetValues<Pillar>().Where(p => StorybookIndex.MaskMatches(new StoryQuery { Pillar = p }, mask)).Aggregate(0, (set, p) => set | (1 << (int)p));
            var elements = Enum.GetValues<PartnershipElement>().Where(e => StorybookIndex.MaskMatches(new StoryQuery { Element = e }, mask)).Aggregate(0, (set, e) => set | (1 << (int)e));
            var kind = StorybookIndex.MaskMatches(new StoryQuery { Kind = StoryKind.Barrier }, mask) ? StoryKind.Barrier : StoryKind.Success;
            table[mask] = (pillars, elements, kind);
        }

        return table;
    }
}
