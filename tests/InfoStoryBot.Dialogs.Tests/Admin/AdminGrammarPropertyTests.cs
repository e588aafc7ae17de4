using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using InfoStoryBot.Dialogs.Admin;
using static InfoStoryBot.Dialogs.Tests.Admin.AdminGrammarTestKit;

namespace InfoStoryBot.Dialogs.Tests.Admin;

/// <summary>
/// Properties over generated commands: each command written back as its canonical text reads as the same command,
/// whatever the case of its command words, a leading slash or curly quotes; dates and numbers read over their whole ranges.
/// </summary>
public sealed class AdminGrammarPropertyTests
{
    // Ids that are also keywords where an id may stand (campaign edit x at …) have to be quoted to be read as names.
    private static readonly HashSet<string> Reserved =
        ["name", "from", "to", "until", "at", "in", "on", "goal", "target", "add", "remove", "help", "as"];

    private static readonly Gen<string> Letters = Gen.Elements("a", "b", "k", "Q", "z", "é", "ß", "Ω", "ж", "日", "ا");

    // Inside quotes anything but a double quote may appear: apostrophes, single quotes, slashes aside.
    private static readonly Gen<string> QuotedWord =
        Gen.ListOf(Gen.Elements("a", "B", "z", "é", "Ω", "日本", "😀", "0", "7", "-", ",", ".", "!", "?", "&", "(", ")", "’", "'", "‘", "#", "@", "from", "to", "at"), 1)
            .Where(l => l.Count is >= 1 and <= 8)
            .Select(string.Concat);

    private static readonly Gen<string> QuotedText =
        Gen.ListOf(QuotedWord).Where(l => l.Count is >= 1 and <= 6).Select(words => string.Join(' ', words));

    // Free text at the end of a line: starts with a letter, so it is never mistaken for a quoted phrase or a mention.
    private static readonly Gen<string> FreeText =
        from first in Letters
        from rest in QuotedText
        select first + rest;

    private static readonly Gen<string> CampaignId =
        Gen.ListOf(Gen.Elements('a', 'b', 'n', 's', 'z', '0', '9', '-'))
            .Select(l => new string([.. l]))
            .Where(s => s.Length is >= 1 and <= 40 && s[0] != '-' && !Reserved.Contains(s));

    private static readonly Gen<CampaignRef> Campaign = Gen.OneOf(
        CampaignId.Select(CampaignRef.ById),
        QuotedText.Select(CampaignRef.ByName));

    private static readonly Gen<string> SlashFree = QuotedText.Where(t => !t.Contains('/'));

    private static readonly Gen<ChannelRef> Channel = Gen.OneOf(
        Gen.Choose(1, int.MaxValue).Select(n => (ChannelRef)new ChannelRef.ByNumber(n)),
        SlashFree.Select(n => (ChannelRef)new ChannelRef.ByName(n)),
        SlashFree.SelectMany(team => SlashFree.Select(name => (ChannelRef)new ChannelRef.ByTeamAndChannel(team, name))));

    private static readonly Gen<string> Hex = Gen.Elements("0123456789abcdef".ToCharArray()).ArrayOf(20).Select(c => new string(c));

    private static readonly Gen<StoryRef> Story = Gen.OneOf(
        Gen.Choose(1, int.MaxValue).Select(n => (StoryRef)new StoryRef.ByNumber(n)),
        Hex.Select(h => (StoryRef)new StoryRef.ById(h[..12] + "-" + h[12..])));

    private static readonly Gen<DateOnly> Date = Gen.Choose(0, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber);

    private static readonly Gen<TimeOnly> Time = Gen.Choose(0, 24 * 60 - 1).Select(m => new TimeOnly(m / 60, m % 60));

    private static readonly Gen<string> Zone = Gen.Elements("Europe/London", "Asia/Kolkata", "America/New_York", "Australia/Sydney", "UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires", "America/Port-au-Prince");

