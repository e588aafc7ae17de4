using InfoStoryBot.Dialogs.Admin;
using static InfoStoryBot.Dialogs.Tests.Admin.AdminGrammarTestKit;

namespace InfoStoryBot.Dialogs.Tests.Admin;

/// <summary>Each usage message: it names the word it could not read (or what is missing) and shows the right form.</summary>
public sealed class AdminGrammarUsageTests
{
    private const string NewExample = "Try: campaign new \"Spring stories\" from 2027-03-01 to 2027-03-31 at 10:00 in Europe/London on weekdays";

    [Theory]
    [InlineData("campaign frobnicate", "After ‘campaign’ I need one of: new, list, show, edit, channels, start, pause, resume, end. Type help campaign to see each with an example.")]
    [InlineData("/Stories are great", "After ‘stories’ I need one of: pending, approve, reject, feature, unfeature. Type help stories to see each with an example.")]
    [InlineData("channels of communication", "If you meant a campaign team command, type help channels to see its forms, each with an example.")]
    public void FamilyUsage_FamilyWordButNoCommand_IsNotACommandAndGivesTheFamilysForms(string text, string expected)
    {
        Assert.IsType<AdminParse.NotAdmin>(AdminGrammar.Parse(text, EnGb));
        Assert.Equal(expected, AdminGrammar.FamilyUsage(text, EnGb));
    }

    [Theory]
    [InlineData("share a story")]
    [InlineData("hello there")]
    [InlineData("")]
    public void FamilyUsage_NoFamilyWord_IsNull(string text) => Assert.Null(AdminGrammar.FamilyUsage(text, EnGb));

    [Fact]
    public void Usage_MisspeltMonth_NamesBothWordsAndShowsTheForm()
    {
        var usage = Usage("campaign new \"Spring stories\" from 3rd Marhc to 2027-03-31");

        Assert.Equal("I couldn’t read ‘3rd Marhc’ as a date. " + NewExample, usage.Message);
        Assert.Equal(AdminCommandNames.CampaignNew, usage.CommandName);
    }

    [Theory]
    [InlineData("2027-02-30", "‘2027-02-30’ isn’t in the calendar: February 2027 has 28 days.")]
    [InlineData("2028-02-30", "‘2028-02-30’ isn’t in the calendar: February 2028 has 29 days.")]
    [InlineData("0 March 2027", "‘0 March 2027’ isn’t in the calendar: March 2027 has 31 days.")]
    [InlineData("31 April 2027", "‘31 April 2027’ isn’t in the calendar: April 2027 has 30 days.")]
    [InlineData("April 31 2027", "‘April 31 2027’ isn’t in the calendar: April 2027 has 30 days.")]
    [InlineData("31/04/2027", "‘31/04/2027’ isn’t in the calendar: April 2027 has 30 days.")]
    [InlineData("2027-13-01", "I couldn’t read ‘2027-13-01’ as a date.")]
    [InlineData("0000-01-01", "I couldn’t read ‘0000-01-01’ as a date.")]
    [InlineData("1 March 20270", "I couldn’t read ‘1 March 20270’ as a date.")]
    [InlineData("soon", "I couldn’t read ‘soon’ as a date.")]
    [InlineData("March soon", "I couldn’t read ‘March soon’ as a date.")]
    [InlineData("2147483648-01-01", "I couldn’t read ‘2147483648-01-01’ as a date.")]
    [InlineData("99 March 2027", "‘99 March 2027’ isn’t in the calendar: March 2027 has 31 days.")]
    public void Usage_DatesNotInTheCalendar_SayWhy(string date, string problem) =>
        Assert.Equal(problem + " " + NewExample, Usage($"campaign new Spring from {date} to 2027-03-31").Message);

    [Fact]
    public void Usage_DateWithoutAYearAndNoToday_AsksForTheYear() =>
        Assert.StartsWith("Which year is ‘1 March’?", Usage("campaign new Spring from 1 March to 2027-03-31").Message, StringComparison.Ordinal);

    [Fact]
    public void Usage_ThirtyFirstOfAprilWithoutAYear_IsNotInAnyYear() =>
        Assert.StartsWith("‘31 April’ isn’t in the calendar: April has 30 days.", Usage("campaign new Spring from 31 April to 2027-05-31", Today).Message, StringComparison.Ordinal);

