using System.Globalization;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Tests.Campaigns;

namespace InfoStoryBot.Dialogs.Tests.Experiments;

public sealed class ExperimentMovesTests
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DateTimeOffset Now = CampaignSamples.Utc(2027, 3, 2, 9, 0);

    internal static Campaign FourChannels() => CampaignSamples.Spring() with
    {
        TargetChannelIds = ["19:a@thread.tacv2", "19:b@thread.tacv2", "19:c@thread.tacv2", "19:d@thread.tacv2"],
        State = CampaignState.Running,
    };

    private static ExperimentStart Start(params string[] texts) =>
        new("x1a2b3", "weekly-norm", texts, "0123abcd", Now, "00000000-0000-4000-8000-00000000ad01");

    internal static Experiment Started(params string[] texts) =>
        Assert.IsType<ExperimentMove.Done>(ExperimentMoves.Start(Start(texts), FourChannels(), [], EnGb)).Experiment;

    [Fact]
    public void Start_TwoWordings_DealsEveryTargetChannelAndLettersThemAB()
    {
        var experiment = Started("{colleagues} colleagues shared a story this week.", "This week {colleagues} people told their story. Will you?");

        Assert.Equal(["A", "B"], experiment.Letters);
        Assert.Equal("weekly-norm", experiment.EntryId);
        Assert.Equal(ExperimentState.Running, experiment.State);
        Assert.Equal(4, experiment.Assignments.Count);
        Assert.Equal(2, experiment.Assignments.Count(a => a.Letter == "A"));
        Assert.Equal(Now, experiment.StartedAt);
    }

    [Theory]
    [InlineData("one only")]
    [InlineData("a", "b", "c", "d", "e")]
    public void Start_WrongNumberOfVariants_IsRefused(params string[] texts)
    {
        var refused = Assert.IsType<ExperimentMove.Refused>(ExperimentMoves.Start(Start(texts), FourChannels(), [], EnGb));

        Assert.Contains("2 to 4 variants", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_UnknownPlaceholder_NamesItAndTheOnesThatWork()
    {
        var refused = Assert.IsType<ExperimentMove.Refused>(ExperimentMoves.Start(Start("Hello {people}", "Hi {colleagues}"), FourChannels(), [], EnGb));

        Assert.Equal("Variant A uses {people}, which ‘weekly-norm’ can’t fill in. It can use: {campaign}, {colleagues}, {organisations}, {stories}.", refused.Reason);
    }

    [Fact]
    public void Start_MoreVariantsThanChannels_IsRefused()
    {
        var campaign = FourChannels() with { TargetChannelIds = ["19:a@thread.tacv2", "19:b@thread.tacv2"] };

        var refused = Assert.IsType<ExperimentMove.Refused>(ExperimentMoves.Start(Start("one", "two", "three"), campaign, [], EnGb));

        Assert.Equal("3 variants need at least 3 target channels, one for each; the campaign has 2. Add channels first.", refused.Reason);
    }

    [Fact]
    public void Start_SecondExperimentOnTheSameEntry_IsRefusedWhileTheFirstRuns()
    {
        var first = Started("one", "two");

        var refused = Assert.IsType<ExperimentMove.Refused>(ExperimentMoves.Start(Start("three", "four") with { Id = "x9" }, FourChannels(), [first], EnGb));
        var afterStop = ExperimentMoves.Start(Start("three", "four") with { Id = "x9" }, FourChannels(), [first with { State = ExperimentState.Stopped }], EnGb);

        Assert.Contains("x1a2b3", refused.Reason, StringComparison.Ordinal);
        Assert.IsType<ExperimentMove.Done>(afterStop);
    }

    [Fact]
    public void Start_SameWordingTwice_OrUnknownEntry_OrEndedCampaign_IsRefused()
    {
        Assert.IsType<ExperimentMove.Refused>(ExperimentMoves.Start(Start("Same words", "same words"), FourChannels(), [], EnGb));
        Assert.IsType<ExperimentMove.Refused>(ExperimentMoves.Start(Start("a", "b") with { EntryId = "no-such-nudge" }, FourChannels(), [], EnGb));
        Assert.IsType<ExperimentMove.Refused>(ExperimentMoves.Start(Start("a", "b"), FourChannels() with { State = CampaignState.Ended }, [], EnGb));
        Assert.IsType<ExperimentMove.Refused>(ExperimentMoves.Start(Start("a", "  "), FourChannels(), [], EnGb));
    }

    [Fact]
    public void Stop_KeepingB_MakesBTheWordingForEveryChannel()
    {
        var experiment = Started("Wording A", "Wording B");
        var stopped = Assert.IsType<ExperimentMove.Done>(ExperimentMoves.Stop(experiment, "b", Now.AddDays(9), "admin", EnGb)).Experiment;

        Assert.Equal(ExperimentState.Stopped, stopped.State);
        Assert.Equal("B", stopped.KeptVariant);
        foreach (var channel in FourChannels().TargetChannelIds.Append("19:new@thread.tacv2"))
        {
            Assert.Equal(new NudgeVariant(NudgeKind.WeeklyNorm, "B", "Wording B"), stopped.WordingFor(channel));
        }

        Assert.False(stopped.Covers(Now.AddDays(9)));
        Assert.True(stopped.Covers(Now.AddDays(9).AddTicks(-1)));
    }

    [Fact]
    public void Stop_UnknownLetterOrTwice_IsRefused()
    {
        var experiment = Started("Wording A", "Wording B");
        var stopped = Assert.IsType<ExperimentMove.Done>(ExperimentMoves.Stop(experiment, "A", Now, null, EnGb)).Experiment;

        Assert.Equal("Experiment x1a2b3 has no variant C; its variants are A, B.",
            Assert.IsType<ExperimentMove.Refused>(ExperimentMoves.Stop(experiment, "C", Now, null, EnGb)).Reason);
        Assert.IsType<ExperimentMove.Refused>(ExperimentMoves.Stop(stopped, "A", Now, null, EnGb));
    }

    [Fact]
    public void AssignChannel_KnownChannel_KeepsItsVariant_NewChannelGetsOneOnce()
    {
        var experiment = Started("Wording A", "Wording B");
        var known = experiment.Assignments[0];

        var (same, letter) = ExperimentMoves.AssignChannel(experiment, known.ChannelId);
        var (grown, dealt) = ExperimentMoves.AssignChannel(experiment, "19:late@thread.tacv2");
        var (again, redealt) = ExperimentMoves.AssignChannel(grown, "19:late@thread.tacv2");

        Assert.Same(experiment, same);
        Assert.Equal(known.Letter, letter);
        Assert.NotNull(dealt);
        Assert.Equal(5, grown.Assignments.Count);
        Assert.Same(grown, again);
        Assert.Equal(dealt, redealt);
        Assert.Equal(dealt, grown.WordingFor("19:late@thread.tacv2")!.Letter);
    }

    [Fact]
    public void ExperimentIds_FormatAndNormalise_GiveIdsTheGrammarAccepts()
    {
        var id = ExperimentIds.Format([0xff, 0xff, 0xff, 0xff, 0xff]);

        Assert.True(ExperimentIds.IsValid(id));
        Assert.StartsWith("x", id, StringComparison.Ordinal);
        Assert.Equal(id, ExperimentIds.Normalise("#" + id.ToUpperInvariant()));
        Assert.False(ExperimentIds.IsValid("X1"));
        Assert.False(ExperimentIds.IsValid("-x"));
    }
}