    private static readonly Gen<DaySet> Days = Gen.Choose(1, 127).Select(mask => DaySet.Of(Enumerable.Range(0, 7).Where(i => (mask & (1 << i)) != 0).Select(i => (DayOfWeek)i)));

    private static readonly Gen<string> Entry = Gen.Elements(AdminCatalogue.NudgeEntries.ToArray());

    private static readonly Gen<string> ExperimentId =
        Gen.ListOf(Gen.Elements('a', 'X', '0', '7', '-', '_')).Select(l => new string([.. l])).Where(s => s.Length is >= 1 and <= 20 && char.IsAsciiLetterOrDigit(s[0]));

    private static Gen<T?> Maybe<T>(Gen<T> gen)
        where T : struct =>
        Gen.OneOf(Gen.Constant<T?>(null), gen.Select(v => (T?)v));

    private static Gen<string?> MaybeText(Gen<string> gen) => Gen.OneOf(Gen.Constant<string?>(null), gen.Select(v => (string?)v));

    private static readonly Gen<CampaignChanges> Changes =
        (from name in MaybeText(QuotedText)
         from start in Maybe(Date)
         from end in Maybe(Date)
         from at in Maybe(Time)
         from zone in MaybeText(Zone)
         from days in Maybe(Days)
         from goal in MaybeText(QuotedText)
         from target in Maybe(Gen.Choose(1, 100_000))
         from clearGoal in Gen.Elements(false, true)
         from clearTarget in Gen.Elements(false, true)
         select new CampaignChanges
         {
             Name = name, From = start, To = end, At = at, Zone = zone, Days = days, Goal = goal, Target = target,
             ClearGoal = goal is null && clearGoal, ClearTarget = target is null && clearTarget,
         }).Where(c => !c.IsEmpty);

    internal static readonly Gen<AdminCommand> Commands = Gen.OneOf(
        from name in QuotedText
        from start in Date
        from end in Date
        from at in Time
        from zone in Zone
        from days in Days
        from goal in MaybeText(QuotedText)
        from target in Maybe(Gen.Choose(1, 100_000))
        select (AdminCommand)new CampaignNew(name, start, end, at, zone, days, goal, target),
        Gen.Constant<AdminCommand>(new CampaignList()),
        Campaign.Select(c => (AdminCommand)new CampaignShow(c)),
        Campaign.SelectMany(c => Changes.Select(x => (AdminCommand)new CampaignEdit(c, x))),
        Campaign.SelectMany(c => Channel.Select(x => (AdminCommand)new CampaignChannelsAdd(c, x))),
        Campaign.SelectMany(c => Channel.Select(x => (AdminCommand)new CampaignChannelsRemove(c, x))),
        Campaign.Select(c => (AdminCommand)new CampaignStart(c)),
        Campaign.Select(c => (AdminCommand)new CampaignPause(c)),
        Campaign.Select(c => (AdminCommand)new CampaignResume(c)),
        Campaign.Select(c => (AdminCommand)new CampaignEnd(c)),
        Gen.Constant<AdminCommand>(new ChannelsList()),
        Channel.Select(c => (AdminCommand)new ChannelsMute(c)),
        Channel.Select(c => (AdminCommand)new ChannelsUnmute(c)),
        Gen.Constant<AdminCommand>(new StoriesPending()),
        Story.Select(s => (AdminCommand)new StoriesApprove(s)),
        Story.SelectMany(s => FreeText.Select(r => (AdminCommand)new StoriesReject(s, r))),
        Story.Select(s => (AdminCommand)new StoriesFeature(s)),
        Story.Select(s => (AdminCommand)new StoriesUnfeature(s)),
        Gen.Constant<AdminCommand>(new AdminPanel()),
        Gen.Constant<AdminCommand>(new AdminList()),
        FreeText.Select(p => (AdminCommand)new AdminAdd(p)),
        FreeText.Select(p => (AdminCommand)new AdminRemove(p)),
        Gen.Choose(1, Audit.MaxCount).Select(n => (AdminCommand)new Audit(n)),
        Gen.Elements([null, .. AdminCatalogue.Names, "campaign", "stories", "nudge", "experiment", "campaign channels"]).Select(t => (AdminCommand)new Help(t)),
        Gen.Constant<AdminCommand>(new NudgeList()),
        Campaign.Select(c => (AdminCommand)new NudgeList(c)),
        Campaign.SelectMany(c => MaybeText(Entry).Select(e => (AdminCommand)new NudgePreview(c, e))),
        Campaign.SelectMany(c => MaybeText(Entry).Select(e => (AdminCommand)new NudgeSendNow(c, e))),
        from c in Campaign
        from e in Entry
        from variants in Gen.ListOf(QuotedText).Where(v => v.Count is >= 2 and <= 4)
        select (AdminCommand)new ExperimentNew(c, e, new ValueList<string>(variants)),
        Gen.Constant<AdminCommand>(new ExperimentList()),
        ExperimentId.Select(i => (AdminCommand)new ExperimentShow(i)),
        ExperimentId.SelectMany(i => Gen.Elements('A', 'B', 'C', 'D').Select(k => (AdminCommand)new ExperimentStop(i, k))),
        Campaign.Select(c => (AdminCommand)new Report(c)),
        Gen.Constant<AdminCommand>(new Report(null)),
        Gen.Constant<AdminCommand>(new Export(null, null)),
        Campaign.SelectMany(c => Gen.Elements(ExportFormat.Csv, ExportFormat.Json, ExportFormat.Html).Select(f => (AdminCommand)new Export(c, f))));

    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(2000);

