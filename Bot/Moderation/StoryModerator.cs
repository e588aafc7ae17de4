using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Moderation;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Moderation;

/// <summary>
/// Carries out one moderation decision: finds the story the admin named, applies the rules (Dialogs/Moderation) and
/// stores the result conditionally on the ETag it was read with. Two admins deciding on one story at once: exactly one
/// write succeeds, and the other admin is told, from the story as it now is, who did what and when. The storybook
/// index moves with the story (IStoryStore.UpdateAsync), so an approved, consented story is in the storybook at once.
/// </summary>
public sealed partial class StoryModerator(
    ModerationQueue queue,
    IStoryStore stories,
    AdminTeam team,
    ILogger<StoryModerator> log)
{
    public async Task DecideAsync(AdminContext context, StoryRef reference, ModerationAction action, string? reason, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var (stored, problem) = await queue.ResolveAsync(turn, reference, cancellationToken);
        if (stored is null)
        {
            await AnswerAsync(context, problem!, problem!, cancellationToken);
            return;
        }

        var moderator = new Moderator(context.ActorId, context.Now, turn.Activity.Id);
        switch (StoryModeration.Decide(stored.Value, action, moderator, reason))
        {
            case ModerationDecision.Refused refused:
                var by = await DecidedByAsync(context, stored.Value, cancellationToken);
                await AnswerAsync(context,
                    ModerationText.Refused(refused.Reason, stored.Value, by, context.Culture),
                    ModerationText.Refused(refused.Reason, stored.Value, by, context.Culture, markdown: false),
                    cancellationToken);
                return;

            case ModerationDecision.Repeated repeated:
                // This turn is being run again after losing a state race: its decision (and its audit entry) stand;
                // the teller's notice, queued after the save, was not sent, so it is queued again.
                await FinishAsync(context, action, repeated.Story, cancellationToken);
                return;

            case ModerationDecision.Changed changed:
                try
                {
                    await stories.UpdateAsync(changed.Story, stored.ETag, cancellationToken);
                }
                catch (ConcurrencyConflictException)
                {
                    await OvertakenAsync(context, stored.Value.Id, action, cancellationToken);
                    return;
                }

                LogDecided(log, changed.Story.Id, action, changed.Before, changed.After);
                context.Audit("story." + action.ToString().ToLowerInvariant(), changed.Story.Id, $"{changed.Before} → {changed.After}");
                await FinishAsync(context, action, changed.Story, cancellationToken);
                return;
        }
    }

    /// <summary>Someone else changed the story between our read and our write: say what it is now.</summary>
    private async Task OvertakenAsync(AdminContext context, string storyId, ModerationAction action, CancellationToken cancellationToken)
    {
        LogOvertaken(log, storyId, action);
        var current = await stories.GetAsync(storyId, cancellationToken);
        if (current is null)
        {
            var gone = ModerationText.Gone(context.Culture);
            await AnswerAsync(context, gone, gone, cancellationToken);
            return;
        }

        var by = await DecidedByAsync(context, current.Value, cancellationToken);
        await AnswerAsync(context,
            ModerationText.Overtaken(action, current.Value, by, context.Culture),
            ModerationText.Overtaken(action, current.Value, by, context.Culture, markdown: false),
            cancellationToken);
    }

    private async Task FinishAsync(AdminContext context, ModerationAction action, Story decided, CancellationToken cancellationToken)
    {
        if (ModerationViews.Notice(action, decided, await queue.CampaignNameAsync(decided, cancellationToken)) is { } notice)
        {
            var tellerName = decided.Content.Attribution == Attribution.Named ? decided.Teller.DisplayName : null;
            TellerNotices.AfterTurn(context.Turn, decided.Teller, TellerNotices.KeyFor(decided, action), TellerNoticeCard.Build(notice, context.Culture),
                ModerationText.Unreachable(tellerName, context.Culture));
        }

        await AnswerAsync(context,
            ModerationText.Done(action, decided, context.Culture),
            ModerationText.Done(action, decided, context.Culture, markdown: false),
            cancellationToken);
    }

    /// <summary>
    /// A press on a queue card updates that card in place (the queue again, with what happened at its top); a typed
    /// command is answered with a line, and the numbers the admin saw stay as they were.
    /// </summary>
    private async Task AnswerAsync(AdminContext context, string markdown, string plain, CancellationToken cancellationToken)
    {
        if (context.Turn.IsInvoke)
        {
            context.Show(ModerationQueueCard.Build(await queue.ViewAsync(context.Turn, plain, cancellationToken), context.Culture));
            return;
        }

        context.Reply(markdown);
    }

    private async Task<DecidedBy?> DecidedByAsync(AdminContext context, Story story, CancellationToken cancellationToken)
    {
        if (story.ModeratedBy is not { } by || story.ModeratedAt is not { } at)
        {
            return null;
        }

        var activity = context.Turn.Activity;
        var isYou = string.Equals(by, context.ActorId, StringComparison.OrdinalIgnoreCase);
        return new DecidedBy(
            isYou ? null : await team.NameOfAsync(by, cancellationToken),
            isYou,
            PersonTime.Local(at, activity),
            PersonTime.Local(context.Now, activity));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId}: {Action}, {Before} → {After}")]
    private static partial void LogDecided(ILogger logger, string storyId, ModerationAction action, string before, string after);

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId}: {Action} lost the race to another change; the admin was told")]
    private static partial void LogOvertaken(ILogger logger, string storyId, ModerationAction action);
}
