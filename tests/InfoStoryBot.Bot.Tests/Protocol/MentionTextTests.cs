using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.Tests.Protocol;

public sealed class MentionTextTests
{
    private static readonly ChannelAccount Bot = new() { Id = "28:app-id", Name = "InfoStoryBot" };

    private static Activity Message(string text, params Entity[] entities) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Recipient = Bot,
        Entities = entities,
    };

    private static Entity Mention(string id, string name, string? text = null) =>
        new() { Type = "mention", Mentioned = new ChannelAccount { Id = id, Name = name }, Text = text ?? $"<at>{name}</at>" };

    [Fact]
    public void Clean_BotMentioned_RemovesTheMention()
    {
        var activity = Message("<at>InfoStoryBot</at> share a story", Mention("28:app-id", "InfoStoryBot"));

        Assert.Equal("share a story", MentionText.Clean(activity));
    }

    [Fact]
    public void Clean_OtherPersonMentioned_KeepsTheirMention()
    {
        var activity = Message("<at>InfoStoryBot</at> thanks <at>Jo</at>", Mention("28:app-id", "InfoStoryBot"), Mention("29:jo", "Jo"));

        Assert.Equal("thanks <at>Jo</at>", MentionText.Clean(activity));
    }

    [Fact]
    public void Clean_EntityWithoutText_UsesTheMentionedName()
    {
        var activity = Message("<at>InfoStoryBot</at>  help", new Entity { Type = "mention", Mentioned = Bot });

        Assert.Equal("help", MentionText.Clean(activity));
    }

    [Fact]
    public void Clean_EntitiesAndNonBreakingSpaces_AreDecodedAndCollapsed()
    {
        var activity = Message("<at>InfoStoryBot</at>&nbsp;my&nbsp;&nbsp;stories\n", Mention("28:app-id", "InfoStoryBot"));

        Assert.Equal("my stories", MentionText.Clean(activity));
    }

    [Fact]
    public void Clean_MentionTextWithRegexCharacters_IsTreatedLiterally()
    {
        var activity = Message("<at>Info (Story) Bot+</at> help", Mention("28:app-id", "Info (Story) Bot+"));

        Assert.Equal("help", MentionText.Clean(activity));
    }

    [Fact]
    public void Clean_NoText_IsEmpty()
    {
        Assert.Equal("", MentionText.Clean(new Activity { Type = ActivityTypes.Message }));
    }
}
