using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Dialogs.StoryCapture;

namespace InfoStoryBot.Dialogs.Tests.StoryCapture;

public sealed class StorySuggesterTests
{
    private static StorySuggestion Suggest(params string?[] answers) => StorySuggester.Suggest(StoryTranscript.EnGb, answers);

    [Theory]
    [InlineData("The teams had learned to trust each other over the years.", Pillar.Culture)]
    [InlineData("We had an information sharing agreement, so the consent question was settled.", Pillar.InformationGovernance)]
    [InlineData("Her record was on the shared case management system by the afternoon.", Pillar.Technology)]
    public void Pillars_ClearWords_AreSuggested(string story, Pillar expected) => Assert.Equal([expected], Suggest(story).Pillars);

    [Theory]
    [InlineData("The school rang the new school the same morning.", PartnershipElement.Communication)]
    [InlineData("Everyone used different jargon for the same thing.", PartnershipElement.SharedLanguage)]
    [InlineData("It was a real multi-agency effort.", PartnershipElement.Partners)]
    [InlineData("At the case conference we decided who would lead.", PartnershipElement.DecisionMakingAndProblemSolving)]
    [InlineData("We found a workaround nobody had tried before.", PartnershipElement.Creativity)]
    [InlineData("Being co-located in one office made the difference.", PartnershipElement.Environment)]
    public void Elements_ClearWords_AreSuggested(string story, PartnershipElement expected) => Assert.Contains(expected, Suggest(story).Elements);

    [Fact]
    public void Suggest_WordsAcrossTheAnswers_AllCountInTheirOwnOrder()
    {
        var suggestion = Suggest("The GP phoned the school.", null, "The data protection officer checked the system first.");

        Assert.Equal([Pillar.InformationGovernance, Pillar.Technology], suggestion.Pillars);
        Assert.Equal([PartnershipElement.Communication], suggestion.Elements);
    }

    [Theory]
    [InlineData("She only had to tell her story once.", StoryKind.Success)]
    [InlineData("The file never arrived, and she had to repeat everything to three teams.", StoryKind.Barrier)]
    [InlineData("We couldn’t share it in time.", null)] // both: not clear
    [InlineData("A family moved house.", null)] // neither
    public void Kind_OnlyWhenTheWordsPointOneWay(string story, StoryKind? expected) => Assert.Equal(expected, Suggest(story).Kind);

    [Theory]
    [InlineData("Something happened with a family and it mattered to them.")]
    [InlineData("")]
    [InlineData(null)]
    public void Suggest_UnclearOrEmpty_SaysNothing(string? story)
    {
        var suggestion = Suggest(story);

        Assert.Empty(suggestion.Pillars);
        Assert.Empty(suggestion.Elements);
        Assert.Null(suggestion.Kind);
    }

    [Theory]
    [InlineData("The systemic problem was ignored.")] // "system" must be the word, not the start of another
    [InlineData("We called it a day.")] // "call*" is not a stem: "called" is listed, and here it is communication anyway
    public void Pillars_PartsOfOtherWords_DoNotCount(string story)
    {
        var suggestion = Suggest(story);

        Assert.DoesNotContain(Pillar.Technology, suggestion.Pillars);
    }
}
