using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Stories;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.IntegrationTests.Exports;

internal static class ExportSamples
{
    public const string CampaignId = "spring-2026";

    /// <summary>A campaign with <paramref name="count"/> approved, consented stories (long enough to need several upload chunks when many), plus one withdrawn and one unconsented.</summary>
    public static async Task<IReadOnlyList<string>> SeedAsync(IServiceProvider services, int count, int textLength = 600)
    {
        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<ICampaignStore>().SaveAsync(new Campaign
        {
            Id = CampaignId,
            Name = "Spring #infostory",
            StartDate = new DateOnly(2026, 3, 2),
            EndDate = new DateOnly(2026, 3, 27),
            CreatedAt = now,
            UpdatedAt = now,
        }, null, CancellationToken.None);

        var stories = services.GetRequiredService<IStoryStore>();
        var ids = new List<string>();
        var body = string.Concat(Enumerable.Repeat("The school and the health visitor met before the review. ", textLength / 56 + 1))[..textLength];
        for (var i = 0; i < count + 2; i++)
        {
            var at = now.AddSeconds(-i);
            var story = new Story
            {
                Id = StoryIdGenerator.New(at),
                CampaignId = CampaignId,
                Status = StoryStatus.Approved,
                Content = new StoryContent
                {
                    Title = i == 0 ? "=1+1 looks like a formula" : $"Story {i}",
                    WhatHappened = body,
                    Pillars = [Pillar.Culture],
                    Elements = [PartnershipElement.Partners],
                    Attribution = Attribution.Anonymous,
                    TellerName = "Sam Jones",
                    ConsentToPublish = i != count + 1,
                },
                Teller = new StoryTeller("5a1f6c2e-1111-4222-8333-444455556666", null, "Sam Jones"),
                CreatedAt = at,
                UpdatedAt = at,
            };
            await stories.CreateAsync(story, CancellationToken.None);
            ids.Add(story.Id);
        }

        await stories.WithdrawAsync(ids[count], CancellationToken.None);
        return ids.Take(count).ToList();
    }
}
