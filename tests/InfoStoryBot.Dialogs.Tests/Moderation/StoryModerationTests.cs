using InfoStoryBot.Dialogs.Moderation;
using InfoStoryBot.Dialogs.Stories;
using static InfoStoryBot.Dialogs.Tests.Moderation.ModerationSamples;

namespace InfoStoryBot.Dialogs.Tests.Moderation;

public sealed class StoryModerationTests
{
    private static readonly Moderator ByAlex = new(Alex, Now, "activity-1");

    [Fact]
    public void Approve_WaitingStory_ApprovesItRecordingWhoWhenAndTheActivity()
    {
        var waiting = Waiting();

        var decision = Assert.IsType<ModerationDecision.Changed>(StoryModeration.Decide(waiting, ModerationAction.Approve, ByAlex));

        Assert.Equal(StoryStatus.Approved, decision.Story.Status);
        Assert.False(decision.Story.Featured);
        Assert.Equal(Alex, decision.Story.ModeratedBy);
        Assert.Equal(Now, decision.Story.ModeratedAt);
        Assert.Equal("activity-1", decision.Story.ModeratedInActivity);
        Assert.Equal(("submitted", "approved"), (decision.Before, decision.After));
        Assert.Same(waiting.Content, decision.Story.Content);
    }

    [Fact]
    public void Reject_WaitingStory_KeepsTheReasonForTheTeller()
    {
        var decision = Assert.IsType<ModerationDecision.Changed>(StoryModeration.Decide(Waiting(), ModerationAction.Reject, ByAlex, "  It names a family.  "));

        Assert.Equal(StoryStatus.Rejected, decision.Story.Status);
        Assert.Equal("It names a family.", decision.Story.ModerationNote);
        Assert.Equal("submitted → rejected", decision.Before + " → " + decision.After);
    }

    [Fact]
    public void Reject_VeryLongReason_IsCutToTheLimit()
    {
        var decision = Assert.IsType<ModerationDecision.Changed>(StoryModeration.Decide(Waiting(), ModerationAction.Reject, ByAlex, new string('x', 5000)));

        Assert.Equal(StoryModeration.MaxReasonLength, decision.Story.ModerationNote!.Length);
    }

    [Fact]
    public void Feature_WaitingConsentedStory_ApprovesAndFeaturesAtOnce()
    {
        var decision = Assert.IsType<ModerationDecision.Changed>(StoryModeration.Decide(Waiting(), ModerationAction.Feature, ByAlex));

        Assert.Equal(StoryStatus.Approved, decision.Story.Status);
        Assert.True(decision.Story.Featured);
        Assert.Equal("approved, featured", decision.After);
    }

    [Fact]
    public void Feature_StoryWithoutConsent_IsRefused()
    {
        var decision = StoryModeration.Decide(Waiting(consent: false), ModerationAction.Feature, ByAlex);

        Assert.Equal(new ModerationDecision.Refused(ModerationRefusal.NoConsent), decision);
    }

    [Fact]
    public void Unfeature_FeaturedStory_StaysApproved()
    {
        var featured = Waiting() with { Status = StoryStatus.Approved, Featured = true };

        var decision = Assert.IsType<ModerationDecision.Changed>(StoryModeration.Decide(featured, ModerationAction.Unfeature, ByAlex));

        Assert.Equal(StoryStatus.Approved, decision.Story.Status);
        Assert.False(decision.Story.Featured);
    }

    [Theory]
    [InlineData(ModerationAction.Approve, StoryStatus.Approved, false, ModerationRefusal.AlreadyApproved)]
    [InlineData(ModerationAction.Approve, StoryStatus.Rejected, false, ModerationRefusal.AlreadyRejected)]
    [InlineData(ModerationAction.Reject, StoryStatus.Approved, false, ModerationRefusal.AlreadyApproved)]
    [InlineData(ModerationAction.Reject, StoryStatus.Rejected, false, ModerationRefusal.AlreadyRejected)]
    [InlineData(ModerationAction.Feature, StoryStatus.Approved, true, ModerationRefusal.AlreadyFeatured)]
    [InlineData(ModerationAction.Feature, StoryStatus.Rejected, false, ModerationRefusal.AlreadyRejected)]
    [InlineData(ModerationAction.Unfeature, StoryStatus.Approved, false, ModerationRefusal.NotFeatured)]
    [InlineData(ModerationAction.Unfeature, StoryStatus.Submitted, false, ModerationRefusal.NotFeatured)]
    [InlineData(ModerationAction.Approve, StoryStatus.Draft, false, ModerationRefusal.NotWaiting)]
    public void Decide_StoryAlreadyDecided_IsRefusedNotReversed(ModerationAction action, StoryStatus status, bool featured, ModerationRefusal expected)
    {
        var decided = Waiting() with { Status = status, Featured = featured, ModeratedBy = Sam, ModeratedAt = Told, ModeratedInActivity = "activity-0" };

        Assert.Equal(new ModerationDecision.Refused(expected), StoryModeration.Decide(decided, action, ByAlex, "reason"));
    }

    [Fact]
    public void Decide_SameActivityRunAgain_IsRecognisedAsItsOwnDecision()
    {
        var first = Assert.IsType<ModerationDecision.Changed>(StoryModeration.Decide(Waiting(), ModerationAction.Approve, ByAlex));

        var again = StoryModeration.Decide(first.Story, ModerationAction.Approve, ByAlex with { Now = Now.AddSeconds(1) });

        Assert.Equal(new ModerationDecision.Repeated(first.Story), again);
    }

    [Fact]
    public void Decide_AnotherActivityOfTheSameAdmin_IsNotARepeat()
    {
        var first = Assert.IsType<ModerationDecision.Changed>(StoryModeration.Decide(Waiting(), ModerationAction.Approve, ByAlex));

        var later = StoryModeration.Decide(first.Story, ModerationAction.Approve, ByAlex with { ActivityId = "activity-2" });

        Assert.Equal(new ModerationDecision.Refused(ModerationRefusal.AlreadyApproved), later);
    }
}
