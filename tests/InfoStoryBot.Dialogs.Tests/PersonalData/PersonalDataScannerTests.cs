using FsCheck;
using FsCheck.Fluent;
using InfoStoryBot.Dialogs.PersonalData;

namespace InfoStoryBot.Dialogs.Tests.PersonalData;

public sealed class PersonalDataScannerTests
{
    private static PersonalDataFinding Single(string text, PersonalDataKind kind)
    {
        var findings = PersonalDataScanner.Scan(text);
        var finding = Assert.Single(findings);
        Assert.Equal(kind, finding.Kind);
        Assert.Equal(finding.Text, text.Substring(finding.Index, finding.Length));
        return finding;
    }

    [Theory]
    [InlineData("Her NHS number is 943 476 5919.", "943 476 5919")]
    [InlineData("NHS no 9434765919 on the letter", "9434765919")]
    [InlineData("ref 943-476-5919", "943-476-5919")]
    public void NhsNumber_WithAValidCheckDigit_IsFound(string text, string expected) =>
        Assert.Equal(expected, Single(text, PersonalDataKind.NhsNumber).Text);

    [Theory]
    [InlineData("943 476 5918")]
    [InlineData("9434765910")]
    [InlineData("1234567890")]
    [InlineData("94347659190")]
    public void NhsNumber_WithAWrongCheckDigitOrLength_IsNotReportedAsOne(string text) =>
        Assert.DoesNotContain(PersonalDataScanner.Scan(text), f => f.Kind == PersonalDataKind.NhsNumber);

    [Fact]
    public void NhsCheckDigit_OfTen_IsNeverValid()
    {
        // 000 000 001 x: sum = 1*2 = 2, 11 - 2 = 9 is fine; 100 000 001: 10 + 2 = 12, 11 - 1 = 10, never issued.
        Assert.True(PersonalDataScanner.IsValidNhsNumber("0000000019"));
        Assert.DoesNotContain(Enumerable.Range(0, 10), d => PersonalDataScanner.IsValidNhsNumber("100000001" + d));
    }

    [Theory]
    [InlineData("NI number AB123456C", "AB123456C")]
    [InlineData("NI: ab 12 34 56 d.", "ab 12 34 56 d")]
    [InlineData("JG 10 37 59 A", "JG 10 37 59 A")]
    public void NationalInsuranceNumber_InUkFormat_IsFound(string text, string expected) =>
        Assert.Equal(expected, Single(text, PersonalDataKind.NationalInsuranceNumber).Text);

    [Theory]
    [InlineData("BG123456C")]
    [InlineData("GB123456C")]
    [InlineData("NK123456C")]
    [InlineData("KN123456C")]
    [InlineData("TN123456C")]
    [InlineData("NT123456C")]
    [InlineData("ZZ123456C")]
    [InlineData("DA123456C")]
    [InlineData("FA123456C")]
    [InlineData("IA123456C")]
    [InlineData("QQ123456C")]
    [InlineData("UA123456C")]
    [InlineData("VA123456C")]
    [InlineData("AD123456C")]
    [InlineData("AO123456C")]
    [InlineData("AB123456E")]
    [InlineData("AB12345C")]
    public void NationalInsuranceNumber_NearMisses_AreNotFound(string text) =>
        Assert.DoesNotContain(PersonalDataScanner.Scan(text), f => f.Kind == PersonalDataKind.NationalInsuranceNumber);

    [Theory]
    [InlineData("Ring 07700 900123 any time", "07700 900123")]
    [InlineData("mobile 07700900123", "07700900123")]
    [InlineData("call +44 7700 900123.", "+44 7700 900123")]
    [InlineData("office 020 7946 0000", "020 7946 0000")]
    [InlineData("desk on 0161 496 0000", "0161 496 0000")]
    [InlineData("helpline 0300 123 4567", "0300 123 4567")]
    [InlineData("ring +44 (0)20 7946 0000 now", "+44 (0)20 7946 0000")]
    [InlineData("ring (020) 7946 0000", "(020) 7946 0000")]
    [InlineData("tel 01632-960-123", "01632-960-123")]
    public void PhoneNumber_UkForms_AreFound(string text, string expected) =>
        Assert.Equal(expected, Single(text, PersonalDataKind.PhoneNumber).Text);

    [Theory]
    [InlineData("We had 12345 referrals")]
    [InlineData("In 2019 and 2020")]
    [InlineData("call 0800 123 4567")]
    [InlineData("+1 415 555 0100")]
    [InlineData("07700 9001")]
    public void PhoneNumber_NearMisses_AreNotFound(string text) =>
        Assert.DoesNotContain(PersonalDataScanner.Scan(text), f => f.Kind == PersonalDataKind.PhoneNumber);

    [Theory]
    [InlineData("email jo.bloggs@northtown.gov.uk please", "jo.bloggs@northtown.gov.uk")]
    [InlineData("<sam+case@example.org>", "sam+case@example.org")]
    public void EmailAddress_IsFound(string text, string expected) =>
        Assert.Equal(expected, Single(text, PersonalDataKind.EmailAddress).Text);

    [Theory]
    [InlineData("lives at SW1A 1AA", "SW1A 1AA")]
    [InlineData("moved to M1 1AE last year", "M1 1AE")]
    [InlineData("near B33 8TH.", "B33 8TH")]
    [InlineData("postcode ls1 4ap", "ls1 4ap")]
    [InlineData("CR2 6XH", "CR2 6XH")]
    public void Postcode_IsFound(string text, string expected) =>
        Assert.Equal(expected, Single(text, PersonalDataKind.Postcode).Text);

