using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.StoryCapture;
using InfoStoryBot.Dialogs.Stories;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>
/// What a submitted story means for the nudges: it is attributed to the post it came from (when its teller pressed that
/// post within the attribution window), and it keeps the teller's open pledges, so a reminder still to come is
/// cancelled and the pledge counted as kept. Everything here is idempotent: a re-run turn tells it twice.
/// </summary>
public sealed partial class NudgeStoryOutcomes(
    IAttributionLedger attribution,
    IPledgeStore pledges,
    IOptions<PledgeOptions> options,
    ILogger<NudgeStoryOutcomes> log) : IStorySubmitted
{
    private const int MaxAttempts = 5;

    public async Task SubmittedAsync(Story story, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(story);
        var person = story.Teller.AadObjectId;
        var at = story.SubmittedAt ?? story.CreatedAt;
        if (story.Origin is { } origin)
        {
            await attribution.RecordStorySubmittedAsync(origin, story.Id, person, at, cancellationToken);
        }

        foreach (var pledge in await pledges.ForPersonAsync(person, cancellationToken))
        {
            if (pledge.Value.MadeAt <= at && at - pledge.Value.MadeAt <= options.Value.KeptWithin && (pledge.Value.IsOpen || pledge.Value.StoryId == story.Id))
            {
                await KeepAsync(pledge.Value.Id, story, at, cancellationToken);
            }
        }
    }

    private async Task KeepAsync(string pledgeId, Story story, DateTimeOffset at, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await pledges.GetAsync(pledgeId, cancellationToken);
            if (stored is null)
            {
                return;
            }

            var pledge = stored.Value;
            if (pledge.IsOpen)
            {
                try
                {
                    // Kept before the reminder: UpdateAsync drops the reminder's entry, so it never goes.
                    await pledges.UpdateAsync(pledge with { Status = PledgeStatus.Kept, StoryId = story.Id, ClosedAt = at }, stored.ETag, cancellationToken);
                    LogKept(log, pledge.Id, pledge.Status == PledgeStatus.Open && pledge.RemindAt is not null);
                }
                catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
                {
                    continue; // the reminder went meanwhile (kept all the same), or the time changed: look again
                }
            }
            else if (pledge.StoryId != story.Id)
            {
                return; // kept by another story: counted then
            }

            await attribution.RecordPledgeKeptAsync(pledge.DeliveryId, pledge.Variant, pledge.PersonId, cancellationToken);
            return;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Pledge {PledgeId} kept by a story (reminder cancelled: {ReminderCancelled})")]
    private static partial void LogKept(ILogger logger, string pledgeId, bool reminderCancelled);
}
