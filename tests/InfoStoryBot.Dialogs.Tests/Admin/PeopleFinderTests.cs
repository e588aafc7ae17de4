using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Dialogs.Tests.Admin;

public sealed class PeopleFinderTests
{
    private static readonly KnownPerson Priya = new("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", "Priya Shah");
    private static readonly KnownPerson PriyaK = new("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "Priya Kaur");
    private static readonly KnownPerson Tom = new("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "Tom Hughes");
    private static readonly KnownPerson Sian = new("2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", "Siân O’Brien");

    private static readonly KnownPerson[] People = [Tom, Priya, PriyaK, Sian];

    [Theory]
    [InlineData("priya shah")]
    [InlineData("  PRIYA   Shah ")]
    [InlineData("@Priya Shah")]
    [InlineData("shah")]
    [InlineData("pri sha")]
    public void Find_OnePersonsName_FindsThemWhateverTheCase(string typed)
    {
        Assert.Equal([Priya], PeopleFinder.Find(typed, People));
    }

    [Fact]
    public void Find_FirstNameShared_ListsEveryoneAlphabetically()
    {
        Assert.Equal([PriyaK, Priya], PeopleFinder.Find("priya", People));
    }

    [Theory]
    [InlineData("sian o'brien")]
    [InlineData("SIÂN O’BRIEN")]
    [InlineData("sian")]
    public void Find_AccentsAndApostrophes_DoNotMatter(string typed)
    {
        Assert.Equal([Sian], PeopleFinder.Find(typed, People));
    }

    [Fact]
    public void Find_AnObjectId_FindsExactlyThatPerson()
    {
        Assert.Equal([Tom], PeopleFinder.Find("1A2B3C4D-5E6F-4A7B-8C9D-0E1F2A3B4C5D", People));
        Assert.Empty(PeopleFinder.Find("ffffffff-5e6f-4a7b-8c9d-0e1f2a3b4c5d", People));
    }

    [Fact]
    public void Find_WholeNameMatch_WinsOverNamesContainingIt()
    {
        var ann = new KnownPerson("3c4d5e6f-7a8b-4c9d-8e0f-2a3b4c5d6e7f", "Ann");
        var anna = new KnownPerson("4d5e6f7a-8b9c-4d0e-9f1a-3b4c5d6e7f8a", "Anna Lee");

        Assert.Equal([ann], PeopleFinder.Find("ann", [anna, ann]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("nobody at all")]
    public void Find_NothingOrNoMatch_FindsNobody(string typed)
    {
        Assert.Empty(PeopleFinder.Find(typed, People));
    }
}
