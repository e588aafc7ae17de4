using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Reports;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.IntegrationTests.Exports;
using InfoStoryBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace InfoStoryBot.IntegrationTests.Reports;

/// <summary>
/// The report as Teams gets it: a card Microsoft's parser accepts, whose Image points at the bot's own
/// <c>/reports/charts/{id}.png</c>, which answers 200 image/png (no redirect) with a PNG that decodes.
/// </summary>
public sealed class ReportChartEndpointTests : IAsyncLifetime
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = BotHost.Start();
        await ExportSamples.SeedAsync(_bot.Services, 6);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Report_CardPassesTheParser_AndItsChartIsServedAsAPngThatDecodes()
    {
        var result = (await _bot.Services.GetRequiredService<IReportService>().BuildAsync(ExportSamples.CampaignId, _bot.BaseAddress, EnGb, CancellationToken.None))!;
        var json = CardJson.Serialize(result.Card);

        var report = Assert.Single(AdaptiveCardsParser.Validate([json]));
        Assert.Empty(report.Errors);
        Assert.Empty(report.Warnings);
        Assert.True(CardJson.SizeInBytes(result.Card) < CardJson.MaxBytes);
        var url = JsonNode.Parse(json)!["body"]!.AsArray().OfType<JsonObject>().Single(e => (string?)e["type"] == "Image")["url"]!.GetValue<string>();
        Assert.Equal(result.ChartUrl, url);

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var png = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((ReportChartDrawing.Width, ReportChartDrawing.Height), (bitmap.Width, bitmap.Height));
        Assert.Equal(7, result.Report.Stories); // the unconsented story counts (it is not published), the withdrawn one does not
    }

    [Theory]
    [InlineData("/reports/charts/00000000000000000000000000000000.png")]
    [InlineData("/reports/charts/..%2F..%2Fcampaigns%2Fspring-2026.json.png")]
    [InlineData("/reports/charts/ABC.png")]
    public async Task Chart_UnknownOrMalformedId_Is404(string path)
    {
        using var http = _bot.CreateHttpClient();

        using var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
