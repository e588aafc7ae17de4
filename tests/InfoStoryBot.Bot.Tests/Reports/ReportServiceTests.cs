using System.Buffers.Binary;
using System.Globalization;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Reports;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Tests.Experiments;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Stories;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SkiaSharp;

namespace InfoStoryBot.Bot.Tests.Reports;

public sealed class ReportServiceTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly Uri BaseUrl = new("https://infostorybot.example.org/");
    private const string CampaignId = AttributionLedgerTests.Campaign;

    private StoryStore Stories => new(Blobs, NullLogger<StoryStore>.Instance);

    private ReportService Service(ReportsOptions? options = null) => new(
        new CampaignStore(Blobs),
        new CampaignStoryIndex(Blobs),
        AttributionLedgerTests.Deliveries(Blobs, Time),
        new AttributionLedger(Blobs, AttributionLedgerTests.Deliveries(Blobs, Time), Options.Create(new ExperimentsOptions()), Time, NullLogger<AttributionLedger>.Instance),
        new ChartStore(Blobs),
        Options.Create(options ?? new ReportsOptions()),
        new HttpContextAccessor(),
        Time,
        NullLogger<ReportService>.Instance);

    protected override async Task OnInitializedAsync() =>
        await new CampaignStore(Blobs).SaveAsync(new Campaign
        {
            Id = CampaignId,
            Name = "Spring #infostory",
            StartDate = new DateOnly(2026, 3, 2),
            EndDate = new DateOnly(2026, 3, 27),
            TargetChannelIds = ["19:one@thread.tacv2"],
            State = CampaignState.Running,
            CreatedAt = Time.GetUtcNow(),
            UpdatedAt = Time.GetUtcNow(),
        }, null, None);

    private async Task<Story> TellAsync(StoryKind kind, Pillar pillar, PartnershipElement element, StoryStatus status = StoryStatus.Approved, int day = 0, StoryOrigin? origin = null)
    {
        var at = Time.GetUtcNow().AddDays(day);
        var story = new Story
        {
            Id = StoryIdGenerator.New(at),
            CampaignId = CampaignId,
            Status = status,
            Content = new StoryContent { Title = "A review where everyone already knew", Kind = kind, Pillars = [pillar], Elements = [element], ConsentToPublish = true },
            Teller = new StoryTeller("teller-" + Guid.NewGuid(), null, null),
            CreatedAt = at,
            UpdatedAt = at,
            Origin = origin,
        };
        await Stories.CreateAsync(story, None);
        return story;
    }

    [Fact]
    public async Task Build_StoriesAndNudges_CountsFromTheIndexAndTheLedgers_AndWithdrawalLeavesEveryCount()
    {
        var delivery = await AttributionLedgerTests.SentDeliveryAsync(Blobs, Time, variant: null);
        var attribution = new AttributionLedger(Blobs, AttributionLedgerTests.Deliveries(Blobs, Time), Options.Create(new ExperimentsOptions()), Time, NullLogger<AttributionLedger>.Instance);
        var nudged = await TellAsync(StoryKind.Barrier, Pillar.InformationGovernance, PartnershipElement.Partners, origin: new StoryOrigin(delivery, null));
        await attribution.RecordPressAsync(delivery, null, nudged.Teller.AadObjectId, None);
        await attribution.RecordStorySubmittedAsync(nudged.Origin!, nudged.Id, nudged.Teller.AadObjectId, Time.GetUtcNow(), None);
        await TellAsync(StoryKind.Barrier, Pillar.InformationGovernance, PartnershipElement.Partners, StoryStatus.Submitted, day: 8);
        await TellAsync(StoryKind.Success, Pillar.Culture, PartnershipElement.Communication, day: 8);
        await TellAsync(StoryKind.Success, Pillar.Culture, PartnershipElement.Communication, StoryStatus.Draft);
        Time.Advance(TimeSpan.FromDays(10));

        var before = (await Service().BuildAsync(CampaignId, BaseUrl, EnGb, None))!.Report;
        await Stories.WithdrawAsync(nudged.Id, None);
        var after = (await Service().BuildAsync(CampaignId, BaseUrl, EnGb, None))!.Report;

        Assert.Equal((3, 1, 2, 2, 1), (before.Stories, before.Successes, before.Barriers, before.Approved, before.AwaitingModeration));
        Assert.Equal([1, 2], before.Weeks.Select(w => w.Total));
        Assert.Equal(2, before.BarrierMap.Single(c => c.Element == PartnershipElement.Partners && c.Pillar == Pillar.InformationGovernance).Barriers);
        Assert.Equal((1, 1, 1, 1), (before.Nudges.ChannelsReached, before.Nudges.Deliveries, before.Nudges.Presses, before.Nudges.StoriesFollowed));
        Assert.Equal((2, 1), (after.Stories, after.Barriers));
        Assert.Equal(0, after.Nudges.StoriesFollowed);
    }

    [Fact]
    public async Task Build_WithAnAddress_StoresAPngThatDecodesAndPointsTheCardAtIt()
    {
        for (var i = 0; i < 12; i++)
        {
            await TellAsync(i % 3 == 0 ? StoryKind.Barrier : StoryKind.Success, (Pillar)(i % 3), (PartnershipElement)(i % 6), day: i * 2);
        }

        Time.Advance(TimeSpan.FromDays(25));
        var result = (await Service().BuildAsync(CampaignId, BaseUrl, EnGb, None))!;

        Assert.NotNull(result.ChartUrl);
        Assert.StartsWith("https://infostorybot.example.org/reports/charts/", result.ChartUrl, StringComparison.Ordinal);
        var id = result.ChartUrl![^36..^4];
        var png = (await new ChartStore(Blobs).GetAsync(id, None))!;
        AssertIsPng(png, ReportChartDrawing.Width, ReportChartDrawing.Height);
        Assert.Contains(result.ChartUrl, CardJson.Serialize(result.Card), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_NoAddressConfiguredOutsideARequest_GivesTheFiguresWithoutAChart()
    {
        await TellAsync(StoryKind.Success, Pillar.Culture, PartnershipElement.Creativity);

        var result = (await Service().BuildAsync(CampaignId, EnGb, None))!;
        var configured = (await Service(new ReportsOptions { PublicBaseUrl = "https://bot.example.org" }).BuildAsync(CampaignId, EnGb, None))!;

        Assert.Null(result.ChartUrl);
        Assert.Contains("Reports:PublicBaseUrl", CardJson.Serialize(result.Card), StringComparison.Ordinal);
        Assert.StartsWith("https://bot.example.org/reports/charts/", configured.ChartUrl, StringComparison.Ordinal);
        Assert.Null(await Service().BuildAsync("no-such-campaign", BaseUrl, EnGb, None));
    }

    [Fact]
    public void Draw_ManyWeeks_IsAPngOfTheStatedSizeWithBothSeriesColours()
    {
        var tally = new Dialogs.Reports.ReportTally(new Campaign
        {
            Id = "long", Name = "Long", StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2026, 1, 1),
            CreatedAt = Time.GetUtcNow(), UpdatedAt = Time.GetUtcNow(),
        });
        for (var d = 0; d < 700; d += 3)
        {
            tally.Add(new Dialogs.Reports.StoryFact(new DateTimeOffset(2024, 1, 1, 12, 0, 0, TimeSpan.Zero).AddDays(d), StoryStatus.Approved, d % 2 == 0 ? StoryKind.Barrier : StoryKind.Success, 1, 1));
        }

        var report = tally.Build(new Dialogs.Reports.NudgeFigures(0, 0, 0, 0, 0, 0, 0), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));
        var png = ReportChartDrawing.Draw(report, Dialogs.Reports.ReportViews.ChartText(report, EnGb));

        AssertIsPng(png, ReportChartDrawing.Width, ReportChartDrawing.Height);
        using var bitmap = SKBitmap.Decode(png);
        var colours = new HashSet<SKColor>();
        for (var x = 0; x < bitmap.Width; x += 2)
        {
            for (var y = 0; y < bitmap.Height; y += 2)
            {
                colours.Add(bitmap.GetPixel(x, y));
            }
        }

        Assert.Contains(new SKColor(0x00, 0x72, 0xB2), colours);
        Assert.Contains(new SKColor(0xD5, 0x5E, 0x00), colours);
    }

    /// <summary>The PNG signature, an IHDR of the given size first, and a full decode by SkiaSharp.</summary>
    internal static void AssertIsPng(byte[] png, int width, int height)
    {
        Assert.True(png.Length > 1000, $"{png.Length} bytes is too small for a chart");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
    }
}
