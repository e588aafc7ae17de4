using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Moderation;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Moderation;

/// <summary>The ids of the stories an admin was last shown, in the order shown: number 2 is the second.</summary>
public sealed record PendingNumbers(IReadOnlyList<string> StoryIds);

/// <summary>
/// The stories waiting for the campaign team, newest sent first. What an admin was shown is kept in their
/// conversation (<see cref="NumbersSlot"/>), so "stories approve 2" means the second story they saw, even if another
/// story has arrived since.
/// </summary>
public sealed class ModerationQueue(IStoryStore stories, ICampaignStore campaigns)
{
    /// <summary>How many waiting stories are read to order and count them (one page of the index).</summary>
    public const int ScanLimit = StoryQuery.MaxPageSize;

    internal static readonly ConversationSlot<PendingNumbers> NumbersSlot = new("moderation.numbers");

    /// <summary>The queue card's view, numbering its stories for this conversation.</summary>
    public async Task<ModerationQueueView> ViewAsync(TurnContext turn, string? notice, CancellationToken cancellationToken)
    {
        var page = await stories.ListAsync(new StoryQuery { Status = StoryStatus.Submitted, PageSize = ScanLimit }, null, cancellationToken);
        var ordered = ModerationViews.Order(page.Stories.Select(s => s.Value));
        var shown = ordered.Take(ModerationViews.QueueSize).ToList();
        var names = (await campaigns.ListAsync(cancellationToken)).ToDictionary(c => c.Value.Id, c => c.Value.Name, StringComparer.Ordinal);
        var views = shown.Select((story, i) => ModerationViews.Pending(
            i + 1,
            story,
            PersonTime.Local(story.SubmittedAt ?? story.CreatedAt, turn.Activity),
            story.CampaignId is { } id ? names.GetValueOrDefault(id) : null,
            turn.Culture)).ToList();
        turn.State = turn.State.With(NumbersSlot, new PendingNumbers([.. shown.Select(s => s.Id)]));
        return new ModerationQueueView(views, ordered.Count, page.Continuation is not null, ModerationViews.QueueCommand, ModerationViews.PanelCommand, notice);
    }

    /// <summary>One waiting story in full, for "Read it all".</summary>
    public async Task<ModerationStoryView> StoryViewAsync(TurnContext turn, Story story, CancellationToken cancellationToken)
    {
        var number = turn.State.Get(NumbersSlot)?.StoryIds.ToList().IndexOf(story.Id) is >= 0 and var at ? at + 1 : 0;
        var pending = ModerationViews.Pending(number, story, PersonTime.Local(story.SubmittedAt ?? story.CreatedAt, turn.Activity), await CampaignNameAsync(story, cancellationToken), turn.Culture);
        return new ModerationStoryView(pending, ModerationViews.QueueCommand);
    }

    /// <summary>The story an admin named, by id or by its number in what they were shown; or why there is none.</summary>
    public async Task<(Versioned<Story>? Story, string? Problem)> ResolveAsync(TurnContext turn, StoryRef reference, CancellationToken cancellationToken)
    {
        string id;
        switch (reference)
        {
            case StoryRef.ById byId:
                id = byId.Id;
                break;
            case StoryRef.ByNumber byNumber:
                var listed = turn.State.Get(NumbersSlot)?.StoryIds ?? [];
                if (byNumber.Number < 1 || byNumber.Number > listed.Count)
                {
                    return (null, ModerationText.NoSuchNumber(byNumber.Number, listed.Count, turn.Culture));
                }

                id = listed[byNumber.Number - 1];
                break;
            default:
                return (null, ModerationText.Gone(turn.Culture));
        }

        var stored = await stories.GetAsync(id, cancellationToken);
        return stored is null ? (null, ModerationText.Gone(turn.Culture)) : (stored, null);
    }

    public async Task<string?> CampaignNameAsync(Story story, CancellationToken cancellationToken) =>
        story.CampaignId is { } id ? (await campaigns.GetAsync(id, cancellationToken))?.Value.Name : null;
}
