using System.Globalization;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Stories;

/// <summary>
/// The storybook index: empty items whose NAMES carry everything a listing needs to order and filter, so a
/// page is one prefix listing plus reading the page's own stories, never a scan of story blobs.
/// </summary>
/// <remarks>
/// A story lives at "stories/{id}.json". Each story also has these index entries (all with the same leaf):
/// <code>
///   storybook/all/{status}/{leaf}
///   storybook/campaign/{campaign key}/{status}/{leaf}      when it belongs to a campaign
///   storybook/pillar/{pillar}/{status}/{leaf}              one per pillar
///   storybook/element/{element}/{status}/{leaf}            one per partnership element
///   storybook/teller/{teller key}/any/{leaf}               the teller's own list, every status
///   leaf = {t[0..7]}/{t[7..19]}-{story id}-{mask}
///   t    = long.MaxValue - creation ticks, 19 digits      (newest sorts first: listing is ordinal)
///   mask = 3 hex digits: bits 0-2 pillars, 3-8 elements, 9 featured, 10 barrier, 11 consented
/// </code>
/// Listing is ordinal and Azure returns up to 5000 names per call, so "20 newest approved" is one call for 20
/// names under storybook/all/approved/. A query picks the narrowest prefix (teller, then campaign, element,
/// pillar, all) and filters the other dimensions on the mask, still without reading. The "/" after 7 digits
/// (about 28 hours) only matters to the local folder store: it keeps folders small so a listing opens a few
/// small folders instead of one with 100,000 files; Azure treats it as part of a flat name.
///
/// Consistency: the story item is the truth, entries are hints. Writes go story first, then new entries, then
/// removal of stale ones; withdrawal first blanks the story and marks it withdrawn, then deletes the entries,
/// then the story. Readers read each candidate story and drop (and delete) an entry that the current story no
/// longer produces, so a crash between steps can leave a stray entry but never shows a changed or withdrawn
/// story; <see cref="IStoryStore.RebuildIndexAsync"/> recomputes every entry from the stories.
/// </remarks>
public static class StorybookIndex
{
    public const string StoriesPrefix = "stories/";
    public const string IndexPrefix = "storybook/";
    private const string AnyStatus = "any";

    public static string StoryName(string storyId) => StoriesPrefix + storyId + ".json";

    public static string? StoryIdFromName(string name) =>
        name.StartsWith(StoriesPrefix, StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal)
            ? name[StoriesPrefix.Length..^5]
            : null;

    /// <summary>Every index entry the story should have right now (none once withdrawn).</summary>
    public static IReadOnlyList<string> EntriesFor(Story story)
    {
        if (story.Status == StoryStatus.Withdrawn)
        {
            return [];
        }

        var leaf = Leaf(story);
        var status = StatusSegment(story.Status);
        var entries = new List<string>
        {
            $"{IndexPrefix}all/{status}/{leaf}",
            $"{IndexPrefix}teller/{BlobNames.EncodeKey(story.Teller.AadObjectId)}/{AnyStatus}/{leaf}",
        };
        if (story.CampaignId is { Length: > 0 } campaign)
        {
            entries.Add($"{IndexPrefix}campaign/{BlobNames.EncodeKey(campaign)}/{status}/{leaf}");
        }

        entries.AddRange(story.Content.Pillars.Distinct().Select(p => $"{IndexPrefix}pillar/{Segment(p)}/{status}/{leaf}"));
        entries.AddRange(story.Content.Elements.Distinct().Select(e => $"{IndexPrefix}element/{Segment(e)}/{status}/{leaf}"));
        return entries;
    }

    /// <summary>The narrowest prefix that holds every match of the query.</summary>
    public static string PrefixFor(StoryQuery query)
    {
        if (query.TellerAadObjectId is { Length: > 0 } teller)
        {
            return $"{IndexPrefix}teller/{BlobNames.EncodeKey(teller)}/{AnyStatus}/";
        }

        var status = StatusSegment(query.Status ?? throw new ArgumentException("A story query needs a status unless it lists one teller's stories."));
        if (query.CampaignId is { Length: > 0 } campaign)
        {
            return $"{IndexPrefix}campaign/{BlobNames.EncodeKey(campaign)}/{status}/";
        }

        if (query.Element is { } element)
        {
            return $"{IndexPrefix}element/{Segment(element)}/{status}/";
        }

        return query.Pillar is { } pillar ? $"{IndexPrefix}pillar/{Segment(pillar)}/{status}/" : $"{IndexPrefix}all/{status}/";
    }

    /// <summary>Parses an entry name; null for a name that is not an index entry leaf.</summary>
    public static IndexEntry? Parse(string name)
    {
        var lastSlash = name.LastIndexOf('/');
        var leaf = name.AsSpan(lastSlash + 1);
        // {12 digits}-{12 hex}-{8 hex}-{3 hex}
        if (leaf.Length != 12 + 1 + 21 + 1 + 3 || leaf[12] != '-' || leaf[34] != '-')
        {
            return null;
        }

        var id = leaf.Slice(13, 21).ToString();
        if (!StoryIds.IsValid(id) || !int.TryParse(leaf[35..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var mask))
        {
            return null;
        }

        return new IndexEntry(name, id, mask);
    }

    /// <summary>What can be decided from the name alone, before reading the story.</summary>
    public static bool MaskMatches(StoryQuery query, int mask) =>
        (query.Pillar is not { } p || (mask & PillarBit(p)) != 0)
        && (query.Element is not { } e || (mask & ElementBit(e)) != 0)
        && (!query.FeaturedOnly || (mask & FeaturedBit) != 0)
        && (query.Kind is not { } k || ((mask & BarrierBit) != 0) == (k == StoryKind.Barrier))
        && (!query.ConsentedOnly || (mask & ConsentedBit) != 0);

    /// <summary>The final word, on the story itself: guards against stale entries.</summary>
    public static bool StoryMatches(StoryQuery query, Story story) =>
        story.Status != StoryStatus.Withdrawn
        && (query.Status is not { } s || story.Status == s)
        && (query.TellerAadObjectId is not { Length: > 0 } t || story.Teller.AadObjectId == t)
        && (query.CampaignId is not { Length: > 0 } c || story.CampaignId == c)
        && MaskMatches(query, Mask(story));

    internal static int Mask(Story story)
    {
        var mask = 0;
        foreach (var p in story.Content.Pillars)
        {
            mask |= PillarBit(p);
        }

        foreach (var e in story.Content.Elements)
        {
            mask |= ElementBit(e);
        }

        if (story.Featured)
        {
            mask |= FeaturedBit;
        }

        if (story.Content.Kind == StoryKind.Barrier)
        {
            mask |= BarrierBit;
        }

        if (story.Content.ConsentToPublish)
        {
            mask |= ConsentedBit;
        }

        return mask;
    }

    private const int FeaturedBit = 1 << 9;
    private const int BarrierBit = 1 << 10;
    private const int ConsentedBit = 1 << 11;

    private static int PillarBit(Pillar pillar) => 1 << (int)pillar;

    private static int ElementBit(PartnershipElement element) => 1 << (3 + (int)element);

    private static string Leaf(Story story)
    {
        var inverted = (long.MaxValue - StoryIds.CreatedAt(story.Id).UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
        return $"{inverted[..7]}/{inverted[7..]}-{story.Id}-{Mask(story).ToString("x3", CultureInfo.InvariantCulture)}";
    }

    private static string StatusSegment(StoryStatus status) => status.ToString().ToLowerInvariant();

    private static string Segment<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}

public sealed record IndexEntry(string Name, string StoryId, int Mask);
