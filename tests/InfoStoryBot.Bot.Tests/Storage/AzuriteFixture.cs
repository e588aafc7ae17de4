using InfoStoryBot.Bot.Storage.AzureBlob;
using InfoStoryBot.Testing;

namespace InfoStoryBot.Bot.Tests.Storage;

/// <summary>One Azurite for every test class in the collection; each test gets its own container.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    internal Azurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite did not start.");

    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    public async Task<AzureBlobStore> NewStoreAsync()
    {
        var store = AzureBlobStoreFactory.FromConnectionString(Azurite.ConnectionString, "t" + Guid.NewGuid().ToString("N"));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
