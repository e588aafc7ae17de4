using System.Globalization;
using InfoStoryBot.Cards.Actions;
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
            var body = new List<CardElement> { Heading(t.Format("Experiment_Heading", view.Id)) };
            if (view.Done is { Length: > 0 } done)
            {
                body.Add(new RichTextBlock([UntrustedText.Run(done, budget.Chars(VerdictLimit)) with { Weight = TextWeight.Bolder, Color = TextColor.Good }]));
            }

            body.AddRange(
            [
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
            ]);

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

            if (view.Stops.Count > 0)
            {
                // Execute, so the card updates in place to show it stopped; the server checks the presser is an admin.
                body.Add(new TextBlock(t["Experiment_StopHeading"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true });
                body.Add(new ActionSet([.. view.Stops.Take(MaxVariants).Select(s =>
                    (CardAction)(CardActions.Execute(t.Format("Experiment_Keep", s.Letter), ActionNames.AdminRun, (ActionKeys.Command, s.Command)) with { AssociatedInputs = AssociatedInputs.None }))]));
            }

            var actions = new List<CardAction>();
            if (view.RefreshCommand is { } refresh)
            {
                actions.Add(CardActions.Execute(t["Experiment_Refresh"], ActionNames.AdminRun, (ActionKeys.Command, refresh)) with { AssociatedInputs = AssociatedInputs.None });
            }

            if (view.ListCommand is { } list)
            {
                actions.Add(CardActions.Execute(t["Experiment_All"], ActionNames.AdminRun, (ActionKeys.Command, list)) with { AssociatedInputs = AssociatedInputs.None });
            }

            return new AdaptiveCard
            {
                Body = body,
                Actions = actions,
                MsTeams = FullWidth,
                FallbackText = t.Format("Experiment_Heading", view.Id) + ": " + UntrustedText.Plain(view.Done ?? view.Verdict, VerdictLimit),
            };
        });
    }

    private static Fact Figure(string label, string value, TextBudget budget) =>
        new(label, UntrustedText.Markdown(value, budget.Chars(FigureLimit)));
}

/// <summary><c>experiment list</c>: each experiment with its status and a Show button (Execute: the list turns into it).</summary>
public static class ExperimentListCard
{
    /// <summary>A team runs a handful; past this many the card says how many more there are.</summary>
    public const int MaxExperiments = 20;

    private const int TitleLimit = 200;
    private const int StatusLimit = 160;

    public static AdaptiveCard Build(ExperimentListView view, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = new CardText(culture);
        var shown = view.Experiments.Take(MaxExperiments).ToList();
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Heading(t["ExperimentList_Heading"]) };
            if (shown.Count == 0)
            {
                body.Add(Para(t["ExperimentList_Empty"]));
            }

            foreach (var row in shown)
            {
                body.Add(new Container(
                [
                    new RichTextBlock(
                    [
                        new TextRun(row.Id + "  ") { Weight = TextWeight.Bolder },
                        UntrustedText.Run(row.Title, budget.Chars(TitleLimit)) with { Weight = TextWeight.Bolder },
                    ]),
                    new RichTextBlock([UntrustedText.Run(row.Status, budget.Chars(StatusLimit)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None },
                    new ActionSet([CardActions.Execute(t["ExperimentList_Show"], ActionNames.AdminRun, (ActionKeys.Command, row.ShowCommand)) with { AssociatedInputs = AssociatedInputs.None }]),
                ])
                {
                    Separator = true,
                    Spacing = Spacing.Medium,
                });
            }

            if (view.Experiments.Count > shown.Count)
            {
                body.Add(Subtle(t.Format("ExperimentList_More", view.Experiments.Count - shown.Count)));
            }

            return new AdaptiveCard { Body = body, MsTeams = FullWidth, FallbackText = t["ExperimentList_Heading"] };
        });
    }
}
