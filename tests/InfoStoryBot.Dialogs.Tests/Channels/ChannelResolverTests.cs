using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Dialogs.Tests.Channels;

public sealed class ChannelResolverTests
{
    private const string TeamA = "19:a@thread.tacv2";
    private const string TeamB = "19:b@thread.tacv2";

    private static readonly IReadOnlyList<ChannelEntry> Channels =
    [
        new(TeamB, "Youth Justice", TeamB, null),
        new(TeamA, "Northshire Partnership", TeamA, null),
        new(TeamA, "Northshire Partnership", "19:a1@thread.tacv2", "Partnership board"),
        new(TeamA, "Northshire Partnership", "19:a2@thread.tacv2", "Children’s services"),
        new(TeamB, "Youth Justice", "19:b1@thread.tacv2", "Partnership board", Gone: new ChannelGone(DateTimeOffset.UnixEpoch, ChannelGoneReason.Deleted)),
        new("19:c@thread.tacv2", null, "19:c1@thread.tacv2", "Unique"),
    ];

    private static readonly IReadOnlyList<string> Shown = [.. ChannelListing.Order(Channels, ChannelText.EnGb).Select(c => c.ChannelId)];

    private static ChannelPick Resolve(ChannelRef reference, IReadOnlyList<string>? shown = null) =>
        ChannelResolver.Resolve(reference, Channels, shown ?? Shown, ChannelText.EnGb);

    [Fact]
    public void Order_TeamsByName_GeneralFirstThenByChannelName()
    {
        var ordered = ChannelListing.Order(Channels, ChannelText.EnGb).Select(c => ChannelListing.Display(c, ChannelText.EnGb));

        Assert.Equal(
            ["Northshire Partnership / General", "Northshire Partnership / Children’s services", "Northshire Partnership / Partnership board",
             "Unnamed team / Unique", "Youth Justice / General", "Youth Justice / Partnership board"],
            ordered);
    }

    [Fact]
    public void ByNumber_IsTheRowOfTheListShown()
    {
        var shownEarlier = new[] { "19:a2@thread.tacv2", TeamA };

        Assert.Equal(TeamA, Assert.IsType<ChannelPick.Found>(Resolve(new ChannelRef.ByNumber(2), shownEarlier)).Channel.ChannelId);
        Assert.Equal("19:a1@thread.tacv2", Assert.IsType<ChannelPick.Found>(Resolve(new ChannelRef.ByNumber(3))).Channel.ChannelId);
    }

    [Fact]
    public void ByNumber_NoListShownYet_SaysToTypeChannels()
    {
        var pick = Assert.IsType<ChannelPick.NotFound>(ChannelResolver.Resolve(new ChannelRef.ByNumber(3), Channels, null, ChannelText.EnGb));

        Assert.Contains("Type **channels** to see them", pick.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByNumber_BeyondTheList_SaysHowManyThereWere()
    {
        var pick = Assert.IsType<ChannelPick.NotFound>(Resolve(new ChannelRef.ByNumber(9)));

        Assert.Contains("has 6 channels, so there’s no number 9", pick.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByNumber_ChannelSinceUnregistered_SaysSo()
    {
        var pick = Assert.IsType<ChannelPick.NotFound>(Resolve(new ChannelRef.ByNumber(1), ["19:gone-team@thread.tacv2"]));

        Assert.Contains("no longer registered", pick.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("children's services", "19:a2@thread.tacv2")]
    [InlineData("  CHILDREN’S   Services ", "19:a2@thread.tacv2")]
    [InlineData("unique", "19:c1@thread.tacv2")]
    public void ByName_IgnoresCaseSpacingAndApostrophes(string typed, string expected) =>
        Assert.Equal(expected, Assert.IsType<ChannelPick.Found>(Resolve(new ChannelRef.ByName(typed))).Channel.ChannelId);

    [Fact]
    public void ByName_TwoChannelsOfThatName_ListsBothAsTeamSlashChannel()
    {
        var pick = Assert.IsType<ChannelPick.Ambiguous>(Resolve(new ChannelRef.ByName("Partnership board")));

        Assert.Equal(2, pick.Matches.Count);
        Assert.Contains("- **Northshire Partnership / Partnership board**", pick.Message, StringComparison.Ordinal);
        Assert.Contains("- **Youth Justice / Partnership board** (gone)", pick.Message, StringComparison.Ordinal);
        Assert.Contains("Team / Channel", pick.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByName_GeneralInTwoTeams_IsAmbiguousAndTeamSlashGeneralIsNot()
    {
        Assert.IsType<ChannelPick.Ambiguous>(Resolve(new ChannelRef.ByName("General")));
        Assert.Equal(TeamB, Assert.IsType<ChannelPick.Found>(Resolve(new ChannelRef.ByTeamAndChannel("youth justice", "general"))).Channel.ChannelId);
    }

    [Fact]
    public void ByName_NoSuchChannel_SuggestsNamesThatContainIt()
    {
        var pick = Assert.IsType<ChannelPick.NotFound>(Resolve(new ChannelRef.ByName("board")));

        Assert.Contains("Did you mean **Northshire Partnership / Partnership board**", pick.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ByName_MarkdownInTheName_IsShownNotRead()
    {
        var pick = Assert.IsType<ChannelPick.NotFound>(Resolve(new ChannelRef.ByName("[x](https://evil.example)")));

        Assert.Contains("\\[x\\]\\(https://evil.example\\)", pick.Message, StringComparison.Ordinal);
    }
}
