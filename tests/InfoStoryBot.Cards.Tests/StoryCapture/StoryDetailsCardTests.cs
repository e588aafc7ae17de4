using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Cards.Tests.Validation;

namespace InfoStoryBot.Cards.Tests.StoryCapture;

public sealed class StoryDetailsCardTests
{
    private static StoryDetailsView View(string? dialogId = "d-7") => new(
        "Question 5 of 5", CardSamples.Pillars, ["culture"], CardSamples.Elements, ["communication", "partners"], CardSamples.Kinds, "success",
        "Telling it once", CardSamples.Attributions, "roleOnly", DialogId: dialogId);

    [Fact]
    public void Build_EveryDefault_IsAnInputShowingItsValue()
    {
        var card = StoryDetailsCard.Build(View(), CardSamples.EnGb);

        var choices = card.Body.OfType<ChoiceSetInput>().ToDictionary(c => c.Id!);
        Assert.Equal("culture", choices[StoryFields.Pillars].Value);
        Assert.Equal("communication,partners", choices[StoryFields.Elements].Value);
        Assert.Equal("success", choices[StoryFields.Kind].Value);
        Assert.Equal("roleOnly", choices[StoryFields.Attribution].Value);
        Assert.Null(choices[StoryFields.Pillars].IsRequired);
        Assert.True(choices[StoryFields.Kind].IsRequired);
        Assert.All(choices.Values.SelectMany(c => c.Choices), c => Assert.DoesNotMatch(@"^\d", c.Title));
        var texts = card.Body.OfType<TextInput>().ToDictionary(t => t.Id!);
        Assert.Equal("Telling it once", texts[StoryFields.Title].Value);
        Assert.Null(texts[StoryFields.TellerRole].Value);
        Assert.Contains(texts.Keys, k => k == StoryFields.TellerOrganisation);
    }

    [Fact]
    public void Build_ConsentIsItsTwoButtons_EachSendingTheInputsAndTheDialog()
    {
        var card = StoryDetailsCard.Build(View(), CardSamples.EnGb);

        var buttons = card.Actions!.OfType<SubmitAction>().ToList();
        Assert.Equal(["Yes, publish it", "No, keep it private", "Back", "Cancel"], buttons.Select(b => b.Title));
        Assert.Equal(["yes", "no"], buttons.Take(2).Select(b => b.Data![ActionKeys.Answer]));
        Assert.All(buttons.Take(2), b => Assert.Equal(ActionNames.StoryDetails, b.Data![CardActions.ActionKey]));
        Assert.All(buttons.Take(2), b => Assert.Null(b.AssociatedInputs));
        Assert.Equal([ActionNames.StoryBack, ActionNames.StoryCancel], buttons.Skip(2).Select(b => b.Data![CardActions.ActionKey]));
        Assert.All(buttons, b => Assert.Equal("d-7", b.Data![ActionKeys.Dialog]));
    }

    [Fact]
    public void Build_NoDialogId_SendsNone()
    {
        var card = StoryDetailsCard.Build(View(dialogId: null), CardSamples.EnGb);

        Assert.All(card.Actions!.OfType<SubmitAction>(), b => Assert.False(b.Data!.ContainsKey(ActionKeys.Dialog)));
    }

    [Theory]
    [InlineData(true, "already in", ActionNames.MyStories)]
    [InlineData(false, "start again", ActionNames.StoryStart)]
    public void OldStoryCard_IsOneLineAndAnOffer(bool alreadyIn, string says, string firstButton)
    {
        var card = OldStoryCard.Build(new OldStoryCardView(alreadyIn), CardSamples.EnGb);

        var line = Assert.IsType<TextBlock>(Assert.Single(card.Body));
        Assert.Contains(says, line.Text, StringComparison.Ordinal);
        Assert.Equal(firstButton, card.Actions!.OfType<SubmitAction>().First().Data![CardActions.ActionKey]);
    }
}
