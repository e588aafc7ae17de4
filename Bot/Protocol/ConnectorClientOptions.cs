using System.ComponentModel.DataAnnotations;

namespace InfoStoryBot.Bot.Protocol;

/// <summary>
/// How hard the Connector client tries (configuration section <c>Connector</c>). Defaults follow Teams' rate-limit
/// guidance: 3 retries, 2 s doubling to a 20 s cap with ±20% jitter, Retry-After honoured, 30 requests a second per tenant.
/// </summary>
public sealed class ConnectorClientOptions
{
    public const string SectionName = "Connector";

    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A Retry-After longer than this is not waited out: the call fails as throttled and the caller decides.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Per attempt. The Connector normally answers in well under a second.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most one token request may take, MSAL's own retries included: a silent Entra must not hold a turn past
    /// the 15 s Teams waits for an answer, and the reply is kept for Teams' redelivery anyway.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan TokenTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The budget per tenant, shared by every call the bot makes, replies and proactive sends alike (Teams documents
    /// 30 to 50 per app per tenant); interactive calls go first within it. 0 turns all pacing off, the per-thread
    /// limits included (benchmarks that measure the bot rather than the budget).
    /// </summary>
    [Range(0, 1000)]
    public int RequestsPerSecondPerTenant { get; set; } = 30;
}
