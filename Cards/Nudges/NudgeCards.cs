using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Nudges;

/// <summary>Builds the card for any nudge view (what the scheduler posts and <c>nudge preview</c> shows).</summary>
public static class NudgeCards
{
    public static AdaptiveCard Build(NudgeView view, NudgeDelivery delivery, CultureInfo culture) => view switch
    {
        StoryOfTheDayView v => StoryOfTheDayCard.Build(v, delivery, culture),
        WeeklyNormView v => WeeklyNormCard.Build(v, delivery, culture),
        RisingNormView v => RisingNormCard.Build(v, delivery, culture),
        TwoMinuteShareView v => TwoMinuteShareCard.Build(v, delivery, culture),
        CampaignMomentView v => CampaignMomentCard.Build(v, delivery, culture),
        QuietPillarView v => QuietPillarCard.Build(v, delivery, culture),
        PartnershipElementView v => PartnershipElementCard.Build(v, delivery, culture),
        PledgeView v => PledgeCard.Build(v, delivery, culture),
        StorybookProgressView v => StorybookProgressCard.Build(v, delivery, culture),
        _ => throw new ArgumentException($"No nudge card for {view.GetType().Name}.", nameof(view)),
    };
}

/// <summary>
/// What every nudge card shares. Buttons are Action.Execute: pressed in a channel, the bot answers the presser
/// alone (a toast, or a card only they see) instead of posting to everyone; Web Chat gets them as Action.Submit
/// (Bot/DevChat adapts them) and the bot reads both paths with <see cref="CardSubmit"/>. Every button carries
/// the delivery id and the variant, so a press is attributed to the post that earned it.
/// </summary>
internal static class NudgeLayout
{
    public const int CampaignLimit = 100;
    public const int HeadingLimit = 160;
    public const int TextLimit = 900;
    public const int LabelLimit = 80;

    public static (string Key, string Value)[] Payload(NudgeDelivery delivery, params (string Key, string Value)[] extra)
    {
        var payload = new List<(string, string)> { (ActionKeys.DeliveryId, delivery.DeliveryId) };
        if (!string.IsNullOrEmpty(delivery.Variant))
        {
            payload.Add((ActionKeys.Variant, delivery.Variant));
        }

        payload.AddRange(extra);
        return [.. payload];
    }

    public static ExecuteAction Button(string title, string action, NudgeDelivery delivery, params (string Key, string Value)[] extra) =>
        CardActions.Execute(title, action, Payload(delivery, extra));

    public static ExecuteAction ShareYours(CardText t, NudgeDelivery delivery) =>
        Button(t["Nudge_ShareYours"], ActionNames.NudgeShare, delivery) with { Style = ActionStyle.Positive };

    public static RichTextBlock Campaign(string? name, TextBudget budget) =>
        new([UntrustedText.Run(name, budget.Chars(CampaignLimit)) with { IsSubtle = true, Size = TextSize.Small }]);

    public static RichTextBlock Heading(string text, TextBudget budget) =>
        new([UntrustedText.Run(text, budget.Chars(HeadingLimit)) with { Size = TextSize.Large, Weight = TextWeight.Bolder }]) { Spacing = Spacing.None };

    public static RichTextBlock Message(string text, TextBudget budget) => UserText(text, budget.Chars(TextLimit));

    /// <summary>Figures side by side, each large with its label under it.</summary>
    public static ColumnSet Figures(IReadOnlyList<NudgeFigure> figures, TextBudget budget) => new(
        figures.Take(8).Select(f => new Column(
        [
            new RichTextBlock([UntrustedText.Run(f.Value, budget.Chars(LabelLimit)) with { Size = TextSize.ExtraLarge, Weight = TextWeight.Bolder, Color = TextColor.Accent }]),
            new RichTextBlock([UntrustedText.Run(f.Label, budget.Chars(LabelLimit)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None },
        ])
        { Width = "auto" }).ToList())
    {
        Spacing = Spacing.Medium,
    };

    public static RichTextBlock Tag(string label, TextBudget budget) =>
        new([UntrustedText.Run(label, budget.Chars(LabelLimit)) with { Color = TextColor.Accent, Weight = TextWeight.Bolder, Size = TextSize.Small }]);

    public static AdaptiveCard Card(NudgeView view, IEnumerable<CardElement> body, IReadOnlyList<CardAction> actions) => new()
    {
        Body = body.ToList(),
        Actions = actions,
        MsTeams = FullWidth,
        FallbackText = UntrustedText.Plain(view.Heading, HeadingLimit),
    };

    /// <summary>The usual shape: campaign, heading, anything particular to the kind, the message, then Share yours.</summary>
    public static AdaptiveCard Simple(NudgeView view, NudgeDelivery delivery, CultureInfo culture, Func<TextBudget, IEnumerable<CardElement>>? extra = null)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Campaign(view.CampaignName, budget), Heading(view.Heading, budget) };
            if (extra is not null)
            {
                body.AddRange(extra(budget));
            }

            body.Add(Message(view.Text, budget));
            return Card(view, body, [ShareYours(t, delivery)]);
        });
    }
}

public static class StoryOfTheDayCard
{
    private const int TitleLimit = 120;
    private const int ExcerptLimit = 280;
    private const int PartnersLimit = 300;
    private const int PromptLimit = 300;

