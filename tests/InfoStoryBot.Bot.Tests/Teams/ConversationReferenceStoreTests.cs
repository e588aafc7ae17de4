using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Tests.Storage;

namespace InfoStoryBot.Bot.Tests.Teams;

public sealed class ConversationReferenceStoreTests : StorageBackend
{
    private static readonly CancellationToken None = CancellationToken.None;

    private ConversationReferenceStore Store => new(Blobs);

    private static ConversationReference Personal(string conversationId, string user, string serviceUrl = "https://smba.trafficmanager.net/uk/") => new()
    {
        ChannelId = "msteams",
        ServiceUrl = serviceUrl,
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = ConversationTypes.Personal, TenantId = "tenant" },
        User = new ChannelAccount { Id = "29:" + user, AadObjectId = user },
        Bot = new ChannelAccount { Id = "28:bot" },
    };

    [Fact]
    public async Task Save_Personal_FoundByConversationAndByUser()
    {
        var reference = Personal("a:1Abc;x@y", "user-1");

        await Store.SaveAsync(reference, None);

        Assert.Equal("https://smba.trafficmanager.net/uk/", (await Store.GetAsync("a:1Abc;x@y", None))!.ServiceUrl);
        Assert.Equal("a:1Abc;x@y", (await Store.GetPersonalAsync("user-1", None))!.Conversation!.Id);
    }

    [Fact]
    public async Task Save_Again_RefreshesServiceUrl()
    {
        await Store.SaveAsync(Personal("a:1", "user-1"), None);

        await Store.SaveAsync(Personal("a:1", "user-1", "https://smba.trafficmanager.net/emea/"), None);

        Assert.Equal("https://smba.trafficmanager.net/emea/", (await Store.GetPersonalAsync("user-1", None))!.ServiceUrl);
    }

    [Fact]
    public async Task Save_Channel_NotFiledAsPersonal()
    {
        var channel = Personal("19:abc@thread.tacv2", "user-1") with
        {
            Conversation = new ConversationAccount { Id = "19:abc@thread.tacv2", ConversationType = ConversationTypes.Channel },
        };

        await Store.SaveAsync(channel, None);

        Assert.NotNull(await Store.GetAsync("19:abc@thread.tacv2", None));
        Assert.Null(await Store.GetPersonalAsync("user-1", None));
    }

    [Fact]
    public async Task Delete_Personal_ForgetsBothEntries()
    {
        await Store.SaveAsync(Personal("a:1", "user-1"), None);

        await Store.DeleteAsync("a:1", None);

        Assert.Null(await Store.GetAsync("a:1", None));
        Assert.Null(await Store.GetPersonalAsync("user-1", None));
        Assert.Empty(await AllNamesAsync());
    }

    [Fact]
    public async Task Delete_OldConversationAfterReinstall_KeepsNewPersonalReference()
    {
        await Store.SaveAsync(Personal("a:old", "user-1"), None);
        await Store.SaveAsync(Personal("a:new", "user-1"), None);

        await Store.DeleteAsync("a:old", None);

        Assert.Equal("a:new", (await Store.GetPersonalAsync("user-1", None))!.Conversation!.Id);
    }

    [Fact]
    public async Task Save_WithoutConversationId_ThrowsArgumentException()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveAsync(new ConversationReference(), None));
    }
}
