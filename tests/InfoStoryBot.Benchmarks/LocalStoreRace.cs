using System.Text;
using System.Text.Json;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Storage.Local;

namespace InfoStoryBot.Benchmarks;

/// <summary>
/// A second process for the local folder store's cross-process tests: races to create "race/create/{i}" (if
/// absent) and to add increments to "race/counter" (if match, retrying), then prints what it won as JSON.
/// </summary>
internal static class LocalStoreRace
{
    public static async Task<int> RunAsync(Arguments args)
    {
        var path = args.String("path") ?? throw new ArgumentException("--path is required");
        var who = args.String("who") ?? Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var creates = args.Int("creates", 200);
        var increments = args.Int("increments", 50);
        var store = new LocalFolderBlobStore(path, TimeProvider.System);
        await store.InitializeAsync(CancellationToken.None);

        var won = new List<int>();
        for (var i = 0; i < creates; i++)
        {
            try
            {
                await store.WriteAsync($"race/create/{i:D4}", Encoding.UTF8.GetBytes(who), WriteCondition.IfAbsent, CancellationToken.None);
                won.Add(i);
            }
            catch (ConcurrencyConflictException)
            {
            }
        }

        var conflicts = 0;
        for (var i = 0; i < increments; i++)
        {
            while (true)
            {
                var current = await store.ReadAsync("race/counter", CancellationToken.None)
                    ?? throw new InvalidOperationException("race/counter must exist before the race");
                var value = int.Parse(Encoding.UTF8.GetString(current.Content.Span), System.Globalization.CultureInfo.InvariantCulture);
                try
                {
                    await store.WriteAsync("race/counter", Encoding.UTF8.GetBytes((value + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), WriteCondition.IfMatch(current.ETag), CancellationToken.None);
                    break;
                }
                catch (ConcurrencyConflictException)
                {
                    conflicts++;
                }
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(new { who, won, conflicts }));
        return 0;
    }
}
