using System.ComponentModel.DataAnnotations;
using System.Globalization;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Nudges;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>How nudges are scheduled, limited and worded (configuration section <c>Nudges</c>), validated at start-up.</summary>
public sealed class NudgeOptions : IValidatableObject
{
    public const string SectionName = "Nudges";

    /// <summary>After downtime a slot up to this old is still posted; an older one is recorded as missed.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan GraceWindow { get; set; } = CampaignSchedule.DefaultGraceWindow;

    // Nudges:NonWorkingDates (no posts on bank holidays and the like) is read and validated by Campaigns'
    // NonWorkingDatesOptions: campaigns show their next slots with it and the scheduler posts by the same dates.

    /// <summary>Posts a channel may receive on one local day, scheduled and sent-now together, counted from the ledger.</summary>
    [Range(1, 24)]
    public int MaxPostsPerChannelPerDay { get; set; } = 1;

    /// <summary>A descriptive norm ("14 colleagues shared") is shown only from this many people.</summary>
    [Range(2, 100_000)]
    public int NormThreshold { get; set; } = NudgeSettings.DefaultNormThreshold;

    /// <summary>A rising norm needs at least this many complete weeks, each above the one before.</summary>
    [Range(2, 52)]
    public int RisingMinWeeks { get; set; } = NudgeSettings.Default.RisingMinWeeks;

    [Range(2, 52)]
    public int RisingMaxWeeks { get; set; } = NudgeSettings.Default.RisingMaxWeeks;

    /// <summary>How often the scheduler asks what is due; a slot posts at most this late.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Channels of one fan-out in progress at once. Each holds a claim while it waits for its slot in the tenant's
    /// budget, so this bounds how many deliveries a crash can leave unknown; 16 keeps 30 posts a second flowing.
    /// </summary>
    [Range(1, 256)]
    public int FanOutConcurrency { get; set; } = 16;

    /// <summary>How far back the scheduler looks for slots that were never posted, to record them as missed.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "366.00:00:00")]
    public TimeSpan MissedLookback { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The lease that makes one instance fan out a slot at a time (so the tenant's budget is not spent twice over);
    /// 15 to 60 seconds, renewed while the fan-out runs. The ledger, not the lease, is what prevents duplicates.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:15", "00:01:00")]
    public TimeSpan FanOutLease { get; set; } = TimeSpan.FromSeconds(30);

    public NudgeSettings Settings() => new() { NormThreshold = NormThreshold, RisingMinWeeks = RisingMinWeeks, RisingMaxWeeks = RisingMaxWeeks };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var problem in Settings().Problems())
        {
            yield return new ValidationResult("Nudges: " + problem, [nameof(NormThreshold)]);
        }
    }
}
