using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using CsvHelper;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Exports;
using InfoStoryBot.Dialogs.Reports;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Dialogs.StoryCapture;

namespace InfoStoryBot.Bot.Exports;

/// <summary>
/// Writes one export format, one story at a time, straight to the output stream: nothing holds the whole set, so
/// 100,000 stories cost the memory of one batch. <see cref="BeginAsync"/>, then <see cref="WriteAsync"/> per story,
/// then <see cref="EndAsync"/> with the count.
/// </summary>
internal abstract class ExportWriter : IAsyncDisposable
{
    public abstract Task BeginAsync(Campaign campaign, DateTimeOffset exportedAt, CancellationToken cancellationToken);

    public abstract Task WriteAsync(StoryExport story, CancellationToken cancellationToken);

    public abstract Task EndAsync(int count, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public static ExportWriter For(ExportFormat format, Stream output, CultureInfo culture) => format switch
    {
        ExportFormat.Csv => new CsvExportWriter(output, culture),
        ExportFormat.Json => new JsonExportWriter(output),
        ExportFormat.Html => new HtmlExportWriter(output, culture),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format."),
    };

    public static string Extension(ExportFormat format) => format.ToString().ToLowerInvariant();

    public static string ContentType(ExportFormat format) => format switch
    {
        ExportFormat.Csv => "text/csv; charset=utf-8",
        ExportFormat.Json => "application/json; charset=utf-8",
        _ => "text/html; charset=utf-8",
    };

    protected static string Text(string key, CultureInfo culture) => BotText.Get(key, culture);

    protected static string Iso(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}

/// <summary>
/// CSV for spreadsheets: UTF-8 with a byte order mark (so Excel reads it as UTF-8), RFC 4180 quoting, and every cell
/// that starts with = + - @, tab or CR prefixed with an apostrophe by CsvHelper (CsvInjection.Escape), so Excel shows
/// it as text rather than running it as a formula (OWASP's advice on CSV injection).
/// </summary>
internal sealed class CsvExportWriter(Stream output, CultureInfo culture) : ExportWriter
{
    private static readonly string[] Columns =
    [
        "Id", "Title", "WhatHappened", "WhoWasInvolved", "InformationShared", "DifferenceMade", "Pillars", "Elements", "Kind",
        "Attribution", "TellerName", "TellerRole", "TellerOrganisation", "Featured", "CreatedAt", "SubmittedAt", "ApprovedAt",
    ];

    private readonly CsvWriter _csv = CsvWriter.Create(output, new CsvWriterOptions
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    }, leaveOpen: true);

    public override async Task BeginAsync(Campaign campaign, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        foreach (var column in Columns)
        {
            _csv.WriteField(Text("Export_Column_" + column, culture));
        }

        await _csv.EndRecordAsync(cancellationToken);
    }

    public override async Task WriteAsync(StoryExport story, CancellationToken cancellationToken)
    {
        string[] fields =
        [
            story.Id, story.Title, story.WhatHappened, string.Join("; ", story.WhoWasInvolved), story.InformationShared, story.DifferenceMade,
            string.Join("; ", story.Pillars.Select(p => ReportViews.PillarLabel(p, culture))),
            string.Join("; ", story.Elements.Select(e => ReportViews.ElementLabel(e, culture))),
            Text("Export_Kind_" + story.Kind, culture), Text("Export_Attribution_" + story.Attribution, culture),
            story.TellerName ?? "", story.TellerRole ?? "", story.TellerOrganisation ?? "",
            story.Featured ? Text("Export_Yes", culture) : Text("Export_No", culture),
            Iso(story.CreatedAt), Iso(story.SubmittedAt), Iso(story.ApprovedAt),
        ];
        foreach (var field in fields)
        {
            _csv.WriteField(field);
        }

        await _csv.EndRecordAsync(cancellationToken);
    }

    public override async Task EndAsync(int count, CancellationToken cancellationToken) => await _csv.FlushAsync(cancellationToken);

    public override ValueTask DisposeAsync() => _csv.DisposeAsync();
}

/// <summary>JSON as docs/export-schema.json describes it, written with Utf8JsonWriter and flushed every few stories.</summary>
internal sealed class JsonExportWriter(Stream output) : ExportWriter
{
    public const string Schema = "https://infostorybot/schemas/storybook-export/1";

    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Indented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) });
    private int _pending;

    public override async Task BeginAsync(Campaign campaign, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        _json.WriteString("$schema", Schema);
        _json.WriteString("exportedAt", Iso(exportedAt));
        _json.WriteStartObject("campaign");
        _json.WriteString("id", campaign.Id);
        _json.WriteString("name", campaign.Name);
        _json.WriteString("startDate", campaign.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        _json.WriteString("endDate", campaign.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (!string.IsNullOrWhiteSpace(campaign.Goal))
        {
            _json.WriteString("goal", campaign.Goal);
        }

        _json.WriteEndObject();
        _json.WriteStartArray("stories");
        await _json.FlushAsync(cancellationToken);
    }

    public override async Task WriteAsync(StoryExport story, CancellationToken cancellationToken)
    {
        _json.WriteStartObject();
        _json.WriteString("id", story.Id);
        _json.WriteString("title", story.Title);
        _json.WriteString("whatHappened", story.WhatHappened);
        _json.WriteStartArray("whoWasInvolved");
        foreach (var who in story.WhoWasInvolved)
        {
            _json.WriteStringValue(who);
        }

        _json.WriteEndArray();
        _json.WriteString("informationShared", story.InformationShared);
        _json.WriteString("differenceMade", story.DifferenceMade);
        _json.WriteStartArray("pillars");
        foreach (var pillar in story.Pillars)
        {
            _json.WriteStringValue(StoryViews.WireValue(pillar));
        }

        _json.WriteEndArray();
        _json.WriteStartArray("elements");
        foreach (var element in story.Elements)
        {
            _json.WriteStringValue(StoryViews.WireValue(element));
        }

        _json.WriteEndArray();
        _json.WriteString("kind", story.Kind == StoryKind.Barrier ? "barrier" : "success");
        _json.WriteString("attribution", story.Attribution switch { Attribution.Named => "named", Attribution.RoleOnly => "roleOnly", _ => "anonymous" });
        WriteIfSet("tellerName", story.TellerName);
        WriteIfSet("tellerRole", story.TellerRole);
        WriteIfSet("tellerOrganisation", story.TellerOrganisation);
        _json.WriteBoolean("featured", story.Featured);
        _json.WriteString("createdAt", Iso(story.CreatedAt));
        WriteIfSet("submittedAt", story.SubmittedAt is null ? null : Iso(story.SubmittedAt));
        WriteIfSet("approvedAt", story.ApprovedAt is null ? null : Iso(story.ApprovedAt));
        _json.WriteEndObject();
        if (++_pending == 64)
        {
            _pending = 0;
            await _json.FlushAsync(cancellationToken);
        }
    }

    public override async Task EndAsync(int count, CancellationToken cancellationToken)
    {
        _json.WriteEndArray();
        _json.WriteNumber("count", count);
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _json.DisposeAsync();

    private void WriteIfSet(string name, string? value)
    {
        if (value is not null)
        {
            _json.WriteString(name, value);
        }
    }
}

/// <summary>
/// A printable storybook: a title page in the campaign's words, then one story to a printed page (CSS page breaks),
/// each with its pillar, element and kind tags and the credit its teller chose, and a closing page with the count.
/// Every piece of text goes through HtmlEncoder; non-ASCII letters stay as they are (the page is UTF-8).
/// </summary>
internal sealed class HtmlExportWriter(Stream output, CultureInfo culture) : ExportWriter
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body { font-family: Georgia, 'Times New Roman', serif; color: #1b1b1b; max-width: 42rem; margin: 2rem auto; line-height: 1.5; padding: 0 1rem; }
        h1 { font-size: 2.4rem; margin-bottom: .25rem; } h2 { font-size: 1.6rem; margin-bottom: .25rem; } h3 { font-size: 1rem; margin: 1.2rem 0 .2rem; text-transform: uppercase; letter-spacing: .05em; color: #4a4a4a; }
        .tagline { font-size: 1.3rem; font-style: italic; } .title-page, .story, .closing { padding: 2rem 0; }
        .tags { margin: .5rem 0 1rem; padding: 0; } .tags li { display: inline-block; border: 1px solid #8a8a8a; border-radius: 1rem; padding: 0 .6rem; margin: 0 .3rem .3rem 0; font-size: .85rem; }
        .tags .barrier { border-color: #b34700; } .tags .success { border-color: #005a8c; } .byline { font-style: italic; margin-top: 1.2rem; }
        @media screen { .story, .closing { border-top: 1px solid #ccc; } }
        @media print { body { margin: 0 auto; } .title-page { break-after: page; page-break-after: always; } .story { break-after: page; page-break-after: always; break-inside: avoid-page; } }
        """;

    private readonly StreamWriter _html = new(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);

    public override async Task BeginAsync(Campaign campaign, DateTimeOffset exportedAt, CancellationToken cancellationToken)
    {
        var lang = culture.Name.Length > 0 ? culture.Name : "en-GB";
        await _html.WriteAsync($"<!DOCTYPE html>\n<html lang=\"{E(lang)}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(campaign.Name)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n");
        await _html.WriteAsync("<section class=\"title-page\">\n");
        await _html.WriteAsync($"<h1>{E(campaign.Name)}</h1>\n<p class=\"tagline\">{E(Text("Export_Html_Tagline", culture))}</p>\n");
        await _html.WriteAsync($"<p>{E(string.Format(culture, Text("Export_Html_Dates", culture), Long(campaign.StartDate), Long(campaign.EndDate)))}</p>\n");
        if (!string.IsNullOrWhiteSpace(campaign.Goal))
        {
            await _html.WriteAsync($"<p class=\"goal\">{E(campaign.Goal)}</p>\n");
        }

        await _html.WriteAsync($"<p>{E(Text("Export_Html_Intro", culture))}</p>\n");
        await _html.WriteAsync($"<p class=\"exported\">{E(string.Format(culture, Text("Export_Html_Exported", culture), Long(DateOnly.FromDateTime(exportedAt.UtcDateTime))))}</p>\n</section>\n");
    }

    public override async Task WriteAsync(StoryExport story, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder(4096);
        sb.Append("<article class=\"story\" id=\"story-").Append(E(story.Id)).Append("\">\n<h2>").Append(E(story.Title)).Append("</h2>\n<ul class=\"tags\">");
        var kind = story.Kind == StoryKind.Barrier ? "barrier" : "success";
        sb.Append("<li class=\"").Append(kind).Append("\">").Append(E(Text("Export_Kind_" + story.Kind, culture))).Append("</li>");
        foreach (var pillar in story.Pillars)
        {
            sb.Append("<li class=\"pillar\">").Append(E(ReportViews.PillarLabel(pillar, culture))).Append("</li>");
        }

        foreach (var element in story.Elements)
        {
            sb.Append("<li class=\"element\">").Append(E(ReportViews.ElementLabel(element, culture))).Append("</li>");
        }

        sb.Append("</ul>\n");
        Section(sb, "Export_Html_WhatHappened", story.WhatHappened);
        if (story.WhoWasInvolved.Count > 0)
        {
            Section(sb, "Export_Html_Who", string.Join(", ", story.WhoWasInvolved));
        }

        Section(sb, "Export_Html_Information", story.InformationShared);
        Section(sb, "Export_Html_Difference", story.DifferenceMade);
        sb.Append("<p class=\"byline\">").Append(E(Byline(story))).Append("</p>\n</article>\n");
        await _html.WriteAsync(sb, cancellationToken);
    }

    public override async Task EndAsync(int count, CancellationToken cancellationToken)
    {
        var closing = count == 1 ? Text("Export_Html_Closing_One", culture) : string.Format(culture, Text("Export_Html_Closing", culture), count.ToString("N0", culture));
        await _html.WriteAsync($"<section class=\"closing\"><p>{E(closing)}</p></section>\n</body>\n</html>\n");
        await _html.FlushAsync(cancellationToken);
    }

    public override ValueTask DisposeAsync() => _html.DisposeAsync();

    private void Section(StringBuilder sb, string heading, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        sb.Append("<h3>").Append(E(Text(heading, culture))).Append("</h3>\n");
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            sb.Append("<p>").Append(E(paragraph).Replace("&#xA;", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        }
    }

    private string Byline(StoryExport story) => story.Attribution switch
    {
        _ when story.TellerName is null && story.TellerRole is null && story.TellerOrganisation is null => Text("Export_Html_Anonymous", culture),
        _ => "— " + string.Join(", ", new[] { story.TellerName, story.TellerRole, story.TellerOrganisation }.Where(s => s is not null)),
    };

    private string Long(DateOnly date) => date.ToString("d MMMM yyyy", culture);

    private static string E(string? text) => Encoder.Encode(text ?? "");
}