    public static AdaptiveCard Build(StoryOfTheDayView view, NudgeDelivery delivery, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var facts = new List<Fact>();
            if (view.PillarLabels.Count > 0)
            {
                facts.Add(new Fact(t["Story_Pillars"], UntrustedText.Markdown(string.Join(", ", view.PillarLabels), budget.Chars(NudgeLayout.LabelLimit * 3))));
            }

            if (view.Partners.Count > 0)
            {
                facts.Add(new Fact(t["Nudge_Partners"], UntrustedText.Markdown(string.Join(", ", view.Partners), budget.Chars(PartnersLimit))));
            }

            var story = new List<CardElement>
            {
                UserTitle(string.IsNullOrWhiteSpace(view.Title) ? t["Story_Untitled"] : view.Title, budget.Chars(TitleLimit)),
                new RichTextBlock(StoryBody.BylineRuns(view.Byline, t, budget)) { Spacing = Spacing.None },
                UserText(view.Excerpt, budget.Chars(ExcerptLimit)),
            };
            if (facts.Count > 0)
            {
                story.Add(new FactSet(facts));
            }

            var body = new List<CardElement>
            {
                NudgeLayout.Campaign(view.CampaignName, budget),
                NudgeLayout.Heading(view.Heading, budget),
                NudgeLayout.Message(view.Text, budget),
                new Container(story) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium },
            };
            if (!string.IsNullOrWhiteSpace(view.Prompt))
            {
                body.Add(UserText(view.Prompt, budget.Chars(PromptLimit)) with { Spacing = Spacing.Medium });
            }

            return NudgeLayout.Card(view, body,
            [
                NudgeLayout.Button(t["Nudge_ReadIt"], ActionNames.NudgeRead, delivery, (ActionKeys.StoryId, view.StoryId)),
                NudgeLayout.ShareYours(t, delivery),
            ]);
        });
    }
}

public static class WeeklyNormCard
{
    public static AdaptiveCard Build(WeeklyNormView view, NudgeDelivery delivery, CultureInfo culture) =>
        NudgeLayout.Simple(view, delivery, culture, budget => view.Figures.Count == 0 ? [] : [NudgeLayout.Figures(view.Figures, budget)]);
}

public static class RisingNormCard
{
    public static AdaptiveCard Build(RisingNormView view, NudgeDelivery delivery, CultureInfo culture) =>
        NudgeLayout.Simple(view, delivery, culture, budget => view.Weeks.Count == 0 ? [] : [NudgeLayout.Figures(view.Weeks, budget)]);
}

public static class TwoMinuteShareCard
{
    public static AdaptiveCard Build(TwoMinuteShareView view, NudgeDelivery delivery, CultureInfo culture) =>
        NudgeLayout.Simple(view, delivery, culture);
}

public static class CampaignMomentCard
{
    private const int DetailLimit = 200;

    public static AdaptiveCard Build(CampaignMomentView view, NudgeDelivery delivery, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var banner = new Container(
            [
                NudgeLayout.Campaign(view.CampaignName, budget),
                NudgeLayout.Heading(view.Heading, budget),
            ])
            {
                Style = view.Moment is CampaignMomentKind.LastDays or CampaignMomentKind.LastDay ? ContainerStyle.Warning : ContainerStyle.Accent,
                Bleed = true,
            };

            var body = new List<CardElement> { banner, NudgeLayout.Message(view.Text, budget) };
            if (!string.IsNullOrWhiteSpace(view.Detail))
            {
                body.Add(new RichTextBlock([UntrustedText.Run(view.Detail, budget.Chars(DetailLimit)) with { IsSubtle = true, Size = TextSize.Small }]));
            }

            return NudgeLayout.Card(view, body, [NudgeLayout.ShareYours(t, delivery)]);
        });
    }
}

public static class QuietPillarCard
{
    public static AdaptiveCard Build(QuietPillarView view, NudgeDelivery delivery, CultureInfo culture) =>
        NudgeLayout.Simple(view, delivery, culture, budget => [NudgeLayout.Tag(view.PillarLabel, budget)]);
}

public static class PartnershipElementCard
{
    public static AdaptiveCard Build(PartnershipElementView view, NudgeDelivery delivery, CultureInfo culture) =>
        NudgeLayout.Simple(view, delivery, culture, budget => [NudgeLayout.Tag(view.ElementLabel, budget)]);
}

public static class PledgeCard
{
    public static AdaptiveCard Build(PledgeView view, NudgeDelivery delivery, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget => NudgeLayout.Card(view,
            [
                NudgeLayout.Campaign(view.CampaignName, budget),
                NudgeLayout.Heading(view.Heading, budget),
                NudgeLayout.Message(view.Text, budget),
            ],
            [
                NudgeLayout.Button(t["Nudge_PledgeButton"], ActionNames.NudgePledge, delivery) with { Style = ActionStyle.Positive },
                NudgeLayout.ShareYours(t, delivery) with { Style = null },
            ]));
    }
}

public static class StorybookProgressCard
{
    public static AdaptiveCard Build(StorybookProgressView view, NudgeDelivery delivery, CultureInfo culture)
    {
        var t = new CardText(culture);
        return NudgeLayout.Simple(view, delivery, culture, budget =>
            [NudgeLayout.Figures([new NudgeFigure(view.ProgressLabel, t["Nudge_StorybookStories"])], budget)]);
    }
}
