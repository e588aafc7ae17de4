using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Liveness says only "the process serves HTTP": it must never depend on storage, or a storage
        // outage would make the platform restart healthy instances in a loop.
        app.MapGet("/healthz", () => Results.Text("ok", "text/plain"))
            .ExcludeFromDescription();

        app.MapGet("/readyz", (IEnumerable<IReadinessCheck> checks, IOptions<HealthOptions> options, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
                ReadyAsync(checks, options.Value, loggerFactory, cancellationToken))
            .ExcludeFromDescription();

        return app;
    }

    private static async Task<IResult> ReadyAsync(
        IEnumerable<IReadinessCheck> checks,
        HealthOptions options,
        ILoggerFactory loggerFactory,
        CancellationToken cancellationToken)
    {
        var logger = loggerFactory.CreateLogger(typeof(HealthEndpoints));
        var timeout = options.CheckTimeout;
        var results = await Task.WhenAll(checks.Select(check => RunAsync(check, timeout, logger, cancellationToken)));
        var ready = results.All(r => r.Status == ReadinessStatus.Ready);
        var body = new ReadinessReport(ready ? ReadinessStatus.Ready : ReadinessStatus.NotReady, results);
        return Results.Json(body, statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<CheckReport> RunAsync(IReadinessCheck check, TimeSpan timeout, ILogger logger, CancellationToken requestAborted)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        cts.CancelAfter(timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            // WaitAsync bounds checks that ignore their token as well as those that honour it.
            var result = await check.CheckAsync(cts.Token).WaitAsync(cts.Token);
            if (!result.IsReady)
            {
                logger.LogWarning("Readiness check {Check} reports not ready: {Description}", check.Name, result.Description);
            }

            return new CheckReport(check.Name, result.IsReady ? ReadinessStatus.Ready : ReadinessStatus.NotReady, result.Description, Elapsed(started));
        }
        catch (OperationCanceledException) when (!requestAborted.IsCancellationRequested)
        {
            logger.LogWarning("Readiness check {Check} did not answer within {Timeout}", check.Name, timeout);
            return new CheckReport(check.Name, ReadinessStatus.NotReady, $"no answer within {timeout.TotalSeconds:0.###} s", Elapsed(started));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception may carry hostnames or keys: it goes to the log, not to an anonymous caller.
            logger.LogWarning(ex, "Readiness check {Check} failed", check.Name);
            return new CheckReport(check.Name, ReadinessStatus.NotReady, "the check failed; see the log", Elapsed(started));
        }
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
}

public static class ReadinessStatus
{
    public const string Ready = "ready";
    public const string NotReady = "not ready";
}

public sealed record ReadinessReport(string Status, IReadOnlyList<CheckReport> Checks);

public sealed record CheckReport(string Name, string Status, string? Description, double ElapsedMs);
