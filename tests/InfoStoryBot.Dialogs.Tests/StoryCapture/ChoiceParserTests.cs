using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Dialogs.StoryCapture;

namespace InfoStoryBot.Dialogs.Tests.StoryCapture;

public sealed class ChoiceParserTests
{
    private static readonly DialogText Text = new(StoryTranscript.EnGb);

    [Theory]
    [InlineData("1, 3", new[] { Pillar.Culture, Pillar.Technology })]
    [InlineData("1 and 3", new[] { Pillar.Culture, Pillar.Technology })]
    [InlineData("culture and technology", new[] { Pillar.Culture, Pillar.Technology })]
    [InlineData("IG", new[] { Pillar.InformationGovernance })]
    [InlineData("Information governance, mostly", new[] { Pillar.InformationGovernance })]
    [InlineData("all of them", new[] { Pillar.Culture, Pillar.InformationGovernance, Pillar.Technology })]
    [InlineData("Technology & culture", new[] { Pillar.Technology, Pillar.Culture })]
    public void FromText_NumbersAndWords_AreRead(string typed, Pillar[] expected)
    {
        var parsed = ChoiceParser.FromText(typed, StoryOptions.Pillars, multi: true, Text);

        Assert.Null(parsed.Error);
        Assert.Equal(expected, parsed.Values);
    }

    [Theory]
    [InlineData("4", "There’s no option 4")]
    [InlineData("bananas", "didn’t recognise")]
    [InlineData("", "didn’t recognise")]
    public void FromText_Unrecognised_SaysWhy(string typed, string error) =>
        Assert.Contains(error, ChoiceParser.FromText(typed, StoryOptions.Pillars, multi: true, Text).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("without my name", Attribution.Anonymous)]
    [InlineData("My name, role and organisation", Attribution.Named)]
    [InlineData("just my role", Attribution.RoleOnly)]
    [InlineData("3", Attribution.Anonymous)]
    [InlineData("anonymously please", Attribution.Anonymous)]
    public void FromText_SingleChoice_PicksTheOneMeant(string typed, Attribution expected) =>
        Assert.Equal([expected], ChoiceParser.FromText(typed, StoryOptions.Attributions, multi: false, Text).Values);

    [Fact]
    public void FromText_TwoAnswersToASingleChoice_AsksForOne() =>
        Assert.Equal(Text["Invalid_OnlyOne"], ChoiceParser.FromText("1, 2", StoryOptions.Kinds, multi: false, Text).Error);

    [Fact]
    public void FromWire_CardValues_AreReadAndUnknownOnesRejected()
    {
        Assert.Equal([PartnershipElement.Creativity, PartnershipElement.Partners], ChoiceParser.FromWire("creativity,partners", StoryOptions.Elements, true, Text).Values);
        Assert.NotNull(ChoiceParser.FromWire("creativity,<at>x</at>", StoryOptions.Elements, true, Text).Error);
    }
}
