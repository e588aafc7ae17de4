using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Storybook;

/// <param name="Status">Worded for the culture, e.g. "Published in the storybook".</param>
/// <param name="SubmittedAt">When it was shared, already in the teller's own time: two stories of one day differ by the time.</param>
public sealed record MyStoryItem(string StoryId, string Title, string Status, DateTime SubmittedAt, bool CanEdit, bool CanWithdraw);

public sealed record MyStoriesView(IReadOnlyList<MyStoryItem> Stories, int Page = 1, bool HasPrevious = false, bool HasNext = false);

public sealed record WithdrawConfirmView(string StoryId, string Title);

public static class MyStoriesCard
{
    public const int MaxStoriesPerPage = 10;
    private const int TitleLimit = 120;

    public static AdaptiveCard Build(MyStoriesView view, CultureInfo culture)
    {
        if (view.Stories.Count > MaxStoriesPerPage)
        {
            throw new ArgumentException($"My stories shows at most {MaxStoriesPerPage} stories a page.", nameof(view));
        }

        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Heading(t["MyStories_Heading"]) };
            if (view.Stories.Count == 0)
            {
                body.Add(Para(t["MyStories_Empty"]));
            }

            foreach (var story in view.Stories)
            {
                var buttons = new List<CardAction> { CardActions.Submit(t["Action_View"], ActionNames.StoryView, (ActionKeys.StoryId, story.StoryId)) };
                if (story.CanEdit)
                {
                    buttons.Add(CardActions.Submit(t["Action_Edit"], ActionNames.StoryEditOwn, (ActionKeys.StoryId, story.StoryId)));
                }

                if (story.CanWithdraw)
                {
                    buttons.Add(CardActions.Submit(t["Action_Withdraw"], ActionNames.StoryWithdraw, (ActionKeys.StoryId, story.StoryId)));
                }

                body.Add(new Container(
                [
                    new RichTextBlock([UntrustedText.Run(string.IsNullOrWhiteSpace(story.Title) ? t["Story_Untitled"] : story.Title, budget.Chars(TitleLimit)) with { Weight = TextWeight.Bolder }]),
                    Subtle(story.Status + " · " + t.Format("MyStories_SubmittedAt", story.SubmittedAt)) with { Spacing = Spacing.None },
                    new ActionSet(buttons),
                ])
                {
                    Separator = true,
                    Spacing = Spacing.Medium,
                });
            }

            var actions = new List<CardAction>();
            if (view.HasPrevious)
            {
                actions.Add(CardActions.Submit(t["Action_Previous"], ActionNames.MyStories, (ActionKeys.Page, (view.Page - 1).ToString(CultureInfo.InvariantCulture))));
            }

            if (view.HasNext)
            {
                actions.Add(CardActions.Submit(t["Action_Next"], ActionNames.MyStories, (ActionKeys.Page, (view.Page + 1).ToString(CultureInfo.InvariantCulture))));
            }

            actions.Add(CardActions.Submit(t["Action_ShareStory"], ActionNames.StoryStart));
            actions.Add(CardActions.Submit(t["Action_Storybook"], ActionNames.StorybookBrowse));
            return new AdaptiveCard { Body = body, Actions = actions, MsTeams = FullWidth, FallbackText = t["MyStories_Heading"] };
        });
    }
}

public static class WithdrawConfirmCard
{
    private const int TitleLimit = 120;

    public static AdaptiveCard Build(WithdrawConfirmView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget => new AdaptiveCard
        {
            Body =
            [
                Heading(t["Withdraw_Heading"]),
                new RichTextBlock([UntrustedText.Run(string.IsNullOrWhiteSpace(view.Title) ? t["Story_Untitled"] : view.Title, budget.Chars(TitleLimit)) with { Weight = TextWeight.Bolder }]),
                Para(t["Withdraw_Text"]),
            ],
            Actions =
            [
                CardActions.Submit(t["Action_WithdrawConfirm"], ActionNames.StoryWithdrawConfirm, (ActionKeys.StoryId, view.StoryId)) with { Style = ActionStyle.Destructive },
                CardActions.Submit(t["Action_WithdrawKeep"], ActionNames.StoryWithdrawCancel, (ActionKeys.StoryId, view.StoryId)),
            ],
            FallbackText = t["Withdraw_Heading"],
        });
    }
}
