using InfoStoryBot.Dialogs.Admin;
using static InfoStoryBot.Dialogs.Tests.Admin.AdminGrammarTestKit;

namespace InfoStoryBot.Dialogs.Tests.Admin;

/// <summary>Every form of issue 10 (and the nudge, experiment, report and export commands) exactly as written.</summary>
public sealed class AdminGrammarTests
{
    private static readonly CampaignRef Spring = CampaignRef.ById("spring-stories");

    // ---- campaign new ----

    [Fact]
    public void CampaignNew_FullForm_ReadsEveryClause()
    {
        var command = Command("campaign new \"Spring stories\" from 2027-03-01 to 2027-03-31 at 10:00 in Europe/London on weekdays");

        Assert.Equal(new CampaignNew("Spring stories", new(2027, 3, 1), new(2027, 3, 31), new(10, 0), "Europe/London", DaySet.Weekdays, null, null), command);
        Assert.Equal("spring-stories", ((CampaignNew)command).Id);
    }

    [Fact]
    public void CampaignNew_BareNameAndNoTimeOrZone_DefaultsToTenLondon()
    {
        var command = Command("campaign new Autumn from 2027-09-01 to 2027-09-30 on every day");

        Assert.Equal(new CampaignNew("Autumn", new(2027, 9, 1), new(2027, 9, 30), new(10, 0), "Europe/London", DaySet.EveryDay, null, null), command);
    }

    [Fact]
    public void CampaignNew_TimeZoneAndListedDays_AreRead()
    {
        var command = Command("campaign new Pilot from 2027-01-10 to 2027-02-10 at 09:30 in Asia/Kolkata on mon,wed,fri");

        Assert.Equal(
            new CampaignNew("Pilot", new(2027, 1, 10), new(2027, 2, 10), new(9, 30), "Asia/Kolkata", DaySet.Of(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), null, null),
            command);
    }

    [Fact]
    public void CampaignNew_NoDays_DefaultsToWeekdays() =>
        Assert.Equal(DaySet.Weekdays, Command<CampaignNew>("campaign new Pilot from 2027-01-10 to 2027-02-10").Days);

    [Fact]
    public void CampaignNew_BareMultiWordName_RunsUntilFrom() =>
        Assert.Equal("Spring stories to share", Command<CampaignNew>("campaign new Spring stories to share from 2027-03-01 to 2027-03-31").Name);

    [Fact]
    public void CampaignNew_QuotedNameHoldingKeywords_IsKeptWhole() =>
        Assert.Equal("From us, to you", Command<CampaignNew>("campaign new \"From us, to you\" from 2027-03-01 to 2027-03-31").Name);

    [Theory]
    [InlineData("campaign new “Spring stories” from 2027-03-01 to 2027-03-31")]
    [InlineData("campaign new ”Spring stories” from 2027-03-01 to 2027-03-31")]
    [InlineData("campaign new “Spring stories\" from 2027-03-01 to 2027-03-31")]
    [InlineData("campaign new ‘Spring stories’ from 2027-03-01 to 2027-03-31")]
    [InlineData("campaign new 'Spring stories' from 2027-03-01 to 2027-03-31")]
    [InlineData("campaign new \"  Spring   stories \" from 2027-03-01 to 2027-03-31")]
    public void CampaignNew_StraightOrCurlyQuotes_GiveTheSameName(string text) =>
        Assert.Equal("Spring stories", Command<CampaignNew>(text).Name);

    [Fact]
    public void CampaignNew_ApostropheInABareName_StaysInTheName() =>
        Assert.Equal("Teams’ stories", Command<CampaignNew>("campaign new Teams’ stories from 2027-03-01 to 2027-03-31").Name);

