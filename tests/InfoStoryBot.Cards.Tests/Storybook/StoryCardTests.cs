using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Cards.Tests.Validation;

namespace InfoStoryBot.Cards.Tests.Storybook;

public sealed class StoryCardTests
{
    private static string Json(BylineKind kind) =>
        CardJson.Serialize(StoryCard.Build(new StoryCardView(CardSamples.Story("", kind) with
        {
            Byline = new Byline(kind, "Sam Jones", "Outreach lead", "Riverside Trust"),
        }), CardSamples.EnGb));

    [Fact]
    public void Byline_Named_ShowsNameRoleAndOrganisation()
    {
        Assert.Contains("Told by Sam Jones, Outreach lead, Riverside Trust", Json(BylineKind.Named), StringComparison.Ordinal);
    }

    [Fact]
    public void Byline_RoleOnly_ShowsRoleAndOrganisationButNeverTheName()
    {
        var json = Json(BylineKind.RoleOnly);

        Assert.Contains("Told by Outreach lead, Riverside Trust", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Jones", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Byline_Anonymous_ShowsAColleagueAndNothingThatIdentifies()
    {
        var json = Json(BylineKind.Anonymous);

        Assert.Contains("Told by a colleague", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Jones", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Outreach lead", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Riverside Trust", json, StringComparison.Ordinal);
    }

    [Fact]
    public void StoryText_IsRenderedAsTextRunsNeverAsMarkdown()
    {
        var card = StoryCard.Build(new StoryCardView(CardSamples.Story(CardSamples.Hostile)), CardSamples.EnGb);

        var markdownTexts = card.Body.OfType<TextBlock>().Select(b => b.Text);
        Assert.DoesNotContain(markdownTexts, t => t.Contains("evil.example", StringComparison.Ordinal));
        Assert.Contains(card.Body.OfType<RichTextBlock>().SelectMany(r => r.Inlines), r => r.Text.Contains("evil.example", StringComparison.Ordinal));
    }

    [Fact]
    public void StorybookPage_Paging_CarriesTheAppliedFiltersAndPageNumbers()
    {
        var filters = new StorybookFilters(CardSamples.Pillars, CardSamples.Elements, [], Pillar: "culture");
        var card = StorybookPageCard.Build(new StorybookPageView([], 3, HasPrevious: true, HasNext: true, filters), CardSamples.EnGb);

        var paging = card.Actions!.OfType<SubmitAction>().Where(a => a.Data!["action"] == "storybook.page").ToList();
        Assert.Equal(["2", "4"], paging.Select(a => a.Data!["page"]));
        Assert.All(paging, a => Assert.Equal("culture", a.Data!["pillar"]));
        Assert.All(paging, a => Assert.Equal("any", a.Data!["element"]));
    }

    [Fact]
    public void MyStories_EachStory_HasViewAndOnlyTheAllowedButtons()
    {
        var card = MyStoriesCard.Build(new MyStoriesView([new MyStoryItem("s-9", "Title", "Published", new DateTime(2026, 11, 1, 9, 5, 0), CanEdit: false, CanWithdraw: true)]), CardSamples.EnGb);

        var buttons = card.Body.OfType<Container>().Single().Items.OfType<ActionSet>().Single().Actions.OfType<SubmitAction>().ToList();
        Assert.Equal(["stories.view", "stories.withdraw"], buttons.Select(b => b.Data!["action"]));
        Assert.All(buttons, b => Assert.Equal("s-9", b.Data!["storyId"]));
    }

    [Fact]
    public void MyStories_TwoStoriesOfOneDay_AreToldApartByTheirTime()
    {
        var card = MyStoriesCard.Build(new MyStoriesView(
        [
            new MyStoryItem("s-1", "Morning", "Waiting for the campaign team", new DateTime(2026, 11, 20, 9, 5, 0), CanEdit: true, CanWithdraw: true),
            new MyStoryItem("s-2", "Afternoon", "Waiting for the campaign team", new DateTime(2026, 11, 20, 16, 40, 0), CanEdit: true, CanWithdraw: true),
        ]), CardSamples.EnGb);

        var lines = card.Body.OfType<Container>().Select(c => c.Items.OfType<TextBlock>().Single().Text).ToList();
        Assert.Equal(
            ["Waiting for the campaign team · shared 20 November 2026 at 09:05", "Waiting for the campaign team · shared 20 November 2026 at 16:40"],
            lines);
    }
}
