using System.Diagnostics;
using FsCheck;
using FsCheck.Fluent;
using InfoStoryBot.Dialogs.PersonalData;

namespace InfoStoryBot.Dialogs.Tests.PersonalData;

/// <summary>
/// Fuzzing the scanner where the example tests do not reach: personal data amid arbitrary Unicode, personal data
/// written with other scripts' digits, and long hostile text against a time bound.
/// </summary>
public sealed class PersonalDataScannerFuzzTests
{
    private static readonly (string Text, PersonalDataKind Kind)[] Known =
    [
        ("943 476 5919", PersonalDataKind.NhsNumber),
        ("jo.bloggs@example.org", PersonalDataKind.EmailAddress),
        ("SW1A 1AA", PersonalDataKind.Postcode),
        ("07700 900123", PersonalDataKind.PhoneNumber),
        ("AB123456C", PersonalDataKind.NationalInsuranceNumber),
    ];

    // Letters of several scripts, emoji (surrogate pairs), combining marks, joiners, direction marks, odd spaces.
    private static readonly Gen<string> UnicodeContext = Gen.ListOf(Gen.Elements(
        "a", "Z", "é", "ß", "Ω", "日本", "مرحبا", "שלום", "😀", "👩‍👧", "\u0301", "\u200d", "\u200b", "\u202e", "\u2066", "\u00a0", "\u3000", ",", ";", "!", "—", "\t"))
        .Select(string.Concat);

    [Fact]
    public void Scan_PersonalDataAmidRandomUnicode_IsStillFound()
    {
        var input =
            from known in Gen.Elements(Known)
            from before in UnicodeContext
            from after in UnicodeContext
            select (Known: known, Text: before + " " + known.Text + " " + after);

        Prop.ForAll(input.ToArbitrary(), i =>
            PersonalDataScanner.Scan(i.Text).Any(f => f.Kind == i.Known.Kind && f.Text == i.Known.Text))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }

    [Theory]
    [InlineData('０')] // fullwidth, from Japanese and Chinese input methods
    [InlineData('٠')] // Arabic-Indic
    [InlineData('۰')] // Extended Arabic-Indic (Persian, Urdu keyboards)
    [InlineData('०')] // Devanagari
    public void Scan_NhsNumberAndPhoneInAnotherScriptsDigits_AreFoundAsTyped(char zero)
    {
        static string Shift(string ascii, char zero) => string.Concat(ascii.Select(c => char.IsAsciiDigit(c) ? (char)(zero + (c - '0')) : c));
        var nhs = Shift("943 476 5919", zero);
        var phone = Shift("07700 900123", zero);

        var findings = PersonalDataScanner.Scan($"Her NHS number is {nhs} and her mobile {phone}.");

        Assert.Contains(findings, f => f.Kind == PersonalDataKind.NhsNumber && f.Text == nhs);
        Assert.Contains(findings, f => f.Kind == PersonalDataKind.PhoneNumber && f.Text == phone);
    }

    [Fact]
    public void Scan_LongHostileText_StaysWithinATimeBoundAndTheText()
    {
        var pieces = Gen.Elements("0 ", "1-", "9/", "@", ".", "a@b", "Mrs ", "Dr. ", "born ", "12/03/", "+44 ", "(0)", "SW1A ", "AB12", "😀", "\u0301", "x", " ", "\n", "٣");
        var text = Gen.Choose(2_000, 6_000).SelectMany(n => Gen.ListOf(pieces, n)).Select(string.Concat);

        Prop.ForAll(text.ToArbitrary(), t =>
        {
            var watch = Stopwatch.StartNew();
            var findings = PersonalDataScanner.Scan(t);
            watch.Stop();
            // Eight patterns with a 250 ms match timeout each bound the worst case near 2 s; linear patterns do far better.
            return watch.Elapsed < TimeSpan.FromSeconds(1)
                && findings.All(f => f.Index >= 0 && f.Index + f.Length <= t.Length && t.Substring(f.Index, f.Length) == f.Text);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(30));
    }
}
