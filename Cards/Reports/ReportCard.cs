using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Reports;

/// <summary>
/// The report: the chart first, then the same figures as text (summary, weeks, pillars, elements, the barrier map,
/// the nudges), so nothing is only in the picture. The barrier map is a grid of element rows by pillar columns;
/// each cell gives barrier and success counts in words, and the cells where sharing gets stuck stand out.
/// </summary>
public static class ReportCard
{
    public const int MaxWeeks = 12;
    private const int TextLimit = 200;
    private const int FigureLimit = 80;

    public static AdaptiveCard Build(ReportCardView view, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>
            {
                new RichTextBlock([UntrustedText.Run(view.Heading, budget.Chars(TextLimit)) with { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
                new RichTextBlock([UntrustedText.Run(view.Subtitle, budget.Chars(TextLimit)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None },
            };

            if (view.Chart is { } chart)
            {
                body.Add(new Image(chart.Url) { AltText = UntrustedText.Plain(chart.AltText, budget.Chars(TextLimit * 2)), Size = ImageSize.Stretch, Spacing = Spacing.Medium });
            }
            else if (view.ChartMissing is { } missing)
            {
                body.Add(new RichTextBlock([UntrustedText.Run(missing, budget.Chars(TextLimit)) with { IsSubtle = true, Size = TextSize.Small }]));
            }

            Section(body, t["Report_Summary"], view.Summary, budget);
            Section(body, t["Report_Weeks"], view.Weeks.TakeLast(MaxWeeks).ToList(), budget);
            if (view.EarlierWeeks is { } earlier)
            {
                body.Add(new RichTextBlock([UntrustedText.Run(earlier, budget.Chars(TextLimit)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None });
            }

            Section(body, t["Report_Pillars"], view.ByPillar, budget);
            Section(body, t["Report_Elements"], view.ByElement, budget);

            body.Add(SubHeading(t["Report_BarrierMap"]));
            body.Add(Subtle(t["Report_BarrierMap_Legend"]));
            body.Add(Row(t["Report_BarrierMap_Element"], view.PillarHeadings.Select(h => (CardElement)new TextBlock(UntrustedText.Markdown(h, budget.Chars(FigureLimit))) { Weight = TextWeight.Bolder, Size = TextSize.Small }).ToList(), header: true));
            foreach (var row in view.BarrierMap)
            {
                body.Add(Row(row.ElementLabel, row.Cells.Select(c => (CardElement)new Container(
                [
                    new TextBlock(UntrustedText.Markdown(c.Barriers, budget.Chars(FigureLimit))) { Size = TextSize.Small, Weight = c.Stuck ? TextWeight.Bolder : null, Color = c.Stuck ? TextColor.Attention : null },
                    new TextBlock(UntrustedText.Markdown(c.Successes, budget.Chars(FigureLimit))) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None },
                ])
                {
                    Style = c.Stuck ? ContainerStyle.Attention : null,
                }).ToList(), header: false));
            }

            if (view.Stuck.Count > 0)
            {
                body.Add(Label(t["Report_Stuck"]));
                body.AddRange(view.Stuck.Take(3).Select(s => (CardElement)UserText("• " + s, budget.Chars(TextLimit))));
            }

            Section(body, t["Report_Nudges"], view.Nudges, budget);
            foreach (var note in view.Notes.Take(4))
            {
                body.Add(new RichTextBlock([UntrustedText.Run(note, budget.Chars(TextLimit * 2)) with { IsSubtle = true, Size = TextSize.Small }]));
            }

            return new AdaptiveCard
            {
                Body = body,
                // Submit, not Execute: the export arrives as a new message (a file consent card or a link) and the
                // report stays in the chat for the next export.
                Actions = view.Exports is { } exports
                    ?
                    [
                        CardActions.Submit(t["Report_ExportCsv"], ActionNames.AdminRun, (ActionKeys.Command, exports.Csv)),
                        CardActions.Submit(t["Report_ExportJson"], ActionNames.AdminRun, (ActionKeys.Command, exports.Json)),
                        CardActions.Submit(t["Report_ExportHtml"], ActionNames.AdminRun, (ActionKeys.Command, exports.Html)),
                    ]
                    : [],
                MsTeams = FullWidth,
                FallbackText = UntrustedText.Plain(view.Heading, TextLimit),
            };
        });
    }

    private static void Section(List<CardElement> body, string heading, IReadOnlyList<ReportFigure> figures, TextBudget budget)
    {
        if (figures.Count == 0)
        {
            return;
        }

        body.Add(SubHeading(heading));
        body.Add(new FactSet(figures.Select(f => new Fact(UntrustedText.Markdown(f.Label, budget.Chars(FigureLimit)), UntrustedText.Markdown(f.Value, budget.Chars(FigureLimit)))).ToList())
        {
            Spacing = Spacing.Small,
        });
    }

    private static ColumnSet Row(string label, IReadOnlyList<CardElement> cells, bool header)
    {
        var columns = new List<Column>
        {
            new([new TextBlock(UntrustedText.Markdown(label, FigureLimit)) { Size = TextSize.Small, Weight = header ? TextWeight.Bolder : null }]) { Width = "2" },
        };
        columns.AddRange(cells.Select(c => new Column([c]) { Width = "1" }));
        return new ColumnSet(columns) { Spacing = Spacing.Small, Separator = header ? null : true };
    }
}

/// <summary>
/// <c>report</c> or <c>export</c> alone: the campaigns, each with its buttons. The buttons post a new card (Action.Submit),
/// so this list stays in the chat to choose from again.
/// </summary>
public static class ReportChoiceCard
{
    /// <summary>More would not fit with four buttons each; the rest are counted, and reached by name.</summary>
    public const int MaxCampaigns = 15;

    private const int NameLimit = 80;
    private const int DetailLimit = 160;
    private const int TitleLimit = 40;

    public static AdaptiveCard Build(ReportChoiceView view, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(view);
        var t = new CardText(culture);
        var shown = view.Rows.Take(MaxCampaigns).ToList();
        var notShown = view.NotShown + view.Rows.Count - shown.Count;
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Heading(view.Heading), Para(view.Rows.Count == 0 ? view.Empty : view.Intro) };
            foreach (var row in shown)
            {
                body.Add(new Container(
                [
                    new RichTextBlock([UntrustedText.Run(row.Name, budget.Chars(NameLimit)) with { Weight = TextWeight.Bolder }]),
                    new RichTextBlock([UntrustedText.Run(row.Detail, budget.Chars(DetailLimit)) with { IsSubtle = true, Size = TextSize.Small }]) { Spacing = Spacing.None },
                    new ActionSet([.. row.Buttons.Take(4).Select(b => (CardAction)CardActions.Submit(UntrustedText.Plain(b.Title, TitleLimit), ActionNames.AdminRun, (ActionKeys.Command, b.Command)))]),
                ])
                {
                    Separator = true,
                    Spacing = Spacing.Medium,
                });
            }

            if (notShown > 0)
            {
                body.Add(Subtle(t.Format("ReportChoice_More", notShown)));
            }

            return new AdaptiveCard { Body = body, MsTeams = FullWidth, FallbackText = UntrustedText.Plain(view.Heading, NameLimit) };
        });
    }
}
