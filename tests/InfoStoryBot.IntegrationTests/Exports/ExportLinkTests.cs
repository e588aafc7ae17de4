using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Exports;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.IntegrationTests.DevChat;
using InfoStoryBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace InfoStoryBot.IntegrationTests.Exports;

/// <summary>
/// Local Web Chat has no file consent: an export there (the Admin identity typing <c>export … json</c>) is a signed,
/// short-lived link the bot itself serves.
/// </summary>
public sealed partial class ExportLinkTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private BotHost _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = BotHost.Start(services: s => s.AddSingleton<TimeProvider>(_time));
        await ExportSamples.SeedAsync(_bot.Services, 4);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    /// <summary>The Web Chat page's Admin identity types the real command; the bot answers with the link (Web Chat has no file consent).</summary>
    private async Task<Uri> AskAsync(ExportFormat format)
    {
        using var http = _bot.CreateHttpClient();
        var admin = await DirectLineClient.StartedAsync(http, "admin");
        await admin.SayAsync($"export {ExportSamples.CampaignId} {format.ToString().ToLowerInvariant()}");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var said = new List<string>();
        while (DateTime.UtcNow < deadline)
        {
            foreach (var activity in await admin.PollAsync())
            {
                // The welcome card may come first (a new conversation); a file consent card must never come.
                Assert.DoesNotContain("application/vnd.microsoft.teams.card.file.consent", activity.GetRawText(), StringComparison.Ordinal);
                if (activity.TryGetProperty("text", out var text) && text.GetString() is { } line)
                {
                    said.Add(line);
                    if (Link().Match(line) is { Success: true } match)
                    {
                        return new Uri(match.Groups[1].Value);
                    }
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("No link came; the bot said: " + string.Join(" | ", said));
    }

    [Fact]
    public async Task ExportCommand_InWebChat_GivesALinkThatDownloadsTheExportAndIsAudited()
    {
        var link = await AskAsync(ExportFormat.Json);
        using var http = _bot.CreateHttpClient();

        using var response = await http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Matches(@"^spring-2026-storybook-\d{4}-\d{2}-\d{2}\.json$", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var json = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(4, json.RootElement.GetProperty("count").GetInt32());
        var entry = Assert.Single(await _bot.Services.GetRequiredService<IAuditLog>().ListRecentAsync(5, CancellationToken.None));
        Assert.Equal(("storybook.export", "json, 4 stories, by link"), (entry.Action, entry.Details));
    }

    [Fact]
    public async Task Link_TamperedOrExpired_DownloadsNothing()
    {
        var link = await AskAsync(ExportFormat.Csv);
        using var http = _bot.CreateHttpClient();
        var token = link.AbsolutePath["/exports/".Length..];
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var stretched = token[..(dot - 2)] + (token[dot - 2] == 'A' ? 'B' : 'A') + token[(dot - 1)..];

        using var tampered = await http.GetAsync(new Uri(link, "/exports/" + stretched));
        using var garbage = await http.GetAsync(new Uri(link, "/exports/not-a-token"));
        _time.Advance(TimeSpan.FromMinutes(15));
        using var expired = await http.GetAsync(link);

        Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, garbage.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("expired", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Links_OutsideLocalMode_DoNotExist()
    {
        await using var teams = BotHost.Start(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = "11111111-2222-3333-4444-555555555555",
            ["MicrosoftAppPassword"] = "not-used",
            ["MicrosoftAppTenantId"] = "99999999-8888-7777-6666-555555555555",
        });
        using var http = teams.CreateHttpClient();

        using var response = await http.GetAsync("/exports/anything.at-all");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(teams.Services.GetService<ExportLinks>());
    }

    [GeneratedRegex(@"\]\((http://[^)]+)\)")]
    private static partial Regex Link();
}
