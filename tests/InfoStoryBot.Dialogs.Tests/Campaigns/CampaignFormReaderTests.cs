using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using static InfoStoryBot.Dialogs.Tests.Campaigns.CampaignSamples;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

public sealed class CampaignFormReaderTests
{
    private static Dictionary<string, string> NewForm() => new()
    {
        [CampaignFormFields.Name] = "Spring stories",
        [CampaignFormFields.From] = "2027-03-01",
        [CampaignFormFields.To] = "2027-03-31",
        [CampaignFormFields.At] = "10:00",
        [CampaignFormFields.Zone] = "Europe/London",
        [CampaignFormFields.Region] = "Europe",
        [CampaignFormFields.Days] = "mon,wed,fri",
        [CampaignFormFields.Channels] = Board + "," + Wellbeing,
        [CampaignFormFields.Goal] = " A story from every partner ",
        [CampaignFormFields.Target] = "20",
    };

    /// <summary>The edit form as the card sends it: inputs at the stored values, and the same values as "was".</summary>
    private static Dictionary<string, string> EditForm(Campaign campaign)
    {
        var values = CampaignFormReader.Of(campaign);
        var fields = new Dictionary<string, string>
        {
            [ActionKeys.Campaign] = campaign.Id,
            [CampaignFormFields.Name] = values.Name,
            [CampaignFormFields.From] = values.From,
            [CampaignFormFields.To] = values.To,
            [CampaignFormFields.At] = values.At,
            [CampaignFormFields.Zone] = values.Zone,
            [CampaignFormFields.Days] = string.Join(",", values.Days),
            [CampaignFormFields.Channels] = string.Join(",", values.ChannelIds),
            [CampaignFormFields.Goal] = values.Goal,
            [CampaignFormFields.Target] = values.Target,
        };
        foreach (var field in CampaignFormFields.All)
        {
            fields[CampaignFormFields.Was(field)] = fields[field];
        }

        return fields;
    }

    [Fact]
    public void Read_NewForm_IsTheCampaignNewTheGrammarWouldMakeWithTheTickedChannels()
    {
        var read = CampaignFormReader.Read(NewForm());

        var command = Assert.IsType<CampaignNew>(Assert.IsType<CampaignFormRead.Ready>(read).Command);
        Assert.Equal(new CampaignNew("Spring stories", Date(2027, 3, 1), Date(2027, 3, 31), new TimeOnly(10, 0), "Europe/London",
            DaySet.Of(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), "A story from every partner", 20)
        {
            ChannelIds = new ValueList<string>([Board, Wellbeing]),
        }, command);
        Assert.Equal("spring-stories", command.Id);
    }

    [Fact]
    public void Read_NoDaysTicked_LeavesTheNoDayRuleToTheCampaignRules()
    {
        var fields = NewForm();
        fields.Remove(CampaignFormFields.Days);

        var command = Assert.IsType<CampaignNew>(Assert.IsType<CampaignFormRead.Ready>(CampaignFormReader.Read(fields)).Command);

        Assert.True(command.Days.IsEmpty);
        var problems = CampaignRules.Check(CampaignEditing.Draft(command, Created)).Where(m => m.IsProblem).ToList();
        Assert.Contains(problems, p => p.Rule == CampaignRule.NoDays);
    }

