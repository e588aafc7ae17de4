using System.Security.Cryptography;
using System.Text;

namespace InfoStoryBot.Dialogs.Experiments;

/// <summary>
/// Deals channels to variants at random, stably and balanced. "At random" comes from the experiment's seed (random
/// bytes Bot picks once and stores with the experiment); everything here is a pure function of the seed, so the
/// same experiment always deals the same way, and the result is stored anyway so nothing depends on this code
/// never changing.
/// </summary>
/// <remarks>
/// Balance: the channels are shuffled (ordered by SHA-256 of seed and channel id) and dealt round-robin to the
/// variants in a seeded order, so the counts differ by at most one and which variants get the extra channel is
/// random too. A channel that joins later goes to a variant with the fewest channels (ties broken by the same kind
/// of hash), which keeps that bound.
/// </remarks>
public static class ExperimentAssignment
{
    public static IReadOnlyList<ChannelAssignment> Deal(IReadOnlyList<string> channelIds, IReadOnlyList<string> letters, string seed)
    {
        ArgumentNullException.ThrowIfNull(channelIds);
        ArgumentOutOfRangeException.ThrowIfZero(letters.Count);
        var order = letters.OrderBy(l => Hash(seed, "variant", l), StringComparer.Ordinal).ToList();
        return channelIds.Distinct(StringComparer.Ordinal)
            .OrderBy(c => Hash(seed, "channel", c), StringComparer.Ordinal)
            .ThenBy(c => c, StringComparer.Ordinal)
            .Select((channel, i) => new ChannelAssignment(channel, order[i % order.Count]))
            .ToList();
    }

    /// <summary>The variant for a channel the experiment has not dealt yet: one with the fewest channels so far.</summary>
    public static string ForNewChannel(IReadOnlyList<ChannelAssignment> existing, IReadOnlyList<string> letters, string channelId, string seed)
    {
        ArgumentOutOfRangeException.ThrowIfZero(letters.Count);
        var counts = letters.ToDictionary(l => l, l => existing.Count(a => a.Letter == l), StringComparer.Ordinal);
        var fewest = counts.Values.Min();
        return letters.Where(l => counts[l] == fewest)
            .OrderBy(l => Hash(seed, "late", channelId, l), StringComparer.Ordinal)
            .First();
    }

    private static string Hash(string seed, params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "\n" + string.Join("\n", parts))));
}
