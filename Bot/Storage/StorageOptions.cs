using System.Text.RegularExpressions;
using InfoStoryBot.Bot.Storage.AzureBlob;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Storage;

/// <summary>
/// Section "Storage". With a connection string or an account URL the bot uses Azure Blob Storage and writes
/// nothing locally; with neither it uses a local folder.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Shared Key connection string, <c>UseDevelopmentStorage=true</c>, or explicit Azurite endpoints (parsed by Azure.Storage.Blobs).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>e.g. https://account.blob.core.windows.net, used with managed identity / DefaultAzureCredential.</summary>
    public string? AccountUrl { get; set; }

    /// <summary>Client id of a user-assigned managed identity, when AccountUrl is used with one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    public string Container { get; set; } = "infostorybot";

    /// <summary>Defaults to ".data" under the content root (git-ignored).</summary>
    public string? LocalPath { get; set; }

    public bool UsesAzure => !string.IsNullOrWhiteSpace(ConnectionString) || !string.IsNullOrWhiteSpace(AccountUrl);
}

internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString) && !string.IsNullOrWhiteSpace(options.AccountUrl))
        {
            errors.Add("Set either Storage:ConnectionString or Storage:AccountUrl, not both.");
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (AzureBlobStoreFactory.ConnectionStringProblem(options.ConnectionString) is { } problem)
            {
                errors.Add("Storage:ConnectionString is not usable: " + problem);
            }
        }

        if (!string.IsNullOrWhiteSpace(options.AccountUrl))
        {
            // https only, loopback included: the SDK never sends a bearer token over plain http.
            if (!Uri.TryCreate(options.AccountUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            {
                errors.Add($"Storage:AccountUrl '{options.AccountUrl}' must be an absolute https URL such as https://myaccount.blob.core.windows.net.");
            }
        }

        if (!ContainerName().IsMatch(options.Container ?? "") || options.Container!.Contains("--", StringComparison.Ordinal))
        {
            errors.Add($"Storage:Container '{options.Container}' must be 3-63 lower-case letters, digits and single hyphens, starting with a letter or digit.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex ContainerName();
}
