using System.Globalization;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Experiments;

/// <summary>
/// <c>experiment show</c>. Each variant is a container of facts (not a wide table), so it reads on a phone and to a
/// screen reader in order: letter, wording, then each figure with its label.
/// </summary>
public static class ExperimentCard
{
    public const int MaxVariants = 4;
    private const int NameLimit = 120;
    private const int VariantTextLimit = 500;
    private const int FigureLimit = 60;
    private const int VerdictLimit = 600;
    private const int NoteLimit = 300;

    public static AdaptiveCard Build(ExperimentCardView view, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                Heading(t.Format("Experiment_Heading", view.Id)),
                new RichTextBlock(
                [
                    UntrustedText.Run(view.EntryName, budget.Chars(NameLimit)) with { Weight = TextWeight.Bolder },
                    UntrustedText.Run(" · " + view.CampaignName, budget.Chars(NameLimit)) with { IsSubtle = true },
                ]) { Spacing = Spacing.None },
                new RichTextBlock([UntrustedText.Run(view.Status, budget.Chars(NameLimit)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None },
                new Container([
                    new TextBlock(t["Experiment_Verdict"]) { Weight = TextWeight.Bolder, Size = TextSize.Small },
                    UserText(view.Verdict, budget.Chars(VerdictLimit)),
                ])
                {
                    Style = view.Decided ? ContainerStyle.Good : ContainerStyle.Emphasis,
                    Spacing = Spacing.Medium,
                },
            };

            foreach (var variant in view.Variants.Take(MaxVariants))
            {
                var title = t.Format("Experiment_Variant", variant.Letter);
                if (variant.IsKept)
                {
                    title += " · " + t["Experiment_Kept"];
                }
                else if (variant.IsLeader)
                {
                    title += " · " + t["Experiment_Leading"];
                }

                body.Add(new Container(
                [
                    new TextBlock(title) { Weight = TextWeight.Bolder, Size = TextSize.Medium },
                    new RichTextBlock([UntrustedText.Run("“" + variant.Text + "”", budget.Chars(VariantTextLimit)) with { Italic = true }]) { Spacing = Spacing.Small },
                    new FactSet(
                    [
                        Figure(t["Experiment_Channels"], variant.Channels, budget),
                        Figure(t["Experiment_Deliveries"], variant.Deliveries, budget),
                        Figure(t["Experiment_Presses"], variant.Presses, budget),
                        Figure(t["Experiment_Started"], variant.StoriesStarted, budget),
                        Figure(t["Experiment_Submitted"], variant.StoriesSubmitted, budget),
                        Figure(t["Experiment_PressRate"], variant.PressRate, budget),
                        Figure(t["Experiment_StartRate"], variant.StartRate, budget),
                        Figure(t["Experiment_StoryRate"], variant.StoryRate, budget),
                    ]),
                ])
                {
                    Separator = true,
                    Spacing = Spacing.Medium,
                });
            }

            foreach (var note in view.Notes.Take(4))
            {
                body.Add(new RichTextBlock([UntrustedText.Run(note, budget.Chars(NoteLimit)) with { IsSubtle = true, Size = TextSize.Small }]));
            }

            return new AdaptiveCard { Body = body, MsTeams = FullWidth, FallbackText = t.Format("Experiment_Heading", view.Id) + ": " + UntrustedText.Plain(view.Verdict, VerdictLimit) };
        });
    }

    private static Fact Figure(string label, string value, TextBudget budget) =>
        new(label, UntrustedText.Markdown(value, budget.Chars(FigureLimit)));
}
