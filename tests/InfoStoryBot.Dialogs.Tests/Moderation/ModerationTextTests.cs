using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Moderation;
using InfoStoryBot.Dialogs.Stories;
using static InfoStoryBot.Dialogs.Tests.Moderation.ModerationSamples;

namespace InfoStoryBot.Dialogs.Tests.Moderation;

public sealed class ModerationTextTests
{
    private static readonly DateTime NowLocal = new(2027, 3, 3, 10, 0, 0);

    [Fact]
    public void Refused_ApprovedByAnotherAdminJustNow_SaysWhoAndAMomentAgo()
    {
        var approved = Waiting() with { Status = StoryStatus.Approved };

        var text = ModerationText.Refused(ModerationRefusal.AlreadyApproved, approved, new DecidedBy("Sam Patel", false, NowLocal.AddSeconds(-20), NowLocal), EnGb);

        Assert.Equal("Sam Patel approved “Telling it once” a moment ago, so there’s nothing more to do.", text);
    }

    [Fact]
    public void Refused_RejectedYesterdayByYou_SaysYouAndTheDay()
    {
        var rejected = Waiting() with { Status = StoryStatus.Rejected };

        var text = ModerationText.Refused(ModerationRefusal.AlreadyRejected, rejected, new DecidedBy(null, true, NowLocal.AddDays(-1).AddHours(-1), NowLocal), EnGb);

        Assert.StartsWith("You sent “Telling it once” back to its teller on 2 March 2027 at 09:00.", text);
    }

    [Fact]
    public void Refused_HostileNames_AreEscapedForMarkdown()
    {
        var approved = Waiting() with { Status = StoryStatus.Approved, Content = Waiting().Content with { Title = "**[click](https://evil.example)**" } };

        var text = ModerationText.Refused(ModerationRefusal.AlreadyApproved, approved, new DecidedBy("<at>Everyone</at> _x_", false, NowLocal, NowLocal), EnGb);

        Assert.DoesNotContain("**[", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", text, StringComparison.Ordinal);
        Assert.Contains("\\*\\*", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Overtaken_StoryEditedByItsTeller_SaysItIsWaitingAgain()
    {
        Assert.Contains("changed “Telling it once” a moment ago", ModerationText.Overtaken(ModerationAction.Approve, Waiting(), null, EnGb), StringComparison.Ordinal);
    }

    [Fact]
    public void NoSuchNumber_NothingListed_AsksForTheListFirst()
    {
        Assert.Contains("stories pending", ModerationText.NoSuchNumber(2, 0, EnGb), StringComparison.Ordinal);
        Assert.Contains("had 3, so there’s no number 7", ModerationText.NoSuchNumber(7, 3, EnGb), StringComparison.Ordinal);
    }

    [Fact]
    public void Pending_Buttons_CarryCommandsTheGrammarReadsBackToThisStory()
    {
        var view = ModerationViews.Pending(1, Waiting(), NowLocal, "Spring stories", EnGb);

        Assert.Equal(new StoriesApprove(new StoryRef.ById(Waiting().Id)), Parsed(view.ApproveCommand));
        Assert.Equal(new StoriesFeature(new StoryRef.ById(Waiting().Id)), Parsed(view.FeatureCommand));
        Assert.False(view.Resent);
        Assert.True(view.Consented);
    }

    [Fact]
    public void Pending_EditedStory_IsMarkedSentAgain()
    {
        var edited = Waiting() with { SubmittedAt = Told.AddDays(1) };

        Assert.True(ModerationViews.Pending(1, edited, NowLocal, null, EnGb).Resent);
    }

    [Fact]
    public void Order_NewestSentFirst_EvenWhenToldEarlier()
    {
        var older = Waiting() with { Id = "018f2a3b4c5d-00000001", SubmittedAt = Told.AddDays(2) };
        var newer = Waiting() with { Id = "018f2a3b4c6d-00000002", CreatedAt = Told.AddHours(1), SubmittedAt = Told.AddHours(1) };

        Assert.Equal([older.Id, newer.Id], ModerationViews.Order([newer, older]).Select(s => s.Id));
    }

    [Fact]
    public void Notice_EachDecision_TellsTheTellerTheRightThing()
    {
        var story = Waiting() with { ModerationNote = "It names a family." };

        Assert.Equal(TellerNoticeKind.Published, ModerationViews.Notice(ModerationAction.Approve, story, null)!.Kind);
        Assert.Equal(TellerNoticeKind.KeptPrivate, ModerationViews.Notice(ModerationAction.Approve, Waiting(consent: false), null)!.Kind);
        Assert.Equal(TellerNoticeKind.Featured, ModerationViews.Notice(ModerationAction.Feature, story, "Spring")!.Kind);
        Assert.Equal("It names a family.", ModerationViews.Notice(ModerationAction.Reject, story, null)!.Reason);
        Assert.Null(ModerationViews.Notice(ModerationAction.Unfeature, story, null));
    }

    [Fact]
    public void ReadReject_ReasonInThatStorysBox_IsTheRejectCommand()
    {
        var submit = new CardSubmit(ActionNames.ModerationReject, new Dictionary<string, string>
        {
            [ActionKeys.StoryId] = Waiting().Id,
            [ModerationFields.Reason(Waiting().Id)] = " It names a family.\n",
        });

        var parsed = Assert.IsType<AdminParse.Parsed>(ModerationForms.ReadReject(submit, EnGb));

        Assert.Equal(new StoriesReject(new StoryRef.ById(Waiting().Id), "It names a family."), parsed.Command);
    }

    [Theory]
    [InlineData(null, "reason")]
    [InlineData("not-an-id", "reason")]
    [InlineData("018f2a3b4c5d-0a1b2c3d", "   ")]
    [InlineData("018f2a3b4c5d-0a1b2c3d", null)]
    public void ReadReject_NoStoryOrNoReason_IsAUsageMessage(string? storyId, string? reason)
    {
        var fields = new Dictionary<string, string>();
        if (storyId is not null)
        {
            fields[ActionKeys.StoryId] = storyId;
            if (reason is not null)
            {
                fields[ModerationFields.Reason(storyId)] = reason;
            }
        }

        var usage = Assert.IsType<AdminParse.Usage>(ModerationForms.ReadReject(new CardSubmit(ActionNames.ModerationReject, fields), EnGb));

        Assert.Equal(AdminCommandNames.StoriesReject, usage.CommandName);
    }

    private static AdminCommand Parsed(string text) => Assert.IsType<AdminParse.Parsed>(AdminGrammar.Parse(text, EnGb)).Command;
}
