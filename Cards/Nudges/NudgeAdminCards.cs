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

/// <summary><c>nudge send-now</c>: sent, skipped (muted, gone, daily limit), failed or unknown, channel by channel.</summary>
public static class NudgeSendReportCard
{
    public const int MaxChannels = 40;
    private const int ChannelLimit = 200;
    private const int WhyLimit = 300;

    public static AdaptiveCard Build(NudgeSendReportView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        var summary = t.Format("NudgeSend_Summary",
            view.Count(NudgeSendOutcome.Sent), view.Count(NudgeSendOutcome.Skipped), view.Count(NudgeSendOutcome.Failed) + view.Count(NudgeSendOutcome.Gone),
            view.Count(NudgeSendOutcome.Unknown) + view.Count(NudgeSendOutcome.Sending));
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                Heading(t["NudgeSend_Heading"]),
                NudgeLayout.Campaign(view.CampaignName, budget),
                Para(view.Channels.Count == 0 ? t["NudgeSend_NoChannels"] : summary),
            };

            foreach (var line in view.Channels.Take(MaxChannels))
            {
                var status = t["NudgeSend_" + line.Outcome];
                if (line.Entry is { Length: > 0 })
                {
                    status += " · " + line.Entry;
                }

                if (line.Earlier)
                {
                    status += " · " + t["NudgeSend_Earlier"];
                }

                var items = new List<CardElement>
                {
                    new RichTextBlock([UntrustedText.Run(line.Channel, budget.Chars(ChannelLimit)) with { Weight = TextWeight.Bolder }]),
                    new RichTextBlock([UntrustedText.Run(status, budget.Chars(ChannelLimit)) with { Color = Colour(line.Outcome), Size = TextSize.Small, Weight = TextWeight.Bolder }]) { Spacing = Spacing.None },
                };
                if (!string.IsNullOrWhiteSpace(line.Why) && line.Outcome != NudgeSendOutcome.Sent)
                {
                    items.Add(new RichTextBlock([UntrustedText.Run(line.Why, budget.Chars(WhyLimit)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None });
                }

                body.Add(new Container(items) { Separator = true, Spacing = Spacing.Medium });
            }

            if (view.Channels.Count > MaxChannels)
            {
                body.Add(Subtle(t.Format("NudgeSend_More", view.Channels.Count - MaxChannels)));
            }

            return new AdaptiveCard { Body = body, MsTeams = FullWidth, FallbackText = summary };
        });
    }

    private static TextColor Colour(NudgeSendOutcome outcome) => outcome switch
    {
        NudgeSendOutcome.Sent => TextColor.Good,
        NudgeSendOutcome.Skipped or NudgeSendOutcome.Sending => TextColor.Default,
        NudgeSendOutcome.Unknown => TextColor.Warning,
        _ => TextColor.Attention,
    };
}