    [Theory]
    [InlineData("the A1 road")]
    [InlineData("room 1AA")]
    [InlineData("Q1 2024 figures")]
    public void Postcode_NearMisses_AreNotFound(string text) =>
        Assert.DoesNotContain(PersonalDataScanner.Scan(text), f => f.Kind == PersonalDataKind.Postcode);

    [Theory]
    [InlineData("born 12/03/1985", "12/03/1985")]
    [InlineData("DOB: 3 March 2001", "3 March 2001")]
    [InlineData("d.o.b. 01-02-2003", "01-02-2003")]
    [InlineData("her birthday is 4th June", "4th June")]
    [InlineData("date of birth 1990-07-15", "1990-07-15")]
    [InlineData("on 14/02/2019 we met", "14/02/2019")]
    [InlineData("on 3 March 2021 we met", "3 March 2021")]
    public void DateOfBirth_DatesAndBirthContext_AreFound(string text, string expected) =>
        Assert.Equal(expected, Single(text, PersonalDataKind.DateOfBirth).Text);

    [Theory]
    [InlineData("in March we met")]
    [InlineData("on 3 March we met")]
    [InlineData("in 2019 the team")]
    [InlineData("about 10/12 people")]
    public void DateOfBirth_PartialDatesWithoutContext_AreNotFound(string text) =>
        Assert.DoesNotContain(PersonalDataScanner.Scan(text), f => f.Kind == PersonalDataKind.DateOfBirth);

    [Theory]
    [InlineData("Mrs Smith rang", "Mrs Smith")]
    [InlineData("I spoke to Mr J. Jones", "Mr J. Jones")]
    [InlineData("Dr Patel agreed", "Dr Patel")]
    [InlineData("with Ms O'Neill", "Ms O'Neill")]
    [InlineData("Miss A B Khan", "Miss A B Khan")]
    [InlineData("Mx Taylor", "Mx Taylor")]
    [InlineData("Mr. Brown", "Mr. Brown")]
    public void TitledName_IsFound(string text, string expected) =>
        Assert.Equal(expected, Single(text, PersonalDataKind.TitledName).Text);

    [Theory]
    [InlineData("we use MS Teams")]
    [InlineData("a doctor called")]
    [InlineData("Mrs and Mr")]
    [InlineData("Mrs smith")]
    public void TitledName_NearMisses_AreNotFound(string text) =>
        Assert.DoesNotContain(PersonalDataScanner.Scan(text), f => f.Kind == PersonalDataKind.TitledName);

    [Fact]
    public void Scan_OrdinaryStory_FindsNothing()
    {
        const string story = "A family moved between two council areas. The school shared a concern with children's services, " +
            "and the housing team joined the meeting on day one. In 2019 about 40 families were helped this way.";

        Assert.Empty(PersonalDataScanner.Scan(story));
    }

    [Fact]
    public void Scan_SeveralKinds_FindsEachOnceInOrder()
    {
        const string text = "Mrs Smith (DOB 12/03/1985, NHS 943 476 5919) lives at SW1A 1AA; call 07700 900123 or jo@example.org.";

        var kinds = PersonalDataScanner.Scan(text).Select(f => f.Kind).ToList();

        Assert.Equal(
            [PersonalDataKind.TitledName, PersonalDataKind.DateOfBirth, PersonalDataKind.NhsNumber, PersonalDataKind.Postcode, PersonalDataKind.PhoneNumber, PersonalDataKind.EmailAddress],
            kinds);
    }

    [Fact]
    public void Scan_AnyText_NeverThrowsAndFindingsLieWithinTheText()
    {
        var pieces = Gen.Elements("943 476 5919", "07700 900123", "+44", "(0)", "AB123456C", "SW1A 1AA", "@", ".", "x@y.co", "Mrs ", "Smith", "born ",
            "12/03/1985", " ", "\n", "0", "1", "-", "/", "é", "😀", "Dr", "D.O.B.", "\u0000");
        var texts = Gen.ListOf(pieces).Select(p => string.Concat(p));
        Prop.ForAll(Gen.OneOf(texts, ArbMap.Default.GeneratorFor<string>()).ToArbitrary(), (string text) =>
        {
            var findings = PersonalDataScanner.Scan(text);
            return findings.All(f => f.Index >= 0 && f.Length > 0 && f.Index + f.Length <= (text?.Length ?? 0) && text!.Substring(f.Index, f.Length) == f.Text)
                && findings.Zip(findings.Skip(1)).All(p => p.First.Index + p.First.Length <= p.Second.Index);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Scan_ValidNhsNumbersAnyDigits_AreAlwaysFound()
    {
        Prop.ForAll(Gen.ArrayOf(Gen.Choose(0, 9), 9).ToArbitrary(), (int[] nine) =>
        {
            var sum = nine.Select((d, i) => d * (10 - i)).Sum();
            var check = 11 - (sum % 11);
            check = check == 11 ? 0 : check;
            if (check == 10)
            {
                return true;
            }

            var number = string.Concat(nine) + check;
            var spaced = $"{number[..3]} {number[3..6]} {number[6..]}";
            return PersonalDataScanner.Scan("NHS " + spaced + " today").Any(f => f.Kind == PersonalDataKind.NhsNumber && f.Text == spaced);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Scan_HugeHostileText_FinishesQuickly()
    {
        var text = string.Concat(Enumerable.Repeat("0 0 0 0 0 0 - / @@ .. Mrs Mr Dr A. B. C. born 1/1/", 2000));

        var watch = System.Diagnostics.Stopwatch.StartNew();
        PersonalDataScanner.Scan(text);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
