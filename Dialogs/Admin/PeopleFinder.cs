using System.Globalization;
using System.Text;

namespace InfoStoryBot.Dialogs.Admin;

/// <summary>Someone the bot knows from a conversation with them: their Entra object id and their name in Teams.</summary>
public sealed record KnownPerson(string AadObjectId, string Name);

/// <summary>
/// Finds people by what an admin typed (<c>admin add Priya</c>): never by a pasted id, though the buttons that pick one
/// person from several carry the id, and an id typed in full finds exactly that person. Case, accents, curly
/// apostrophes and extra spaces do not matter. A whole name that matches wins over names that only contain the words.
/// </summary>
public static class PeopleFinder
{
    public static IReadOnlyList<KnownPerson> Find(string typed, IEnumerable<KnownPerson> people)
    {
        ArgumentNullException.ThrowIfNull(people);
        var known = people.Where(p => !string.IsNullOrWhiteSpace(p.AadObjectId)).DistinctBy(p => p.AadObjectId.ToLowerInvariant()).ToList();
        var query = (typed ?? "").Trim().TrimStart('@').Trim();
        if (query.Length == 0)
        {
            return [];
        }

        if (Guid.TryParse(query, out var id))
        {
            return known.Where(p => Guid.TryParse(p.AadObjectId, out var other) && other == id).ToList();
        }

        var wanted = Fold(query);
        var words = wanted.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var exact = known.Where(p => Fold(p.Name) == wanted).ToList();
        if (exact.Count > 0)
        {
            return Sorted(exact);
        }

        // "pri sha" finds Priya Shah: every typed word starts a word of the name, or the whole typed text is inside it.
        return Sorted(known.Where(p =>
        {
            var name = Fold(p.Name);
            var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return name.Contains(wanted, StringComparison.Ordinal) || words.All(w => parts.Any(part => part.StartsWith(w, StringComparison.Ordinal)));
        }).ToList());
    }

    /// <summary>Lower case, no accents, straight apostrophes, single spaces.</summary>
    public static string Fold(string? text)
    {
        var decomposed = (text ?? "").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c is '’' or '‘' ? '\'' : char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    private static List<KnownPerson> Sorted(List<KnownPerson> people) =>
        [.. people.OrderBy(p => Fold(p.Name), StringComparer.Ordinal).ThenBy(p => p.AadObjectId, StringComparer.Ordinal)];
}
