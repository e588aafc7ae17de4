using System.Text.RegularExpressions;

namespace InfoStoryBot.Dialogs.PersonalData;

public enum PersonalDataKind
{
    NhsNumber,
    NationalInsuranceNumber,
    PhoneNumber,
    EmailAddress,
    Postcode,
    DateOfBirth,
    TitledName,
}

/// <summary>Something in a story that looks like it identifies a person: what kind, the matched text and where.</summary>
public sealed record PersonalDataFinding(PersonalDataKind Kind, string Text, int Index, int Length);

/// <summary>
/// Looks for personal data in free text before a story is stored. Pure and bounded: the patterns are linear
/// (no nested quantifiers), each has a match timeout, and a timeout means "no finding" for that pattern
/// rather than an exception, so a hostile story cannot stall a turn.
/// </summary>
public static partial class PersonalDataScanner
{
    /// <summary>Longer text is scanned only up to here; stories are capped well below it.</summary>
    public const int MaxScannedChars = 20_000;

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const int TimeoutMs = 250;

    public static IReadOnlyList<PersonalDataFinding> Scan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        if (text.Length > MaxScannedChars)
        {
            text = text[..MaxScannedChars];
        }

        // Phone keyboards and input methods type other scripts' digits (fullwidth, Arabic-Indic, Devanagari): scan a
        // copy with ASCII digits, one char for one char so positions hold, and report the text as the teller typed it.
        var typed = text;
        text = WithAsciiDigits(text);
        var findings = new List<PersonalDataFinding>();

        // Order matters: the more specific kinds claim their text first, so a valid NHS number is not
        // reported again as a phone number, nor an email's domain as anything else.
        Add(findings, EmailPattern(), text, PersonalDataKind.EmailAddress, _ => true);
        Add(findings, NhsPattern(), text, PersonalDataKind.NhsNumber, IsValidNhsNumber);
        Add(findings, NiPattern(), text, PersonalDataKind.NationalInsuranceNumber, IsValidNiNumber);
        Add(findings, PhonePattern(), text, PersonalDataKind.PhoneNumber, IsUkPhoneNumber);
        Add(findings, PostcodePattern(), text, PersonalDataKind.Postcode, _ => true);
        Add(findings, DobContextPattern(), text, PersonalDataKind.DateOfBirth, _ => true);
        Add(findings, FullDatePattern(), text, PersonalDataKind.DateOfBirth, _ => true);
        Add(findings, TitledNamePattern(), text, PersonalDataKind.TitledName, _ => true);

