using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Nudges;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using static InfoStoryBot.Dialogs.Tests.Nudges.NudgeTestData;

namespace InfoStoryBot.Dialogs.Tests.Nudges;

public sealed class NudgeDecisionCardsTests
{
    private const string Hostile = "[x](https://evil.example) <at>All</at> **b** {{DATE(2017-02-14T06:08:39Z, SHORT)}}";

    [Fact]
    public void EveryEntryEveryMoment_CardsFromDecisions_PassMicrosoftsParserAndFit()
    {
        var facts = Facts() with
        {
            CampaignName = "#infostory " + Hostile,
            ThisWeek = new WeekFigures(30, 12, 4),
            CompleteWeeks = [2, 5, 9],
            PillarCounts = new Dictionary<Pillar, int> { [Pillar.Culture] = 9, [Pillar.InformationGovernance] = 5, [Pillar.Technology] = 2 },
            StoryCandidates = [.. Balanced(2).Select(s => s with { Title = s.Title + Hostile, Excerpt = s.Excerpt + Hostile, Partners = [Hostile] })],
            StorybookSize = 40,
            StoryTarget = 100,
        };

        var cards = new List<(string Name, AdaptiveCard Card)>();
        foreach (var day in new[] { 1, 4, 15, 28, 30 })
        {
            foreach (var kind in Enum.GetValues<NudgeKind>())
            {
                var decision = Choose(facts with { DayNumber = day, Today = Start.AddDays(day - 1) }, kind,
                    new NudgeVariant(kind, "B", "Variant wording for {campaign} " + Hostile));
                cards.Add(($"{kind}/day {day}", NudgeCards.Build(decision.View, decision.Delivery("dlv-1"), EnGb)));
                cards.Add(($"{kind}/day {day}/preview", NudgeDecisionCard.Build(NudgeCardViews.Decision(decision, EnGb), EnGb)));
            }
        }

        var list = NudgePlanner.List(facts, NudgePlan.Default, NudgeSettings.Default, EnGb);
        cards.Add(("list", NudgeListCard.Build(NudgeCardViews.List(facts.CampaignName, list), EnGb)));
        var times = PledgeReminderTimes.For(new DateTimeOffset(2026, 11, 17, 10, 0, 0, TimeSpan.Zero), "Europe/London", EnGb);
        cards.Add(("pledge-times", PledgeTimesCard.Build(NudgeCardViews.PledgeTimes(times), new NudgeDelivery("dlv-1", "A"), EnGb)));

        var reports = AdaptiveCardsParser.Validate(cards.Select(c => CardJson.Serialize(c.Card)).ToList());

        var problems = reports
            .Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0)
            .Select(r => $"{cards[r.Index].Name}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(cards, c => Assert.True(CardJson.SizeInBytes(c.Card) < CardJson.MaxBytes, c.Name));
    }
}
