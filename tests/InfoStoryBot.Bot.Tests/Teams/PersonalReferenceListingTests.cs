using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Tests.Storage;

namespace InfoStoryBot.Bot.Tests.Teams;

public sealed class PersonalReferenceListingTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task ListPersonal_OnlyPersonalChats_OnePerPerson_UpToTheMax()
    {
        var store = new ConversationReferenceStore(Blobs);
        for (var i = 0; i < 5; i++)
        {
            await store.SaveAsync(Reference($"a:{i}", ConversationTypes.Personal, $"user-{i}"), None);
        }

        await store.SaveAsync(Reference("19:c@thread.tacv2", ConversationTypes.Channel, "user-0"), None);

        var all = await store.ListPersonalAsync(100, None);
        var some = await store.ListPersonalAsync(2, None);

        Assert.Equal(["user-0", "user-1", "user-2", "user-3", "user-4"], all.Select(r => r.User!.AadObjectId).Order(StringComparer.Ordinal));
        Assert.All(all, r => Assert.Equal(ConversationTypes.Personal, r.Conversation!.ConversationType));
        Assert.Equal(2, some.Count);
    }

    private static ConversationReference Reference(string id, string type, string user) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        Conversation = new ConversationAccount { Id = id, ConversationType = type },
        User = new ChannelAccount { Id = "29:" + user, Name = "Person " + user, AadObjectId = user },
        Bot = new ChannelAccount { Id = "28:bot" },
    };
}