    [Theory]
    [InlineData("CAMPAIGN NEW Pilot FROM 2027-01-10 TO 2027-02-10 AT 09:30 IN Asia/Kolkata ON MON,WED,FRI")]
    [InlineData("/campaign new Pilot from 2027-01-10 to 2027-02-10 at 09:30 in Asia/Kolkata on mon,wed,fri")]
    [InlineData("/Campaign New Pilot From 2027-01-10 To 2027-02-10 At 9:30 In Asia/Kolkata On Mon, Wed, Fri")]
    [InlineData("  campaign   new  Pilot  from 2027-01-10  to 2027-02-10 at 09:30 in Asia/Kolkata on mon wed fri ")]
    [InlineData("campaign new \"Pilot\" on mon,wed,fri in Asia/Kolkata at 09:30 to 2027-02-10 from 2027-01-10")]
    [InlineData("campaign new Pilot from 10 January 2027 until 10 Feb 2027 at 9.30am in Asia/Kolkata on mondays, wednesdays and fridays")]
    [InlineData("campaign new Pilot\nfrom 2027-01-10\nto 2027-02-10 at 09:30 in Asia/Kolkata on mon,wed,fri")]
    [InlineData("campaign new Pilot from 2027-01-10 to 2027-02-10 at 09:30 in Asia/Kolkata on mon,wed,fri.")]
    public void CampaignNew_CaseSlashSpacingAndOrder_DoNotMatter(string text) =>
        Assert.Equal(
            new CampaignNew("Pilot", new(2027, 1, 10), new(2027, 2, 10), new(9, 30), "Asia/Kolkata", DaySet.Of(DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), null, null),
            Command(text));

    [Theory]
    [InlineData("2027-03-01")]
    [InlineData("2027-3-1")]
    [InlineData("1 March 2027")]
    [InlineData("1 march 2027")]
    [InlineData("1 Mar 2027")]
    [InlineData("1st March 2027")]
    [InlineData("1st of March 2027")]
    [InlineData("March 1 2027")]
    [InlineData("March 1, 2027")]
    [InlineData("Mar 1st 2027")]
    [InlineData("01/03/2027")]
    [InlineData("\"2027-03-01\"")]
    public void CampaignNew_DateWritings_AllMeanTheFirstOfMarch(string date) =>
        Assert.Equal(new DateOnly(2027, 3, 1), Command<CampaignNew>($"campaign new Spring from {date} to 2027-03-31").From);

    [Theory]
    [InlineData("10:00", 10, 0)]
    [InlineData("9:30", 9, 30)]
    [InlineData("09:30", 9, 30)]
    [InlineData("9.30", 9, 30)]
    [InlineData("23:59", 23, 59)]
    [InlineData("0:00", 0, 0)]
    [InlineData("10", 10, 0)]
    [InlineData("10am", 10, 0)]
    [InlineData("2:30pm", 14, 30)]
    [InlineData("2:30 pm", 14, 30)]
    [InlineData("12am", 0, 0)]
    [InlineData("12pm", 12, 0)]
    [InlineData("noon", 12, 0)]
    public void CampaignNew_TimeWritings_AreRead(string time, int hour, int minute) =>
        Assert.Equal(new TimeOnly(hour, minute), Command<CampaignNew>($"campaign new Spring from 2027-03-01 to 2027-03-31 at {time}").At);