    [Theory]
    [InlineData(CampaignFormFields.From, "", "Please pick the campaign’s first day.")]
    [InlineData(CampaignFormFields.To, "", "Please pick the campaign’s last day.")]
    [InlineData(CampaignFormFields.From, "1st of March", "“1st of March” isn’t a date I can read.")]
    [InlineData(CampaignFormFields.At, "", "Please pick a posting time")]
    [InlineData(CampaignFormFields.At, "25:00", "“25:00” isn’t a time I can read.")]
    [InlineData(CampaignFormFields.Zone, " ", "Please choose a time zone")]
    [InlineData(CampaignFormFields.Target, "twenty", "“twenty” isn’t a whole number of stories.")]
    [InlineData(CampaignFormFields.Target, "2.5", "isn’t a whole number of stories.")]
    public void Read_UnreadableInput_SaysWhichAndHow(string field, string value, string expected)
    {
        var fields = NewForm();
        fields[field] = value;

        var invalid = Assert.IsType<CampaignFormRead.Invalid>(CampaignFormReader.Read(fields));

        Assert.Contains(invalid.Problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_ADateWithATime_IsReadAsTheDate()
    {
        var fields = NewForm();
        fields[CampaignFormFields.From] = "2027-03-01T00:00:00";

        var command = Assert.IsType<CampaignNew>(Assert.IsType<CampaignFormRead.Ready>(CampaignFormReader.Read(fields)).Command);

        Assert.Equal(Date(2027, 3, 1), command.From);
    }

    [Fact]
    public void Read_EditFormUntouched_IsUnchanged()
    {
        var campaign = Spring() with { Goal = "Every partner", StoryTarget = 12 };

        var read = CampaignFormReader.Read(EditForm(campaign));

        Assert.Equal("spring-stories", Assert.IsType<CampaignFormRead.Unchanged>(read).CampaignId);
    }

    [Fact]
    public void Read_EditFormWithOneFieldChanged_ChangesOnlyThatField()
    {
        var fields = EditForm(Spring());
        fields[CampaignFormFields.At] = "11:15";

        var edit = Assert.IsType<CampaignEdit>(Assert.IsType<CampaignFormRead.Ready>(CampaignFormReader.Read(fields)).Command);

        Assert.Equal(CampaignRef.ById("spring-stories"), edit.Campaign);
        Assert.Equal(new CampaignChanges { At = new TimeOnly(11, 15), AddChannelIds = new([]), RemoveChannelIds = new([]) }, edit.Changes);
    }

    [Fact]
    public void Read_EditFormChannelsTickedAndUnticked_AreChangesNotAWholeList()
    {
        var fields = EditForm(Spring());
        fields[CampaignFormFields.Channels] = Wellbeing;

        var edit = Assert.IsType<CampaignEdit>(Assert.IsType<CampaignFormRead.Ready>(CampaignFormReader.Read(fields)).Command);

        Assert.Equal([Wellbeing], edit.Changes.AddChannelIds!);
        Assert.Equal([Board], edit.Changes.RemoveChannelIds!);
        Assert.Null(edit.Changes.Name);
        Assert.Null(edit.Changes.Days);
    }

    [Fact]
    public void Read_EditFormGoalAndTargetEmptied_ClearsThem()
    {
        var fields = EditForm(Spring() with { Goal = "Every partner", StoryTarget = 12 });
        fields[CampaignFormFields.Goal] = "";
        fields[CampaignFormFields.Target] = "";

        var edit = Assert.IsType<CampaignEdit>(Assert.IsType<CampaignFormRead.Ready>(CampaignFormReader.Read(fields)).Command);

        Assert.True(edit.Changes.ClearGoal);
        Assert.True(edit.Changes.ClearTarget);
        var applied = CampaignEditing.Apply(Spring() with { Goal = "Every partner", StoryTarget = 12 }, edit.Changes);
        Assert.Null(applied.Goal);
        Assert.Null(applied.StoryTarget);
    }

    [Fact]
    public void Read_EditFormWithoutWasValues_TakesEveryFieldAsChanged()
    {
        var fields = EditForm(Spring());
        foreach (var field in CampaignFormFields.All)
        {
            fields.Remove(CampaignFormFields.Was(field));
        }

        var edit = Assert.IsType<CampaignEdit>(Assert.IsType<CampaignFormRead.Ready>(CampaignFormReader.Read(fields)).Command);

        Assert.Equal("Spring stories", edit.Changes.Name);
        Assert.Equal(DaySet.Weekdays, edit.Changes.Days);
    }

    [Fact]
    public void Read_TwoAdminsEditDifferentFields_AppliedInEitherOrderKeepBoth()
    {
        var stored = Spring();
        var first = EditForm(stored);
        first[CampaignFormFields.At] = "11:15";
        var second = EditForm(stored);
        second[CampaignFormFields.Days] = "mon,tue,wed,thu,fri,sat,sun";

        var a = ((CampaignEdit)((CampaignFormRead.Ready)CampaignFormReader.Read(first)).Command).Changes;
        var b = ((CampaignEdit)((CampaignFormRead.Ready)CampaignFormReader.Read(second)).Command).Changes;

        foreach (var result in new[] { CampaignEditing.Apply(CampaignEditing.Apply(stored, a), b), CampaignEditing.Apply(CampaignEditing.Apply(stored, b), a) })
        {
            Assert.Equal(new TimeOnly(11, 15), result.PostingTime);
            Assert.Equal(7, result.DaysOfWeek.Count);
        }
    }

    [Fact]
    public void Read_ANotAnIdCampaignKey_IsRefused()
    {
        var fields = EditForm(Spring());
        fields[ActionKeys.Campaign] = "../../etc";

        var invalid = Assert.IsType<CampaignFormRead.Invalid>(CampaignFormReader.Read(fields));

        Assert.Contains(invalid.Problems, p => p.Contains("doesn’t belong to a campaign I know", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_HostileFields_NeverThrow()
    {
        string[] hostile = ["", " ", "\u0000", "💥", "mon,,mon,xyz", new string('9', 5000), "-1", "1e400", "NaN", "2027-02-30", "{{DATE()}}", "\"", ",,,"];
        foreach (var value in hostile)
        {
            var fields = NewForm();
            foreach (var field in CampaignFormFields.All.Append(ActionKeys.Campaign))
            {
                fields[field] = value;
                _ = CampaignFormReader.Read(fields);
                fields[CampaignFormFields.Was(field)] = value;
                Assert.NotNull(CampaignFormReader.Read(fields));
            }
        }
    }

    [Fact]
    public void Of_Campaign_RoundTripsThroughTheFormUnchanged()
    {
        var campaign = Spring() with { DaysOfWeek = [DayOfWeek.Sunday, DayOfWeek.Monday], PostingTime = new TimeOnly(9, 30), TimeZone = "Asia/Kolkata", StoryTarget = 5 };

        var values = CampaignFormReader.Of(campaign);

        Assert.Equal(["mon", "sun"], values.Days);
        Assert.Equal("09:30", values.At);
        Assert.Equal("5", values.Target);
        Assert.IsType<CampaignFormRead.Unchanged>(CampaignFormReader.Read(EditForm(campaign)));
    }
}
