using System.ComponentModel.DataAnnotations;

namespace InfoStoryBot.Bot.Nudges;

/// <summary>Pledge reminders (configuration section <c>Pledges</c>), validated at start-up.</summary>
public sealed class PledgeOptions
{
    public const string SectionName = "Pledges";

    /// <summary>How often the reminders look for what is due; a reminder comes at most this late.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Pledges:TickInterval must be between 100 ms and 10 minutes.")]
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A reminder found later than this after its time (the bot was down) is not sent: a "this week" nudge days late
    /// reads as a mistake. The pledge stays, and a story still keeps it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00", ErrorMessage = "Pledges:LateGrace must be between 1 minute and 7 days.")]
    public TimeSpan LateGrace { get; set; } = TimeSpan.FromHours(12);

    /// <summary>A story submitted within this long after the pledge keeps it ("this week", with the weekend to spare).</summary>
    [Range(typeof(TimeSpan), "01:00:00", "31.00:00:00", ErrorMessage = "Pledges:KeptWithin must be between 1 hour and 31 days.")]
    public TimeSpan KeptWithin { get; set; } = TimeSpan.FromDays(8);
}
