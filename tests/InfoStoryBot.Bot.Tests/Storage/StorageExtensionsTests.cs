using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Storage.AzureBlob;
using InfoStoryBot.Bot.Storage.Local;
using InfoStoryBot.Bot.Stories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class StorageExtensionsTests(AzuriteFixture azurite) : IDisposable
{
    private readonly TempFolder _contentRoot = new();

    public void Dispose() => _contentRoot.Dispose();

    private IHost Build(Dictionary<string, string?> settings, bool withStories = true)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot.Path, DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.AddStorage();
        if (withStories)
        {
            builder.AddStories();
        }

        return builder.Build();
    }

    [Fact]
    public async Task AddStorage_NothingConfigured_UsesDotDataUnderContentRoot()
    {
        using var host = Build([]);
        await host.StartAsync();

        var probe = host.Services.GetRequiredService<IStorageProbe>();
        var store = Assert.IsType<LocalFolderBlobStore>(host.Services.GetRequiredService<IBlobStore>());
        Assert.Equal(Path.Combine(_contentRoot.Path, ".data"), store.Root);
        Assert.Equal($"local folder {store.Root}", probe.Description);
        Assert.Null(await probe.CheckAsync(CancellationToken.None));
        Assert.True(Directory.Exists(store.Root));
        await host.StopAsync();
    }

    [Fact]
    public async Task AddStorage_ConnectionString_UsesBlobsCreatesContainerAndWritesNothingLocally()
    {
        var container = "di" + Guid.NewGuid().ToString("N")[..10];
        using var host = Build(new() { ["Storage:ConnectionString"] = azurite.Azurite.ConnectionString, ["Storage:Container"] = container });
        await host.StartAsync();

        var store = Assert.IsType<AzureBlobStore>(host.Services.GetRequiredService<IBlobStore>());
        var probe = host.Services.GetRequiredService<IStorageProbe>();
        Assert.Equal(container, store.Container);
        Assert.Contains($"Azure Blob Storage {azurite.Azurite.BlobEndpoint.AbsoluteUri.TrimEnd('/')}, container {container}", probe.Description, StringComparison.Ordinal);
        Assert.Null(await probe.CheckAsync(CancellationToken.None));

        var stories = host.Services.GetRequiredService<IStoryStore>();
        var story = InfoStoryBot.Bot.Tests.Stories.StoryStoreTests.NewStory(1);
        await stories.CreateAsync(story, CancellationToken.None);
        Assert.NotNull(await stories.GetAsync(story.Id, CancellationToken.None));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_contentRoot.Path));
        await host.StopAsync();
    }

    [Fact]
    public void AddStorage_RegistersTheBlobStoreAndNoFeatureStore()
    {
        using var host = Build([], withStories: false);

        Assert.NotNull(host.Services.GetRequiredService<IBlobStore>());
        Assert.NotNull(host.Services.GetRequiredService<IStorageProbe>());
        // Each feature registers its own stores (AddStories, AddCampaigns, AddNudges, AddAdmin); Storage names none.
        Assert.Null(host.Services.GetService<IStoryStore>());
        Assert.Null(host.Services.GetService<ICampaignStore>());
        Assert.Null(host.Services.GetService<IDeliveryLedger>());
        Assert.Null(host.Services.GetService<IAuditLog>());
    }

    [Theory]
    [InlineData("Storage:ConnectionString", "AccountName=x", "AccountKey")]
    [InlineData("Storage:AccountUrl", "http://example.com", "https")]
    [InlineData("Storage:Container", "Bad_Name", "Storage:Container")]
    public async Task AddStorage_BadSetting_FailsStartWithClearMessage(string key, string value, string expected)
    {
        using var host = Build(new() { [key] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStorage_BothConnectionStringAndAccountUrl_FailsStart()
    {
        using var host = Build(new() { ["Storage:ConnectionString"] = "UseDevelopmentStorage=true", ["Storage:AccountUrl"] = "https://a.blob.core.windows.net" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("not both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStorage_BlobServiceUnreachable_FailsStartNamingTheStorage()
    {
        var unreachable = azurite.Azurite.ConnectionString.Replace(azurite.Azurite.BlobEndpoint.ToString(), "http://127.0.0.1:9/devstoreaccount1", StringComparison.Ordinal);
        using var host = Build(new() { ["Storage:ConnectionString"] = unreachable });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync(timeout.Token));

        Assert.Contains("Azure Blob Storage http://127.0.0.1:9/devstoreaccount1", error.Message, StringComparison.Ordinal);
    }
}