    public static TheoryData<string, string, string> Problems => new()
    {
        { "campaign new Spring from 2027-03-01 to 2027-03-31 at 25:00", "I couldn’t read ‘25:00’ as a time.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 at 9:75", "I couldn’t read ‘9:75’ as a time.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 at 13pm", "I couldn’t read ‘13pm’ as a time.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 at ten", "I couldn’t read ‘ten’ as a time.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 in Europe\\London", "I couldn’t read ‘Europe\\London’ as a time zone.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 in Europe London", "I didn’t expect ‘London’ there.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 on fryday", "I couldn’t read ‘fryday’ as days.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 on mon,wed,fryday", "I couldn’t read ‘fryday’ as days.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 on every fortnight", "I couldn’t read ‘every fortnight’ as days.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 on", "I need the days to post on after ‘on’.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 at", "I need a time after ‘at’.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to", "I need a date after ‘to’.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 target 0", "I couldn’t read ‘0’ as a story target. Use a whole number from 1 to 100,000, or none.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 target 2147483648", "I couldn’t read ‘2147483648’ as a story target.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 target none", "I couldn’t read ‘none’ as a story target.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 at 10:00 at 11:00", "You’ve given ‘at’ twice: say it once.", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01 to 2027-03-31 colour blue", "I didn’t expect ‘colour’ there.", AdminCommandNames.CampaignNew },
        { "campaign new Spring to 2027-03-31", "campaign new needs a start date (from 2027-03-01).", AdminCommandNames.CampaignNew },
        { "campaign new Spring from 2027-03-01", "campaign new needs an end date (to 2027-03-31).", AdminCommandNames.CampaignNew },
        { "campaign new from 2027-03-01 to 2027-03-31", "campaign new needs a name.", AdminCommandNames.CampaignNew },
        { "campaign new \"\" from 2027-03-01 to 2027-03-31", "campaign new needs a name.", AdminCommandNames.CampaignNew },
        { "campaign new", "campaign new needs a name.", AdminCommandNames.CampaignNew },
        { "campaign new \"Spring stories from 2027-03-01 to 2027-03-31", "The quote that starts at ‘Spring’ isn’t closed.", AdminCommandNames.CampaignNew },
        { "campaign new “Spring” stories from 2027-03-01 to 2027-03-31", "I didn’t expect ‘stories’ there.", AdminCommandNames.CampaignNew },
        { "campaign show", "campaign show needs a campaign: its id, like spring-stories, or its name in quotes.", AdminCommandNames.CampaignShow },
        { "campaign show “Spring stories” please", "I didn’t expect ‘please’ there.", AdminCommandNames.CampaignShow },
        { "campaign start \"Spring", "The quote that starts at ‘Spring’ isn’t closed.", AdminCommandNames.CampaignStart },
        { "campaign list all", "I didn’t expect ‘all’ there.", AdminCommandNames.CampaignList },
        { "campaign edit spring-stories colour blue", "I can’t change ‘colour’. You can change name, from, to, at, in, on, goal and target.", AdminCommandNames.CampaignEdit },
        { "campaign edit spring-stories", "Say what to change: name, from, to, at, in, on, goal or target, each followed by its new value.", AdminCommandNames.CampaignEdit },
        { "campaign edit at 11:15", "campaign edit needs a campaign: its id, like spring-stories, or its name in quotes.", AdminCommandNames.CampaignEdit },
        { "campaign edit spring-stories at 11:15 at 12:00", "You’ve given ‘at’ twice: say it once.", AdminCommandNames.CampaignEdit },
        { "campaign edit spring-stories name", "I need a name after ‘name’.", AdminCommandNames.CampaignEdit },
        { "campaign edit spring-stories goal", "I need the goal after ‘goal’.", AdminCommandNames.CampaignEdit },
        { "campaign channels spring-stories", "campaign channels add needs add or remove, then a channel.", AdminCommandNames.CampaignChannelsAdd },
        { "campaign channels spring-stories add", "campaign channels add needs a channel: its number in channels, its name, or \"Team / Channel\".", AdminCommandNames.CampaignChannelsAdd },
        { "campaign channels add 3", "campaign channels add needs a campaign: its id, like spring-stories, or its name in quotes.", AdminCommandNames.CampaignChannelsAdd },
        { "campaign channels spring-stories remove 0", "I couldn’t read ‘0’ as a channel.", AdminCommandNames.CampaignChannelsRemove },
        { "channels mute 99999999999", "I couldn’t read ‘99999999999’ as a channel.", AdminCommandNames.ChannelsMute },
        { "channels mute 2147483648", "I couldn’t read ‘2147483648’ as a channel.", AdminCommandNames.ChannelsMute },
        { "channels mute", "channels mute needs a channel", AdminCommandNames.ChannelsMute },
        { "channels unmute “General” now", "I didn’t expect ‘now’ there.", AdminCommandNames.ChannelsUnmute },
        { "stories approve abc", "I couldn’t read ‘abc’ as a story. Use its number in stories pending, or its id (like 0192f3a4b5c6-1a2b3c4d).", AdminCommandNames.StoriesApprove },
        { "stories approve 0192f3a4b5c6-1a2b3c4", "I couldn’t read ‘0192f3a4b5c6-1a2b3c4’ as a story.", AdminCommandNames.StoriesApprove },
        { "stories approve 0", "I couldn’t read ‘0’ as a story.", AdminCommandNames.StoriesApprove },
        { "stories approve 2147483648", "I couldn’t read ‘2147483648’ as a story.", AdminCommandNames.StoriesApprove },
        { "stories approve", "stories approve needs a story: its number in stories pending, or its id.", AdminCommandNames.StoriesApprove },
        { "stories approve 1 2", "I didn’t expect ‘2’ there.", AdminCommandNames.StoriesApprove },
        { "stories reject 3", "stories reject needs a reason, which the storyteller will see.", AdminCommandNames.StoriesReject },
        { "stories feature x", "I couldn’t read ‘x’ as a story.", AdminCommandNames.StoriesFeature },
        { "stories aprove 3", "I don’t know ‘aprove’ after stories: did you mean approve?", AdminCommandNames.StoriesApprove },
        { "campaign strat spring-stories", "I don’t know ‘strat’ after campaign: did you mean start?", AdminCommandNames.CampaignStart },
        { "campaign chanels spring-stories add 2", "I don’t know ‘chanels’ after campaign: did you mean channels?", AdminCommandNames.CampaignChannelsAdd },
        { "admin add", "admin add needs someone’s name.", AdminCommandNames.AdminAdd },
        { "admin remove @", "admin remove needs someone’s name.", AdminCommandNames.AdminRemove },
        { "admin lsit", "I don’t know ‘lsit’ after admin: did you mean list?", AdminCommandNames.AdminList },
        { "audit 501", "I can show from 1 to 500 audit entries, so ‘501’ won’t do.", AdminCommandNames.Audit },
        { "audit 0", "I can show from 1 to 500 audit entries, so ‘0’ won’t do.", AdminCommandNames.Audit },
        { "audit -5", "I can show from 1 to 500 audit entries, so ‘-5’ won’t do.", AdminCommandNames.Audit },
        { "audit 99999999999999999999", "I can show from 1 to 500 audit entries, so ‘99999999999999999999’ won’t do.", AdminCommandNames.Audit },
        { "audit 50 please", "I didn’t expect ‘please’ there.", AdminCommandNames.Audit },
        { "nudge preview spring-stories weekly-norms", "I don’t know a nudge called ‘weekly-norms’. The nudges are: story-of-the-day, weekly-norm, rising-norm, two-minute-share, campaign-moment, quiet-pillar, partnership-element, pledge, storybook-progress.", AdminCommandNames.NudgePreview },
        { "nudge preview", "nudge preview needs a campaign", AdminCommandNames.NudgePreview },
        { "nudge send-now Spring stories", "I don’t know a nudge called ‘stories’.", AdminCommandNames.NudgeSendNow },
        { "nudge send spring-stories", "I don’t know ‘send’ after nudge: did you mean send-now?", AdminCommandNames.NudgeSendNow },
        { "nudge sned-now spring-stories", "I don’t know ‘sned-now’ after nudge: did you mean send-now?", AdminCommandNames.NudgeSendNow },
        { "experiment new spring-stories pledge \"only one\"", "An experiment needs 2 to 4 variants, each in quotes, and I found 1.", AdminCommandNames.ExperimentNew },
        { "experiment new spring-stories pledge \"a\" \"b\" \"c\" \"d\" \"e\"", "An experiment needs 2 to 4 variants, each in quotes, and I found 5.", AdminCommandNames.ExperimentNew },
        { "experiment new spring-stories pledge \"a\" bare words", "Put each variant’s wording in quotes: ‘bare’ isn’t in quotes.", AdminCommandNames.ExperimentNew },
        { "experiment new spring-stories pledge \"a\" \"\"", "Variant B is empty: give it some words.", AdminCommandNames.ExperimentNew },
        { "experiment new spring-stories pledge \"a\" \"b", "The quote that starts at ‘b’ isn’t closed.", AdminCommandNames.ExperimentNew },
        { "experiment new spring-stories", "experiment new needs a nudge from the catalogue (nudge list shows them).", AdminCommandNames.ExperimentNew },
        { "experiment new spring-stories banner \"a\" \"b\"", "I don’t know a nudge called ‘banner’.", AdminCommandNames.ExperimentNew },
        { "experiment show", "experiment show needs an experiment’s id (experiment list shows them).", AdminCommandNames.ExperimentShow },
        { "experiment show exp/1", "I couldn’t read ‘exp/1’ as an experiment.", AdminCommandNames.ExperimentShow },
        { "experiment stop exp-1", "experiment stop needs the variant to keep, like keep B.", AdminCommandNames.ExperimentStop },
        { "experiment stop exp-1 keep E", "I couldn’t read ‘E’ as a variant. Say which to keep by its letter: A, B, C or D.", AdminCommandNames.ExperimentStop },
        { "experiment stop exp-1 keep", "experiment stop needs the variant to keep, like keep B.", AdminCommandNames.ExperimentStop },
        { "experiment stop exp-1 drop B", "I didn’t expect ‘drop’ there.", AdminCommandNames.ExperimentStop },
        { "export spring-stories pdf", "I can’t export as ‘pdf’: choose csv, json or html.", AdminCommandNames.Export },
        { "export spring-stories", "export needs a format: csv, json or html.", AdminCommandNames.Export },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Usage_EachProblem_NamesTheWordAndTheCommand(string text, string problem, string command)
    {
        var usage = Usage(text);

        Assert.StartsWith(problem, usage.Message, StringComparison.Ordinal);
        Assert.Equal(command, usage.CommandName);
        Assert.EndsWith(
            " Try: " + AdminCatalogue.Find(command, EnGb)!.Example,
            usage.Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("campaign", "After ‘campaign’ I need one of: new, list, show, edit, channels, start, pause, resume, end. Type help campaign to see each with an example.")]
    [InlineData("/STORIES", "After ‘stories’ I need one of: pending, approve, reject, feature, unfeature. Type help stories to see each with an example.")]
    [InlineData("nudge", "After ‘nudge’ I need one of: list, preview, send-now. Type help nudge to see each with an example.")]
    [InlineData("experiment", "After ‘experiment’ I need one of: new, list, show, stop. Type help experiment to see each with an example.")]
    public void Usage_FamilyWordAlone_ListsItsCommands(string text, string message)
    {
        var usage = Usage(text);

        Assert.Equal(message, usage.Message);
        Assert.Equal(AdminCatalogue.FamilyOf(text.TrimStart('/').ToLowerInvariant()), usage.CommandName);
    }

    [Fact]
    public void Usage_VeryLongText_IsRefusedWithoutReadingIt()
    {
        var usage = Usage("stories reject 1 " + new string('x', AdminGrammar.MaxLength));

        Assert.Equal("That’s too long for a command: please keep it under 4000 characters.", usage.Message);
    }

    [Fact]
    public void Usage_AWordOfAnEssay_IsCutShortInTheMessage()
    {
        var usage = Usage("campaign new Spring from " + new string('z', 300) + " to 2027-03-31");

        Assert.Contains("‘" + new string('z', 39) + "…’", usage.Message, StringComparison.Ordinal);
    }
}
