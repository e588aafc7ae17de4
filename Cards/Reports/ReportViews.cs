namespace InfoStoryBot.Cards.Reports;

// The view records of the report card. Dialogs/Reports works out and words every figure; the builder lays them out.
// The campaign name is admin text, so the builder shows every string through UntrustedText.

/// <summary>A figure with its label: "Stories told" / "1,204".</summary>
public sealed record ReportFigure(string Label, string Value);

/// <summary>The chart the bot drew, served at <see cref="Url"/>; <see cref="AltText"/> says what it shows.</summary>
public sealed record ReportChart(string Url, string AltText);

/// <summary>One partnership element's row of the barrier map: a cell per pillar, in <see cref="ReportCardView.PillarHeadings"/> order.</summary>
public sealed record BarrierMapRow(string ElementLabel, IReadOnlyList<BarrierMapCellView> Cells);

/// <param name="Barriers">E.g. "3 barrier"; <paramref name="Successes"/> e.g. "5 success".</param>
/// <param name="Stuck">One of the cells with the most barrier stories: where sharing gets stuck.</param>
public sealed record BarrierMapCellView(string Barriers, string Successes, bool Stuck);

/// <summary><c>report &lt;campaign&gt;</c>: a chart with every figure beside it as text, for screen readers and for print.</summary>
public sealed record ReportCardView
{
    public required string CampaignId { get; init; }
    public required string Heading { get; init; }
    public required string Subtitle { get; init; }

    /// <summary>Null when the bot has no public address to serve it from; the figures stand alone then.</summary>
    public ReportChart? Chart { get; init; }

    /// <summary>Why there is no chart, when there is none.</summary>
    public string? ChartMissing { get; init; }

    public IReadOnlyList<ReportFigure> Summary { get; init; } = [];

    /// <summary>The most recent weeks, newest last; <see cref="EarlierWeeks"/> sums the rest.</summary>
    public IReadOnlyList<ReportFigure> Weeks { get; init; } = [];
    public string? EarlierWeeks { get; init; }

    public IReadOnlyList<ReportFigure> ByPillar { get; init; } = [];
    public IReadOnlyList<ReportFigure> ByElement { get; init; } = [];

    public IReadOnlyList<string> PillarHeadings { get; init; } = [];
    public IReadOnlyList<BarrierMapRow> BarrierMap { get; init; } = [];

    /// <summary>Where sharing gets stuck, in words: the cells with the most barrier stories.</summary>
    public IReadOnlyList<string> Stuck { get; init; } = [];

    public IReadOnlyList<ReportFigure> Nudges { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The export buttons' commands; none when null.</summary>
    public ReportExports? Exports { get; init; }
}

/// <summary>The commands of the report's export buttons, as typed (<c>export spring-stories csv</c>).</summary>
public sealed record ReportExports(string Csv, string Json, string Html);

/// <summary>One button of <see cref="ReportChoiceCard"/>: its title and the command it runs, as typed.</summary>
public sealed record ReportChoiceButton(string Title, string Command);

/// <summary>One campaign to choose: its name (admin text), a worded line (id, state, dates) and its buttons.</summary>
public sealed record ReportChoiceRow(string Name, string Detail, IReadOnlyList<ReportChoiceButton> Buttons);

/// <summary>
/// <c>report</c> or <c>export</c> with no campaign named: which campaign (and, for an export, which format), a
/// button each. <paramref name="Empty"/> is said when there is no campaign yet.
/// </summary>
public sealed record ReportChoiceView(string Heading, string Intro, IReadOnlyList<ReportChoiceRow> Rows, string Empty, int NotShown = 0);
