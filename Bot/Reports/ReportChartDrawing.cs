using InfoStoryBot.Dialogs.Reports;
using ScottPlot;

namespace InfoStoryBot.Bot.Reports;

/// <summary>
/// Draws the report's chart with ScottPlot 5 (SkiaSharp underneath; its Linux native assets are the
/// NoDependencies build, so nothing is needed from the system but a font): stories per week as stacked bars,
/// successes below, barriers on top. 960×480 PNG, inside Teams' 1024×1024 limit for card images.
/// </summary>
public static class ReportChartDrawing
{
    public const int Width = 960;
    public const int Height = 480;

    /// <summary>A year of weeks at most: beyond that a bar would be thinner than a pixel or two.</summary>
    public const int MaxWeeks = 52;

    // Colour-blind-safe pair (Okabe and Ito): blue for successes, vermilion for barriers.
    private static readonly Color SuccessColour = Color.FromHex("#0072B2");
    private static readonly Color BarrierColour = Color.FromHex("#D55E00");

    public static byte[] Draw(CampaignReport report, ReportChartText text)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(text);
        var skip = Math.Max(0, report.Weeks.Count - MaxWeeks);
        var weeks = report.Weeks.Skip(skip).ToList();
        var labels = text.WeekLabels.Skip(skip).ToList();

        using var plot = new Plot();
        var bars = new List<Bar>(weeks.Count * 2);
        for (var i = 0; i < weeks.Count; i++)
        {
            bars.Add(new Bar { Position = i, ValueBase = 0, Value = weeks[i].Successes, FillColor = SuccessColour, LineWidth = 0, Size = 0.8 });
            bars.Add(new Bar { Position = i, ValueBase = weeks[i].Successes, Value = weeks[i].Total, FillColor = BarrierColour, LineWidth = 0, Size = 0.8 });
        }

        plot.Add.Bars(bars);
        plot.Title(text.Title);
        plot.Axes.Left.Label.Text = text.Axis;
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = text.Successes, FillColor = SuccessColour });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = text.Barriers, FillColor = BarrierColour });

        // A label on every week up to 13 weeks, then every n-th one so they never overlap.
        var every = Math.Max(1, (int)Math.Ceiling(weeks.Count / 13.0));
        var positions = Enumerable.Range(0, weeks.Count).Where(i => i % every == 0).ToList();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            positions.Select(i => (double)i).ToArray(), positions.Select(i => labels[i]).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Grid.XAxisStyle.MajorLineStyle.Width = 0;

        var highest = weeks.Count == 0 ? 0 : weeks.Max(w => w.Total);
        plot.Axes.SetLimits(-0.6, Math.Max(weeks.Count, 1) - 0.4, 0, Math.Max(4, highest * 1.15));
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}

/// <summary>
/// Draws one throwaway chart when the app starts, in the background: the first ScottPlot render loads SkiaSharp's
/// native library and the fonts (about a second), which would otherwise land on the first admin who asks for a report.
/// </summary>
internal sealed partial class ChartWarmUp(ILogger<ChartWarmUp> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            var report = new CampaignReport
            {
                CampaignId = "warm-up",
                CampaignName = "warm-up",
                TimeZone = "Europe/London",
                StartDate = new DateOnly(2026, 1, 5),
                EndDate = new DateOnly(2026, 1, 11),
                GeneratedAt = DateTimeOffset.UnixEpoch,
                Weeks = [new WeekCount(new DateOnly(2026, 1, 5), 1, 1)],
            };
            ReportChartDrawing.Draw(report, new ReportChartText("warm-up", "Stories", "Successes", "Barriers", ["5 Jan"]));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Not fatal: reports still work, and still have every figure as text, if charts cannot be drawn.
            LogWarmUpFailed(log, e);
        }
    }, stoppingToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not draw a chart at start-up; report charts may be missing")]
    private static partial void LogWarmUpFailed(ILogger logger, Exception exception);
}
