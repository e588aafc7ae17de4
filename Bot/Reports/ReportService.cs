using System.Globalization;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Reports;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Reports;
using InfoStoryBot.Dialogs.Stories;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Reports;

/// <summary>A campaign's report: the figures, and the card that shows them with the chart.</summary>
public sealed record ReportResult(CampaignReport Report, AdaptiveCard Card, string? ChartUrl);

/// <summary><c>report &lt;campaign&gt;</c> (and the report button): for the admin command handler, after the admin gate.</summary>
public interface IReportService
{
    /// <summary>
    /// Builds the report of a campaign, draws and stores its chart, and lays out the card. Null for an unknown campaign.
    /// The chart is served from <see cref="ReportsOptions.PublicBaseUrl"/>, or from the current request's own address
    /// when that is loopback; with neither, the card has every figure but no chart.
    /// </summary>
    Task<ReportResult?> BuildAsync(string campaignId, CultureInfo culture, CancellationToken cancellationToken);

    /// <summary>As above with the address to serve the chart from given (null: no chart).</summary>
    Task<ReportResult?> BuildAsync(string campaignId, Uri? chartBaseUrl, CultureInfo culture, CancellationToken cancellationToken);
}

/// <summary>
/// The read path, built for 100,000 stories in under 2 seconds on the local store: story figures from the campaign's
/// storybook index names only (<see cref="CampaignStoryIndex"/>), nudge figures from the delivery ledger (one small
/// record per channel per slot) and the attribution ledger (names only); nothing reads a story.
/// </summary>
internal sealed partial class ReportService(
    ICampaignStore campaigns,
    CampaignStoryIndex index,
    IDeliveryLedger deliveries,
    IAttributionLedger outcomes,
    IChartStore charts,
    IOptions<ReportsOptions> options,
    IHttpContextAccessor http,
    TimeProvider time,
    ILogger<ReportService> log) : IReportService
{
    private static readonly StoryStatus[] Counted = [StoryStatus.Submitted, StoryStatus.Approved];

    public Task<ReportResult?> BuildAsync(string campaignId, CultureInfo culture, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.BaseUri ?? RequestBaseUrl();
        if (baseUrl is null)
        {
            LogNoChartAddress(log);
        }

        return BuildAsync(campaignId, baseUrl, culture, cancellationToken);
    }

    public async Task<ReportResult?> BuildAsync(string campaignId, Uri? chartBaseUrl, CultureInfo culture, CancellationToken cancellationToken)
    {
        if (await campaigns.GetAsync(campaignId, cancellationToken) is not { } stored)
        {
            return null;
        }

        var campaign = stored.Value;
        var tally = new ReportTally(campaign);
        var live = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var (storyId, fact) in index.ReadAsync(campaign.Id, Counted, cancellationToken))
        {
            tally.Add(fact);
            live.Add(storyId);
        }

        var sent = (await deliveries.ListForCampaignAsync(campaign.Id, cancellationToken))
            .Where(d => d.Status == DeliveryStatus.Sent)
            .Select(d => new DeliveryFact(d.Id, d.ChannelId, d.SlotUtc, d.Variant, d.NudgeId))
            .ToList();
        var nudges = NudgeTally.Count(sent, await outcomes.ListAsync(campaign.Id, cancellationToken), live.Contains);
        var report = tally.Build(nudges, time.GetUtcNow());

        ReportChart? chart = null;
        string? missing = null;
        if (chartBaseUrl is not null)
        {
            var png = ReportChartDrawing.Draw(report, ReportViews.ChartText(report, culture));
            var id = await charts.SaveAsync(png, cancellationToken);
            chart = new ReportChart(new Uri(chartBaseUrl, ReportEndpoints.ChartPath(id)).ToString(), ReportViews.ChartAltText(report, culture));
        }
        else
        {
            missing = Resources.BotText.Get("Report_NoChart", culture);
        }

        var card = ReportCard.Build(ReportViews.Card(report, chart, missing, culture), culture);
        return new ReportResult(report, card, chart?.Url);
    }

    /// <summary>The address the current request came in on, when it is loopback (local mode, tests); never a public one, which could be a forged Host header.</summary>
    private Uri? RequestBaseUrl()
    {
        if (http.HttpContext?.Request is not { } request || !request.Host.HasValue)
        {
            return null;
        }

        var uri = new Uri($"{request.Scheme}://{request.Host.Value}/");
        var remote = http.HttpContext.Connection.RemoteIpAddress;
        return ReportsOptions.IsLoopback(uri.Host) && remote is not null && System.Net.IPAddress.IsLoopback(remote) ? uri : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A report went out without its chart: set Reports:PublicBaseUrl to the bot's public https address so Teams can fetch it")]
    private static partial void LogNoChartAddress(ILogger logger);
}
