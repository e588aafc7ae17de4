using FsCheck;
using FsCheck.Fluent;
using InfoStoryBot.Dialogs.PersonalData;
using InfoStoryBot.Dialogs.StoryCapture;

namespace InfoStoryBot.Dialogs.Tests.StoryCapture;

public sealed class TitleSuggesterTests
{
    private static string Suggest(string? text) => TitleSuggester.Suggest(text, StoryTranscript.EnGb);

    [Theory]
    [InlineData("She only had to tell her story once. Then it all moved.", "She only had to tell her story once")]
    [InlineData("Telling it once!", "Telling it once")]
    [InlineData("A family moved between two council areas and the school's concern went with them.", "A family moved between two council areas")]
    [InlineData("The health visitor, the housing officer and the school met in one room to plan for the family.", "The health visitor, the housing officer")]
    [InlineData("Nobody could see the whole picture of what was happening to this young person over several years", "Nobody could see the whole picture of what was happening")]
    [InlineData("Everything we needed had been written down on paper forms by a different team for years", "Everything we needed had been written down on paper forms")]
    public void Suggest_FirstSentence_CutBetweenWordsAtAClauseWhereThereIsOne(string story, string expected) => Assert.Equal(expected, Suggest(story));

    [Theory]
    [InlineData("Version 2.1 of the system went live. The records followed.", "Version 2.1 of the system went live")]
    [InlineData("The team rang at 9.30 and it was sorted.\nA second line.", "The team rang at 9.30 and it was sorted")]
    public void Suggest_DotsInsideNumbers_DoNotEndTheSentence(string story, string expected) => Assert.Equal(expected, Suggest(story));

    [Theory]
    [InlineData("Mrs Smith moved house. The new council had her file the next morning.", "The new council had her file the next morning")]
    [InlineData("The duty desk on 0161 496 0000 took the call and passed it on.", "The duty desk")]
    [InlineData("Her NHS number 943 476 5919 was wrong on two systems, so nobody could find her.", "Her NHS number")]
    [InlineData("Mrs Smith. Mr Jones.", "")]
    [InlineData("jo.bloggs@example.org", "")]
    public void Suggest_FlaggedText_IsNeverInTheTitle(string story, string expected)
    {
        var title = Suggest(story);

        Assert.Equal(expected, title);
        Assert.Empty(PersonalDataScanner.Scan(title));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Short.")]
    [InlineData("Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis happened")]
    public void Suggest_NothingFit_SuggestsNothing(string? story) => Assert.Equal("", Suggest(story));

    private static readonly Gen<string> Words = Gen.Elements(
        "the", "family", "moved", "and", "school", "shared", "a", "concern", "with", "Mrs Smith", "0161 496 0000", "943 476 5919",
        "SW1A 1AA", "born 12/03/1985", "jo@example.org", ",", ".", "!", "because", "of", "council", "records", "followed", "them");

    [Fact]
    public void Suggest_AnyStory_IsShortWholeWordsNoEllipsisAndNothingFlagged()
    {
        var stories = Gen.ListOf(Words).Select(w => string.Join(" ", w));

        Prop.ForAll(stories.ToArbitrary(), story =>
        {
            var title = Suggest(story);
            var words = story.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return title.Length <= TitleSuggester.MaxLength
                && !title.Contains('…', StringComparison.Ordinal)
                && PersonalDataScanner.Scan(title).Count == 0
                && title.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => words.Contains(w) || words.Contains(w + ",") || words.Any(s => s.StartsWith(w, StringComparison.Ordinal)));
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(500));
    }
}
