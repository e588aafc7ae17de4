using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using static InfoStoryBot.Dialogs.Tests.Campaigns.CampaignSamples;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

public sealed class CampaignEditingTests
{
    [Fact]
    public void Draft_CampaignNew_IsADraftWithTheCommandsValues()
    {
        var command = new CampaignNew("  Pilot ", Date(2027, 1, 10), Date(2027, 2, 10), new TimeOnly(9, 30), "Asia/Kolkata", DaySet.Of(DayOfWeek.Monday), "  ", null);

        var draft = CampaignEditing.Draft(command, Created);

        Assert.Equal("pilot", draft.Id);
        Assert.Equal("Pilot", draft.Name);
        Assert.Equal([DayOfWeek.Monday], draft.DaysOfWeek);
        Assert.Null(draft.Goal);
        Assert.Empty(draft.TargetChannelIds);
        Assert.Equal(CampaignState.Draft, draft.State);
    }

    [Fact]
    public void Apply_OnlyNamedFieldsChange()
    {
        var stored = Spring() with { Goal = "Every partner", StoryTarget = 10 };

        var edited = CampaignEditing.Apply(stored, new CampaignChanges { Zone = "Asia/Kolkata" });

        Assert.Equal("Asia/Kolkata", edited.TimeZone);
        Assert.Null(CampaignDiff.Describe(stored with { TimeZone = "Asia/Kolkata" }, edited));
        Assert.Equal(stored.TargetChannelIds, edited.TargetChannelIds);
    }

    [Fact]
    public void Apply_ChannelsAddedAndRemoved_KeepsTheOthersInOrder()
    {
        var stored = Spring() with { TargetChannelIds = [Board, "19:a@thread.tacv2"] };

        var edited = CampaignEditing.Apply(stored, new CampaignChanges { AddChannelIds = new([Wellbeing, Board]), RemoveChannelIds = new([Board]) });

        Assert.Equal(["19:a@thread.tacv2", Wellbeing, Board], edited.TargetChannelIds);
    }

    [Fact]
    public void WithAndWithoutChannel_AreIdempotent()
    {
        var once = CampaignEditing.WithChannel(Spring(), Wellbeing);

        Assert.Equal(once, CampaignEditing.WithChannel(once, Wellbeing));
        Assert.Equal([Board], CampaignEditing.WithoutChannel(CampaignEditing.WithoutChannel(once, Wellbeing), Wellbeing).TargetChannelIds);
    }
}
