using InfoStoryBot.Dialogs.Campaigns;
using static InfoStoryBot.Dialogs.Tests.Campaigns.CampaignSamples;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

public sealed class CampaignDiffTests
{
    [Fact]
    public void Describe_Changes_AreShortBeforeAfterWordsAndNeverTheGoalsText()
    {
        var before = Spring() with { Goal = "secret plans" };
        var after = before with
        {
            State = CampaignState.Running,
            PostingTime = new TimeOnly(11, 15),
            DaysOfWeek = EveryDay,
            Goal = "other secret plans",
            StoryTarget = 20,
            TargetChannelIds = [Wellbeing],
        };

        var described = CampaignDiff.Describe(before, after, new Dictionary<string, string> { [Wellbeing] = "Northshire / Wellbeing" });

        Assert.Equal("draft → running; at 10:00 → 11:15; on weekdays → every day; goal changed; target none → 20; channel + Northshire / Wellbeing; channel − 19:board@thread.tacv2", described);
        Assert.DoesNotContain("secret", described, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_Same_IsNull() => Assert.Null(CampaignDiff.Describe(Spring(), Spring() with { UpdatedAt = Created.AddDays(1) }));

    [Fact]
    public void Summary_NewCampaign_SaysStateDatesDaysTimeZoneAndChannels() =>
        Assert.Equal("draft: Mon 1 Mar 2027 to Wed 31 Mar 2027, weekdays at 10:00 Europe/London, 1 channel", CampaignDiff.Summary(Spring()));
}