    [Fact]
    public void Parse_ACommandWrittenBackAsText_IsTheSameCommand() =>
        Prop.ForAll(Commands.ToArbitrary(), command =>
        {
            var text = AdminCommandText.Render(command);
            return AdminGrammar.Parse(text, EnGb) is AdminParse.Parsed parsed && parsed.Command == command
                ? true
                : throw new InvalidOperationException($"'{text}' read as {AdminGrammar.Parse(text, EnGb)}, not {command}");
        }).Check(Many);

    [Fact]
    public void Parse_SlashCapitalsAndCurlyQuotes_ChangeNothing()
    {
        var variants =
            from command in Commands
            from slash in Gen.Elements("", "/")
            from shout in Gen.Elements(false, true)
            from curly in Gen.Elements(false, true)
            select (command, slash, shout, curly);

        Prop.ForAll(variants.ToArbitrary(), v =>
        {
            var text = AdminCommandText.Render(v.command);
            var space = text.IndexOf(' ', StringComparison.Ordinal) is var at and > 0 ? at : text.Length;
            if (v.shout)
            {
                text = text[..space].ToUpperInvariant() + text[space..];
            }

            if (v.curly && v.command is not (StoriesReject or AdminAdd or AdminRemove))
            {
                var open = true;
                text = string.Concat(text.Select(c => c == '"' ? ((open = !open) ? '”' : '“').ToString() : c.ToString()));
            }

            text = v.slash + text;
            return AdminGrammar.Parse(text, EnGb) is AdminParse.Parsed parsed && parsed.Command == v.command
                ? true
                : throw new InvalidOperationException($"'{text}' read as {AdminGrammar.Parse(text, EnGb)}, not {v.command}");
        }).Check(Many);
    }

