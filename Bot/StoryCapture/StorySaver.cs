using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Dialogs.StoryCapture;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.StoryCapture;

public enum SaveOutcome
{
    Saved,
    NotFound,
    Conflict,
}

/// <summary>
/// Where a story is saved. A new story is created under the id the dialog was given when it started, so a
/// turn that is run again (after a state race) finds it already there instead of storing it twice.
/// </summary>
/// <summary>
/// Told once a new story is stored (e.g. Nudges: attribute it to the nudge it came from, keep a pledge). Must be
/// idempotent: a turn re-run after a state race tells it again. Its failures are logged and never lose the story.
/// </summary>
public interface IStorySubmitted
{
    Task SubmittedAsync(Story story, CancellationToken cancellationToken);
}

public sealed partial class StorySaver(IStoryStore stories, CurrentCampaign campaigns, IEnumerable<IStorySubmitted> listeners, ILogger<StorySaver> log)
{
    public async Task<SaveOutcome> SaveAsync(TurnContext turn, StoryDialogResult result, CancellationToken cancellationToken)
    {
        return result.IsEdit ? await UpdateAsync(turn, result, cancellationToken) : await CreateAsync(turn, result, cancellationToken);
    }

    private async Task<SaveOutcome> CreateAsync(TurnContext turn, StoryDialogResult result, CancellationToken cancellationToken)
    {
        var id = result.StoryId ?? StoryIdGenerator.New(turn.Now);
        var story = new Story
        {
            Id = id,
            CampaignId = await campaigns.IdAtAsync(turn.Now, cancellationToken),
            Status = StoryStatus.Submitted,
            Content = result.Content,
            Teller = Teller(turn),
            CreatedAt = turn.Now,
            UpdatedAt = turn.Now,
            SubmittedAt = turn.Now,
            Origin = result.Source is { } source ? new StoryOrigin(source.DeliveryId, source.Variant) : null,
            NotPersonalData = Notes(result),
        };
        try
        {
            await stories.CreateAsync(story, cancellationToken);
            LogCreated(log, id, story.CampaignId, story.Origin?.DeliveryId);
        }
        catch (ConcurrencyConflictException)
        {
            // Already stored by an earlier run of this same turn; the listeners are told again (they count once).
            LogAlreadyStored(log, id);
        }

        foreach (var listener in listeners)
        {
            try
            {
                await listener.SubmittedAsync(story, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogListenerFailed(log, e, listener.GetType().Name, id);
            }
        }

        return SaveOutcome.Saved;
    }

    private async Task<SaveOutcome> UpdateAsync(TurnContext turn, StoryDialogResult result, CancellationToken cancellationToken)
    {
        // A moderator may act on the story while its teller edits; the edit wins and goes back to them.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            if (await TryUpdateAsync(turn, result, cancellationToken) is { } outcome)
            {
                return outcome;
            }
        }

        return SaveOutcome.Conflict;
    }

    private async Task<SaveOutcome?> TryUpdateAsync(TurnContext turn, StoryDialogResult result, CancellationToken cancellationToken)
    {
        if (result.StoryId is not { } id || await stories.GetAsync(id, cancellationToken) is not { } stored || !IsTeller(turn, stored.Value))
        {
            return SaveOutcome.NotFound;
        }

        // An edit goes back to the campaign team, whatever they had decided: they approved the old words.
        var updated = stored.Value with
        {
            Content = result.Content,
            Status = StoryStatus.Submitted,
            UpdatedAt = turn.Now,
            SubmittedAt = turn.Now,
            ModeratedAt = null,
            ModeratedBy = null,
            ModerationNote = null,
            ModeratedInActivity = null,
            Featured = false,
            NotPersonalData = Notes(result),
        };
        if (stored.Value.Content == updated.Content && stored.Value.Status == StoryStatus.Submitted)
        {
            return SaveOutcome.Saved;
        }

        try
        {
            await stories.UpdateAsync(updated, stored.ETag, cancellationToken);
            LogEdited(log, id);
            return SaveOutcome.Saved;
        }
        catch (ConcurrencyConflictException)
        {
            return null;
        }
    }

    /// <summary>What the teller said is not personal data, kept with the story for the campaign team's queue.</summary>
    private static IReadOnlyList<PersonalDataNote> Notes(StoryDialogResult result) =>
        [.. result.NotPersonalData.Select(n => new PersonalDataNote(n.Kind, n.Text, n.Field))];

    public static StoryTeller Teller(TurnContext turn) => new(
        TellerKey(turn),
        turn.Activity.From?.Id,
        turn.Activity.From?.Name);

    /// <summary>The Entra object id in Teams; the channel's user id where there is none (the Emulator).</summary>
    public static string TellerKey(TurnContext turn) => turn.UserObjectId ?? turn.Activity.From?.Id ?? "unknown";

    public static bool IsTeller(TurnContext turn, Story story) =>
        string.Equals(story.Teller.AadObjectId, TellerKey(turn), StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} submitted (campaign {CampaignId}, nudge delivery {DeliveryId})")]
    private static partial void LogCreated(ILogger logger, string storyId, string? campaignId, string? deliveryId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} was already stored by an earlier run of this turn")]
    private static partial void LogAlreadyStored(ILogger logger, string storyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Listener} failed on story {StoryId}; the story is stored")]
    private static partial void LogListenerFailed(ILogger logger, Exception exception, string listener, string storyId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} edited; back to moderation")]
    private static partial void LogEdited(ILogger logger, string storyId);
}
