using System.Net.Http.Headers;
using InfoStoryBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace InfoStoryBot.IntegrationTests.BadInput;

/// <summary>Posts every corpus entry and lists each answer that is not a clear one.</summary>
internal static class CorpusRunner
{
    /// <summary>An answer may name the position of an error; it has no business being long, or repeating the body.</summary>
    private const int MaxAnswerChars = 2_000;

    public static async Task<IReadOnlyList<string>> RunAsync(HttpClient http, string path, IEnumerable<BadInput> corpus, string? authorization)
    {
        var problems = new List<string>();
        foreach (var input in corpus)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(input.Body) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(input.ContentType);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            using var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            var answer = await response.Content.ReadAsStringAsync();
            if (status >= 500)
            {
                problems.Add($"{input.Name}: {status} {Shorten(answer)}");
            }
            else if (input.Expected is { } expected && status != expected)
            {
                problems.Add($"{input.Name}: expected {expected}, got {status} {Shorten(answer)}");
            }

            if (answer.Contains(BadInputCorpus.Canary, StringComparison.Ordinal) || answer.Length > MaxAnswerChars)
            {
                problems.Add($"{input.Name}: the answer echoes the body ({answer.Length} chars): {Shorten(answer)}");
            }
        }

        return problems;
    }

    /// <summary>Crashes the app caught: unhandled exceptions and handler failures (each is an apology to the user).</summary>
    public static IReadOnlyList<string> Crashes(LogCapture logs) =>
        [.. logs.Entries
            .Where(e => e.Level >= LogLevel.Error
                && (e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) || e.Message.Contains("A handler failed", StringComparison.Ordinal)))
            .Select(e => $"{e.Category}: {e.Message} {e.Exception?.GetType().Name}: {e.Exception?.Message}")];

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
