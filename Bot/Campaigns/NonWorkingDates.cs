using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Campaigns;

/// <summary>The dates nothing is posted on (bank holidays and the like), for every campaign: <c>Nudges:NonWorkingDates</c>.</summary>
public interface INonWorkingDates
{
    IReadOnlyCollection<DateOnly> Dates { get; }
}

/// <summary>
/// <c>Nudges:NonWorkingDates</c>: dates as yyyy-MM-dd, e.g. <c>"Nudges:NonWorkingDates:0": "2027-12-25"</c>. Campaigns
/// read them for their next slots and the start rules; the nudge scheduler reads the same setting.
/// </summary>
public sealed class NonWorkingDatesOptions : IValidatableObject
{
    public const string Section = "Nudges";

    public IList<string> NonWorkingDates { get; } = [];

    public IReadOnlyCollection<DateOnly> Parsed() =>
        NonWorkingDates.Select(d => DateOnly.TryParseExact(d?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? (DateOnly?)date : null)
            .OfType<DateOnly>()
            .ToHashSet();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var date in NonWorkingDates.Where(d => !DateOnly.TryParseExact(d?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
        {
            yield return new ValidationResult($"Nudges:NonWorkingDates holds '{date}', which is not a date written yyyy-MM-dd (such as 2027-12-25).");
        }
    }
}

/// <summary>Read on every use, so a change to the setting applies without a restart.</summary>
internal sealed class ConfiguredNonWorkingDates(IOptionsMonitor<NonWorkingDatesOptions> options) : INonWorkingDates
{
    public IReadOnlyCollection<DateOnly> Dates => options.CurrentValue.Parsed();
}
