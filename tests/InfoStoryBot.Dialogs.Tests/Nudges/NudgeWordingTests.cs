using System.Globalization;
using System.Text.RegularExpressions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Nudges;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using static InfoStoryBot.Dialogs.Tests.Nudges.NudgeTestData;

namespace InfoStoryBot.Dialogs.Tests.Nudges;

public sealed partial class NudgeWordingTests
{
    private static IReadOnlyList<int> Numbers(string text) =>
        NumberPattern().Matches(text).Select(m => int.Parse(m.Value, NumberStyles.AllowThousands, EnGb)).ToList();

    [GeneratedRegex(@"\d[\d,]*\d|\d")]
    private static partial Regex NumberPattern();

    [Fact]
    public void TwoMinuteShare_Wording_SaysWhatIsTrue()
    {
        var texts = Enumerable.Range(0, 40)
            .Select(seed => Choose(Ordinary() with { Seed = seed }, NudgeKind.TwoMinuteShare).View.Text)
            .Distinct()
            .ToList();

        Assert.Contains("Got two minutes? Tell your story in chat: five short questions.", texts);
        Assert.True(texts.Count > 1, "alternative phrasings are used");
        Assert.All(texts, t =>
        {
            Assert.Contains("two minutes", t, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("five short questions", t, StringComparison.Ordinal);
            Assert.Contains("in chat", t, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(5, 0, 5)]
    [InlineData(5, 1, 7)]
    [InlineData(14, 6, 20)]
    [InlineData(1234, 56, 2001)]
    public void WeeklyNorm_Wording_ContainsOnlyTheWeeksTrueFigures(int colleagues, int organisations, int stories)
    {
        for (var seed = 0; seed < 12; seed++)
        {
            var decision = Choose(Facts(day: 4) with { Seed = seed, ThisWeek = new WeekFigures(stories, colleagues, organisations) });
            var view = Assert.IsType<WeeklyNormView>(decision.View);

            var shown = Numbers(view.Text);
            Assert.Contains(colleagues, shown);
            Assert.All(shown, n => Assert.Contains(n, new[] { colleagues, organisations, stories }));
            Assert.All(view.Figures, f => Assert.Contains(int.Parse(f.Value, NumberStyles.AllowThousands, EnGb), new[] { colleagues, organisations, stories }));
        }
    }

    [Fact]
    public void WeeklyNorm_LargeFigure_IsExactNotRounded()
    {
        var view = Choose(Facts(day: 4) with { ThisWeek = new WeekFigures(1999, 1234, 0) }).View;

        Assert.Contains("1,234", view.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("1,200", view.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RisingNorm_Wording_ShowsTheRisingWeeksOnly()
    {
        var decision = Choose(Ordinary() with { CompleteWeeks = [40, 3, 7, 12] }, NudgeKind.RisingNorm);
        var view = Assert.IsType<RisingNormView>(decision.View);

        Assert.Contains("3, then 7, then 12", view.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("40", view.Text, StringComparison.Ordinal);
        Assert.Equal(["3", "7", "12"], view.Weeks.Select(w => w.Value));
        Assert.Equal(["3 weeks ago", "2 weeks ago", "Last week"], view.Weeks.Select(w => w.Label));
    }

    [Theory]
    [InlineData(42, 100)]
    [InlineData(100, 100)]
    [InlineData(140, 100)]
    public void StorybookProgress_Wording_ContainsOnlySizeGoalAndWhatIsLeft(int size, int target)
    {
        for (var seed = 0; seed < 8; seed++)
        {
            var view = Assert.IsType<StorybookProgressView>(
                Choose(Ordinary() with { Seed = seed, StorybookSize = size, StoryTarget = target }, NudgeKind.StorybookProgress).View);

            Assert.All(Numbers(view.Text), n => Assert.Contains(n, new[] { size, target, target - size }));
            Assert.Contains(size, Numbers(view.Text));
            Assert.Equal($"{size} of {target}", view.ProgressLabel);
        }
    }

    [Fact]
    public void CampaignMoment_HalfWayWithFewStories_DoesNotShowTheSmallFigure()
    {
        for (var seed = 0; seed < 8; seed++)
        {
            var few = Choose(Facts(day: 15) with { Seed = seed, StorybookSize = 3 });
            var many = Choose(Facts(day: 15) with { Seed = seed, StorybookSize = 63 });

            Assert.Empty(Numbers(few.View.Text));
            Assert.All(Numbers(many.View.Text), n => Assert.Equal(63, n));
        }
    }

    [Theory]
    [InlineData(28, 3)]
    [InlineData(29, 2)]
    public void CampaignMoment_LastDays_CountsTheDaysLeftIncludingToday(int day, int left)
    {
        var view = Choose(Facts(day: day)).View;

        Assert.All(Numbers(view.Text), n => Assert.Equal(left, n));
        Assert.StartsWith($"{left} days left", view.Heading, StringComparison.Ordinal);
    }

    [Fact]
    public void StoryOfTheDay_AnonymousStory_NeverShowsNameRoleOrOrganisation()
    {
        var story = Story("anon", Pillar.Culture, Attribution.Anonymous) with
        {
            TellerName = "Priya Secret",
            TellerRole = "Hidden role",
            TellerOrganisation = "Hidden Trust",
            Partners = ["Police"],
        };

        var decision = Choose(Ordinary() with { StoryCandidates = [story] });
        var view = Assert.IsType<StoryOfTheDayView>(decision.View);
        var json = CardJson.Serialize(NudgeCards.Build(view, decision.Delivery("d-1"), EnGb));

        Assert.Equal(BylineKind.Anonymous, view.Byline.Kind);
        Assert.Null(view.Byline.Name);
        Assert.Null(view.Byline.Role);
        Assert.Null(view.Byline.Organisation);
        foreach (var secret in new[] { "Priya", "Secret", "Hidden role", "Hidden Trust" })
        {
            Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
            Assert.DoesNotContain(decision.FactsUsed, f => f.Value.Contains(secret, StringComparison.Ordinal));
        }

        Assert.Contains("Told by a colleague", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadIt_AnonymousStory_WholeStoryCardShowsNoName()
    {
        var content = new StoryContent
        {
            Title = "The form nobody needed",
            WhatHappened = "Two teams asked for the same consent twice.",
            WhoWasInvolved = ["Council"],
            InformationShared = "Consent.",
            DifferenceMade = "Asked once.",
            Pillars = [Pillar.InformationGovernance],
            Attribution = Attribution.Anonymous,
            TellerName = "Priya Secret",
            TellerRole = "Hidden role",
            TellerOrganisation = "Hidden Trust",
            ConsentToPublish = true,
        };

        var json = CardJson.Serialize(NudgeStoryCard.Build(NudgeCardViews.Story(content, "#infostory", EnGb), new NudgeDelivery("d-1", "A"), EnGb));

        Assert.DoesNotContain("Priya", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden", json, StringComparison.Ordinal);
        Assert.Contains("The form nobody needed", json, StringComparison.Ordinal);
    }

    [Fact]
    public void StoryOfTheDay_RoleOnlyStory_ShowsRoleButNoName()
    {
        var decision = Choose(Ordinary() with { StoryCandidates = [Story("r", Pillar.Technology, Attribution.RoleOnly)] });
        var json = CardJson.Serialize(NudgeCards.Build(decision.View, decision.Delivery("d-1"), EnGb));

        Assert.DoesNotContain("Sam Teller", json, StringComparison.Ordinal);
        Assert.Contains("Family support worker", json, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryEntry_ManyDaysAndSeeds_ComposesInCurlyApostrophesWithoutPlaceholdersLeft()
    {
        var rich = Facts(day: 1) with
        {
            ThisWeek = new WeekFigures(30, 12, 4),
            CompleteWeeks = [2, 5, 9],
            PillarCounts = new Dictionary<Pillar, int> { [Pillar.Culture] = 9, [Pillar.InformationGovernance] = 5, [Pillar.Technology] = 2 },
            StoryCandidates = Balanced(2),
            StorybookSize = 40,
            StoryTarget = 100,
        };

        var texts = new HashSet<string>();
        for (var day = 1; day <= 30; day++)
        {
            for (var seed = 0; seed < 6; seed++)
            {
                foreach (var kind in Enum.GetValues<NudgeKind>())
                {
                    var facts = rich with { DayNumber = day, Today = Start.AddDays(day - 1), Seed = seed };
                    var decision = Choose(facts, kind);
                    texts.Add(decision.View.Heading);
                    texts.Add(decision.View.Text);
                    texts.Add(decision.Why);
                }
            }
        }

        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("'", t, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\{\d\}", t);
            Assert.False(string.IsNullOrWhiteSpace(t));
        });
    }
}
