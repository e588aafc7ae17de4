using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Onboarding;
using InfoStoryBot.Cards.Tests.Validation;

namespace InfoStoryBot.Cards.Tests.Onboarding;

public sealed class NotUnderstoodCardTests
{
    [Fact]
    public void Build_IsOneLineAndTheThreeMostUsefulButtons()
    {
        var card = NotUnderstoodCard.Build(new NotUnderstoodView(), CardSamples.EnGb);

        var line = Assert.IsType<TextBlock>(Assert.Single(card.Body));
        Assert.Contains("type **help**", line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.Text);
        Assert.Equal(
            [ActionNames.StoryStart, ActionNames.MyStories, ActionNames.Help],
            card.Actions!.OfType<SubmitAction>().Select(a => a.Data![CardActions.ActionKey]));
    }

    [Fact]
    public void WelcomeAndHelp_SayWhatTheStoryTakes()
    {
        static string Text(AdaptiveCard card) => string.Join("\n", card.Body.OfType<TextBlock>().Select(b => b.Text));

        Assert.Contains("five short questions, about two minutes", Text(WelcomeCard.Build(new WelcomeView("Sam"), CardSamples.EnGb)), StringComparison.Ordinal);
        Assert.Contains("five short questions, about two minutes", Text(HelpCard.Build(new HelpView(), CardSamples.EnGb)), StringComparison.Ordinal);
    }
}
