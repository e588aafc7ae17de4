using System.Globalization;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Dialogs.StoryCapture;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Storybook;

/// <summary>
/// The storybook in chat: approved stories whose tellers consented, newest first, filtered by pillar,
/// partnership element or campaign, ten to a page. Each story shows only what its teller's attribution allows.
/// </summary>
public sealed class StorybookHandlers(IStoryStore stories, ICampaignStore campaigns, StoryPages pages) : IChatCommand, ICardAction
{
    public IReadOnlyList<string> Actions { get; } =
        [ActionNames.StorybookBrowse, ActionNames.StorybookPage, ActionNames.StorybookFilter, ActionNames.StorybookRead];

    public IReadOnlyList<string> Words { get; } = BotText.Words("Keywords_Storybook");

    public Audience Audience => Audience.Everyone;

    public string? Match(string text) => CommandWords.Match(text, Words) is "" ? "" : null;

    public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        turn.Show(await PageAsync(turn, new Filters(null, null, null), 1, cancellationToken));

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        var card = submit.Action switch
        {
            ActionNames.StorybookRead => await ReadAsync(turn, submit.Get(ActionKeys.StoryId), cancellationToken),
            // "Show these stories" sends the filter inputs; Previous and Next carry the filters in their data.
            ActionNames.StorybookFilter => await PageAsync(turn, Filters.From(submit.Get(ActionKeys.FilterPillar), submit.Get(ActionKeys.FilterElement), submit.Get(ActionKeys.FilterCampaign)), 1, cancellationToken),
            ActionNames.StorybookPage => await PageAsync(turn, Filters.From(submit.Get(ActionKeys.Pillar), submit.Get(ActionKeys.Element), submit.Get(ActionKeys.Campaign)), PageNumber(submit.Get(ActionKeys.Page)), cancellationToken),
            _ => await PageAsync(turn, new Filters(null, null, null), 1, cancellationToken),
        };
        if (card is not null)
        {
            turn.Show(card);
        }

        return null;
    }

    private async Task<AdaptiveCard> PageAsync(TurnContext turn, Filters filters, int page, CancellationToken cancellationToken)
    {
        var query = StoryQuery.Storybook(filters.CampaignId) with { Pillar = filters.Pillar, Element = filters.Element };
        var result = await pages.ReadAsync(turn, "storybook|" + filters.Key, query, page, cancellationToken);
        var allCampaigns = await campaigns.ListAsync(cancellationToken);
        var view = new StorybookPageView(
            [.. result.Stories.Select(s => StoryViews.Summary(s.Value.Id, s.Value.Content, turn.Culture))],
            result.Page,
            HasPrevious: result.Page > 1,
            HasNext: result.HasNext,
            new StorybookFilters(
                StoryViews.PillarOptions(turn.Culture),
                StoryViews.ElementOptions(turn.Culture),
                [.. allCampaigns.OrderByDescending(c => c.Value.StartDate).Select(c => new ChoiceOption(c.Value.Id, c.Value.Name))],
                filters.Pillar is { } p ? StoryViews.WireValue(p) : null,
                filters.Element is { } e ? StoryViews.WireValue(e) : null,
                filters.CampaignId));
        return StorybookPageCard.Build(view, turn.Culture);
    }

    private async Task<AdaptiveCard?> ReadAsync(TurnContext turn, string? storyId, CancellationToken cancellationToken)
    {
        var stored = storyId is null ? null : await stories.GetAsync(storyId, cancellationToken);
        if (stored is not { Value: { Status: StoryStatus.Approved, Content.ConsentToPublish: true } story })
        {
            turn.Reply(BotText.Get("Storybook_NotPublished", turn.Culture));
            return null;
        }

        var campaign = story.CampaignId is { } id ? await campaigns.GetAsync(id, cancellationToken) : null;
        return StoryCard.Build(new StoryCardView(
            StoryViews.Display(story.Content, turn.Culture),
            PublishedOn: story.ModeratedAt is { } published ? DateOnly.FromDateTime(published.UtcDateTime) : null,
            CampaignName: campaign?.Value.Name,
            ShowBackToStorybook: true), turn.Culture);
    }

    private static int PageNumber(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page is >= 1 and <= 10_000 ? page : 1;

    /// <summary>Filters from card values; anything unknown (or "any") means no filter, never an error.</summary>
    private sealed record Filters(Pillar? Pillar, PartnershipElement? Element, string? CampaignId)
    {
        public string Key => $"{Pillar}|{Element}|{CampaignId}";

        public static Filters From(string? pillar, string? element, string? campaign) => new(
            StoryViews.TryParsePillar(pillar, out var p) ? p : null,
            StoryViews.TryParseElement(element, out var e) ? e : null,
            campaign != ActionKeys.Any && InfoStoryBot.Dialogs.Campaigns.CampaignIds.IsValid(campaign) ? campaign : null);
    }
}