        findings.Sort((a, b) => a.Index.CompareTo(b.Index));
        return ReferenceEquals(typed, text) ? findings : [.. findings.Select(f => f with { Text = typed.Substring(f.Index, f.Length) })];
    }

    private static string WithAsciiDigits(string text)
    {
        if (!text.Any(c => char.IsDigit(c) && !char.IsAsciiDigit(c)))
        {
            return text;
        }

        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsDigit(c) && !char.IsAsciiDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c;
            }
        });
    }

    private static void Add(List<PersonalDataFinding> findings, Regex pattern, string text, PersonalDataKind kind, Func<string, bool> accept)
    {
        try
        {
            for (var m = pattern.Match(text); m.Success; m = m.NextMatch())
            {
                var value = m.Groups["v"].Success ? m.Groups["v"] : (Group)m;
                if (value.Length == 0 || !accept(value.Value) || Overlaps(findings, value.Index, value.Length))
                {
                    continue;
                }

                findings.Add(new PersonalDataFinding(kind, value.Value, value.Index, value.Length));
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // Pathological input: keep what was found so far rather than fail the turn.
        }
    }

    private static bool Overlaps(List<PersonalDataFinding> findings, int index, int length) =>
        findings.Exists(f => index < f.Index + f.Length && f.Index < index + length);

    /// <summary>NHS numbers carry a modulus 11 check digit; a remainder giving 10 is never issued.</summary>
    public static bool IsValidNhsNumber(string candidate)
    {
        Span<int> digits = stackalloc int[10];
        var n = 0;
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                if (n == 10)
                {
                    return false;
                }

                digits[n++] = c - '0';
            }
        }

        if (n != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += digits[i] * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9];
    }

    /// <summary>
    /// HMRC's format: two prefix letters (D, F, I, Q, U, V never used; O never second; BG, GB, NK, KN, TN,
    /// NT and ZZ not allocated), six digits, and a suffix A to D.
    /// </summary>
    public static bool IsValidNiNumber(string candidate)
    {
        var compact = string.Concat(candidate.Where(c => !char.IsWhiteSpace(c))).ToUpperInvariant();
        if (compact.Length != 9)
        {
            return false;
        }

        var first = compact[0];
        var second = compact[1];
        if ("DFIQUV".Contains(first, StringComparison.Ordinal) || "DFIQUVO".Contains(second, StringComparison.Ordinal))
        {
            return false;
        }

        string[] unallocated = ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"];
        if (unallocated.Contains(compact[..2]))
        {
            return false;
        }

        return compact[2..8].All(char.IsAsciiDigit) && compact[8] is >= 'A' and <= 'D';
    }

    /// <summary>UK numbers in national (0…) or international (+44…) form: mobiles 07 and landlines 01, 02, 03.</summary>
    public static bool IsUkPhoneNumber(string candidate)
    {
        var digits = string.Concat(candidate.Where(char.IsAsciiDigit));
        if (candidate.TrimStart().StartsWith('+'))
        {
            if (!digits.StartsWith("44", StringComparison.Ordinal))
            {
                return false;
            }

            digits = digits[2..];
            // "+44 (0)20 …": the bracketed trunk zero is written but not dialled.
            digits = digits.StartsWith('0') ? digits : "0" + digits;
        }

        if (digits.Length < 2 || digits[0] != '0')
        {
            return false;
        }

        return digits[1] switch
        {
            '7' or '3' => digits.Length == 11,
            '1' or '2' => digits.Length is 10 or 11,
            _ => false,
        };
    }

    [GeneratedRegex(@"(?<![\w.%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}\b", Options, TimeoutMs)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![\d\w])(\d{3}[ -]?\d{3}[ -]?\d{4})(?![\d\w])", Options, TimeoutMs)]
    private static partial Regex NhsPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d](?![A-Za-z0-9])", Options, TimeoutMs)]
    private static partial Regex NiPattern();

    // A run starting with +44 or 0 and made of digits with single spaces, hyphens or a bracketed part.
    [GeneratedRegex(@"(?<![\d\w+])(\+44[ -]?(\(0\)[ -]?)?|\(?0)\d{1,5}\)?([ -]?\d){5,9}(?![\d\w])", Options, TimeoutMs)]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(GIR ?0AA|[A-PR-UWYZa-pr-uwyz][A-HK-Ya-hk-y]?\d[A-Za-z\d]? ?\d[ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})(?![A-Za-z0-9])", Options, TimeoutMs)]
    private static partial Regex PostcodePattern();

    // A date near "born", "DOB", "d.o.b.", "date of birth" or "birthday": even without a year it is a birthday.
    [GeneratedRegex(@"(?i)(\b(born|dob|date of birth|birthday|birth date)\b|\bd\.o\.b\.?)[^\n\d]{0,20}?(?<v>\d{1,2}(st|nd|rd|th)?[ /.-]((\d{1,2})|(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6})([ /.-]\d{2,4})?|\d{4}-\d{2}-\d{2})", Options, TimeoutMs)]
    private static partial Regex DobContextPattern();

    // Any full date (day, month and year) might be a date of birth.
    [GeneratedRegex(@"(?i)(?<![\d/.-])(\d{1,2}[/.-]\d{1,2}[/.-](19|20)?\d{2}|\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6},? (19|20)\d{2}|(19|20)\d{2}-\d{2}-\d{2})(?![\d/.-]*\d)", Options, TimeoutMs)]
    private static partial Regex FullDatePattern();

    // "Mrs Smith", "Mr J. Jones", "Dr Patel", "Miss A B Khan", "Mx O'Neill": a title then a capitalised surname.
    // Upper-case "MS" is left out: in these stories it is far more often "MS Teams" than a title.
    [GeneratedRegex(@"(?<![A-Za-z])(Mr|Mrs|Ms|Miss|Mx|Dr|MR|MRS|MISS|DR)\.? +([A-Z]\.? *){0,3}[A-Z][a-zA-Z'’-]{1,30}", Options, TimeoutMs)]
    private static partial Regex TitledNamePattern();
}
