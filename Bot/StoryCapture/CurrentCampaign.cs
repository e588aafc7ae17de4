using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Dialogs.Campaigns;

namespace InfoStoryBot.Bot.StoryCapture;

/// <summary>Which campaign a story told now belongs to: a running one whose dates include today, in its own time zone.</summary>
public sealed class CurrentCampaign(ICampaignStore campaigns)
{
    public async Task<string?> IdAtAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var all = await campaigns.ListAsync(cancellationToken);
        return Pick(all.Select(c => c.Value), now)?.Id;
    }

    /// <summary>When several run at once, the one that started last: it is the one people are hearing about.</summary>
    public static Campaign? Pick(IEnumerable<Campaign> campaigns, DateTimeOffset now) =>
        campaigns
            .Where(c => c.State == CampaignState.Running && IsWithinDates(c, now))
            .OrderByDescending(c => c.StartDate)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    // In the campaign's own zone from NodaTime's tz database, so the answer never depends on the host's tzdata.
    private static bool IsWithinDates(Campaign campaign, DateTimeOffset now)
    {
        var today = CampaignCalendar.Today(campaign, now);
        return today >= campaign.StartDate && today <= campaign.EndDate;
    }
}