    public static TheoryData<string, DayOfWeek[]> DayWritings => new()
    {
        { "weekdays", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] },
        { "working days", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] },
        { "every weekday", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] },
        { "monday to friday", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] },
        { "Monday to Friday", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] },
        { "mon-fri", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday] },
        { "every day", [.. DaySet.EveryDay.Days] },
        { "daily", [.. DaySet.EveryDay.Days] },
        { "weekends", [DayOfWeek.Saturday, DayOfWeek.Sunday] },
        { "mon,wed,fri", [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday] },
        { "mon, wed, fri", [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday] },
        { "mon wed fri", [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday] },
        { "\"mon wed fri\"", [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday] },
        { "monday, wednesday and friday", [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday] },
        { "Tuesdays and Thursdays", [DayOfWeek.Tuesday, DayOfWeek.Thursday] },
        { "tues & thurs", [DayOfWeek.Tuesday, DayOfWeek.Thursday] },
        { "friday to monday", [DayOfWeek.Monday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday] },
        { "wednesday", [DayOfWeek.Wednesday] },
    };

    [Theory]
    [MemberData(nameof(DayWritings))]
    public void CampaignNew_DayWritings_AreRead(string days, DayOfWeek[] expected) =>
        Assert.Equal(expected, Command<CampaignNew>($"campaign new Spring from 2027-03-01 to 2027-03-31 on {days} at 10:00").Days.Days);

    [Fact]
    public void CampaignNew_DaysWithoutOn_AreStillRead() =>
        Assert.Equal(DaySet.EveryDay, Command<CampaignNew>("campaign new Autumn from 2027-09-01 to 2027-09-30 every day").Days);

    [Fact]
    public void CampaignNew_MondayToFridayThenTo_KeepsBothMeaningsOfTo()
    {
        var command = Command<CampaignNew>("campaign new Spring from 2027-03-01 on monday to friday to 2027-03-31");

        Assert.Equal(DaySet.Weekdays, command.Days);
        Assert.Equal(new DateOnly(2027, 3, 31), command.To);
    }

    [Fact]
    public void CampaignNew_GoalAndTarget_AreFreeTextAndANumber()
    {
        var quoted = Command<CampaignNew>("campaign new Spring from 2027-03-01 to 2027-03-31 goal \"a story from every partner\" target 20");
        var rest = Command<CampaignNew>("campaign new Spring from 2027-03-01 to 2027-03-31 target 20 goal a story from every partner, by the end of March");

        Assert.Equal(("a story from every partner", 20), (quoted.Goal, quoted.Target));
        Assert.Equal(("a story from every partner, by the end of March", 20), (rest.Goal, rest.Target));
    }

    [Fact]
    public void CampaignNew_DatesWithoutAYear_AreTheNextSuchDatesWhenTodayIsKnown()
    {
        var command = Command<CampaignNew>("campaign new Winter from 1 December to 31 January", today: new DateOnly(2026, 11, 1));

        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31)), (command.From, command.To));
    }

    [Fact]
    public void CampaignNew_TodayAndTomorrow_UseTheDatePassedIn()
    {
        var command = Command<CampaignNew>("campaign new Quick from today to tomorrow", today: Today);

        Assert.Equal((Today, Today.AddDays(1)), (command.From, command.To));
    }

    [Fact]
    public void CampaignNew_ZoneKeptAsTyped_ForTheCampaignRulesToCheck() =>
        Assert.Equal("Mars/Olympus_Mons", Command<CampaignNew>("campaign new Spring from 2027-03-01 to 2027-03-31 in Mars/Olympus_Mons").Zone);

    [Fact]
    public void CampaignNew_EndBeforeStart_IsReadForTheRulesToRefuse() =>
        Assert.Equal(new DateOnly(2027, 1, 1), Command<CampaignNew>("campaign new Spring from 2027-03-01 to 2027-01-01").To);

    // ---- other campaign commands ----

    [Fact]
    public void CampaignList_IsRead()
    {
        Assert.IsType<CampaignList>(Command("campaign list"));
        Assert.IsType<CampaignList>(Command("campaigns"));
        Assert.IsType<CampaignList>(Command("/Campaign List"));
    }

    [Fact]
    public void CampaignShow_ById_IsRead() =>
        Assert.Equal(new CampaignShow(Spring), Command("campaign show spring-stories"));

    [Theory]
    [InlineData("campaign show \"Spring stories\"")]
    [InlineData("campaign show “Spring stories”")]
    [InlineData("campaign show Spring stories")]
    public void CampaignShow_ByName_IsReadAndMatchesTheIdMadeFromIt(string text)
    {
        var show = Command<CampaignShow>(text);

        Assert.Equal(CampaignRef.ByName("Spring stories"), show.Campaign);
        Assert.True(show.Campaign.Matches("spring-stories", "Spring stories"));
        Assert.False(show.Campaign.Matches("autumn", "Autumn"));
    }

    [Fact]
    public void CampaignShow_OneBareWordInCapitals_IsAnIdThatAlsoMatchesTheName()
    {
        var show = Command<CampaignShow>("campaign show Autumn");

        Assert.Equal(CampaignRef.ById("autumn"), show.Campaign);
        Assert.True(show.Campaign.Matches("autumn-2027", "Autumn"));
    }

    [Fact]
    public void CampaignEdit_OneField_IsRead() =>
        Assert.Equal(new CampaignEdit(Spring, new CampaignChanges { At = new TimeOnly(11, 15) }), Command("campaign edit spring-stories at 11:15"));

    public static TheoryData<string, CampaignChanges> EditFields => new()
    {
        { "name \"Spring stories 2027\"", new CampaignChanges { Name = "Spring stories 2027" } },
        { "name Spring stories 2027", new CampaignChanges { Name = "Spring stories 2027" } },
        { "from 2027-03-02", new CampaignChanges { From = new DateOnly(2027, 3, 2) } },
        { "to 30 April 2027", new CampaignChanges { To = new DateOnly(2027, 4, 30) } },
        { "at 9:30", new CampaignChanges { At = new TimeOnly(9, 30) } },
        { "in America/New_York", new CampaignChanges { Zone = "America/New_York" } },
        { "on tue,thu", new CampaignChanges { Days = DaySet.Of(DayOfWeek.Tuesday, DayOfWeek.Thursday) } },
        { "goal a story from every partner", new CampaignChanges { Goal = "a story from every partner" } },
        { "goal none", new CampaignChanges { ClearGoal = true } },
        { "target 40", new CampaignChanges { Target = 40 } },
        { "target none", new CampaignChanges { ClearTarget = true } },
        {
            "name \"Spring 2027\" at 11:15 on weekdays target 30 goal \"one from each team\"",
            new CampaignChanges { Name = "Spring 2027", At = new TimeOnly(11, 15), Days = DaySet.Weekdays, Target = 30, Goal = "one from each team" }
        },
        { "name Spring 2027 at 11:15", new CampaignChanges { Name = "Spring 2027", At = new TimeOnly(11, 15) } },
        { "goal none target none", new CampaignChanges { ClearGoal = true, ClearTarget = true } },
    };

    [Theory]
    [MemberData(nameof(EditFields))]
    public void CampaignEdit_EachField_IsRead(string fields, CampaignChanges expected) =>
        Assert.Equal(new CampaignEdit(Spring, expected), Command("campaign edit spring-stories " + fields));

    [Fact]
    public void CampaignEdit_QuotedOrBareMultiWordName_NamesTheCampaign()
    {
        Assert.Equal(CampaignRef.ByName("Spring stories"), Command<CampaignEdit>("campaign edit \"Spring stories\" at 11:15").Campaign);
        Assert.Equal(CampaignRef.ByName("Spring stories"), Command<CampaignEdit>("campaign edit Spring stories at 11:15").Campaign);
    }

    public static TheoryData<string, ChannelRef> ChannelWritings => new()
    {
        { "Partnership board", new ChannelRef.ByName("Partnership board") },
        { "\"Partnership board\"", new ChannelRef.ByName("Partnership board") },
        { "General", new ChannelRef.ByName("General") },
        { "2", new ChannelRef.ByNumber(2) },
        { "#2", new ChannelRef.ByNumber(2) },
        { "\"2024\"", new ChannelRef.ByName("2024") },
        { "Safeguarding partners / General", new ChannelRef.ByTeamAndChannel("Safeguarding partners", "General") },
        { "“Safeguarding partners / Partnership board”", new ChannelRef.ByTeamAndChannel("Safeguarding partners", "Partnership board") },
        { "Safeguarding/General", new ChannelRef.ByTeamAndChannel("Safeguarding", "General") },
        { "Health and care / Data / sharing", new ChannelRef.ByTeamAndChannel("Health and care", "Data / sharing") },
    };

    [Theory]
    [MemberData(nameof(ChannelWritings))]
    public void CampaignChannelsAdd_ChannelByNumberNameOrTeamAndChannel_IsRead(string channel, ChannelRef expected) =>
        Assert.Equal(new CampaignChannelsAdd(Spring, expected), Command("campaign channels spring-stories add " + channel));

    [Fact]
    public void CampaignChannels_FormsOfTheIssue_AreRead()
    {
        Assert.Equal(new CampaignChannelsAdd(Spring, new ChannelRef.ByName("Partnership board")), Command("campaign channels spring-stories add Partnership board"));
        Assert.Equal(new CampaignChannelsRemove(Spring, new ChannelRef.ByNumber(2)), Command("campaign channels spring-stories remove 2"));
        Assert.Equal(
            new CampaignChannelsRemove(CampaignRef.ByName("Spring stories"), new ChannelRef.ByNumber(2)),
            Command("campaign channel “Spring stories” remove 2"));
    }

    [Fact]
    public void CampaignStates_StartPauseResumeEnd_AreRead()
    {
        Assert.Equal(new CampaignStart(Spring), Command("campaign start spring-stories"));
        Assert.Equal(new CampaignPause(Spring), Command("campaign pause spring-stories"));
        Assert.Equal(new CampaignResume(Spring), Command("campaign resume spring-stories"));
        Assert.Equal(new CampaignEnd(Spring), Command("campaign end spring-stories"));
        Assert.Equal(new CampaignStart(CampaignRef.ByName("Spring stories")), Command("/CAMPAIGN START ‘Spring stories’"));
    }

    // ---- channels ----

    [Fact]
    public void Channels_ListMuteAndUnmute_AreRead()
    {
        Assert.IsType<ChannelsList>(Command("channels"));
        Assert.IsType<ChannelsList>(Command("channels list"));
        Assert.IsType<ChannelsList>(Command("/Channels"));
        Assert.Equal(new ChannelsMute(new ChannelRef.ByNumber(3)), Command("channels mute 3"));
        Assert.Equal(new ChannelsUnmute(new ChannelRef.ByNumber(3)), Command("channels unmute 3"));
        Assert.Equal(new ChannelsMute(new ChannelRef.ByTeamAndChannel("Partners", "General")), Command("channels mute Partners / General"));
    }

    // ---- stories ----

    [Fact]
    public void Stories_EveryModerationCommand_IsRead()
    {
        const string id = "0192f3a4b5c6-1a2b3c4d";
        Assert.IsType<StoriesPending>(Command("stories pending"));
        Assert.Equal(new StoriesApprove(new StoryRef.ById(id)), Command("stories approve " + id));
        Assert.Equal(new StoriesApprove(new StoryRef.ById(id)), Command("stories approve 0192F3A4B5C6-1A2B3C4D"));
        Assert.Equal(new StoriesApprove(new StoryRef.ByNumber(1)), Command("stories approve 1"));
        Assert.Equal(new StoriesApprove(new StoryRef.ByNumber(1)), Command("stories approve #1"));
        Assert.Equal(new StoriesReject(new StoryRef.ByNumber(2), "It names a family: please take the names out."), Command("stories reject 2 It names a family: please take the names out."));
        Assert.Equal(new StoriesReject(new StoryRef.ByNumber(2), "it names a “family”"), Command("stories reject 2 \"it names a “family”\""));
        Assert.Equal(new StoriesReject(new StoryRef.ByNumber(2), "it's not ours \"really"), Command("stories reject 2 it's not ours \"really"));
        Assert.Equal(new StoriesFeature(new StoryRef.ById(id)), Command("stories feature " + id));
        Assert.Equal(new StoriesUnfeature(new StoryRef.ByNumber(4)), Command("stories unfeature 4"));
    }

    // ---- admin and audit ----

    [Fact]
    public void Admin_PanelListAddAndRemove_AreRead()
    {
        Assert.IsType<AdminPanel>(Command("admin"));
        Assert.IsType<AdminPanel>(Command("/Admin"));
        Assert.IsType<AdminList>(Command("admin list"));
        Assert.IsType<AdminList>(Command("admins"));
        Assert.Equal(new AdminAdd("Priya Shah"), Command("admin add Priya Shah"));
        Assert.Equal(new AdminAdd("Priya Shah"), Command("admin add @Priya Shah"));
        Assert.Equal(new AdminAdd("Priya Shah"), Command("admin add “Priya Shah”"));
        Assert.Equal(new AdminRemove("Sam O’Neill"), Command("admin remove Sam O’Neill"));
    }

    [Fact]
    public void Audit_WithAndWithoutACount_IsRead()
    {
        Assert.Equal(new Audit(Audit.DefaultCount), Command("audit"));
        Assert.Equal(new Audit(50), Command("audit 50"));
        Assert.Equal(new Audit(50), Command("/AUDIT last 50"));
        Assert.Equal(new Audit(1), Command("audit 1"));
        Assert.Equal(new Audit(500), Command("audit 500"));
    }

    // ---- nudges, experiments, reports and exports ----

    [Fact]
    public void Nudge_ListPreviewAndSendNow_AreRead()
    {
        Assert.IsType<NudgeList>(Command("nudge list"));
        Assert.IsType<NudgeList>(Command("nudges"));
        Assert.Equal(new NudgeList(), Command("nudge list"));
        Assert.Equal(new NudgeList(Spring), Command("nudge list spring-stories"));
        Assert.Equal(new NudgeList(CampaignRef.ByName("Spring stories")), Command("nudge list “Spring stories”"));
        Assert.Equal(new NudgePreview(Spring, null), Command("nudge preview spring-stories"));
        Assert.Equal(new NudgePreview(Spring, "weekly-norm"), Command("nudge preview spring-stories weekly-norm"));
        Assert.Equal(new NudgePreview(CampaignRef.ByName("Spring stories"), "pledge"), Command("nudge preview “Spring stories” PLEDGE"));
        Assert.Equal(new NudgeSendNow(Spring, null), Command("nudge send-now spring-stories"));
        Assert.Equal(new NudgeSendNow(Spring, "story-of-the-day"), Command("nudge send now spring-stories story-of-the-day"));
    }

    [Theory]
    [InlineData("story-of-the-day")]
    [InlineData("weekly-norm")]
    [InlineData("rising-norm")]
    [InlineData("two-minute-share")]
    [InlineData("campaign-moment")]
    [InlineData("quiet-pillar")]
    [InlineData("partnership-element")]
    [InlineData("pledge")]
    [InlineData("storybook-progress")]
    public void Nudge_EveryCatalogueEntry_IsAccepted(string entry) =>
        Assert.Equal(new NudgeSendNow(Spring, entry), Command($"nudge send-now spring-stories {entry}"));

    [Fact]
    public void Experiment_EveryForm_IsRead()
    {
        Assert.Equal(
            new ExperimentNew(Spring, "two-minute-share", new ValueList<string>(["Got two minutes?", "Five short questions."])),
            Command("experiment new spring-stories two-minute-share \"Got two minutes?\" “Five short questions.”"));
        Assert.Equal(4, Command<ExperimentNew>("experiment new spring-stories pledge \"a\" \"b\" \"c\" \"d\"").Variants.Count);
        Assert.IsType<ExperimentList>(Command("experiment list"));
        Assert.IsType<ExperimentList>(Command("experiments"));
        Assert.Equal(new ExperimentShow("exp-1"), Command("experiment show exp-1"));
        Assert.Equal(new ExperimentStop("exp-1", 'B'), Command("experiment stop exp-1 keep B"));
        Assert.Equal(new ExperimentStop("exp-1", 'C'), Command("experiment stop exp-1 keep variant c"));
    }

    [Fact]
    public void ReportAndExport_AreRead()
    {
        Assert.Equal(new Report(Spring), Command("report spring-stories"));
        Assert.Equal(new Export(Spring, ExportFormat.Csv), Command("export spring-stories csv"));
        Assert.Equal(new Export(Spring, ExportFormat.Json), Command("export spring-stories JSON"));
        Assert.Equal(new Export(Spring, ExportFormat.Html), Command("export spring-stories as html"));
        Assert.Equal(new Export(CampaignRef.ByName("Spring stories"), ExportFormat.Html), Command("export Spring stories html"));
    }

    [Fact]
    public void ReportAndExport_Alone_AreReadWithNoCampaign_SoTheBotCanAskWhich()
    {
        Assert.Equal(new Report(null), Command("report"));
        Assert.Equal(new Report(null), Command("/REPORT"));
        Assert.Equal(new Export(null, null), Command("export"));
        Assert.Equal("report", AdminCommandText.Render(new Report(null)));
        Assert.Equal("export", AdminCommandText.Render(new Export(null, null)));
    }

    // ---- help ----

    [Theory]
    [InlineData("help campaign new", "campaign new")]
    [InlineData("/help campaign new", "campaign new")]
    [InlineData("help /campaign new", "campaign new")]
    [InlineData("HELP Campaign New", "campaign new")]
    [InlineData("help campaign", "campaign")]
    [InlineData("help campaigns", "campaign")]
    [InlineData("campaign help", "campaign")]
    [InlineData("help campaign channels", "campaign channels")]
    [InlineData("help campaign channel add", "campaign channels add")]
    [InlineData("help campaign frobnicate", "campaign")]
    [InlineData("help nudge send now", "nudge send-now")]
    [InlineData("help stories reject", "stories reject")]
    [InlineData("help audit", "audit")]
    [InlineData("help admin", "admin")]
    [InlineData("help help", "help")]
    [InlineData("report help", "report")]
    public void Help_OnACommandOrFamily_NamesTheTopic(string text, string topic) =>
        Assert.Equal(new Help(topic), Command(text));

    [Fact]
    public void AdminHelp_IsHelpOnEveryCommand() =>
        Assert.Equal(new Help(null), Command("admin help"));

    // ---- not admin commands ----

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("hello")]
    [InlineData("share a story")]
    [InlineData("story")]
    [InlineData("my stories")]
    [InlineData("stories mine")]
    [InlineData("storybook")]
    [InlineData("help")]
    [InlineData("help me")]
    [InlineData("help what can you do")]
    [InlineData("audit trail")]
    [InlineData("channels of communication mattered")]
    [InlineData("\"campaign list\"")]
    [InlineData("campaigning is hard")]
    public void Parse_OtherMessages_AreNotAdminCommands(string? text) =>
        Assert.IsType<AdminParse.NotAdmin>(AdminGrammar.Parse(text, EnGb));
}
