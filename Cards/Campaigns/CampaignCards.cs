using System.Globalization;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Campaigns;

/// <summary><c>campaign list</c>: every campaign with its state and dates, and a button for each move it allows.</summary>
public static class CampaignListCard
{
    /// <summary>More would not fit in a card with five buttons each; the rest are counted, and reached by name.</summary>
    public const int MaxCampaigns = 15;

    private const int NameLimit = 80;

    public static AdaptiveCard Build(CampaignListView view, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = new CardText(culture);
        var shown = view.Campaigns.Take(MaxCampaigns).ToList();
        var notShown = view.NotShown + view.Campaigns.Count - shown.Count;
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Heading(t["CampaignList_Heading"]) };
            if (view.Done is { Length: > 0 } done)
            {
                body.Add(new TextBlock(UntrustedText.Truncate(done, budget.Chars(600))) { Color = TextColor.Good, Weight = TextWeight.Bolder });
            }

            if (shown.Count == 0)
            {
                body.Add(Para(t["CampaignList_Empty"]));
            }

            foreach (var campaign in shown)
            {
                body.Add(new Container(
                [
                    new RichTextBlock(
                    [
                        UntrustedText.Run(campaign.Name, budget.Chars(NameLimit)) with { Weight = TextWeight.Bolder, Size = TextSize.Medium },
                        UntrustedText.Run("  " + campaign.Id, budget.Chars(NameLimit)) with { IsSubtle = true },
                    ]),
                    Subtle(campaign.State + " · " + campaign.Dates) with { Spacing = Spacing.None },
                    new ActionSet([.. campaign.Buttons.Take(CampaignCard.MaxButtons).Select(b => (CardAction)CampaignButtons.Action(b, t))]),
                ])
                {
                    Separator = true,
                    Spacing = Spacing.Medium,
                });
            }

            if (notShown > 0)
            {
                body.Add(Subtle(t.Format("CampaignList_More", notShown)));
            }

            return new AdaptiveCard
            {
                Body = body,
                Actions = [CampaignButtons.Action(new CampaignButton(CampaignButtonKind.New), t)],
                MsTeams = FullWidth,
                FallbackText = t["CampaignList_Heading"],
            };
        });
    }
}

/// <summary><c>campaign show</c> and the answer to every change: the campaign as it now is, what happened, what to do next.</summary>
public static class CampaignCard
{
    public const int MaxChannels = 40;
    public const int MaxMessages = 12;
    public const int MaxButtons = 5;
    private const int NameLimit = 80;
    private const int GoalLimit = 300;
    private const int ChannelLimit = 120;
    private const int MessageLimit = 1200;

    public static AdaptiveCard Build(CampaignCardView view, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                new RichTextBlock([UntrustedText.Run(view.Name, budget.Chars(NameLimit)) with { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
                Subtle(view.Id + " · " + view.State) with { Spacing = Spacing.None },
            };
            if (view.Done is { Length: > 0 } done)
            {
                body.Add(new TextBlock(Cut(done, budget.Chars(MessageLimit))) { Color = TextColor.Good, Weight = TextWeight.Bolder });
            }

            if (view.Problems.Count > 0)
            {
                body.Add(Warning(t["CampaignCard_Problems"]));
                body.AddRange(view.Problems.Take(MaxMessages).Select(p => new TextBlock(Cut(p, budget.Chars(MessageLimit))) { Color = TextColor.Attention, Spacing = Spacing.Small }));
            }

            body.Add(CampaignButtons.Line(t["CampaignCard_Dates"], view.Dates, budget.Chars(NameLimit)) with { Spacing = Spacing.Medium });
            body.Add(CampaignButtons.Line(t["CampaignCard_Days"], view.Days, budget.Chars(NameLimit)));
            body.Add(CampaignButtons.Line(t["CampaignCard_Time"], view.TimeAndZone, budget.Chars(NameLimit)));
            if (!string.IsNullOrWhiteSpace(view.Goal))
            {
                body.Add(CampaignButtons.Line(t["CampaignCard_Goal"], view.Goal, budget.Chars(GoalLimit)));
            }

            if (!string.IsNullOrWhiteSpace(view.Target))
            {
                body.Add(CampaignButtons.Line(t["CampaignCard_Target"], view.Target, budget.Chars(NameLimit)));
            }

            body.Add(Label(t["CampaignCard_Channels"]));
            if (view.Channels.Count == 0)
            {
                body.Add(Subtle(t["CampaignCard_NoChannels"]) with { Spacing = Spacing.None });
            }

            foreach (var channel in view.Channels.Take(MaxChannels))
            {
                body.Add(new RichTextBlock([UntrustedText.Run("• " + channel, budget.Chars(ChannelLimit))]) { Spacing = Spacing.None });
            }

            if (view.Channels.Count > MaxChannels)
            {
                body.Add(Subtle(t.Format("CampaignCard_MoreChannels", view.Channels.Count - MaxChannels)) with { Spacing = Spacing.None });
            }

            body.Add(Label(t["CampaignCard_NextSlots"]));
            body.Add(view.NextSlots.Count == 0
                ? Subtle(t["CampaignCard_NoSlots"]) with { Spacing = Spacing.None }
                : new TextBlock(string.Join("\n", view.NextSlots.Take(5).Select(s => "- " + s))) { Spacing = Spacing.None });

            if (view.Notes.Count > 0)
            {
                body.Add(Label(t["CampaignCard_Notes"]));
                body.AddRange(view.Notes.Take(MaxMessages).Select(n => new TextBlock(Cut(n, budget.Chars(MessageLimit))) { Spacing = Spacing.Small, Size = TextSize.Small }));
                if (view.Notes.Count > MaxMessages)
                {
                    body.Add(Subtle(t.Format("CampaignCard_MoreNotes", view.Notes.Count - MaxMessages)));
                }
            }

            return new AdaptiveCard
            {
                Body = body,
                // Teams shows at most five; a campaign has at most five (Edit, two moves, Report, All campaigns).
                Actions = [.. view.Buttons.Take(MaxButtons).Select(b => (CardAction)CampaignButtons.Action(b, t))],
                MsTeams = FullWidth,
                FallbackText = view.Done is { Length: > 0 } said ? Cut(said, budget.Chars(MessageLimit)) : t["CampaignCard_Fallback"],
            };
        });
    }

    /// <summary>Our own messages, cut only when a card must shrink (they hold campaign names people typed).</summary>
    private static string Cut(string markdown, int maxChars) => UntrustedText.Truncate(markdown, maxChars);
}
