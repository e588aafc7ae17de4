using System.Globalization;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.StoryCapture;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Dialogs.StoryCapture;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Storybook;

/// <summary>
/// A storyteller's own stories: list, view, edit (back through the story dialog's preview) and withdraw
/// (after a confirmation; the story is deleted everywhere). Only ever in the 1:1 chat, and only one's own.
/// </summary>
public sealed partial class MyStoriesHandlers(IStoryStore stories, StoryPages pages, StoryStarter starter, ILogger<MyStoriesHandlers> log)
    : IChatCommand, ICardAction
{
    public IReadOnlyList<string> Actions { get; } =
    [
        ActionNames.MyStories, ActionNames.StoryView, ActionNames.StoryEditOwn,
        ActionNames.StoryWithdraw, ActionNames.StoryWithdrawConfirm, ActionNames.StoryWithdrawCancel,
    ];

    public IReadOnlyList<string> Words { get; } = BotText.Words("Keywords_MyStories");

    public Audience Audience => Audience.Everyone;

    public string? Match(string text) => CommandWords.Match(text, Words) is "" ? "" : null;

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        ListAsync(turn, 1, cancellationToken);

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        if (submit.Action == ActionNames.MyStories)
        {
            var page = int.TryParse(submit.Get(ActionKeys.Page), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 1;
            await ListAsync(turn, page, cancellationToken);
            return null;
        }

        if (!turn.IsPersonal)
        {
            turn.Reply(BotText.Get("Stories_PrivateOnly", turn.Culture));
            return null;
        }

        var storyId = submit.Get(ActionKeys.StoryId);
        var stored = storyId is null ? null : await stories.GetAsync(storyId, cancellationToken);
        if (stored is null || !StorySaver.IsTeller(turn, stored.Value))
        {
            // Someone else's id looks exactly like a missing story: nothing to learn from probing.
            turn.Reply(BotText.Get("Stories_NotFound", turn.Culture));
            return null;
        }

        var story = stored.Value;
        switch (submit.Action)
        {
            case ActionNames.StoryView:
                turn.Show(StoryCard.Build(new StoryCardView(
                    StoryViews.Display(story.Content, turn.Culture),
                    StoryId: story.Id,
                    Status: StoryViews.StatusLabel(story.Status, turn.Culture),
                    ShowOwnerActions: true), turn.Culture));
                break;

            case ActionNames.StoryEditOwn:
                await starter.StartAsync(turn, new StoryDialogStart
                {
                    Existing = story.Content,
                    StoryId = story.Id,
                    TellerName = turn.Activity.From?.Name,
                }, cancellationToken);
                break;

            case ActionNames.StoryWithdraw:
                turn.Show(WithdrawConfirmCard.Build(new WithdrawConfirmView(story.Id, story.Content.Title), turn.Culture));
                break;

            case ActionNames.StoryWithdrawConfirm:
                await stories.WithdrawAsync(story.Id, cancellationToken);
                LogWithdrawn(log, story.Id);
                turn.Reply(BotText.Get("Stories_Withdrawn", turn.Culture));
                break;

            case ActionNames.StoryWithdrawCancel:
                turn.Reply(BotText.Get("Stories_WithdrawKept", turn.Culture));
                break;
        }

        return null;
    }

    private async Task ListAsync(TurnContext turn, int page, CancellationToken cancellationToken)
    {
        if (!turn.IsPersonal)
        {
            turn.Reply(BotText.Get("Stories_PrivateOnly", turn.Culture));
            return;
        }

        var query = new StoryQuery { Status = null, TellerAadObjectId = StorySaver.TellerKey(turn) };
        var result = await pages.ReadAsync(turn, "mine", query, page, cancellationToken);
        if (result.Stories.Count == 0 && result.Page == 1)
        {
            turn.Reply(BotText.Get("Stories_NoneYet", turn.Culture));
        }

        var items = result.Stories.Select(s => new MyStoryItem(
            s.Value.Id,
            s.Value.Content.Title,
            StoryViews.StatusLabel(s.Value.Status, turn.Culture),
            PersonTime.Local(s.Value.SubmittedAt ?? s.Value.CreatedAt, turn.Activity),
            CanEdit: s.Value.Status is StoryStatus.Submitted or StoryStatus.Approved or StoryStatus.Rejected,
            CanWithdraw: true)).ToList();
        turn.Show(MyStoriesCard.Build(new MyStoriesView(items, result.Page, result.Page > 1, result.HasNext), turn.Culture));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Story {StoryId} withdrawn by its teller")]
    private static partial void LogWithdrawn(ILogger logger, string storyId);
}
