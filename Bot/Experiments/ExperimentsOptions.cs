using System.ComponentModel.DataAnnotations;
using InfoStoryBot.Dialogs.Experiments;

namespace InfoStoryBot.Bot.Experiments;

/// <summary>Section <c>Experiments</c>: attribution and when a verdict may be given.</summary>
public sealed class ExperimentsOptions
{
    public const string Section = "Experiments";

    /// <summary>A story counts for a nudge when it is submitted within this long after the teller pressed it.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00", ErrorMessage = "Experiments:AttributionWindow must be between 1 hour and 90 days.")]
    public TimeSpan AttributionWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Below this many deliveries for any variant, the verdict is "too early to tell".</summary>
    [Range(1, 100_000, ErrorMessage = "Experiments:MinDeliveriesPerVariant must be between 1 and 100000.")]
    public int MinDeliveriesPerVariant { get; init; } = ExperimentVerdicts.DefaultMinDeliveriesPerVariant;
}
