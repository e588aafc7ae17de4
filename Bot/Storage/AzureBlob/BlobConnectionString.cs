namespace InfoStoryBot.Bot.Storage.AzureBlob;

/// <summary>
/// The parts of an Azure Storage connection string that the blob client needs. Accepts
/// <c>UseDevelopmentStorage=true</c> (Azurite on its default port), explicit Azurite endpoints
/// (<c>AccountName=devstoreaccount1;AccountKey=...;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1</c>),
/// and the usual <c>DefaultEndpointsProtocol=https;AccountName=...;AccountKey=...;EndpointSuffix=core.windows.net</c>.
/// </summary>
public sealed record BlobConnectionString(string AccountName, byte[] AccountKey, Uri BlobEndpoint)
{
    // Azurite's well-known development account, published in Microsoft's Azurite documentation.
    public const string DevelopmentAccountName = "devstoreaccount1";
    public const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static BlobConnectionString Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                throw new FormatException($"Storage connection string part '{Redact(pair)}' is not key=value.");
            }

            parts[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var proxy = parts.GetValueOrDefault("DevelopmentStorageProxyUri") ?? "http://127.0.0.1";
            var host = new Uri(proxy);
            return new BlobConnectionString(
                DevelopmentAccountName,
                Convert.FromBase64String(DevelopmentAccountKey),
                new Uri($"{host.Scheme}://{host.Host}:10000/{DevelopmentAccountName}"));
        }

        if (!parts.TryGetValue("AccountName", out var account) || account.Length == 0)
        {
            throw new FormatException("Storage connection string has no AccountName (or UseDevelopmentStorage=true).");
        }

        if (!parts.TryGetValue("AccountKey", out var key) || key.Length == 0)
        {
            throw new FormatException(
                "Storage connection string has no AccountKey. For managed identity, set Storage:AccountUrl instead.");
        }

        byte[] keyBytes;
        try
        {
            keyBytes = Convert.FromBase64String(key);
        }
        catch (FormatException e)
        {
            throw new FormatException("Storage connection string's AccountKey is not base64.", e);
        }

        Uri endpoint;
        if (parts.TryGetValue("BlobEndpoint", out var blobEndpoint))
        {
            if (!Uri.TryCreate(blobEndpoint, UriKind.Absolute, out endpoint!))
            {
                throw new FormatException($"Storage connection string's BlobEndpoint '{blobEndpoint}' is not an absolute URL.");
            }
        }
        else
        {
            var protocol = parts.GetValueOrDefault("DefaultEndpointsProtocol") ?? "https";
            var suffix = parts.GetValueOrDefault("EndpointSuffix") ?? "core.windows.net";
            endpoint = new Uri($"{protocol}://{account}.blob.{suffix}");
        }

        return new BlobConnectionString(account, keyBytes, endpoint);
    }

    private static string Redact(string pair) => pair.Length > 12 ? pair[..12] + "..." : pair;
}
