using Azure;
using Azure.Core;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace InfoStoryBot.Bot.Storage.AzureBlob;

/// <summary>
/// The storage seam on Azure Blob Storage (and Azurite), through Microsoft's Azure.Storage.Blobs. The SDK signs,
/// retries and parses; this class only maps its answers onto the seam's meaning: 409 and 412 on a conditional
/// request become <see cref="ConcurrencyConflictException"/>, 404 on a read is "not there".
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    private readonly BlobContainerClient _container;

    public AzureBlobStore(BlobServiceClient service, string container)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(container);
        AccountEndpoint = service.Uri;
        Container = container;
        _container = service.GetBlobContainerClient(container);
    }

    public Uri AccountEndpoint { get; }

    public string Container { get; }

    public Task InitializeAsync(CancellationToken cancellationToken) =>
        _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        try
        {
            var result = (await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
            return new StoredBlob(result.Content.ToMemory(), result.Details.ETag.ToString());
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        var conditions = condition.RequireAbsent
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : condition.IfMatchETag is { } etag ? new BlobRequestConditions { IfMatch = new ETag(etag) } : null;
        var options = new BlobUploadOptions
        {
            Conditions = conditions,
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" },
        };

        try
        {
            // A block blob's single Put Blob: one request, whole content, atomic replace.
            using var stream = new BinaryData(content).ToStream();
            var response = await _container.GetBlockBlobClient(name).UploadAsync(stream, options, cancellationToken);
            return response.Value.ETag.ToString();
        }
        catch (RequestFailedException e) when (conditions is not null && e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException(name, $"Conditional write of '{name}' lost: {Code(e)}.", e);
        }
        catch (RequestFailedException e) when (condition.IfMatchETag is not null && e.Status == 404)
        {
            throw new ConcurrencyConflictException(name, $"Item '{name}' disappeared since it was read.", e);
        }
    }

    public async Task<bool> DeleteAsync(string name, string? ifMatch, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        var conditions = ifMatch is null ? null : new BlobRequestConditions { IfMatch = new ETag(ifMatch) };
        try
        {
            await _container.GetBlobClient(name).DeleteAsync(DeleteSnapshotsOption.None, conditions, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return ifMatch is null
                ? false
                : throw new ConcurrencyConflictException(name, $"Item '{name}' disappeared since it was read.", e);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException(name, $"Conditional delete of '{name}' lost: {Code(e)}.", e);
        }
    }

    public async Task<BlobPage> ListAsync(string prefix, int maxResults, string? continuation, CancellationToken cancellationToken)
    {
        BlobNames.ValidatePrefix(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, 5000);

        var options = new GetBlobsOptions
        {
            Prefix = prefix.Length == 0 ? null : prefix,
            // "Auto" may move to Apache Arrow in a later SDK; Azurite and the pinned service version speak XML.
            ResponseFormat = StorageResponseFormat.Xml,
        };
        var pages = _container.GetBlobsAsync(options, cancellationToken)
            .AsPages(string.IsNullOrEmpty(continuation) ? null : continuation, maxResults);
        await foreach (var page in pages.WithCancellation(cancellationToken))
        {
            // The service lists in ordinal (UTF-8 byte) order, which is the seam's order.
            var names = page.Values.Select(b => b.Name).ToList();
            return new BlobPage(names, string.IsNullOrEmpty(page.ContinuationToken) ? null : page.ContinuationToken);
        }

        return new BlobPage([], null);
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

        var lease = _container.GetBlobClient(name).GetBlobLeaseClient(Guid.NewGuid().ToString());
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }

        return new BlobLease(name, lease);
    }

    private static string Code(RequestFailedException e) =>
        string.IsNullOrEmpty(e.ErrorCode) ? e.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) : e.ErrorCode;

    private sealed class BlobLease(string name, BlobLeaseClient lease) : IBlobLease
    {
        private bool _released;

        public string Name => name;

        public string LeaseId => lease.LeaseId;

        public Task RenewAsync(CancellationToken cancellationToken) =>
            LostAsConflict(() => lease.RenewAsync(cancellationToken: cancellationToken));

        public async Task ReleaseAsync(CancellationToken cancellationToken)
        {
            await LostAsConflict(() => lease.ReleaseAsync(cancellationToken: cancellationToken));
            _released = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_released)
            {
                await ReleaseAsync(CancellationToken.None);
            }
        }

        private async Task LostAsConflict(Func<Task> action)
        {
            try
            {
                await action();
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
            {
                throw new ConcurrencyConflictException(name, $"The lease on '{name}' was lost: {Code(e)}.", e);
            }
        }
    }
}
