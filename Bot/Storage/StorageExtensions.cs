using Azure.Core;
using InfoStoryBot.Bot.Storage.AzureBlob;
using InfoStoryBot.Bot.Storage.Local;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Storage;

public static class StorageExtensions
{
    /// <summary>
    /// The one blob store every purpose-named store sits on: Azure Blob Storage when Storage:ConnectionString or
    /// Storage:AccountUrl is set (and then nothing is written locally), otherwise a local folder (Storage:LocalPath,
    /// default ".data" under the content root). Each feature registers its own stores in its own Add…().
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        var contentRoot = builder.Environment.ContentRootPath;
        services.AddSingleton<IBlobStore>(sp => CreateBlobStore(sp, contentRoot));
        services.AddSingleton<IStorageProbe>(sp => new StorageProbe(sp.GetRequiredService<IBlobStore>(), Describe(sp.GetRequiredService<IBlobStore>())));
        services.AddHostedService<StorageInitializer>();
        return builder;
    }

    private static IBlobStore CreateBlobStore(IServiceProvider services, string contentRoot)
    {
        var options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        if (options.UsesAzure)
        {
            return AzureBlobStoreFactory.Create(options, services.GetService<TokenCredential>());
        }

        var path = string.IsNullOrWhiteSpace(options.LocalPath)
            ? Path.Combine(contentRoot, ".data")
            : Path.GetFullPath(options.LocalPath, contentRoot);
        return new LocalFolderBlobStore(path, services.GetRequiredService<TimeProvider>());
    }

    private static string Describe(IBlobStore store) => store switch
    {
        LocalFolderBlobStore local => $"local folder {local.Root}",
        AzureBlobStore azure => $"Azure Blob Storage {azure.AccountEndpoint.GetLeftPart(UriPartial.Path).TrimEnd('/')}, container {azure.Container}",
        _ => store.GetType().Name,
    };
}
