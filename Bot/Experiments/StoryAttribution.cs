using InfoStoryBot.Bot.StoryCapture;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Experiments;

/// <summary>
/// A story submitted from a nudge (its <see cref="Story.Origin"/> is the delivery whose button started it) counts for
/// that delivery, and so for its variant, when its teller pressed the nudge within the attribution window. The ledger
/// is idempotent, so a turn run again counts the story once.
/// </summary>
internal sealed partial class StoryAttribution(IAttributionLedger attribution, ILogger<StoryAttribution> log) : IStorySubmitted
{
    public async Task SubmittedAsync(Story story, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(story);
        if (story.Origin is not { } origin)
        {
            return;
        }

        var recorded = await attribution.RecordStorySubmittedAsync(origin, story.Id, story.Teller.AadObjectId, story.SubmittedAt ?? story.CreatedAt, cancellationToken);
        LogRecorded(log, story.Id, origin.DeliveryId, recorded);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} from delivery {DeliveryId}: {Recording}")]
    private static partial void LogRecorded(ILogger logger, string storyId, string deliveryId, OutcomeRecording recording);
}
