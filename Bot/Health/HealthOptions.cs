using System.ComponentModel.DataAnnotations;

namespace InfoStoryBot.Bot.Health;

public sealed record HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// App Service and container orchestrators give a probe a few seconds; a hung dependency must turn
    /// into a 503 before the probe itself times out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Health:CheckTimeout must be between 50 ms and 1 minute.")]
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
