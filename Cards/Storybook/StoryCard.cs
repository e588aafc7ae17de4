using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Storybook;

public enum BylineKind { Named, RoleOnly, Anonymous }

/// <summary>Who told the story. The card shows only what <see cref="Kind"/> allows, whatever else is filled in.</summary>
public sealed record Byline(BylineKind Kind, string? Name = null, string? Role = null, string? Organisation = null);

public enum StoryTone { Success, Barrier }

/// <summary>A story as people read it. Labels (pillars, elements, kind) come already worded for the culture.</summary>
public sealed record StoryDisplay
{
    public string Title { get; init; } = "";
    public string WhatHappened { get; init; } = "";
    public IReadOnlyList<string> WhoWasInvolved { get; init; } = [];
    public string InformationShared { get; init; } = "";
    public string DifferenceMade { get; init; } = "";
    public IReadOnlyList<string> PillarLabels { get; init; } = [];
    public IReadOnlyList<string> ElementLabels { get; init; } = [];
    public string KindLabel { get; init; } = "";
    public StoryTone Tone { get; init; }
    public Byline Byline { get; init; } = new(BylineKind.Anonymous);
}

/// <param name="StoryId">Used by owner actions; null when the card is only for reading.</param>
/// <param name="Status">e.g. "Waiting for the campaign team" in My stories; null in the storybook.</param>
/// <param name="PublishedOn">Shown as a date in the reader's culture.</param>
public sealed record StoryCardView(
    StoryDisplay Story,
    string? StoryId = null,
    string? Status = null,
    DateOnly? PublishedOn = null,
    string? CampaignName = null,
    bool ShowOwnerActions = false,
    bool ShowBackToStorybook = false);

public static class StoryCard
{
    public static AdaptiveCard Build(StoryCardView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>(StoryBody.Render(view.Story, t, budget));
            var meta = new List<string>();
            if (view.PublishedOn is { } on)
            {
                meta.Add(t.Format("Story_PublishedOn", on.ToString("d MMMM yyyy", culture)));
            }

            if (view.Status is not null)
            {
                meta.Add(t.Format("Story_Status", view.Status));
            }

            if (meta.Count > 0)
            {
                body.Add(Subtle(string.Join(" · ", meta)) with { Spacing = Spacing.Medium });
            }

            if (!string.IsNullOrWhiteSpace(view.CampaignName))
            {
                body.Add(new RichTextBlock([new TextRun(t["Story_Campaign"]) { IsSubtle = true, Size = TextSize.Small },
                    UntrustedText.Run(view.CampaignName, budget.Chars(100)) with { IsSubtle = true, Size = TextSize.Small }]));
            }

            var actions = new List<CardAction>();
            if (view.ShowOwnerActions && view.StoryId is { } id)
            {
                actions.Add(CardActions.Submit(t["Action_Edit"], ActionNames.StoryEditOwn, (ActionKeys.StoryId, id)));
                actions.Add(CardActions.Submit(t["Action_Withdraw"], ActionNames.StoryWithdraw, (ActionKeys.StoryId, id)) with { Style = ActionStyle.Destructive });
                actions.Add(CardActions.Submit(t["Action_MyStories"], ActionNames.MyStories));
            }

            if (view.ShowBackToStorybook)
            {
                actions.Add(CardActions.Submit(t["Action_BackToStorybook"], ActionNames.StorybookBrowse));
            }

            actions.Add(CardActions.Submit(t["Action_ShareYours"], ActionNames.StoryStart));
            return new AdaptiveCard { Body = body, Actions = actions, MsTeams = FullWidth, FallbackText = t["Story_Fallback"] };
        });
    }
}

/// <summary>The body of a story, shared by the story card and the preview.</summary>
internal static class StoryBody
{
    private const int TitleLimit = 120;
    private const int NameLimit = 80;
    private const int RoleLimit = 100;
    private const int OrganisationLimit = 140;
    private const int PartnersLimit = 500;

    public static IEnumerable<CardElement> Render(StoryDisplay story, CardText t, TextBudget budget)
    {
        yield return UserTitle(string.IsNullOrWhiteSpace(story.Title) ? t["Story_Untitled"] : story.Title, budget.Chars(TitleLimit));
        yield return new RichTextBlock(BylineRuns(story.Byline, t, budget)) { Spacing = Spacing.None };
        yield return new TextBlock(story.KindLabel)
        {
            Color = story.Tone == StoryTone.Success ? TextColor.Good : TextColor.Warning,
            Weight = TextWeight.Bolder,
            Size = TextSize.Small,
        };

        yield return Label(t["Story_WhatHappened"]);
        yield return UserText(story.WhatHappened, budget.Chars(StoryLimitsForDisplay.WhatHappened));
        yield return Label(t["Story_WhoWasInvolved"]);
        yield return UserText(story.WhoWasInvolved.Count == 0 ? "–" : string.Join(", ", story.WhoWasInvolved), budget.Chars(PartnersLimit));
        yield return Label(t["Story_InformationShared"]);
        yield return UserText(story.InformationShared, budget.Chars(StoryLimitsForDisplay.Long));
        yield return Label(t["Story_DifferenceMade"]);
        yield return UserText(story.DifferenceMade, budget.Chars(StoryLimitsForDisplay.Long));

        var facts = new List<Fact>();
        if (story.PillarLabels.Count > 0)
        {
            facts.Add(new Fact(t["Story_Pillars"], string.Join(", ", story.PillarLabels)));
        }

        if (story.ElementLabels.Count > 0)
        {
            facts.Add(new Fact(t["Story_Elements"], string.Join(", ", story.ElementLabels)));
        }

        if (facts.Count > 0)
        {
            yield return new FactSet(facts) { Spacing = Spacing.Medium };
        }
    }

    public static IReadOnlyList<TextRun> BylineRuns(Byline byline, CardText t, TextBudget budget)
    {
        var parts = new List<string>();
        if (byline.Kind == BylineKind.Named && !string.IsNullOrWhiteSpace(byline.Name))
        {
            parts.Add(UntrustedText.Plain(byline.Name, budget.Chars(NameLimit)));
        }

        if (byline.Kind is BylineKind.Named or BylineKind.RoleOnly)
        {
            if (!string.IsNullOrWhiteSpace(byline.Role))
            {
                parts.Add(UntrustedText.Plain(byline.Role, budget.Chars(RoleLimit)));
            }

            if (!string.IsNullOrWhiteSpace(byline.Organisation))
            {
                parts.Add(UntrustedText.Plain(byline.Organisation, budget.Chars(OrganisationLimit)));
            }
        }

        var who = parts.Count == 0 ? t["Byline_Anonymous"] : string.Join(", ", parts);
        return [new TextRun(t.Format("Byline_Told", who)) { IsSubtle = true, Italic = true }];
    }
}

internal static class StoryLimitsForDisplay
{
    public const int WhatHappened = 2000;
    public const int Long = 1200;
}
