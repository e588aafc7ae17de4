using System.Globalization;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Nudges;

/// <summary><c>nudge list</c>: the catalogue, and which entries may be used now and why not.</summary>
public static class NudgeListCard
{
    public const int MaxEntries = 30;
    private const int ReasonLimit = 400;
    private const int NameLimit = 100;

    public static AdaptiveCard Build(NudgeListView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                Heading(t["NudgeList_Heading"]),
                NudgeLayout.Campaign(view.CampaignName, budget),
            };

            foreach (var entry in view.Entries.Take(MaxEntries))
            {
                var status = entry.MayUse ? t["NudgeList_MayUse"] : t["NudgeList_MayNotUse"];
                if (entry.PlannedToday)
                {
                    status += " · " + t["NudgeList_PlannedToday"];
                }

                body.Add(new Container(
                [
                    new RichTextBlock(
                    [
                        UntrustedText.Run(entry.Name, budget.Chars(NameLimit)) with { Weight = TextWeight.Bolder },
                        UntrustedText.Run(" (" + entry.Id + ")", budget.Chars(NameLimit)) with { IsSubtle = true },
                    ]),
                    new TextBlock(status)
                    {
                        Color = entry.MayUse ? TextColor.Good : TextColor.Attention,
                        Size = TextSize.Small,
                        Weight = TextWeight.Bolder,
                        Spacing = Spacing.None,
                    },
                    new RichTextBlock([UntrustedText.Run(entry.East, budget.Chars(NameLimit)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None },
                    UserText(entry.Reason, budget.Chars(ReasonLimit)),
                ])
                {
                    Separator = true,
                    Spacing = Spacing.Medium,
                });
            }

            return new AdaptiveCard { Body = body, MsTeams = FullWidth, FallbackText = t["NudgeList_Heading"] };
        });
    }
}

/// <summary><c>nudge preview</c>: which entry a channel would get now, why, and from which facts.</summary>
public static class NudgeDecisionCard
{
    public const int MaxFacts = 20;
    private const int WhyLimit = 3000;
    private const int FactLimit = 300;

    public static AdaptiveCard Build(NudgeDecisionView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                Heading(t["NudgeDecision_Heading"]),
                NudgeLayout.Campaign(view.CampaignName, budget),
                new RichTextBlock(
                [
                    UntrustedText.Run(view.EntryName, budget.Chars(NudgeLayout.LabelLimit)) with { Weight = TextWeight.Bolder, Size = TextSize.Medium },
                    UntrustedText.Run(" (" + view.EntryId + ")", budget.Chars(NudgeLayout.LabelLimit)) with { IsSubtle = true },
                ]),
            };
            if (!string.IsNullOrWhiteSpace(view.Variant))
            {
                body.Add(new RichTextBlock([new TextRun(t["NudgeDecision_Variant"]) { IsSubtle = true },
                    UntrustedText.Run(view.Variant, budget.Chars(20)) with { Weight = TextWeight.Bolder }]));
            }

            body.Add(Label(t["NudgeDecision_Why"]));
            body.Add(UserText(view.Why, budget.Chars(WhyLimit)));
            if (view.FactsUsed.Count > 0)
            {
                body.Add(Label(t["NudgeDecision_Facts"]));
                body.Add(new FactSet(view.FactsUsed.Take(MaxFacts)
                    .Select(f => new Fact(UntrustedText.Markdown(f.Label, budget.Chars(FactLimit)), UntrustedText.Markdown(f.Value, budget.Chars(FactLimit))))
                    .ToList()));
            }

            return new AdaptiveCard { Body = body, MsTeams = FullWidth, FallbackText = t["NudgeDecision_Heading"] };
        });
    }
}
