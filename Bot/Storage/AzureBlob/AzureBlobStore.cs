using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace InfoStoryBot.Bot.Storage.AzureBlob;

/// <summary>
/// The storage seam on Azure Blob Storage (and Azurite), speaking the Blob REST API over Azure.Core's
/// pipeline, because Azure.Storage.Blobs cannot be restored here. Retries (408, 429, 500, 502, 503, 504 and
/// network errors, exponential backoff with jitter) come from the pipeline; 409 and 412 on conditional
/// requests become <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    /// <summary>
    /// Pinned so behaviour does not drift: accepted by Azure and by Azurite 3.37 without --skipApiVersionCheck.
    /// </summary>
    public const string ApiVersion = "2025-01-05";

    private readonly HttpPipeline _pipeline;
    private readonly Uri _containerUri;

    public AzureBlobStore(Uri accountEndpoint, string container, HttpPipelinePolicy authentication, BlobRestClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(accountEndpoint);
        ArgumentException.ThrowIfNullOrEmpty(container);
        options ??= new BlobRestClientOptions();
        AccountEndpoint = accountEndpoint;
        Container = container;
        _containerUri = new Uri(accountEndpoint.AbsoluteUri.TrimEnd('/') + "/" + container);
        _pipeline = HttpPipelineBuilder.Build(options, [new ApiVersionPolicy()], [authentication], new ResponseClassifier());
    }

    public static AzureBlobStore FromConnectionString(string connectionString, string container, BlobRestClientOptions? options = null)
    {
        var parsed = BlobConnectionString.Parse(connectionString);
        return new AzureBlobStore(parsed.BlobEndpoint, container, new SharedKeyPolicy(parsed.AccountName, parsed.AccountKey), options);
    }

    public static AzureBlobStore FromTokenCredential(Uri accountUrl, string container, TokenCredential credential, BlobRestClientOptions? options = null) =>
        new(accountUrl, container, new BearerTokenAuthenticationPolicy(credential, "https://storage.azure.com/.default"), options);

    public Uri AccountEndpoint { get; }

    public string Container { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Put, null, "restype=container");
        await _pipeline.SendAsync(message, cancellationToken);
        var status = message.Response.Status;
        if (status is 201 || (status is 409 && ErrorCode(message.Response) == "ContainerAlreadyExists"))
        {
            return;
        }

        throw Failure(message.Response, "create container " + Container);
    }

    public async Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        using var message = CreateMessage(RequestMethod.Get, name, null);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        return response.Status switch
        {
            200 => new StoredBlob(response.Content.ToMemory(), ETag(response)),
            404 => null,
            _ => throw Failure(response, "read " + name),
        };
    }

    public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        using var message = CreateMessage(RequestMethod.Put, name, null);
        var request = message.Request;
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("Content-Type", "application/octet-stream");
        request.Content = RequestContent.Create(content);
        if (condition.RequireAbsent)
        {
            request.Headers.SetValue("If-None-Match", "*");
        }
        else if (condition.IfMatchETag is not null)
        {
            request.Headers.SetValue("If-Match", condition.IfMatchETag);
        }

        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        return response.Status switch
        {
            201 => ETag(response),
            409 or 412 when condition.RequireAbsent || condition.IfMatchETag is not null =>
                throw new ConcurrencyConflictException(name, $"Conditional write of '{name}' lost: {ErrorCode(response)}."),
            404 when condition.IfMatchETag is not null =>
                throw new ConcurrencyConflictException(name, $"Item '{name}' disappeared since it was read."),
            _ => throw Failure(response, "write " + name),
        };
    }

    public async Task<bool> DeleteAsync(string name, string? ifMatch, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        using var message = CreateMessage(RequestMethod.Delete, name, null);
        if (ifMatch is not null)
        {
            message.Request.Headers.SetValue("If-Match", ifMatch);
        }

        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        return response.Status switch
        {
            202 => true,
            404 when ifMatch is not null => throw new ConcurrencyConflictException(name, $"Item '{name}' disappeared since it was read."),
            404 => false,
            409 or 412 => throw new ConcurrencyConflictException(name, $"Conditional delete of '{name}' lost: {ErrorCode(response)}."),
            _ => throw Failure(response, "delete " + name),
        };
    }

    public async Task<BlobPage> ListAsync(string prefix, int maxResults, string? continuation, CancellationToken cancellationToken)
    {
        BlobNames.ValidatePrefix(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, 5000);

        var query = new StringBuilder("restype=container&comp=list");
        query.Append("&maxresults=").Append(maxResults.ToString(CultureInfo.InvariantCulture));
        if (prefix.Length > 0)
        {
            query.Append("&prefix=").Append(Uri.EscapeDataString(prefix));
        }

        if (!string.IsNullOrEmpty(continuation))
        {
            query.Append("&marker=").Append(Uri.EscapeDataString(continuation));
        }

        using var message = CreateMessage(RequestMethod.Get, null, query.ToString());
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.Status != 200)
        {
            throw Failure(response, "list " + prefix);
        }

        return ParseList(response.ContentStream!);
    }

    public async Task<IBlobLease?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        LeaseRules.ValidateDuration(duration);
        try
        {
            await WriteAsync(name, ReadOnlyMemory<byte>.Empty, WriteCondition.IfAbsent, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The lock item exists already (or is leased, which the acquire below reports).
        }

        using var message = CreateMessage(RequestMethod.Put, name, "comp=lease");
        message.Request.Headers.SetValue("x-ms-lease-action", "acquire");
        message.Request.Headers.SetValue("x-ms-lease-duration", ((int)duration.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        message.Request.Headers.SetValue("x-ms-proposed-lease-id", Guid.NewGuid().ToString());
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        return response.Status switch
        {
            201 => new BlobLease(this, name, Header(response, "x-ms-lease-id")),
            409 => null,
            _ => throw Failure(response, "lease " + name),
        };
    }

    private async Task LeaseActionAsync(string name, string leaseId, string action, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(RequestMethod.Put, name, "comp=lease");
        message.Request.Headers.SetValue("x-ms-lease-action", action);
        message.Request.Headers.SetValue("x-ms-lease-id", leaseId);
        await _pipeline.SendAsync(message, cancellationToken);
        var response = message.Response;
        if (response.Status == 200)
        {
            return;
        }

        if (response.Status is 409 or 412 or 404)
        {
            throw new ConcurrencyConflictException(name, $"The lease on '{name}' was lost: {ErrorCode(response)}.");
        }

        throw Failure(response, action + " lease " + name);
    }

    private HttpMessage CreateMessage(RequestMethod method, string? name, string? query)
    {
        var message = _pipeline.CreateMessage();
        var uri = name is null ? _containerUri.AbsoluteUri : _containerUri.AbsoluteUri + "/" + name;
        if (query is not null)
        {
            uri += "?" + query;
        }

        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(uri));
        return message;
    }

    private static BlobPage ParseList(Stream xml)
    {
        using var reader = XmlReader.Create(xml, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        var root = XDocument.Load(reader).Root ?? throw new InvalidDataException("List Blobs answered with an empty document.");
        var names = root.Element("Blobs")?.Elements("Blob").Select(b => (string?)b.Element("Name") ?? "").ToList() ?? [];
        var next = (string?)root.Element("NextMarker");
        return new BlobPage(names, string.IsNullOrEmpty(next) ? null : next);
    }

    private static string ETag(Response response) =>
        Header(response, "ETag") is { Length: > 0 } etag ? etag : throw new InvalidDataException("Blob service answered without an ETag.");

    private static string Header(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value ?? "" : "";

    private static string ErrorCode(Response response) =>
        Header(response, "x-ms-error-code") is { Length: > 0 } code ? code : response.Status.ToString(CultureInfo.InvariantCulture);

    private RequestFailedException Failure(Response response, string operation) =>
        new(response.Status, $"Blob storage could not {operation} in container '{Container}': {response.Status} {ErrorCode(response)}.", ErrorCode(response), null);

    /// <summary>Added once per call so every attempt carries the same pinned version.</summary>
    private sealed class ApiVersionPolicy : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            message.Request.Headers.SetValue("x-ms-version", ApiVersion);
    }

    private sealed class BlobLease(AzureBlobStore store, string name, string leaseId) : IBlobLease
    {
        private bool _released;

        public string Name => name;

        public string LeaseId => leaseId;

        public Task RenewAsync(CancellationToken cancellationToken) => store.LeaseActionAsync(name, leaseId, "renew", cancellationToken);

        public async Task ReleaseAsync(CancellationToken cancellationToken)
        {
            await store.LeaseActionAsync(name, leaseId, "release", cancellationToken);
            _released = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_released)
            {
                await ReleaseAsync(CancellationToken.None);
            }
        }
    }
}

/// <summary>Pipeline options: exponential retries, five attempts after the first, capped delay.</summary>
public sealed class BlobRestClientOptions : ClientOptions
{
    public BlobRestClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromMilliseconds(200);
        Retry.MaxDelay = TimeSpan.FromSeconds(8);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        Diagnostics.ApplicationId = "InfoStoryBot";
        // Request and response bodies are stories: keep them out of Azure.Core's logs.
        Diagnostics.IsLoggingContentEnabled = false;
    }
}
