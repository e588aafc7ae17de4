using System.Globalization;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Exports;

/// <summary>
/// A story as an export may show it: what the teller told and the credit they chose, nothing else. Anonymous
/// carries no name, role or organisation; role only carries no name; the teller's ids never appear.
/// </summary>
public sealed record StoryExport
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string WhatHappened { get; init; }
    public required IReadOnlyList<string> WhoWasInvolved { get; init; }
    public required string InformationShared { get; init; }
    public required string DifferenceMade { get; init; }
    public required IReadOnlyList<Pillar> Pillars { get; init; }
    public required IReadOnlyList<PartnershipElement> Elements { get; init; }
    public required StoryKind Kind { get; init; }
    public required Attribution Attribution { get; init; }
    public string? TellerName { get; init; }
    public string? TellerRole { get; init; }
    public string? TellerOrganisation { get; init; }
    public bool Featured { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>Ids only: story text never reaches a log.</summary>
    public override string ToString() => $"StoryExport {Id}";
}

public static class StoryExports
{
    /// <summary>
    /// The story as <paramref name="campaignId"/>'s export shows it, or null when it must not be exported: not
    /// approved, no consent to publish, another campaign's, or withdrawn. Checked on the story itself, whatever
    /// the index said.
    /// </summary>
    public static StoryExport? From(Story story, string campaignId)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (story.Status != StoryStatus.Approved || !story.Content.ConsentToPublish || !string.Equals(story.CampaignId, campaignId, StringComparison.Ordinal))
        {
            return null;
        }

        var content = story.Content;
        var attribution = content.Attribution;
        return new StoryExport
        {
            Id = story.Id,
            Title = content.Title,
            WhatHappened = content.WhatHappened,
            WhoWasInvolved = content.WhoWasInvolved,
            InformationShared = content.InformationShared,
            DifferenceMade = content.DifferenceMade,
            Pillars = content.Pillars.Distinct().ToList(),
            Elements = content.Elements.Distinct().ToList(),
            Kind = content.Kind,
            Attribution = attribution,
            TellerName = attribution == Attribution.Named ? Blank(content.TellerName) : null,
            TellerRole = attribution is Attribution.Named or Attribution.RoleOnly ? Blank(content.TellerRole) : null,
            TellerOrganisation = attribution is Attribution.Named or Attribution.RoleOnly ? Blank(content.TellerOrganisation) : null,
            Featured = story.Featured,
            CreatedAt = story.CreatedAt,
            SubmittedAt = story.SubmittedAt,
            ApprovedAt = story.ModeratedAt,
        };
    }

    /// <summary>The file name an export gets: "spring-2026-storybook-2026-03-14.csv" (campaign ids are already name-safe).</summary>
    public static string FileName(string campaignId, string extension, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{campaignId}-storybook-{date:yyyy-MM-dd}.{extension}");

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
