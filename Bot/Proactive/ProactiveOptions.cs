using System.ComponentModel.DataAnnotations;

namespace InfoStoryBot.Bot.Proactive;

/// <summary>How the proactive sender bounds a send (configuration section <c>Proactive</c>).</summary>
public sealed class ProactiveOptions : IValidatableObject
{
    public const string SectionName = "Proactive";

    /// <summary>
    /// The longest one send may take, the Connector client's retries and Retry-After waits included. A send still
    /// going then is cut off: "failed, retryable" when no request had left, "unknown" when one may have been posted.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SendDeadline { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// A claim older than this without an outcome belongs to an instance that died mid-send: it is shown, and
    /// stored, as unknown (never sent again). At least twice <see cref="SendDeadline"/>, so a live sender always
    /// records its outcome first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "1.00:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClaimTimeout < SendDeadline * 2)
        {
            yield return new ValidationResult(
                $"Proactive:ClaimTimeout ({ClaimTimeout}) must be at least twice Proactive:SendDeadline ({SendDeadline}): a claim must not look abandoned while its sender is still trying.",
                [nameof(ClaimTimeout)]);
        }
    }
}
