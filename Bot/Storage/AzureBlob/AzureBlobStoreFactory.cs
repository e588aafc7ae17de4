using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace InfoStoryBot.Bot.Storage.AzureBlob;

/// <summary>
/// Builds the Azure store from Storage settings, with the one set of client options every blob request uses:
/// the pinned service version and the bounded retry policy live here and nowhere else.
/// </summary>
public static class AzureBlobStoreFactory
{
    /// <summary>
    /// Azurite 3.37 refuses the SDK's default (2026-10-06) unless started with --skipApiVersionCheck; 2025-01-05
    /// is accepted by Azurite and Azure alike, and pinning it keeps behaviour from drifting with SDK updates.
    /// </summary>
    public const BlobClientOptions.ServiceVersion ServiceVersion = BlobClientOptions.ServiceVersion.V2025_01_05;

    /// <summary>
    /// Retries 408, 429, 5xx and network errors, at most <c>MaxRetries</c> times after the first attempt. Kept short on
    /// purpose: a turn runs while a person waits, and readiness checks give up after 5 s, so an unreachable account
    /// must fail the turn in about a second and a half of backoff (0.2 + 0.4 + 0.8 s, with jitter), not minutes.
    /// </summary>
    public static BlobClientOptions CreateClientOptions(HttpPipelineTransport? transport = null)
    {
        var options = new BlobClientOptions(ServiceVersion);
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(2);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(10);
        options.Diagnostics.ApplicationId = "InfoStoryBot";
        // Request and response bodies are stories: keep them out of Azure.Core's logs.
        options.Diagnostics.IsLoggingContentEnabled = false;
        if (transport is not null)
        {
            options.Transport = transport;
        }

        return options;
    }

    /// <summary>
    /// Azure when Storage:ConnectionString or Storage:AccountUrl is set. With an account URL, a credential the host
    /// registered (tests, a custom setup) wins over DefaultAzureCredential (with the user-assigned identity, if named).
    /// </summary>
    public static AzureBlobStore Create(StorageOptions options, TokenCredential? registeredCredential, HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return FromConnectionString(options.ConnectionString, options.Container, transport);
        }

        if (string.IsNullOrWhiteSpace(options.AccountUrl))
        {
            throw new InvalidOperationException("Azure Blob Storage needs Storage:ConnectionString or Storage:AccountUrl.");
        }

        var credential = registeredCredential ?? new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId) ? null : options.ManagedIdentityClientId,
        });
        return FromAccountUrl(new Uri(options.AccountUrl), options.Container, credential, transport);
    }

    /// <summary>Shared Key, <c>UseDevelopmentStorage=true</c>, explicit endpoints or SAS: whatever the SDK accepts.</summary>
    public static AzureBlobStore FromConnectionString(string connectionString, string container, HttpPipelineTransport? transport = null) =>
        new(new BlobServiceClient(connectionString, CreateClientOptions(transport)), container);

    public static AzureBlobStore FromAccountUrl(Uri accountUrl, string container, TokenCredential credential, HttpPipelineTransport? transport = null) =>
        new(new BlobServiceClient(accountUrl, credential, CreateClientOptions(transport)), container);

    /// <summary>
    /// Why the SDK cannot use this connection string, or null when it can. The SDK's own parser decides; the
    /// answer adds the forms we expect, and never repeats the string (it may hold a key).
    /// </summary>
    public static string? ConnectionStringProblem(string connectionString)
    {
        try
        {
            _ = new BlobServiceClient(connectionString, CreateClientOptions());
            return null;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException or UriFormatException)
        {
            return $"{e.Message} Use a Shared Key connection string (DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…;"
                + "EndpointSuffix=core.windows.net), one with explicit endpoints (…;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1), "
                + "or UseDevelopmentStorage=true for Azurite; for a managed identity set Storage:AccountUrl instead.";
        }
    }
}
