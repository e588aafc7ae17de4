using System.Globalization;
using System.Text;
using InfoStoryBot.Dialogs.Engine;

namespace InfoStoryBot.Dialogs.Admin;

/// <summary>
/// The admin command grammar: text an admin typed in 1:1 chat (mentions already stripped) to a typed command, a
/// usage message that names the word it could not read and shows the right form, or "not an admin command".
/// Pure and total: no I/O, no clock (<c>today</c> comes in, and only dates typed without a year need it), never throws.
/// </summary>
public static class AdminGrammar
{
    /// <summary>Longer than any command an admin types; past it the text is refused rather than read.</summary>
    public const int MaxLength = 4000;

    /// <param name="text">The message, @mentions stripped.</param>
    /// <param name="culture">For the wording of usage messages (en-GB resources) and month and day names.</param>
    /// <param name="today">
    /// The admin's today, for dates typed without a year ("1 March" is the next 1 March) and the words today and
    /// tomorrow; without it those ask for the full date.
    /// </param>
    public static AdminParse Parse(string? text, CultureInfo culture, DateOnly? today = null) =>
        new AdminParser(Normalise(text ?? ""), culture ?? EnGb, today).Parse();

    /// <summary>
    /// For text that starts with a command family's word but is none of its commands ("campaign frobnicate"): the
    /// family's usage, for an admin who meant a command. Such text is not a command (it falls through, since it may be
    /// plain chat, "stories are great"), so the fallback shows this to admins only. Null when the first word is no family's.
    /// </summary>
    public static string? FamilyUsage(string? text, CultureInfo culture)
    {
        culture ??= EnGb;
        var first = Normalise(text ?? "").Trim().TrimStart('/').Split(' ', 2)[0].ToLowerInvariant();
        if (!AdminCatalogue.CommandWords.Contains(first))
        {
            return null;
        }

        return Parse(first, culture) is AdminParse.Usage usage
            ? usage.Message
            : new DialogText(culture).Format("AdminUsage_SeeHelp", first);
    }

