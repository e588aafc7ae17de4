using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Nudges;

/// <summary>Which story is story of the day in a channel, and how it was picked.</summary>
/// <param name="TimesShownBefore">How often this story had been featured in the channel before (0 on its first turn).</param>
/// <param name="Pillar">The pillar whose turn it was; null when the story has no pillar.</param>
/// <param name="PillarFeaturedBefore">How many featured stories touched that pillar in this channel before.</param>
/// <param name="Publishable">Approved, consented stories to choose from.</param>
/// <param name="WaitingTheirTurn">Stories not yet featured in this round, this one included.</param>
public sealed record StoryPick(
    StoryCandidate Story,
    int TimesShownBefore,
    Pillar? Pillar,
    int PillarFeaturedBefore,
    int Publishable,
    int WaitingTheirTurn);

/// <summary>
/// Story of the day, per channel. Two rules, in this order: a story is not shown again until every other
/// publishable story has had as many turns (so new stories go to the front); among the stories whose turn it
/// is, the pillar featured least in this channel goes first, so Culture, Information governance and Technology
/// take turns. Ties are broken by a stable hash of the seed, never by chance.
/// </summary>
public static class StoryRotation
{
    public static StoryPick? Pick(IReadOnlyList<StoryCandidate> candidates, IReadOnlyList<string> featuredInChannel, int seed = 0)
    {
        // Only approved stories whose tellers consented; a withdrawn story is not a candidate at all.
        var publishable = candidates.Where(c => c.IsPublishable).DistinctBy(c => c.StoryId, StringComparer.Ordinal).ToList();
        if (publishable.Count == 0)
        {
            return null;
        }

        var byId = publishable.ToDictionary(c => c.StoryId, StringComparer.Ordinal);
        var shown = publishable.ToDictionary(c => c.StoryId, _ => 0, StringComparer.Ordinal);
        var pillarCredit = Enum.GetValues<Pillar>().ToDictionary(p => p, _ => 0);
        foreach (var id in featuredInChannel)
        {
            // Stories no longer publishable have left the rotation, and their pillars with them.
            if (byId.TryGetValue(id, out var story))
            {
                shown[id]++;
                foreach (var pillar in story.Pillars.Distinct())
                {
                    pillarCredit[pillar]++;
                }
            }
        }

        var fewestTurns = shown.Values.Min();
        var due = publishable.Where(c => shown[c.StoryId] == fewestTurns).ToList();

        var round = featuredInChannel.Count;
        var pillarsDue = Enum.GetValues<Pillar>()
            .Where(p => due.Any(c => c.Pillars.Contains(p)))
            .OrderBy(p => pillarCredit[p])
            .ThenBy(p => StableHash.Of(seed, round, p))
            .ToList();

        if (pillarsDue.Count == 0)
        {
            var untagged = due.OrderBy(c => StableHash.Of(seed, c.StoryId)).First();
            return new StoryPick(untagged, fewestTurns, null, 0, publishable.Count, due.Count);
        }

        var turn = pillarsDue[0];

        // Within the pillar, prefer a story whose other pillars are also behind, so multi-pillar stories
        // do not pull one pillar ahead.
        var chosen = due
            .Where(c => c.Pillars.Contains(turn))
            .OrderBy(c => c.Pillars.Distinct().Sum(p => pillarCredit[p]))
            .ThenBy(c => StableHash.Of(seed, c.StoryId))
            .First();

        return new StoryPick(chosen, fewestTurns, turn, pillarCredit[turn], publishable.Count, due.Count);
    }
}
