using FsCheck;
using FsCheck.Fluent;
using InfoStoryBot.Dialogs.Campaigns;
using NodaTime;
using static InfoStoryBot.Dialogs.Tests.Campaigns.CampaignSamples;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

/// <summary>
/// The schedule's promises over every zone in the tz database and random campaigns, where the worked examples
/// cannot reach: every eligible date posts exactly once, a skipped time posts at the first instant after the gap,
/// a repeated one at the earlier instant, and cutting the time line into scheduler ticks loses or doubles nothing.
/// </summary>
public sealed class CampaignScheduleFuzzTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly Gen<Campaign> Campaigns =
        from zone in Gen.Elements(CampaignZones.Ids.ToArray())
        from start in Gen.Choose(0, 6 * 365)
        from length in Gen.Choose(1, 80)
        from hour in Gen.Choose(0, 23)
        from minute in Gen.Elements(0, 1, 15, 30, 45, 59)
        from days in Gen.SubListOf(EveryDay).Where(d => d.Count > 0)
        select Spring() with
        {
            StartDate = Date(2025, 1, 1).AddDays(start),
            EndDate = Date(2025, 1, 1).AddDays(start + length - 1),
            TimeZone = zone,
            PostingTime = new TimeOnly(hour, minute),
            DaysOfWeek = days.ToArray(),
            State = CampaignState.Running,
            LiveFrom = Utc(2020, 1, 1, 0, 0),
        };

    private static readonly Gen<(Campaign Campaign, DateOnly[] NonWorking)> CampaignsWithHolidays =
        from campaign in Campaigns
        from offsets in Gen.ListOf(Gen.Choose(0, 80))
        select (campaign, offsets.Distinct().Take(5).Select(o => campaign.StartDate.AddDays(o)).ToArray());

    [Fact]
    public void DueSlots_AnyZoneAndCampaign_EveryEligibleDatePostsOnceAtTheRightInstant()
    {
        Prop.ForAll(CampaignsWithHolidays.ToArbitrary(), input =>
        {
            var (campaign, nonWorking) = input;
            var zone = CampaignZones.Find(campaign.TimeZone)!;
            var slots = AllDue(campaign, nonWorking);
            var eligible = Enumerable.Range(0, CampaignCalendar.Length(campaign))
                .Select(campaign.StartDate.AddDays)
                .Where(d => campaign.DaysOfWeek.Contains(d.DayOfWeek) && !nonWorking.Contains(d))
                .ToList();

            Assert.Equal(eligible, slots.Select(s => s.LocalDate));
            Assert.True(slots.Zip(slots.Skip(1)).All(p => p.First.Utc < p.Second.Utc), "slots are in time order");
            foreach (var slot in slots)
            {
                var planned = LocalDate.FromDateOnly(slot.LocalDate) + LocalTime.FromTimeOnly(slot.PlannedTime);
                var mapping = zone.MapLocal(planned);
                var instant = Instant.FromDateTimeOffset(slot.Utc);
                var expected = mapping.Count switch
                {
                    0 => mapping.LateInterval.Start,
                    _ => mapping.First().ToInstant(),
                };
                Assert.Equal(expected, instant);
                Assert.Equal(mapping.Count switch { 0 => SlotShift.Skipped, 2 => SlotShift.Repeated, _ => SlotShift.None }, slot.Shift);
                Assert.Equal(instant.InZone(zone).TimeOfDay.ToTimeOnly(), slot.LocalTime);
                Assert.Equal(zone.GetZoneInterval(instant).Name, slot.ZoneAbbreviation);
                Assert.Equal(slot.Utc, slot.Local);
                Assert.False(string.IsNullOrEmpty(slot.Display));
            }
        }).Check(Runs);
    }

    [Fact]
    public void DueSlots_WindowCutIntoTicks_NothingLostNothingTwice()
    {
        var input =
            from campaign in Campaigns
            from cuts in Gen.ListOf(Gen.Choose(0, 90 * 24 * 60))
            select (campaign, cuts.Distinct().Order().Take(20).ToArray());

        Prop.ForAll(input.ToArbitrary(), i =>
        {
            var (campaign, cuts) = i;
            var origin = CampaignCalendar.StartUtc(campaign).AddDays(-2);
            var end = origin.AddDays(90);
            var edges = new[] { origin }.Concat(cuts.Select(c => origin.AddMinutes(c))).Append(end).Distinct().Order().ToList();

            var ticked = edges.Zip(edges.Skip(1)).SelectMany(w => CampaignSchedule.DueSlots(campaign, w.First, w.Second, [])).Select(s => s.Utc);
            var whole = CampaignSchedule.DueSlots(campaign, origin, end, []).Select(s => s.Utc);

            Assert.Equal(whole, ticked);
        }).Check(Runs);
    }

    [Fact]
    public void Classify_AnyRunAndGrace_DueAndMissedSplitTheSlotsSinceTheLastRun()
    {
        var input =
            from campaign in Campaigns
            from since in Gen.Choose(0, 60 * 24)
            from span in Gen.Choose(0, 5 * 24 * 60)
            from grace in Gen.Choose(0, 6 * 60)
            select (campaign, since, span, grace);

        Prop.ForAll(input.ToArbitrary(), i =>
        {
            var lastRun = CampaignCalendar.StartUtc(i.campaign).AddMinutes(i.since);
            var now = lastRun.AddMinutes(i.span);
            var grace = TimeSpan.FromMinutes(i.grace);

            var triage = CampaignSchedule.Classify(i.campaign, lastRun, now, [], grace);

            var expected = AllDue(i.campaign).Where(s => s.Utc > lastRun && s.Utc <= now).Select(s => s.Utc).ToList();
            Assert.Equal(expected, triage.Missed.Concat(triage.Due).Select(s => s.Utc));
            Assert.All(triage.Due, s => Assert.True(s.Utc >= now - grace));
            Assert.All(triage.Missed, s => Assert.True(s.Utc < now - grace));
        }).Check(Runs);
    }
}
