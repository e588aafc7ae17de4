using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Storybook;

public sealed record StorySummary(string StoryId, string Title, string Excerpt, string KindLabel, StoryTone Tone, Byline Byline, IReadOnlyList<string> PillarLabels);

/// <summary>The filters in force (option values, <see cref="ActionKeys.Any"/> or null for none) and the options to offer.</summary>
public sealed record StorybookFilters(
    IReadOnlyList<ChoiceOption> PillarOptions,
    IReadOnlyList<ChoiceOption> ElementOptions,
    IReadOnlyList<ChoiceOption> CampaignOptions,
    string? Pillar = null,
    string? Element = null,
    string? Campaign = null);

/// <param name="Page">1-based page number.</param>
/// <param name="TotalStories">Shown when known; the index may not count cheaply.</param>
public sealed record StorybookPageView(
    IReadOnlyList<StorySummary> Stories,
    int Page,
    bool HasPrevious,
    bool HasNext,
    StorybookFilters Filters,
    int? TotalStories = null);

public static class StorybookPageCard
{
    public const int MaxStoriesPerPage = 10;
    private const int ExcerptLimit = 280;
    private const int TitleLimit = 120;
    private const int CampaignTitleLimit = 80;

    public static AdaptiveCard Build(StorybookPageView view, CultureInfo culture)
    {
        if (view.Stories.Count > MaxStoriesPerPage)
        {
            throw new ArgumentException($"A storybook page shows at most {MaxStoriesPerPage} stories.", nameof(view));
        }

        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                Heading(t["Storybook_Heading"]),
                Subtle(view.TotalStories is { } total
                    ? t.Format("Storybook_PageOfTotal", view.Page, total)
                    : t.Format("Storybook_Page", view.Page)),
            };

            if (view.Stories.Count == 0)
            {
                body.Add(Para(t["Storybook_Empty"]));
            }

            foreach (var story in view.Stories)
            {
                body.Add(new Container(
                [
                    new RichTextBlock([UntrustedText.Run(string.IsNullOrWhiteSpace(story.Title) ? t["Story_Untitled"] : story.Title, budget.Chars(TitleLimit)) with { Weight = TextWeight.Bolder, Size = TextSize.Medium }]),
                    new RichTextBlock(StoryBody.BylineRuns(story.Byline, t, budget)) { Spacing = Spacing.None },
                    new TextBlock(story.PillarLabels.Count == 0 ? story.KindLabel : story.KindLabel + " · " + string.Join(", ", story.PillarLabels))
                    {
                        Size = TextSize.Small,
                        Color = story.Tone == StoryTone.Success ? TextColor.Good : TextColor.Warning,
                        Spacing = Spacing.None,
                    },
                    UserText(story.Excerpt, budget.Chars(ExcerptLimit)),
                    new ActionSet([CardActions.Submit(t["Action_ReadStory"], ActionNames.StorybookRead, (ActionKeys.StoryId, story.StoryId))]),
                ])
                {
                    Separator = true,
                    Spacing = Spacing.Medium,
                });
            }

            body.Add(new Container(
            [
                Label(t["Storybook_FiltersHeading"]),
                Filter(ActionKeys.FilterPillar, t["Storybook_FilterPillar"], view.Filters.PillarOptions, view.Filters.Pillar, t, budget),
                Filter(ActionKeys.FilterElement, t["Storybook_FilterElement"], view.Filters.ElementOptions, view.Filters.Element, t, budget),
                Filter(ActionKeys.FilterCampaign, t["Storybook_FilterCampaign"], view.Filters.CampaignOptions, view.Filters.Campaign, t, budget),
                new ActionSet([CardActions.Submit(t["Action_ApplyFilters"], ActionNames.StorybookFilter)]),
            ])
            {
                Separator = true,
                Spacing = Spacing.Large,
            });

            var actions = new List<CardAction>();
            if (view.HasPrevious)
            {
                actions.Add(PageAction(t["Action_Previous"], view.Page - 1, view.Filters));
            }

            if (view.HasNext)
            {
                actions.Add(PageAction(t["Action_Next"], view.Page + 1, view.Filters));
            }

            actions.Add(CardActions.SubmitWithoutInputs(t["Action_ShareYours"], ActionNames.StoryStart));
            return new AdaptiveCard { Body = body, Actions = actions, MsTeams = FullWidth, FallbackText = t["Storybook_Heading"] };
        });
    }

    // Paging keeps the filters in force (in data), not whatever is selected but not yet applied.
    private static SubmitAction PageAction(string title, int page, StorybookFilters filters) =>
        CardActions.SubmitWithoutInputs(title, ActionNames.StorybookPage,
            (ActionKeys.Page, page.ToString(CultureInfo.InvariantCulture)),
            (ActionKeys.Pillar, filters.Pillar ?? ActionKeys.Any),
            (ActionKeys.Element, filters.Element ?? ActionKeys.Any),
            (ActionKeys.Campaign, filters.Campaign ?? ActionKeys.Any));

    private static ChoiceSetInput Filter(string id, string label, IReadOnlyList<ChoiceOption> options, string? selected, CardText t, TextBudget budget) =>
        new([new Choice(t["Storybook_FilterAny"], ActionKeys.Any), .. options.Select(o => new Choice(UntrustedText.Plain(o.Title, budget.Chars(CampaignTitleLimit)), o.Value))])
        {
            Id = id,
            Label = label,
            Style = ChoiceInputStyle.Compact,
            Value = selected ?? ActionKeys.Any,
        };
}
