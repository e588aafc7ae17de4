using System.Globalization;
using System.Text.RegularExpressions;

namespace InfoStoryBot.Dialogs.Admin;

/// <summary>Dates, times, zones and days, as admins type them.</summary>
internal sealed partial class AdminParser
{
    internal enum DayWord
    {
        None,
        Day,
        Set,
        Every,
        Working,
        Joiner,
        Range,
    }

    // ---- dates ----

    /// <summary>
    /// 2027-03-01, 1 March 2027, 1st of Mar 2027, March 1, 2027, 01/03/2027 (day first in en-GB); without a year
    /// (1 March) the first such date on or after <paramref name="notBefore"/> or today.
    /// </summary>
    private bool ReadDate(string keyword, DateOnly? notBefore, out DateOnly date)
    {
        date = default;
        if (Take() is not { } first)
        {
            return _failure is null && FailFalse("AdminUsage_ValueAfter", _text["AdminWhat_Date"], keyword);
        }

        var word = Bare(first.Text);
        var lower = word.ToLowerInvariant();
        if (!first.Quoted && _today is { } now && lower is "today" or "tomorrow")
        {
            date = lower == "today" ? now : now.AddDays(1);
            return true;
        }

        if (IsoDate().Match(word) is { Success: true } iso)
        {
            return CheckDate(word, Int(iso.Groups[1].Value), Int(iso.Groups[2].Value), Int(iso.Groups[3].Value), out date);
        }

        if (NumericDate().Match(word) is { Success: true } numeric)
        {
            var (a, b) = (Int(numeric.Groups[1].Value), Int(numeric.Groups[2].Value));
            var monthFirst = _culture.DateTimeFormat.ShortDatePattern.TrimStart().StartsWith('M');
            return CheckDate(word, Int(numeric.Groups[3].Value), monthFirst ? a : b, monthFirst ? b : a, out date);
        }

        var mark = _cursor.Position;
        if (DayNumber(word) is { } day)
        {
            var written = first.Text;
            if (_cursor.Peek() is { Quoted: false } of && of.Word == "of")
            {
                _cursor.Next();
                written += " of";
            }

            if (_cursor.Peek() is { Quoted: false } monthToken && Month(monthToken.Word) is { } month)
            {
                _cursor.Next();
                return ReadYear(written + " " + monthToken.Text, day, month, notBefore, out date);
            }

            _cursor.Position = mark;
            var next = _cursor.Peek() is { Quoted: false } wrong ? " " + wrong.Text : "";
            return FailFalse("AdminUsage_NotADate", Echo(first.Text + next));
        }

        if (Month(word) is { } monthFirstMonth)
        {
            if (_cursor.Peek() is { Quoted: false } dayToken && DayNumber(Bare(dayToken.Text)) is { } monthDay)
            {
                _cursor.Next();
                return ReadYear(first.Text + " " + dayToken.Text, monthDay, monthFirstMonth, notBefore, out date);
            }

            var next = _cursor.Peek() is { Quoted: false } wrong ? " " + wrong.Text : "";
            return FailFalse("AdminUsage_NotADate", Echo(first.Text + next));
        }

        return FailFalse("AdminUsage_NotADate", Echo(first.Text));
    }

    private bool ReadYear(string written, int day, int month, DateOnly? notBefore, out DateOnly date)
    {
        date = default;
        if (_cursor.Peek() is { Quoted: false } yearToken && Bare(yearToken.Text) is var year && year.Length > 0 && year.All(char.IsAsciiDigit))
        {
            _cursor.Next();
            written += " " + yearToken.Text;
            return year.Length == 4
                ? CheckDate(written, Int(year), month, day, out date)
                : FailFalse("AdminUsage_NotADate", Echo(written));
        }

        // No year: February has 29 days in some year, so only a day no year has is wrong before today matters.
        var longest = DateTime.DaysInMonth(2028, month);
        if (day < 1 || day > longest)
        {
            return FailFalse("AdminUsage_NoSuchDate", Echo(written), MonthName(month), longest);
        }

        if ((notBefore ?? _today) is not { } from)
        {
            return FailFalse("AdminUsage_YearNeeded", Echo(written));
        }

        for (var y = from.Year; y <= Math.Min(from.Year + 8, 9999); y++)
        {
            if (day <= DateTime.DaysInMonth(y, month) && new DateOnly(y, month, day) is var candidate && candidate >= from)
            {
                date = candidate;
                return true;
            }
        }

        return FailFalse("AdminUsage_YearNeeded", Echo(written));
    }

