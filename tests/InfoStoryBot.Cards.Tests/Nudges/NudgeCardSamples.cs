using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Nudges;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Cards.Tests.Validation;

namespace InfoStoryBot.Cards.Tests.Nudges;

/// <summary>Every nudge card, from realistic, hostile and huge views.</summary>
internal static class NudgeCardSamples
{
    public static readonly NudgeDelivery Delivery = new("dlv-0042", "B");

    public static IEnumerable<NudgeView> Views(string text)
    {
        var campaign = "#infostory November " + text;
        yield return new StoryOfTheDayView
        {
            CampaignName = campaign,
            Heading = "Story of the day",
            Text = "Here’s today’s story from " + campaign,
            StoryId = "s-17",
            Title = "Telling it once " + text,
            Excerpt = "A family moved between two council areas and " + text,
            PillarLabels = ["Culture", "Technology"],
            Partners = ["Northtown Council", text, "GP surgery"],
            Byline = new Byline(BylineKind.Named, "Sam " + text, "Family support worker " + text, "Northtown Council " + text),
            Prompt = "Has something like this happened to you? " + text,
        };
        yield return new WeeklyNormView
        {
            CampaignName = campaign,
            Heading = "This week’s stories",
            Text = "14 colleagues from 6 partner organisations shared a story this week. " + text,
            Figures = [new("14", "colleagues"), new("6", "partner organisations"), new("20", text)],
        };
        yield return new RisingNormView
        {
            CampaignName = campaign,
            Heading = "More stories every week",
            Text = "More of us share every week: 3, then 7, then 12 stories. " + text,
            Weeks = [new("3", "3 weeks ago"), new("7", "2 weeks ago"), new("12", "Last week " + text)],
        };
        yield return new TwoMinuteShareView { CampaignName = campaign, Heading = "Got two minutes?", Text = "Got two minutes? Tell your story in chat: five short questions." };
        foreach (var moment in Enum.GetValues<CampaignMomentKind>())
        {
            yield return new CampaignMomentView
            {
                CampaignName = campaign,
                Moment = moment,
                Heading = campaign + " starts today",
                Text = "Everybody has a story about information sharing. " + text,
                Detail = moment == CampaignMomentKind.LastDay ? null : "The campaign ends on Monday 30 November.",
            };
        }

        yield return new QuietPillarView { CampaignName = campaign, PillarLabel = "Technology", Heading = "We hear least about technology", Text = "Is there a system that helped, or got in the way? " + text };
        yield return new PartnershipElementView { CampaignName = campaign, ElementLabel = "Shared language", Heading = "A partnership question: Shared language", Text = "Ever found two teams meant the same thing by different words? " + text };
        yield return new PledgeView { CampaignName = campaign, Heading = "Will you share a story this week?", Text = "Say you will, and I’ll remind you once. " + text };
        yield return new StorybookProgressView { CampaignName = campaign, Heading = "The storybook is growing", Text = "Thank you! " + text, Size = 42, Target = 100, ProgressLabel = "42 of 100" };
    }

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        foreach (var (variant, text) in new[] { ("realistic", "and it worked."), ("hostile", CardSamples.Hostile), ("huge", CardSamples.Huge(30_000)) })
        {
            foreach (var view in Views(text))
            {
                var name = view is CampaignMomentView m ? $"moment-{m.Moment}" : view.GetType().Name;
                yield return ($"{name}/{variant}", NudgeCards.Build(view, Delivery, CardSamples.EnGb));
            }

            yield return ($"sotd-no-variant/{variant}", NudgeCards.Build(Views(text).First(), new NudgeDelivery("dlv-1"), CardSamples.EnGb));
            yield return ($"pledge-times/{variant}", PledgeTimesCard.Build(new PledgeTimesView(
                [new("Tomorrow 9:00", "2026-11-18T09:00:00Z"), new("Thursday 14:00 " + text, "2026-11-19T14:00:00Z"), new("Friday 9:00", "2026-11-20T09:00:00Z")],
                "Europe/London " + text), Delivery, CardSamples.EnGb));
            yield return ($"pledge-times-none/{variant}", PledgeTimesCard.Build(new PledgeTimesView([], "Europe/London"), Delivery, CardSamples.EnGb));
            yield return ($"pledge-confirmed/{variant}", PledgeConfirmedCard.Build(new PledgeConfirmedView("Thursday 14:00 " + text), Delivery, CardSamples.EnGb));
            yield return ($"pledge-confirmed-none/{variant}", PledgeConfirmedCard.Build(new PledgeConfirmedView(null), Delivery, CardSamples.EnGb));
            yield return ($"pledge-reminder/{variant}", PledgeReminderCard.Build(new PledgeReminderView("#infostory " + text), Delivery, CardSamples.EnGb));
            foreach (var kind in Enum.GetValues<BylineKind>())
            {
                yield return ($"read-it-{kind}/{variant}", NudgeStoryCard.Build(new NudgeStoryView(CardSamples.Story(text, kind), "#infostory " + text), Delivery, CardSamples.EnGb));
            }

            var lines = Enum.GetValues<NudgeSendOutcome>().SelectMany(o => Enumerable.Range(0, 7).Select(i => new NudgeSendLine("Team " + text + " / Channel " + i, o, i % 2 == 0 ? "weekly-norm" : null, "Because " + text, i == 3))).ToList();
            yield return ($"send-report/{variant}", NudgeSendReportCard.Build(new NudgeSendReportView("#infostory " + text, lines), CardSamples.EnGb));
            yield return ($"send-report-empty/{variant}", NudgeSendReportCard.Build(new NudgeSendReportView("#infostory " + text, []), CardSamples.EnGb));
            var items = Enumerable.Range(0, 9).Select(i => new NudgeListItem("entry-" + i, "Entry " + text, "Social, Timely", i % 2 == 0, "Because " + text, i == 3)).ToList();
            yield return ($"nudge-list/{variant}", NudgeListCard.Build(new NudgeListView("#infostory " + text, items), CardSamples.EnGb));
            yield return ($"nudge-decision/{variant}", NudgeDecisionCard.Build(new NudgeDecisionView("#infostory " + text, "weekly-norm", "Weekly norm", "Day 4 of 30: " + text,
                [.. Enumerable.Range(0, 25).Select(i => new NudgeFactLine("Fact " + i + text, text))], "B"), CardSamples.EnGb));
        }
    }
}
