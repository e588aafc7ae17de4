using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Tests.Teams;

public sealed class TeamChannelSyncTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Earlier = new(2027, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static TeamRecord Team(params ChannelRecord[] channels) => new()
    {
        TeamId = "19:t@thread.tacv2",
        Name = "Old name",
        ServiceUrl = "https://smba.example/amer/",
        InstalledAt = Earlier,
        Channels = channels,
    };

    [Fact]
    public void Merge_ListedChannels_TakeTheirNamesKeepMutingAndAreNoLongerGone()
    {
        var team = Team(
            new ChannelRecord("19:t@thread.tacv2", null),
            new ChannelRecord("19:a@thread.tacv2", "Old", Muted: true, Gone: new ChannelGone(Earlier, ChannelGoneReason.Deleted)));

        var merged = TeamChannelSync.Merge(team, [new ChannelInfo { Id = "19:t@thread.tacv2" }, new ChannelInfo { Id = "19:a@thread.tacv2", Name = "New" }], new TeamDetails { Name = "New name" }, Now);

        Assert.Equal("New name", merged.Name);
        Assert.Equal(new ChannelRecord("19:a@thread.tacv2", "New", Muted: true), merged.Channels[1]);
    }

    [Fact]
    public void Merge_ChannelMissingFromTheList_IsKeptAndMarkedGoneOnce()
    {
        var team = Team(new ChannelRecord("19:t@thread.tacv2", null), new ChannelRecord("19:a@thread.tacv2", "A"), new ChannelRecord("19:b@thread.tacv2", "B", Gone: new ChannelGone(Earlier, ChannelGoneReason.Deleted)));

        var merged = TeamChannelSync.Merge(team, [new ChannelInfo { Id = "19:t@thread.tacv2" }], null, Now);

        Assert.Equal("Old name", merged.Name);
        Assert.Equal(new ChannelGone(Now, ChannelGoneReason.NotInTeam), merged.Channels.Single(c => c.ChannelId == "19:a@thread.tacv2").Gone);
        Assert.Equal(new ChannelGone(Earlier, ChannelGoneReason.Deleted), merged.Channels.Single(c => c.ChannelId == "19:b@thread.tacv2").Gone);
    }

    [Fact]
    public void Merge_ArchivedTeam_StaysGoneWhateverTheListSays()
    {
        var archived = new ChannelGone(Earlier, ChannelGoneReason.TeamArchived);
        var team = Team(new ChannelRecord("19:t@thread.tacv2", null, Gone: archived));

        var merged = TeamChannelSync.Merge(team, [new ChannelInfo { Id = "19:t@thread.tacv2" }], null, Now);

        Assert.Equal(archived, merged.Channels[0].Gone);
    }
}