    private bool CheckDate(string written, int year, int month, int day, out DateOnly date)
    {
        date = default;
        if (year is < 1 or > 9999 || month is < 1 or > 12)
        {
            return FailFalse("AdminUsage_NotADate", Echo(written));
        }

        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            return FailFalse("AdminUsage_NoSuchDate", Echo(written), MonthName(month) + " " + year.ToString(CultureInfo.InvariantCulture), days);
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private string MonthName(int month) => _culture.DateTimeFormat.GetMonthName(month) is { Length: > 0 } name ? name : CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);

    /// <summary>1 to 2 digits, maybe with st/nd/rd/th: the day of a month (range checked with the month).</summary>
    private static int? DayNumber(string word)
    {
        var match = DayOfMonth().Match(word);
        return match.Success ? Int(match.Groups[1].Value) : null;
    }

    private int? Month(string word)
    {
        var name = Bare(word).TrimEnd('.');
        if (name.Length < 3)
        {
            return null;
        }

        if (name.Equals("sept", StringComparison.OrdinalIgnoreCase))
        {
            return 9;
        }

        foreach (var format in new[] { _culture.DateTimeFormat, CultureInfo.InvariantCulture.DateTimeFormat })
        {
            for (var m = 1; m <= 12; m++)
            {
                if (name.Equals(format.GetMonthName(m), StringComparison.OrdinalIgnoreCase)
                    || name.Equals(format.GetAbbreviatedMonthName(m).TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
                {
                    return m;
                }
            }
        }

        return null;
    }

    // ---- times ----

    /// <summary>10:00, 9:30, 09:30, 9.30, 10, 10am, 2:30 pm, noon, midday, midnight.</summary>
    private bool ReadTime(string keyword, out TimeOnly time)
    {
        time = default;
        if (Take() is not { } token)
        {
            return _failure is null && FailFalse("AdminUsage_ValueAfter", _text["AdminWhat_Time"], keyword);
        }

        var word = token.Quoted ? token.Text.ToLowerInvariant() : token.Word;
        var written = token.Text;
        switch (word)
        {
            case "noon" or "midday":
                time = new TimeOnly(12, 0);
                return true;
            case "midnight":
                time = new TimeOnly(0, 0);
                return true;
        }

        var match = Clock().Match(word);
        if (!match.Success)
        {
            return FailFalse("AdminUsage_NotATime", Echo(written));
        }

        var hour = Int(match.Groups[1].Value);
        var minute = match.Groups[2].Success ? Int(match.Groups[2].Value) : 0;
        var meridiem = match.Groups[3].Success ? match.Groups[3].Value : null;
        if (meridiem is null && _cursor.Peek() is { Quoted: false } next && next.Word.Replace(".", "", StringComparison.Ordinal) is "am" or "pm")
        {
            _cursor.Next();
            meridiem = next.Word;
            written += " " + next.Text;
        }

        if (meridiem is not null)
        {
            if (hour is < 1 or > 12)
            {
                return FailFalse("AdminUsage_NotATime", Echo(written));
            }

            hour = (hour % 12) + (meridiem.StartsWith('p') ? 12 : 0);
        }

        if (hour > 23 || minute > 59)
        {
            return FailFalse("AdminUsage_NotATime", Echo(written));
        }

        time = new TimeOnly(hour, minute);
        return true;
    }

    // ---- zones ----

    /// <summary>
    /// Only the shape of an IANA name (Europe/London, Etc/GMT+5, UTC): whether the zone exists is for the campaign
    /// rules, which hold the time-zone database.
    /// </summary>
    private bool ReadZone(string keyword, out string zone)
    {
        zone = "";
        if (Take() is not { } token)
        {
            return _failure is null && FailFalse("AdminUsage_ValueAfter", _text["AdminWhat_Zone"], keyword);
        }

        var word = token.Quoted ? token.Text : token.Text.TrimEnd('.', ',', ';');
        if (word.Length > 64 || !ZoneShape().IsMatch(word))
        {
            return FailFalse("AdminUsage_NotAZone", Echo(token.Text));
        }

        zone = word;
        return true;
    }

    // ---- days ----

    /// <summary>
    /// weekdays, every day, daily, weekends, working days, mon,wed,fri, "mon wed fri", mon, wed and fri, Mondays,
    /// monday to friday, mon-fri. Reads until a word that is not about days, so the next clause follows.
    /// </summary>
    private bool ReadDays(string keyword, out DaySet days)
    {
        days = DaySet.None;
        if (_cursor.Peek() is { Quoted: true, Unclosed: false } quoted)
        {
            // "mon wed fri" in quotes: the same words, read on their own.
            _cursor.Next();
            var outer = _cursor;
            _cursor = new AdminCursor(quoted.Text);
            var read = ReadDaysUnquoted(keyword, out days);
            var left = _cursor.Peek();
            _cursor = outer;
            return read && (left is not { } extra || FailFalse("AdminUsage_NotDays", Echo(extra.Text)));
        }

        return ReadDaysUnquoted(keyword, out days);
    }

    private bool ReadDaysUnquoted(string keyword, out DaySet days)
    {
        days = DaySet.None;
        DayOfWeek? last = null;
        var pending = DayWord.None;
        var pendingText = "";
        var read = false;
        while (_cursor.Peek() is { Quoted: false } token)
        {
            var pieces = token.Text.Split([',', '+', '&'], StringSplitOptions.RemoveEmptyEntries);
            var firstKind = pieces.Length == 0 ? DayWord.Joiner : ClassifyDayWord(Bare(pieces[0]));
            if (pending == DayWord.None && token.Text.Length > 0 && !IsDayToken(token, firstKind, last))
            {
                break;
            }

            _cursor.Next();
            foreach (var raw in pieces)
            {
                var piece = Bare(raw).TrimEnd('.').ToLowerInvariant();
                var kind = ClassifyDayWord(piece);
                switch (pending)
                {
                    case DayWord.Every:
                        pending = DayWord.None;
                        if (piece is "day" or "days")
                        {
                            days = DaySet.EveryDay;
                        }
                        else if (kind is DayWord.Day or DayWord.Set)
                        {
                            days = days.Union(DaysOf(piece));
                        }
                        else
                        {
                            return FailFalse("AdminUsage_NotDays", Echo(pendingText + " " + raw));
                        }

                        read = true;
                        continue;
                    case DayWord.Working:
                        pending = DayWord.None;
                        if (piece is not ("day" or "days"))
                        {
                            return FailFalse("AdminUsage_NotDays", Echo(pendingText + " " + raw));
                        }

                        days = days.Union(DaySet.Weekdays);
                        read = true;
                        continue;
                    case DayWord.Range:
                        pending = DayWord.None;
                        if (kind != DayWord.Day || last is not { } from)
                        {
                            return FailFalse("AdminUsage_NotDays", Echo(pendingText + " " + raw));
                        }

                        days = days.Union(Span(from, DayOf(piece)));
                        last = null;
                        continue;
                }

                switch (kind)
                {
                    case DayWord.Day:
                        last = DayOf(piece);
                        days = days.With(last.Value);
                        read = true;
                        break;
                    case DayWord.Set:
                        days = days.Union(DaysOf(piece));
                        last = null;
                        read = true;
                        break;
                    case DayWord.Every or DayWord.Working:
                        pending = kind;
                        pendingText = raw;
                        break;
                    case DayWord.Range when last is not null:
                        pending = DayWord.Range;
                        pendingText = raw;
                        break;
                    case DayWord.Joiner:
                        break;
                    default:
                        if (piece.Split('-', '–') is [var a, var b] && ClassifyDayWord(a) == DayWord.Day && ClassifyDayWord(b) == DayWord.Day)
                        {
                            days = days.Union(Span(DayOf(a), DayOf(b)));
                            last = null;
                            read = true;
                            break;
                        }

                        return FailFalse("AdminUsage_NotDays", Echo(raw));
                }
            }
        }

        if (pending != DayWord.None || !read)
        {
            if (_cursor.Peek() is { } after && !read && pending == DayWord.None)
            {
                return after.Unclosed ? Unclosed(after) : FailFalse("AdminUsage_NotDays", Echo(after.Text));
            }

            return pending != DayWord.None
                ? FailFalse("AdminUsage_NotDays", Echo(pendingText))
                : FailFalse("AdminUsage_ValueAfter", _text["AdminWhat_Days"], keyword);
        }

        return true;
    }

    /// <summary>Whether a whole token continues the days: "to" and "and" only when a day follows them.</summary>
    private bool IsDayToken(AdminToken token, DayWord kind, DayOfWeek? last)
    {
        switch (kind)
        {
            case DayWord.Day or DayWord.Set or DayWord.Every or DayWord.Working:
                return true;
            case DayWord.Range or DayWord.Joiner:
                if (kind == DayWord.Range && last is null)
                {
                    return false;
                }

                var mark = _cursor.Position;
                _cursor.Next();
                var next = _cursor.Peek();
                _cursor.Position = mark;
                return next is { Quoted: false } n && ClassifyDayWord(Bare(n.Text.Split(',')[0])) is DayWord.Day or DayWord.Set or DayWord.Every or DayWord.Working
                    && !(kind == DayWord.Range && ClassifyDayWord(Bare(n.Text.Split(',')[0])) != DayWord.Day);
            default:
                // "mon-fri" is one token.
                return Bare(token.Text).Split('-', '–') is [var a, var b] && ClassifyDayWord(a) == DayWord.Day && ClassifyDayWord(b) == DayWord.Day;
        }
    }

    internal DayWord ClassifyDayWord(string word)
    {
        var w = Bare(word).TrimEnd('.').ToLowerInvariant();
        return w switch
        {
            "" => DayWord.None,
            "weekdays" or "weekday" or "workdays" or "weekends" or "weekend" or "daily" or "everyday" => DayWord.Set,
            "every" or "each" => DayWord.Every,
            "working" or "work" => DayWord.Working,
            "and" or "&" or "+" or "plus" => DayWord.Joiner,
            "to" or "through" or "thru" or "till" or "until" or "-" or "–" => DayWord.Range,
            _ => DayOfOrNull(w) is null ? DayWord.None : DayWord.Day,
        };
    }

    private DaySet DaysOf(string word) => word switch
    {
        "weekdays" or "weekday" or "workdays" => DaySet.Weekdays,
        "weekends" or "weekend" => DaySet.Weekends,
        "daily" or "everyday" => DaySet.EveryDay,
        _ => DayOfOrNull(word) is { } day ? DaySet.Of(day) : DaySet.None,
    };

    private DayOfWeek DayOf(string word) => DayOfOrNull(Bare(word).TrimEnd('.').ToLowerInvariant()) ?? DayOfWeek.Monday;

    /// <summary>Full names, three-letter and common short forms, and plurals ("Mondays").</summary>
    private DayOfWeek? DayOfOrNull(string word)
    {
        if (word.Length < 2)
        {
            return null;
        }

        var singular = word.Length > 3 && word.EndsWith('s') && !word.Equals("tues", StringComparison.Ordinal) && !word.Equals("thurs", StringComparison.Ordinal) && !word.Equals("weds", StringComparison.Ordinal) ? word[..^1] : word;
        switch (singular)
        {
            case "tues" or "weds" or "thur" or "thurs":
                return singular[0] == 't' ? (singular[1] == 'u' ? DayOfWeek.Tuesday : DayOfWeek.Thursday) : DayOfWeek.Wednesday;
        }

        foreach (var format in new[] { _culture.DateTimeFormat, CultureInfo.InvariantCulture.DateTimeFormat })
        {
            foreach (var day in DaySet.MondayFirst)
            {
                if (singular.Equals(format.GetDayName(day), StringComparison.OrdinalIgnoreCase)
                    || singular.Equals(format.GetAbbreviatedDayName(day).TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
                {
                    return day;
                }
            }
        }

        return null;
    }

    /// <summary>From one day to another, wrapping past Sunday ("fri to mon" is four days).</summary>
    private static DaySet Span(DayOfWeek from, DayOfWeek to)
    {
        var set = DaySet.None;
        for (var i = 0; i < 7; i++)
        {
            var day = (DayOfWeek)(((int)from + i) % 7);
            set = set.With(day);
            if (day == to)
            {
                break;
            }
        }

        return set;
    }

    // ---- shared ----

    /// <summary>A word without the punctuation that sits around words in a sentence.</summary>
    private static string Bare(string word) => word.Trim().TrimEnd(',', ';', ':', '!', '?');

    private static int Int(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^([0-9]{1,2})(?:st|nd|rd|th)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayOfMonth();

    [GeneratedRegex(@"^([0-9]{1,2})(?:[:.h]([0-9]{2}))?(am|pm|a\.m\.?|p\.m\.?)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Clock();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(?:/[A-Za-z0-9_+\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneShape();
}
