namespace InfoStoryBot.Bot.Health;

/// <summary>
/// One dependency the app needs before it can take traffic (storage, for example). Registered as many
/// as there are; GET /readyz runs them all, each bounded by <see cref="HealthOptions.CheckTimeout"/>.
/// </summary>
public interface IReadinessCheck
{
    /// <summary>A short, stable name shown in the /readyz summary, e.g. "storage".</summary>
    string Name { get; }

    /// <summary>Whether the dependency answers. Throwing counts as not ready; the message goes to the log only.</summary>
    Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>A check's answer. The description is safe to show publicly (no secrets, no connection strings).</summary>
public sealed record ReadinessResult(bool IsReady, string? Description = null)
{
    public static ReadinessResult Ready(string? description = null) => new(true, description);

    public static ReadinessResult NotReady(string? description = null) => new(false, description);
}
