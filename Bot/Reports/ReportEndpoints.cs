using Microsoft.Net.Http.Headers;

namespace InfoStoryBot.Bot.Reports;

/// <summary>
/// <c>GET /reports/charts/{id}.png</c>: the report charts, for Teams clients to fetch. Teams wants an https URL that
/// answers 200 with the image itself (no redirect) and without the user's credentials, so the unguessable id is the
/// only key, and the image is the same forever (cache it). Chosen over a data URI in the card: Teams' desktop and
/// web clients have rendered data URIs unreliably, a 20 KB PNG would take most of the card's 28 KB budget once base64
/// encoded, and some renderers cut data URIs at about 65,000 characters (docs/bot-framework-protocol.md §15).
/// </summary>
public static class ReportEndpoints
{
    public static string ChartPath(string id) => $"reports/charts/{id}.png";

    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/charts/{id}.png", async (string id, IChartStore charts, HttpContext context, CancellationToken cancellationToken) =>
        {
            if (await charts.GetAsync(id, cancellationToken) is not { } png)
            {
                return Results.NotFound();
            }

            context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            return Results.Bytes(png, "image/png");
        }).ExcludeFromDescription();
        return app;
    }
}
