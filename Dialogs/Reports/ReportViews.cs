using System.Globalization;
using InfoStoryBot.Cards.Reports;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Dialogs.StoryCapture;

namespace InfoStoryBot.Dialogs.Reports;

/// <summary>Words a <see cref="CampaignReport"/> for <see cref="ReportCard"/>, and for the chart's alt text.</summary>
public static class ReportViews
{
    /// <param name="chart">The chart's address and alt text, or null when it cannot be served.</param>
    /// <param name="chartMissing">Why there is no chart, shown in its place.</param>
    public static ReportCardView Card(CampaignReport report, ReportChart? chart, string? chartMissing, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new DialogText(culture);
        string N(int n) => n.ToString("N0", culture);
        string Date(DateOnly d, string format) => d.ToString(text[format], culture);

        var shown = report.Weeks.TakeLast(ReportCard.MaxWeeks).ToList();
        var earlier = report.Weeks.Take(report.Weeks.Count - shown.Count).ToList();
        var mostBarriers = report.BarrierMap.Max(c => c.Barriers);
        var stuck = report.BarrierMap.Where(c => c.Barriers > 0 && c.Barriers == mostBarriers).ToHashSet();

        return new ReportCardView
        {
            CampaignId = report.CampaignId,
            Heading = text.Format("Report_Heading", report.CampaignName),
            Subtitle = text.Format("Report_Subtitle", Date(report.StartDate, "Report_LongDate"), Date(report.EndDate, "Report_LongDate"),
                CampaignCalendar.Today(report.TimeZone, report.GeneratedAt).ToString(text["Report_LongDate"], culture)),
            Chart = chart,
            ChartMissing = chart is null ? chartMissing : null,
            Summary =
            [
                new(text["Report_Stories"], N(report.Stories)),
                new(text["Report_Successes"], N(report.Successes)),
                new(text["Report_Barriers"], N(report.Barriers)),
                new(text["Report_Approved"], N(report.Approved)),
                new(text["Report_Awaiting"], N(report.AwaitingModeration)),
            ],
            Weeks = shown.Select(w => new ReportFigure(text.Format("Report_WeekOf", Date(w.Monday, "Report_ShortDate")),
                text.Format("Report_WeekValue", N(w.Total), N(w.Successes), N(w.Barriers)))).ToList(),
            EarlierWeeks = earlier.Count == 0 ? null : text.Format("Report_EarlierWeeks", N(earlier.Count), N(earlier.Sum(w => w.Total))),
            ByPillar = report.ByPillar.Select(p => new ReportFigure(PillarLabel(p.Pillar, text), N(p.Stories))).ToList(),
            ByElement = report.ByElement.Select(e => new ReportFigure(ElementLabel(e.Element, text), N(e.Stories))).ToList(),
            PillarHeadings = Enum.GetValues<Pillar>().Select(p => PillarLabel(p, text)).ToList(),
            BarrierMap = Enum.GetValues<PartnershipElement>().Select(e => new BarrierMapRow(
                ElementLabel(e, text),
                report.BarrierMap.Where(c => c.Element == e).OrderBy(c => c.Pillar)
                    .Select(c => new BarrierMapCellView(text.Format("Report_CellBarriers", N(c.Barriers)), text.Format("Report_CellSuccesses", N(c.Successes)), stuck.Contains(c)))
                    .ToList())).ToList(),
            Stuck = report.BarrierMap.Where(c => c.Barriers > 0).OrderByDescending(c => c.Barriers).ThenBy(c => c.Element).ThenBy(c => c.Pillar).Take(3)
                .Select(c => text.Format(c.Barriers == 1 ? "Report_StuckLine_One" : "Report_StuckLine", ElementLabel(c.Element, text), PillarLabel(c.Pillar, text), N(c.Barriers), N(c.Successes)))
                .ToList(),
            Nudges =
            [
                new(text["Report_ChannelsReached"], N(report.Nudges.ChannelsReached)),
                new(text["Report_Deliveries"], N(report.Nudges.Deliveries)),
                new(text["Report_Presses"], N(report.Nudges.Presses)),
                new(text["Report_StoriesStarted"], N(report.Nudges.StoriesStarted)),
                new(text["Report_StoriesFollowed"], N(report.Nudges.StoriesFollowed)),
                new(text["Report_Pledges"], text.Format("Report_PledgesValue", N(report.Nudges.PledgesMade), N(report.Nudges.PledgesKept))),
            ],
            Notes = [text["Report_Note_Counted"], text["Report_Note_Followed"]],
            Exports = new ReportExports(Export(report.CampaignId, ExportFormat.Csv), Export(report.CampaignId, ExportFormat.Json), Export(report.CampaignId, ExportFormat.Html)),
        };
    }

