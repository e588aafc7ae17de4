using NodaTime;
using NodaTime.TimeZones;

namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>
/// IANA zones from NodaTime's embedded tz database, never the host's: the same campaign gives the same slots on
/// Windows, on a slim Linux container without tzdata, and on a developer's laptop.
/// </summary>
public static class CampaignZones
{
    private static readonly TzdbDateTimeZoneSource Source = TzdbDateTimeZoneSource.Default;

    private static readonly Lazy<IReadOnlyList<string>> Canonical = new(() =>
        (Source.ZoneLocations?.Select(l => l.ZoneId) ?? Source.GetIds())
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList());

    /// <summary>The tz database release the answers come from, e.g. "2025b".</summary>
    public static string TzdbVersion => Source.TzdbVersion;

    /// <summary>Zones people live in (canonical ids with a location), sorted: the choices for a zone picker.</summary>
    public static IReadOnlyList<string> Ids => Canonical.Value;

    /// <summary>The zone for an IANA id (exact spelling, as the tz database has it), or null.</summary>
    public static DateTimeZone? Find(string? id) =>
        string.IsNullOrWhiteSpace(id) ? null : DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    /// <summary>
    /// Up to <paramref name="max"/> IANA ids someone probably meant: a wrong case ("Europe/london"), an alias
    /// ("US/Eastern"), a Windows name ("GMT Standard Time"), a bare city ("new york") or a small typo.
    /// </summary>
    public static IReadOnlyList<string> Suggest(string? text, int max = 3)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length is 0 or > 64 || max < 1)
        {
            return [];
        }

        var exact = DateTimeZoneProviders.Tzdb.Ids.FirstOrDefault(id => string.Equals(id, typed, StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return [CanonicalOf(exact)];
        }

        var windows = Source.WindowsMapping.PrimaryMapping
            .FirstOrDefault(m => string.Equals(m.Key, typed, StringComparison.OrdinalIgnoreCase)).Value;
        if (windows is not null)
        {
            return [CanonicalOf(windows)];
        }

        var wanted = typed.Replace(' ', '_').ToLowerInvariant();
        var cities = Ids.Where(id => string.Equals(City(id), wanted, StringComparison.Ordinal)).ToList();
        if (cities.Count > 0)
        {
            return cities.Take(max).ToList();
        }

        // A typo: close to the whole id, or to its city when only a city was typed.
        var limit = wanted.Length <= 4 ? 1 : 2;
        return Ids
            .Select(id => (id, distance: Math.Min(Distance(id.ToLowerInvariant(), wanted, limit), Distance(City(id), wanted, limit))))
            .Where(c => c.distance <= limit)
            .OrderBy(c => c.distance)
            .ThenBy(c => c.id, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.id)
            .ToList();
    }

    private static string CanonicalOf(string id) =>
        Source.CanonicalIdMap.TryGetValue(id, out var canonical) ? canonical : id;

    private static string City(string id) => id[(id.LastIndexOf('/') + 1)..].ToLowerInvariant();

    /// <summary>Levenshtein distance, giving up (returning limit + 1) once it must exceed <paramref name="limit"/>.</summary>
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowBest = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowBest = Math.Min(rowBest, current[j]);
            }

            if (rowBest > limit)
            {
                return limit + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