    [Fact]
    public void Parse_AnyDateInEachWriting_IsThatDate()
    {
        var writings = Gen.Elements("yyyy-MM-dd", "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "dd/MM/yyyy", "MMM d, yyyy");
        Prop.ForAll(Date.ToArbitrary(), writings.ToArbitrary(), (date, format) =>
        {
            var written = date.ToString(format, EnGb);
            var command = AdminGrammar.Parse($"campaign new Spring from {written} to 2027-03-31", EnGb);
            return command is AdminParse.Parsed { Command: CampaignNew c } && c.From == date
                ? true
                : throw new InvalidOperationException($"'{written}' read as {command}");
        }).Check(Many);
    }

    [Fact]
    public void Parse_ADayPastTheEndOfItsMonth_NamesTheDateAndTheMonthsLength()
    {
        var impossible =
            from year in Gen.Choose(1, 9999)
            from month in Gen.Choose(1, 12)
            from over in Gen.Choose(1, 99 - DateTime.DaysInMonth(year, month))
            select (year, month, day: DateTime.DaysInMonth(year, month) + over);

        Prop.ForAll(impossible.ToArbitrary(), d =>
        {
            var written = $"{d.day} {EnGb.DateTimeFormat.GetMonthName(d.month)} {d.year:D4}";
            var parse = AdminGrammar.Parse($"campaign new Spring from 2027-03-01 to {written}", EnGb);
            return parse is AdminParse.Usage u
                && u.Message.StartsWith($"‘{written}’ isn’t in the calendar: ", StringComparison.Ordinal)
                && u.Message.Contains($" has {DateTime.DaysInMonth(d.year, d.month)} days.", StringComparison.Ordinal);
        }).Check(Many);
    }

    [Fact]
    public void Parse_AnyAuditCount_IsReadInRangeAndNamedOutOfIt() =>
        Prop.ForAll(ArbMap.Default.ArbFor<long>(), n =>
        {
            var written = n.ToString(CultureInfo.InvariantCulture);
            var parse = AdminGrammar.Parse("audit " + written, EnGb);
            return n is >= 1 and <= Audit.MaxCount
                ? parse == new AdminParse.Parsed(new Audit((int)n))
                : parse is AdminParse.Usage u && u.Message.Contains($"‘{written}’", StringComparison.Ordinal);
        }).Check(Many);

    [Fact]
    public void Parse_AnyChannelNumber_IsReadUpToIntMaxAndNamedBeyond()
    {
        var numbers = Gen.OneOf(
            Gen.Choose(0, int.MaxValue).Select(n => (long)n),
            Gen.Choose(0, 1_000_000).Select(n => int.MaxValue + (long)n),
            Gen.Elements(0L, 1L, int.MaxValue, int.MaxValue + 1L, long.MaxValue));
        Prop.ForAll(numbers.ToArbitrary(), n =>
        {
            var written = n.ToString(CultureInfo.InvariantCulture);
            var parse = AdminGrammar.Parse("channels mute " + written, EnGb);
            return n is >= 1 and <= int.MaxValue
                ? parse == new AdminParse.Parsed(new ChannelsMute(new ChannelRef.ByNumber((int)n)))
                : parse is AdminParse.Usage u && u.Message.StartsWith($"I couldn’t read ‘{written}’ as a channel.", StringComparison.Ordinal);
        }).Check(Many);
    }

    [Fact]
    public void Parse_AWordThatIsNoDateOrTime_IsNamedInTheMessage()
    {
        var nonsense = Gen.ListOf(Gen.Elements('q', 'x', 'z', 'k', 'w', 'v')).Select(l => new string([.. l])).Where(w => w.Length is >= 1 and <= 30);
        var slots = Gen.Elements("from {0} to 2027-03-31", "from 2027-03-01 to {0}", "from 2027-03-01 to 2027-03-31 at {0}", "from 2027-03-01 to 2027-03-31 in {0}/", "from 2027-03-01 to 2027-03-31 on {0}");
        Prop.ForAll(nonsense.ToArbitrary(), slots.ToArbitrary(), (word, slot) =>
        {
            var parse = AdminGrammar.Parse("campaign new Spring " + string.Format(CultureInfo.InvariantCulture, slot, word), EnGb);
            return parse is AdminParse.Usage u && u.Message.Contains("‘" + word, StringComparison.Ordinal) && u.CommandName == AdminCommandNames.CampaignNew;
        }).Check(Many);
    }
}
