using InfoStoryBot.Dialogs.Campaigns;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

/// <summary>Campaigns and instants the campaign tests share; every instant is spelt out in UTC.</summary>
internal static class CampaignSamples
{
    public const string Board = "19:board@thread.tacv2";
    public const string Wellbeing = "19:wellbeing@thread.tacv2";

    public static readonly DayOfWeek[] EveryDay = Enum.GetValues<DayOfWeek>();

    public static readonly DateTimeOffset Created = Utc(2027, 1, 4, 9, 0);

    /// <summary>1 to 31 March 2027, weekdays at 10:00 in Europe/London, one channel, a draft.</summary>
    public static Campaign Spring() => new()
    {
        Id = "spring-stories",
        Name = "Spring stories",
        StartDate = new DateOnly(2027, 3, 1),
        EndDate = new DateOnly(2027, 3, 31),
        TargetChannelIds = [Board],
        CreatedAt = Created,
        UpdatedAt = Created,
    };

    /// <summary>Every day at <paramref name="hour"/>:<paramref name="minute"/> in <paramref name="zone"/>, running since well before.</summary>
    public static Campaign Daily(string zone, int hour, int minute, DateOnly from, DateOnly to) => Spring() with
    {
        StartDate = from,
        EndDate = to,
        DaysOfWeek = EveryDay,
        PostingTime = new TimeOnly(hour, minute),
        TimeZone = zone,
        State = CampaignState.Running,
        LiveFrom = Utc(2026, 1, 1, 0, 0),
    };

    public static Campaign Running(this Campaign campaign, DateTimeOffset liveFrom) =>
        campaign with { State = CampaignState.Running, LiveFrom = liveFrom };

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    public static DateOnly Date(int year, int month, int day) => new(year, month, day);

    /// <summary>All slots of the campaign between two far-apart instants.</summary>
    public static IReadOnlyList<CampaignSlot> AllDue(Campaign campaign, IReadOnlyCollection<DateOnly>? nonWorking = null) =>
        CampaignSchedule.DueSlots(campaign, Utc(2000, 1, 1, 0, 0), Utc(2200, 1, 1, 0, 0), nonWorking ?? []);
}
