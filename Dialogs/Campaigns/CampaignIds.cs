namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>
/// How a campaign's id is made from its name, so a name typed in a command finds the campaign whose id was made
/// from it. Ids are short and name-safe: they appear in blob names, delivery ids and card data.
/// </summary>
public static class CampaignIds
{
    public const int MaxLength = 40;

    public static bool IsValid(string? id) =>
        id is { Length: >= 1 and <= MaxLength } && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && id[0] != '-';

    /// <summary>"Spring 2026 #infostory" becomes "spring-2026-infostory".</summary>
    public static string FromName(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        slug = slug.Length > MaxLength ? slug[..MaxLength].TrimEnd('-') : slug;
        return slug.Length == 0 ? "campaign" : slug;
    }
}
