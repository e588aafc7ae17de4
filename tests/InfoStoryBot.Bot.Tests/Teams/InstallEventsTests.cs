using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Teams;

namespace InfoStoryBot.Bot.Tests.Teams;

public sealed class InstallEventsTests
{
    private static readonly ChannelAccount Bot = new() { Id = "28:app-id" };

    [Theory]
    [InlineData("add", InstallEventKind.BotAdded)]
    [InlineData("add-upgrade", InstallEventKind.BotAdded)]
    [InlineData("remove", InstallEventKind.BotRemoved)]
    [InlineData("remove-upgrade", InstallEventKind.BotRemoved)]
    [InlineData("something-new", InstallEventKind.None)]
    public void Classify_InstallationUpdate_ReadsTheAction(string action, InstallEventKind expected)
    {
        var activity = new Activity { Type = ActivityTypes.InstallationUpdate, Action = action, Recipient = Bot };

        Assert.Equal(expected, InstallEvents.Classify(activity));
    }

    [Fact]
    public void Classify_BotAmongMembersAdded_IsBotAdded()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Recipient = Bot,
            MembersAdded = [new ChannelAccount { Id = "29:user" }, new ChannelAccount { Id = "28:app-id" }],
        };

        Assert.Equal(InstallEventKind.BotAdded, InstallEvents.Classify(activity));
    }

    [Fact]
    public void Classify_OnlyAPersonAdded_IsNothingForTheBot()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Recipient = Bot,
            MembersAdded = [new ChannelAccount { Id = "29:user" }],
            ChannelData = new TeamsChannelData { EventType = "teamMemberAdded" },
        };

        Assert.Equal(InstallEventKind.None, InstallEvents.Classify(activity));
    }

    [Theory]
    [InlineData("channelCreated", InstallEventKind.ChannelCreated)]
    [InlineData("channelRenamed", InstallEventKind.ChannelRenamed)]
    [InlineData("channelDeleted", InstallEventKind.ChannelDeleted)]
    [InlineData("channelRestored", InstallEventKind.ChannelRestored)]
    [InlineData("teamRenamed", InstallEventKind.TeamRenamed)]
    [InlineData("teamDeleted", InstallEventKind.TeamDeleted)]
    [InlineData("teamHardDeleted", InstallEventKind.TeamHardDeleted)]
    [InlineData("teamRestored", InstallEventKind.TeamRestored)]
    [InlineData("teamArchived", InstallEventKind.TeamArchived)]
    [InlineData("teamUnarchived", InstallEventKind.TeamUnarchived)]
    [InlineData("teamarchived", InstallEventKind.TeamArchived)]
    [InlineData("CHANNELRESTORED", InstallEventKind.ChannelRestored)]
    [InlineData("channelShared", InstallEventKind.None)]
    public void Classify_ChannelAndTeamEvents_ReadTheEventType(string eventType, InstallEventKind expected)
    {
        var activity = new Activity { Type = ActivityTypes.ConversationUpdate, Recipient = Bot, ChannelData = new TeamsChannelData { EventType = eventType } };

        Assert.Equal(expected, InstallEvents.Classify(activity));
    }
}