    // Never the thread's culture: a missing one is the resources' own.
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>
    /// Direction marks, zero-width spaces and soft hyphens are invisible in Teams but break word matching, so they
    /// go; control characters (new lines included) become spaces. Joiners stay: emoji and some scripts need them.
    /// </summary>
    internal static string Normalise(string text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength + 64));
        foreach (var c in text)
        {
            if (c is '\u200b' or '\u200e' or '\u200f' or '\u2060' or '\ufeff' or '\u00ad' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
            {
                continue;
            }

            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}

/// <summary>One parse. Readers return false after recording the usage message in <see cref="_failure"/>.</summary>
internal sealed partial class AdminParser(string input, CultureInfo culture, DateOnly? today)
{
    private AdminCursor _cursor = new(input.StartsWith('/') ? input[1..] : input);
    private readonly DialogText _text = new(culture);
    private readonly CultureInfo _culture = culture;
    private readonly DateOnly? _today = today;
    private string _command = "";
    private AdminParse.Usage? _failure;

    public AdminParse Parse()
    {
        if (_cursor.Peek() is not { Quoted: false } first)
        {
            return AdminParse.NotAdmin.Instance;
        }

        var family = AdminCatalogue.FamilyOf(first.Word);
        if (family is null)
        {
            return AdminParse.NotAdmin.Instance;
        }

        _cursor.Next();
        _command = family;
        if (_cursor.Text.Length > AdminGrammar.MaxLength)
        {
            return new AdminParse.Usage(_text.Format("AdminUsage_TooLong", AdminGrammar.MaxLength), family);
        }

        // A plural alone is the list: "campaigns", "admins", "nudges", "experiments".
        if (_cursor.AtEnd && first.Word != family && AdminCatalogue.Names.Contains(family + " list"))
        {
            return Parsed(family switch
            {
                "campaign" => new CampaignList(),
                "admin" => new AdminList(),
                "nudge" => new NudgeList(),
                _ => new ExperimentList(),
            });
        }

        if (family != AdminCommandNames.Help && _cursor.PeekAll() is [{ Quoted: false } only] && only.Word == "help")
        {
            return Parsed(new Help(family == AdminCommandNames.AdminPanel ? null : family));
        }

        return family switch
        {
            "campaign" => ParseCampaign(),
            "channels" => ParseChannels(),
            "stories" => ParseStories(),
            "admin" => ParseAdmin(),
            AdminCommandNames.Audit => ParseAudit(),
            "nudge" => ParseNudge(),
            "experiment" => ParseExperiment(),
            AdminCommandNames.Report => ParseReport(),
            AdminCommandNames.Export => ParseExport(),
            _ => ParseHelpTopic(),
        };
    }

    // ---- families ----

    private AdminParse ParseCampaign()
    {
        var sub = Subcommand("campaign", ["new", "list", "show", "edit", "channels", "start", "pause", "resume", "end"], ["channel"]);
        return sub switch
        {
            null => _failure ?? (AdminParse)AdminParse.NotAdmin.Instance,
            "new" => ParseCampaignNew(),
            "list" => NoArguments(new CampaignList()),
            "show" => WithCampaignRest(AdminCommandNames.CampaignShow, c => new CampaignShow(c)),
            "edit" => ParseCampaignEdit(),
            "channels" or "channel" => ParseCampaignChannels(),
            "start" => WithCampaignRest(AdminCommandNames.CampaignStart, c => new CampaignStart(c)),
            "pause" => WithCampaignRest(AdminCommandNames.CampaignPause, c => new CampaignPause(c)),
            "resume" => WithCampaignRest(AdminCommandNames.CampaignResume, c => new CampaignResume(c)),
            _ => WithCampaignRest(AdminCommandNames.CampaignEnd, c => new CampaignEnd(c)),
        };
    }

    private AdminParse ParseChannels()
    {
        if (_cursor.AtEnd)
        {
            return Parsed(new ChannelsList());
        }

        return Subcommand("channels", ["list", "mute", "unmute"], []) switch
        {
            null => _failure ?? (AdminParse)AdminParse.NotAdmin.Instance,
            "list" => NoArguments(new ChannelsList()),
            "mute" => ReadChannelRest(AdminCommandNames.ChannelsMute, out var muted) ? Parsed(new ChannelsMute(muted)) : _failure!,
            _ => ReadChannelRest(AdminCommandNames.ChannelsUnmute, out var unmuted) ? Parsed(new ChannelsUnmute(unmuted)) : _failure!,
        };
    }

    private AdminParse ParseStories()
    {
        var sub = Subcommand("stories", ["pending", "approve", "reject", "feature", "unfeature"], ["queue"]);
        switch (sub)
        {
            case null:
                return (AdminParse?)_failure ?? AdminParse.NotAdmin.Instance;
            case "pending" or "queue":
                return NoArguments(new StoriesPending());
            case "reject":
                _command = AdminCommandNames.StoriesReject;
                if (!ReadStory(out var rejected))
                {
                    return _failure!;
                }

                var reason = _cursor.Rest();
                return reason.Length == 0 ? Missing("AdminWhat_Reason") : Parsed(new StoriesReject(rejected, reason));
            default:
                _command = "stories " + sub;
                if (!ReadStory(out var story))
                {
                    return _failure!;
                }

                return NoArguments(sub switch
                {
                    "approve" => new StoriesApprove(story),
                    "feature" => new StoriesFeature(story),
                    _ => (AdminCommand)new StoriesUnfeature(story),
                });
        }
    }

    private AdminParse ParseAdmin()
    {
        if (_cursor.AtEnd)
        {
            return Parsed(new AdminPanel());
        }

        return Subcommand("admin", ["list", "add", "remove"], ["panel"]) switch
        {
            null => _failure ?? (AdminParse)AdminParse.NotAdmin.Instance,
            "list" => NoArguments(new AdminList()),
            "panel" => NoArguments(new AdminPanel()),
            "add" => ReadPerson(AdminCommandNames.AdminAdd, out var added) ? Parsed(new AdminAdd(added)) : _failure!,
            _ => ReadPerson(AdminCommandNames.AdminRemove, out var removed) ? Parsed(new AdminRemove(removed)) : _failure!,
        };
    }

    private AdminParse ParseAudit()
    {
        if (_cursor.Peek() is { } last && last.Is("last"))
        {
            _cursor.Next();
        }

        if (_cursor.Peek() is not { } token)
        {
            return Parsed(new Audit(Audit.DefaultCount));
        }

        // "audit trail" or "audit of the data" is someone else's sentence, not a count gone wrong.
        if (token.Quoted || !token.Word.Any(char.IsAsciiDigit))
        {
            return AdminParse.NotAdmin.Instance;
        }

        _cursor.Next();
        if (!TryNumber(token.Word, 1, Audit.MaxCount, out var count))
        {
            return Fail("AdminUsage_AuditCount", Echo(token.Text), Audit.MaxCount);
        }

        return NoArguments(new Audit(count));
    }

    private AdminParse ParseNudge()
    {
        var sub = Subcommand("nudge", ["list", "preview", "send-now"], ["sendnow", "send"]);
        switch (sub)
        {
            case null:
                return (AdminParse?)_failure ?? AdminParse.NotAdmin.Instance;
            case "list" when _cursor.AtEnd:
                return Parsed(new NudgeList());
            case "list":
                return WithCampaignRest(AdminCommandNames.NudgeList, c => new NudgeList(c));
            case "send" when _cursor.Peek() is not { } now || !now.Is("now"):
                _command = AdminCommandNames.NudgeSendNow;
                return Fail("AdminUsage_DidYouMean", "send", "nudge", "send-now");
            case "send":
                _cursor.Next();
                break;
        }

        _command = sub == "preview" ? AdminCommandNames.NudgePreview : AdminCommandNames.NudgeSendNow;
        if (!ReadCampaignToken(out var campaign))
        {
            return _failure!;
        }

        string? entry = null;
        if (!_cursor.AtEnd && !ReadEntry(out entry))
        {
            return _failure!;
        }

        return NoArguments(sub == "preview" ? new NudgePreview(campaign, entry) : new NudgeSendNow(campaign, entry));
    }

    private AdminParse ParseExperiment()
    {
        var sub = Subcommand("experiment", ["new", "list", "show", "stop"], []);
        switch (sub)
        {
            case null:
                return (AdminParse?)_failure ?? AdminParse.NotAdmin.Instance;
            case "list":
                return NoArguments(new ExperimentList());
            case "new":
                return ParseExperimentNew();
            case "show":
                _command = AdminCommandNames.ExperimentShow;
                return ReadExperimentId(out var shown) ? NoArguments(new ExperimentShow(shown)) : _failure!;
            default:
                _command = AdminCommandNames.ExperimentStop;
                if (!ReadExperimentId(out var stopped))
                {
                    return _failure!;
                }

                if (Take() is not { } keep)
                {
                    return _failure ?? Missing("AdminWhat_Keep");
                }

                if (!keep.Is("keep"))
                {
                    return Fail("AdminUsage_Unexpected", Echo(keep.Text));
                }

                if (_cursor.Peek() is { } variant && variant.Is("variant"))
                {
                    _cursor.Next();
                }

                if (Take() is not { } letter)
                {
                    return _failure ?? Missing("AdminWhat_Keep");
                }

                return letter.Word is [var l and >= 'a' and <= 'd']
                    ? NoArguments(new ExperimentStop(stopped, char.ToUpperInvariant(l)))
                    : Fail("AdminUsage_NotALetter", Echo(letter.Text));
        }
    }

    private AdminParse ParseExperimentNew()
    {
        _command = AdminCommandNames.ExperimentNew;
        if (!ReadCampaignToken(out var campaign))
        {
            return _failure!;
        }

        if (_cursor.AtEnd)
        {
            return Missing("AdminWhat_Entry");
        }

        if (!ReadEntry(out var entry))
        {
            return _failure!;
        }

        var variants = new List<string>();
        while (Take() is { } token)
        {
            if (!token.Quoted)
            {
                return Fail("AdminUsage_VariantNotQuoted", Echo(token.Text));
            }

            if (token.Text.Length == 0)
            {
                return Fail("AdminUsage_EmptyVariant", (char)('A' + Math.Min(variants.Count, 25)));
            }

            variants.Add(token.Text);
        }

        if (_failure is not null)
        {
            return _failure;
        }

        return variants.Count is < ExperimentNew.MinVariants or > ExperimentNew.MaxVariants
            ? Fail("AdminUsage_VariantCount", variants.Count)
            : Parsed(new ExperimentNew(campaign, entry, new ValueList<string>(variants)));
    }

    // Alone, report and export ask which campaign (a button each), so the admin panel can offer them.
    private AdminParse ParseReport()
    {
        if (_cursor.AtEnd)
        {
            _command = AdminCommandNames.Report;
            return Parsed(new Report(null));
        }

        return WithCampaignRest(AdminCommandNames.Report, c => new Report(c));
    }

    private AdminParse ParseExport()
    {
        _command = AdminCommandNames.Export;
        var tokens = _cursor.PeekAll();
        if (tokens.Count == 0)
        {
            return Parsed(new Export(null, null));
        }

        var last = tokens[^1];
        ExportFormat? format = last.Word switch
        {
            "csv" => ExportFormat.Csv,
            "json" => ExportFormat.Json,
            "html" => ExportFormat.Html,
            _ => null,
        };
        if (format is null)
        {
            return tokens.Count == 1 ? Missing("AdminWhat_Format") : Fail("AdminUsage_UnknownFormat", Echo(last.Text));
        }

        var campaignTokens = tokens.Count > 1 && tokens[^2].Is("as") ? tokens[..^2] : tokens[..^1];
        return CampaignFromTokens(campaignTokens, out var campaign) ? Parsed(new Export(campaign, format.Value)) : _failure!;
    }

    private AdminParse ParseHelpTopic()
    {
        var words = _cursor.PeekAll().Select(t => t.Quoted ? t.Text.ToLowerInvariant() : t.Word.TrimStart('/')).Where(w => w.Length > 0).ToList();
        var topic = AdminCatalogue.ResolveTopic(words);
        return topic is null ? AdminParse.NotAdmin.Instance : Parsed(new Help(topic));
    }

    // ---- campaign commands ----

    private static readonly string[] NewClauses = ["from", "to", "until", "at", "in", "on", "goal", "target"];
    private static readonly string[] EditFields = ["name", "from", "to", "until", "at", "in", "on", "goal", "target"];

    private AdminParse ParseCampaignNew()
    {
        _command = AdminCommandNames.CampaignNew;
        string name;
        if (_cursor.Peek() is { Quoted: true })
        {
            name = Take() is { } quoted ? quoted.Text : "";
            if (_failure is not null)
            {
                return _failure;
            }
        }
        else
        {
            var words = new List<string>();
            while (_cursor.Peek() is { } word && !word.Is("from"))
            {
                if (Take() is not { } taken)
                {
                    return _failure!;
                }

                words.Add(taken.Text);
            }

            name = Words(words);
        }

        if (name.Length == 0)
        {
            return Missing("AdminWhat_Name");
        }

        var changes = new CampaignChanges();
        if (!ReadClauses(NewClauses, allowName: false, ref changes))
        {
            return _failure!;
        }

        if (changes.From is not { } from)
        {
            return Missing("AdminWhat_StartDate");
        }

        if (changes.To is not { } to)
        {
            return Missing("AdminWhat_EndDate");
        }

        return Parsed(new CampaignNew(
            name,
            from,
            to,
            changes.At ?? CampaignNew.DefaultTime,
            changes.Zone ?? CampaignNew.DefaultZone,
            changes.Days ?? CampaignNew.DefaultDays,
            changes.Goal,
            changes.Target));
    }

    private AdminParse ParseCampaignEdit()
    {
        _command = AdminCommandNames.CampaignEdit;
        var quotedName = _cursor.Peek() is { Quoted: true };
        if (!ReadCampaignUntil(EditFields, out var campaign))
        {
            return _failure!;
        }

        // Bare words and no field after them: "spring-stories colour blue" is an id and a field I do not know.
        if (_cursor.AtEnd && !quotedName && campaign.Name?.Split(' ') is [_, var second, ..])
        {
            return Fail("AdminUsage_UnknownField", Echo(second));
        }

        var changes = new CampaignChanges();
        if (!ReadClauses(EditFields, allowName: true, ref changes))
        {
            return _failure!;
        }

        return changes.IsEmpty ? Fail("AdminUsage_NoChanges") : Parsed(new CampaignEdit(campaign, changes));
    }

    private AdminParse ParseCampaignChannels()
    {
        _command = AdminCommandNames.CampaignChannelsAdd;
        if (!ReadCampaignUntil(["add", "remove"], out var campaign))
        {
            return _failure!;
        }

        if (Take() is not { } operation)
        {
            return _failure ?? Missing("AdminWhat_AddOrRemove");
        }

        var adding = operation.Is("add");
        if (!adding && !operation.Is("remove"))
        {
            return Fail("AdminUsage_Unexpected", Echo(operation.Text));
        }

        _command = adding ? AdminCommandNames.CampaignChannelsAdd : AdminCommandNames.CampaignChannelsRemove;
        if (!ReadChannelRest(_command, out var channel))
        {
            return _failure!;
        }

        return Parsed(adding ? new CampaignChannelsAdd(campaign, channel) : new CampaignChannelsRemove(campaign, channel));
    }

    /// <summary>The clauses of <c>campaign new</c> and the fields of <c>campaign edit</c>, in any order, each once.</summary>
    private bool ReadClauses(string[] keywords, bool allowName, ref CampaignChanges changes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (_cursor.Peek() is { } token)
        {
            // "on" is optional before days: "… to 2027-09-30 every day".
            var keyword = token.IsAny(keywords) ? (token.Word == "until" ? "to" : token.Word)
                : ClassifyDayWord(token.Word.Split(',')[0]) is DayWord.Day or DayWord.Set or DayWord.Every or DayWord.Working ? "on"
                : null;
            if (keyword is null)
            {
                if (token.Unclosed)
                {
                    return Unclosed(token);
                }

                return FailFalse(allowName ? "AdminUsage_UnknownField" : "AdminUsage_Unexpected", Echo(token.Text));
            }

            if (!seen.Add(keyword))
            {
                return FailFalse("AdminUsage_Twice", keyword);
            }

            if (token.IsAny(keywords))
            {
                _cursor.Next();
            }

            switch (keyword)
            {
                case "name":
                    if (!ReadName(keywords, out var name))
                    {
                        return false;
                    }

                    changes = changes with { Name = name };
                    break;
                case "from":
                    if (!ReadDate(token.Text, null, out var from))
                    {
                        return false;
                    }

                    changes = changes with { From = from };
                    break;
                case "to":
                    if (!ReadDate(token.Text, changes.From, out var to))
                    {
                        return false;
                    }

                    changes = changes with { To = to };
                    break;
                case "at":
                    if (!ReadTime(token.Text, out var at))
                    {
                        return false;
                    }

                    changes = changes with { At = at };
                    break;
                case "in":
                    if (!ReadZone(token.Text, out var zone))
                    {
                        return false;
                    }

                    changes = changes with { Zone = zone };
                    break;
                case "on":
                    if (!ReadDays(token.Text, out var days))
                    {
                        return false;
                    }

                    changes = changes with { Days = days };
                    break;
                case "goal":
                    if (allowName && _cursor.Peek() is { } none && none.Is("none") && IsLastOrBeforeKeyword(keywords))
                    {
                        changes = changes with { ClearGoal = true };
                        break;
                    }

                    var goal = _cursor.Peek() is { Quoted: true, Unclosed: false } ? _cursor.Next()!.Value.Text : _cursor.Rest();
                    if (goal.Length == 0)
                    {
                        return FailFalse("AdminUsage_ValueAfter", _text["AdminWhat_Goal"], token.Text);
                    }

                    changes = changes with { Goal = goal };
                    break;
                default:
                    if (!ReadTarget(token.Text, allowName, out var target, out var clear))
                    {
                        return false;
                    }

                    changes = clear ? changes with { ClearTarget = true } : changes with { Target = target };
                    break;
            }
        }

        return _failure is null;
    }

    /// <summary>After "goal none": consumes "none" when nothing but another field follows.</summary>
    private bool IsLastOrBeforeKeyword(string[] keywords)
    {
        var mark = _cursor.Position;
        _cursor.Next();
        if (_cursor.Peek() is not { } next || next.IsAny(keywords))
        {
            return true;
        }

        _cursor.Position = mark;
        return false;
    }

    private bool ReadName(string[] keywords, out string name)
    {
        name = "";
        if (_cursor.Peek() is { Quoted: true })
        {
            if (Take() is not { } quoted)
            {
                return false;
            }

            name = quoted.Text;
        }
        else
        {
            var words = new List<string>();
            while (_cursor.Peek() is { } word && !word.IsAny(keywords))
            {
                if (Take() is not { } taken)
                {
                    return false;
                }

                words.Add(taken.Text);
            }

            name = Words(words);
        }

        return name.Length > 0 || FailFalse("AdminUsage_ValueAfter", _text["AdminWhat_Name"], "name");
    }

    private bool ReadTarget(string keyword, bool allowNone, out int target, out bool clear)
    {
        target = 0;
        clear = false;
        if (Take() is not { } token)
        {
            return _failure is null && FailFalse("AdminUsage_ValueAfter", _text["AdminWhat_Target"], keyword);
        }

        if (allowNone && token.Is("none"))
        {
            clear = true;
            return true;
        }

        return TryNumber(token.Word, 1, MaxTarget, out target) || FailFalse("AdminUsage_NotATarget", Echo(token.Text), MaxTarget.ToString("N0", _culture));
    }

    private const int MaxTarget = 100_000;

    // ---- references ----

    private AdminParse WithCampaignRest(string command, Func<CampaignRef, AdminCommand> make)
    {
        _command = command;
        return CampaignFromTokens(_cursor.PeekAll(), out var campaign) ? Parsed(make(campaign)) : _failure!;
    }

    private bool CampaignFromTokens(List<AdminToken> tokens, out CampaignRef campaign)
    {
        campaign = CampaignRef.ByName("");
        _cursor.Position = _cursor.Text.Length;
        if (tokens.Count == 0)
        {
            return FailFalse("AdminUsage_Missing", _command, _text["AdminWhat_Campaign"]);
        }

        if (tokens.FirstOrDefault(t => t.Unclosed) is { Unclosed: true } unclosed)
        {
            return Unclosed(unclosed);
        }

        if (tokens.Count == 1)
        {
            return FromToken(tokens[0], out campaign);
        }

        if (tokens.FirstOrDefault(t => t.Quoted) is { Quoted: true } quoted)
        {
            return FailFalse("AdminUsage_Unexpected", Echo(tokens[0].Quoted ? tokens[1].Text : quoted.Text));
        }

        campaign = CampaignRef.ByName(Words(tokens.Select(t => t.Text)));
        return true;
    }

    /// <summary>A campaign written as one token: an id, or a quoted name.</summary>
    private bool ReadCampaignToken(out CampaignRef campaign)
    {
        campaign = CampaignRef.ByName("");
        if (Take() is not { } token)
        {
            return _failure is null && FailFalse("AdminUsage_Missing", _command, _text["AdminWhat_Campaign"]);
        }

        return FromToken(token, out campaign);
    }

    /// <summary>A quoted name, or bare words up to the first of <paramref name="stopWords"/>.</summary>
    private bool ReadCampaignUntil(string[] stopWords, out CampaignRef campaign)
    {
        campaign = CampaignRef.ByName("");
        if (_cursor.Peek() is { Quoted: true })
        {
            return Take() is { } quoted ? FromToken(quoted, out campaign) : false;
        }

        var tokens = new List<AdminToken>();
        while (_cursor.Peek() is { } token && !token.IsAny(stopWords))
        {
            if (Take() is not { } taken)
            {
                return false;
            }

            tokens.Add(taken);
        }

        if (tokens.Count == 0)
        {
            return FailFalse("AdminUsage_Missing", _command, _text["AdminWhat_Campaign"]);
        }

        if (tokens.Count > 1 && Words(tokens.Select(t => t.Text)) is { Length: > 0 } name)
        {
            campaign = CampaignRef.ByName(name);
            return true;
        }

        return FromToken(tokens[0], out campaign);
    }

    private bool FromToken(AdminToken token, out CampaignRef campaign)
    {
        campaign = token.Quoted ? CampaignRef.ByName(token.Text) : IdOrName(token.Text);
        return token.Text.Length > 0 || FailFalse("AdminUsage_Missing", _command, _text["AdminWhat_Campaign"]);
    }

    private static CampaignRef IdOrName(string word)
    {
        var lower = word.ToLowerInvariant();
        return Campaigns.CampaignIds.IsValid(lower) ? CampaignRef.ById(lower) : CampaignRef.ByName(word);
    }

    private bool ReadChannelRest(string command, out ChannelRef channel)
    {
        _command = command;
        channel = new ChannelRef.ByNumber(0);
        var tokens = _cursor.PeekAll();
        if (tokens.Count == 0)
        {
            return FailFalse("AdminUsage_Missing", _command, _text["AdminWhat_Channel"]);
        }

        if (tokens.FirstOrDefault(t => t.Unclosed) is { Unclosed: true } unclosed)
        {
            return Unclosed(unclosed);
        }

        if (tokens[0].Quoted && tokens.Count > 1)
        {
            return FailFalse("AdminUsage_Unexpected", Echo(tokens[1].Text));
        }

        var quoted = tokens[0].Quoted;
        var written = quoted ? tokens[0].Text : _cursor.Rest();
        _cursor.Position = _cursor.Text.Length;
        if (!quoted && written.TrimStart('#') is var number && number.Length > 0 && number.All(char.IsAsciiDigit))
        {
            if (!TryNumber(number, 1, int.MaxValue, out var n))
            {
                return FailFalse("AdminUsage_NotAChannel", Echo(written));
            }

            channel = new ChannelRef.ByNumber(n);
            return true;
        }

        if (written.Length == 0)
        {
            return FailFalse("AdminUsage_Missing", _command, _text["AdminWhat_Channel"]);
        }

        channel = SplitTeamAndChannel(written) is var (team, name) ? new ChannelRef.ByTeamAndChannel(team, name) : new ChannelRef.ByName(written);
        return true;
    }

    /// <summary>"Team / Channel": the spaced slash first, since a team's own name may hold a bare one.</summary>
    private static (string Team, string Channel)? SplitTeamAndChannel(string written)
    {
        var at = written.IndexOf(" / ", StringComparison.Ordinal);
        var width = 3;
        if (at < 0 && written.Count(c => c == '/') == 1)
        {
            at = written.IndexOf('/', StringComparison.Ordinal);
            width = 1;
        }

        if (at < 0)
        {
            return null;
        }

        var team = written[..at].Trim();
        var channel = written[(at + width)..].Trim();
        return team.Length > 0 && channel.Length > 0 ? (team, channel) : null;
    }

    private bool ReadStory(out StoryRef story)
    {
        story = new StoryRef.ByNumber(0);
        if (Take() is not { } token)
        {
            return _failure is null && FailFalse("AdminUsage_Missing", _command, _text["AdminWhat_Story"]);
        }

        var word = token.Text.TrimStart('#').TrimEnd('.', ',', ':', ';');
        if (word.Length > 0 && word.All(char.IsAsciiDigit))
        {
            if (!TryNumber(word, 1, int.MaxValue, out var n))
            {
                return FailFalse("AdminUsage_NotAStory", Echo(token.Text));
            }

            story = new StoryRef.ByNumber(n);
            return true;
        }

        if (IsStoryId(word))
        {
            story = new StoryRef.ById(word.ToLowerInvariant());
            return true;
        }

        return FailFalse("AdminUsage_NotAStory", Echo(token.Text));
    }

    internal static bool IsStoryId(string word) =>
        word.Length == 21 && word[12] == '-' && word.AsSpan(0, 12).ContainsAnyExcept(HexDigits) is false
        && word.AsSpan(13).ContainsAnyExcept(HexDigits) is false;

    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    private bool ReadPerson(string command, out string person)
    {
        _command = command;
        person = _cursor.Rest().TrimStart('@').Trim();
        return person.Length > 0 || FailFalse("AdminUsage_Missing", _command, _text["AdminWhat_Person"]);
    }

    private bool ReadEntry(out string entry)
    {
        entry = "";
        if (Take() is not { } token)
        {
            return false;
        }

        var word = token.Quoted ? token.Text.ToLowerInvariant() : token.Word;
        if (!AdminCatalogue.NudgeEntries.Contains(word))
        {
            return FailFalse("AdminUsage_UnknownEntry", Echo(token.Text), string.Join(", ", AdminCatalogue.NudgeEntries));
        }

        entry = word;
        return true;
    }

    private bool ReadExperimentId(out string id)
    {
        id = "";
        if (Take() is not { } token)
        {
            return _failure is null && FailFalse("AdminUsage_Missing", _command, _text["AdminWhat_Experiment"]);
        }

        var word = token.Text.TrimStart('#');
        if (word.Length is 0 or > 64 || !char.IsAsciiLetterOrDigit(word[0]) || !word.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return FailFalse("AdminUsage_NotAnExperimentId", Echo(token.Text));
        }

        id = word;
        return true;
    }

    // ---- shared steps ----

    /// <summary>
    /// The word after a family ("new" after "campaign"). A word close to one of them is a typo worth a usage
    /// message; any other word means the message was never an admin command ("stories mine" is the storyteller's).
    /// </summary>
    private string? Subcommand(string family, string[] subcommands, string[] aliases)
    {
        if (_cursor.Peek() is not { } token)
        {
            _failure = new AdminParse.Usage(
                _text.Format("AdminUsage_Subcommands", family, string.Join(", ", subcommands)),
                family);
            return null;
        }

        var word = token.Word;
        if (!token.Quoted && (subcommands.Contains(word) || aliases.Contains(word)))
        {
            _cursor.Next();
            return word;
        }

        if (!token.Quoted && Closest(word, subcommands) is { } guess)
        {
            _command = family + " " + guess;
            if (!AdminCatalogue.Names.Contains(_command))
            {
                // "channels list" is the family's own command ("channels"): a typo of it names the family.
                _command = AdminCatalogue.Names.FirstOrDefault(n => n.StartsWith(_command, StringComparison.Ordinal)) ?? family;
            }

            Fail("AdminUsage_DidYouMean", Echo(token.Text), family, guess);
        }

        return null;
    }

    /// <summary>The subcommand within a small edit distance of a typed word, if exactly one is.</summary>
    private static string? Closest(string word, string[] candidates)
    {
        if (word.Length is < 3 or > 30)
        {
            return null;
        }

        var close = candidates.Where(c => Distance(word, c) <= (c.Length <= 4 ? 1 : 2)).ToList();
        return close.Count == 1 ? close[0] : null;
    }

    /// <summary>Optimal string alignment distance: a swapped pair of letters counts as one typo.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private AdminParse NoArguments(AdminCommand command)
    {
        _command = command.CommandName;
        if (_cursor.Peek() is { } extra)
        {
            return extra.Unclosed ? UnclosedUsage(extra) : Fail("AdminUsage_Unexpected", Echo(extra.Text));
        }

        return Parsed(command);
    }

    /// <summary>The next token; an unclosed quote records its usage message and gives null.</summary>
    private AdminToken? Take()
    {
        if (_cursor.Next() is not { } token)
        {
            return null;
        }

        if (token.Unclosed)
        {
            Unclosed(token);
            return null;
        }

        return token;
    }

    private bool Unclosed(AdminToken token)
    {
        UnclosedUsage(token);
        return false;
    }

    private AdminParse UnclosedUsage(AdminToken token)
    {
        var first = token.Text.Split(' ', 2)[0];
        return Fail("AdminUsage_UnclosedQuote", Echo(first.Length > 0 ? first : token.Text));
    }

    private static bool TryNumber(string word, int min, int max, out int value)
    {
        value = 0;
        var digits = word.TrimStart('#');
        return digits.Length is > 0 and <= 10
            && digits.All(char.IsAsciiDigit)
            && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && n >= min && n <= max
            && (value = (int)n) == n;
    }

    /// <summary>Words read one by one, as one name: an empty quoted word among them adds no space.</summary>
    private static string Words(IEnumerable<string> words) => AdminCursor.Tidy(string.Join(' ', words));

    private static AdminParse Parsed(AdminCommand command) => new AdminParse.Parsed(command);

    private AdminParse Missing(string whatKey) => Fail("AdminUsage_Missing", _command, _text[whatKey]);

    private bool FailFalse(string key, params object[] args)
    {
        Fail(key, args);
        return false;
    }

    /// <summary>The problem, then the right form as an example of the command being typed.</summary>
    private AdminParse.Usage Fail(string key, params object[] args)
    {
        var problem = _text.Format(key, args);
        var example = AdminCatalogue.Example(_command, _text);
        _failure = new AdminParse.Usage(example is null ? problem : problem + " " + _text.Format("AdminUsage_Try", example), _command);
        return _failure;
    }

    /// <summary>A word quoted back in a message, cut short so a pasted essay does not come back whole.</summary>
    private static string Echo(string word) =>
        word.Length <= 40 ? word : word[..(char.IsHighSurrogate(word[38]) ? 38 : 39)] + "…";
}