    /// <summary><c>report</c> alone: every campaign with a Report button, running ones first.</summary>
    public static ReportChoiceView ReportChoice(IReadOnlyList<Campaign> campaigns, DateTimeOffset nowUtc, CultureInfo culture)
    {
        var text = new DialogText(culture);
        return new ReportChoiceView(
            text["ReportChoice_Heading"],
            text["ReportChoice_Intro"],
            Rows(campaigns, nowUtc, culture, c => [new ReportChoiceButton(text["ReportChoice_Report"], AdminCommandText.Render(new Report(CampaignRef.ById(c.Id))))]),
            text["ReportChoice_Empty"]);
    }

    /// <summary><c>export</c> alone: every campaign with a button per format.</summary>
    public static ReportChoiceView ExportChoice(IReadOnlyList<Campaign> campaigns, DateTimeOffset nowUtc, CultureInfo culture)
    {
        var text = new DialogText(culture);
        return new ReportChoiceView(
            text["ExportChoice_Heading"],
            text["ExportChoice_Intro"],
            Rows(campaigns, nowUtc, culture, c =>
            [
                new ReportChoiceButton(text["ExportChoice_Csv"], Export(c.Id, ExportFormat.Csv)),
                new ReportChoiceButton(text["ExportChoice_Json"], Export(c.Id, ExportFormat.Json)),
                new ReportChoiceButton(text["ExportChoice_Html"], Export(c.Id, ExportFormat.Html)),
            ]),
            text["ReportChoice_Empty"]);
    }

    private static string Export(string campaignId, ExportFormat format) => AdminCommandText.Render(new Export(CampaignRef.ById(campaignId), format));

    private static IReadOnlyList<ReportChoiceRow> Rows(
        IReadOnlyList<Campaign> campaigns, DateTimeOffset nowUtc, CultureInfo culture, Func<Campaign, IReadOnlyList<ReportChoiceButton>> buttons)
    {
        ArgumentNullException.ThrowIfNull(campaigns);
        var words = new CampaignText(culture);
        return campaigns
            .OrderBy(c => c.State switch { CampaignState.Running => 0, CampaignState.Paused => 1, CampaignState.Scheduled => 2, CampaignState.Ended => 3, _ => 4 })
            .ThenByDescending(c => c.StartDate)
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new ReportChoiceRow(
                c.Name,
                words.Format("ReportChoice_Detail", c.Id,
                    words.State(CampaignZones.Find(c.TimeZone) is null ? c.State : CampaignSchedule.StateAt(c, nowUtc, [])),
                    words.ShortDate(c.StartDate), words.ShortDate(c.EndDate)),
                buttons(c)))
            .ToList();
    }

    /// <summary>What the chart shows, for its alt text: the screen reader finds every figure as text below it.</summary>
    public static string ChartAltText(CampaignReport report, CultureInfo culture)
    {
        var text = new DialogText(culture);
        return text.Format("Report_ChartAlt", report.Weeks.Count.ToString("N0", culture), report.Successes.ToString("N0", culture), report.Barriers.ToString("N0", culture));
    }

    /// <summary>The chart's own labels (title, axis, series), worded like the card.</summary>
    public static ReportChartText ChartText(CampaignReport report, CultureInfo culture)
    {
        var text = new DialogText(culture);
        return new ReportChartText(
            text.Format("Report_ChartTitle", report.CampaignName),
            text["Report_ChartAxis"],
            text["Report_ChartSuccesses"],
            text["Report_ChartBarriers"],
            report.Weeks.Select(w => w.Monday.ToString(text["Report_ShortDate"], culture)).ToList());
    }

    public static string PillarLabel(Pillar pillar, CultureInfo culture) => PillarLabel(pillar, new DialogText(culture));

    public static string ElementLabel(PartnershipElement element, CultureInfo culture) => ElementLabel(element, new DialogText(culture));

    private static string PillarLabel(Pillar pillar, DialogText text) => StoryOptions.Label(StoryOptions.Pillars, pillar, text);

    private static string ElementLabel(PartnershipElement element, DialogText text) => StoryOptions.Label(StoryOptions.Elements, element, text);
}

/// <summary>The words on the chart: its title, the y axis, the two series, and one label per week (oldest first).</summary>
public sealed record ReportChartText(string Title, string Axis, string Successes, string Barriers, IReadOnlyList<string> WeekLabels);
