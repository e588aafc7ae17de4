using System.Text.RegularExpressions;
using InfoStoryBot.Dialogs.Campaigns;

namespace InfoStoryBot.Dialogs.Tests.Campaigns;

public sealed class CampaignZonesTests
{
    [Theory]
    [InlineData("Europe/London")]
    [InlineData("Australia/Sydney")]
    [InlineData("US/Eastern")]
    public void Find_TzdbId_FindsTheZone(string id)
    {
        Assert.Equal(id, CampaignZones.Find(id)?.Id);
    }

    [Theory]
    [InlineData("europe/london")]
    [InlineData("GMT Standard Time")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_NotATzdbId_Null(string? id)
    {
        Assert.Null(CampaignZones.Find(id));
    }

    [Theory]
    [InlineData("Europe/london", "Europe/London")]
    [InlineData("  EUROPE/LONDON ", "Europe/London")]
    [InlineData("us/eastern", "America/New_York")]
    [InlineData("GMT Standard Time", "Europe/London")]
    [InlineData("India Standard Time", "Asia/Kolkata")]
    [InlineData("AUS Eastern Standard Time", "Australia/Sydney")]
    [InlineData("Sydney", "Australia/Sydney")]
    [InlineData("new york", "America/New_York")]
    [InlineData("Europe/Lodnon", "Europe/London")]
    [InlineData("Asia/Kolkatta", "Asia/Kolkata")]
    public void Suggest_CloseToARealZone_SuggestsItFirst(string typed, string expected)
    {
        Assert.Equal(expected, CampaignZones.Suggest(typed)[0]);
    }

    [Theory]
    [InlineData("Mars/Olympus Mons")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Suggest_NothingClose_Empty(string? typed)
    {
        Assert.Empty(CampaignZones.Suggest(typed));
    }

    [Fact]
    public void Suggest_HostileLongInput_EmptyAndQuick()
    {
        Assert.Empty(CampaignZones.Suggest(new string('x', 10_000)));
    }

    [Fact]
    public void Suggest_AtMostTheNumberAsked()
    {
        Assert.True(CampaignZones.Suggest("Europe/Lon", 2).Count <= 2);
        Assert.Empty(CampaignZones.Suggest("Europe/London", 0));
    }

    [Fact]
    public void Ids_AreCanonicalSortedAndInclude_TheTestedZones()
    {
        var ids = CampaignZones.Ids;

        Assert.Contains("Europe/London", ids);
        Assert.Contains("Asia/Kolkata", ids);
        Assert.DoesNotContain("US/Eastern", ids);
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(ids, id => Assert.NotNull(CampaignZones.Find(id)));
    }

    [Fact]
    public void TzdbVersion_IsTheEmbeddedRelease()
    {
        Assert.Matches(new Regex(@"^\d{4}[a-z]$"), CampaignZones.TzdbVersion);
    }
}
