using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>One story of the day shown in a channel.</summary>
public sealed record FeaturedStory(string StoryId, string DeliveryId, DateTimeOffset At);

/// <summary>The story-of-the-day history of one channel in one campaign, oldest first.</summary>
public sealed record FeaturedHistory
{
    public IReadOnlyList<FeaturedStory> Stories { get; init; } = [];
}

/// <summary>
/// Which stories each channel has been shown as story of the day, per campaign and channel, so the rotation
/// (Dialogs/Nudges/StoryRotation) shows every story before repeating one. Written after the post went out.
/// </summary>
public interface IFeaturedStories
{
    Task<IReadOnlyList<FeaturedStory>> GetAsync(string campaignId, string channelId, CancellationToken cancellationToken);

    /// <summary>Adds the story for this delivery, once (a second add for the same delivery changes nothing).</summary>
    Task AddAsync(string campaignId, string channelId, FeaturedStory story, CancellationToken cancellationToken);
}

/// <summary>"nudges/featured/{campaign id}/{channel key}.json", written conditionally on its ETag.</summary>
internal sealed class FeaturedStoryStore(IBlobStore store) : IFeaturedStories
{
    private const int MaxAttempts = 5;

    public async Task<IReadOnlyList<FeaturedStory>> GetAsync(string campaignId, string channelId, CancellationToken cancellationToken)
    {
        var name = Name(campaignId, channelId);
        var blob = await store.ReadAsync(name, cancellationToken);
        return blob is null ? [] : StorageJson.Deserialize<FeaturedHistory>(blob, name).Stories;
    }

    public async Task AddAsync(string campaignId, string channelId, FeaturedStory story, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(story);
        var name = Name(campaignId, channelId);
        for (var attempt = 1; ; attempt++)
        {
            var blob = await store.ReadAsync(name, cancellationToken);
            var history = blob is null ? new FeaturedHistory() : StorageJson.Deserialize<FeaturedHistory>(blob, name);
            if (history.Stories.Any(s => s.DeliveryId == story.DeliveryId))
            {
                return;
            }

            var updated = history with { Stories = [.. history.Stories, story] };
            try
            {
                await store.WriteAsync(name, StorageJson.Serialize(updated), WriteCondition.FromETag(blob?.ETag), cancellationToken);
                return;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // A post of another slot for the same channel wrote first: add ours to theirs.
            }
        }
    }

    private static string Name(string campaignId, string channelId)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        return $"nudges/featured/{BlobNames.EncodeKey(campaignId)}/{BlobNames.EncodeKey(channelId)}.json";
    }
}
