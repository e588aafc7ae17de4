using System.Diagnostics;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Storage.AzureBlob;

namespace InfoStoryBot.Bot.Tests.Storage;

/// <summary>
/// How the Azure store is built on Azure.Storage.Blobs: connection-string forms, account URL with a credential,
/// the pinned service version, the bounded retry policy, and how the SDK's answers map onto the seam. Azurite cannot
/// be made to answer 503 or to ask for a bearer token, so those few tests script the SDK's transport; everything
/// else runs against Azurite, here and in the contract suite.
/// </summary>
public sealed class AzureBlobStoreTests
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly CancellationToken None = CancellationToken.None;

    private static (AzureBlobStore Store, ScriptedTransport Transport) ScriptedStore(params int[] statuses)
    {
        var transport = new ScriptedTransport(statuses);
        var store = AzureBlobStoreFactory.FromConnectionString(
            "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + Convert.ToBase64String(new byte[32]) + ";EndpointSuffix=core.windows.net",
            "infostorybot",
            transport);
        return (store, transport);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Write_TransientStatusThenSuccess_RetriesAndSucceeds(int transient)
    {
        var (store, transport) = ScriptedStore(transient, transient, 201);

        var etag = await store.WriteAsync("a/b.json", Encoding.UTF8.GetBytes("{}"), WriteCondition.Always, None);

        Assert.Equal("\"0x1\"", etag);
        Assert.Equal(3, transport.Requests.Count);
    }

    [Fact]
    public async Task Read_ServerKeepsFailing_GivesUpAfterThreeRetriesWithinSeconds()
    {
        var (store, transport) = ScriptedStore(Enumerable.Repeat(503, 10).ToArray());
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => store.ReadAsync("a", None));

        Assert.Equal(4, transport.Requests.Count);
        Assert.Equal(503, error.Status);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Read_AccountRefusesConnections_FailsAfterFourAttemptsInsideTheReadinessTimeout()
    {
        int port;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var store = AzureBlobStoreFactory.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1",
            "infostorybot");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<AggregateException>(() => store.ReadAsync("a", None));

        Assert.Equal(4, error.InnerExceptions.Count);
        Assert.All(error.InnerExceptions, e => Assert.IsType<RequestFailedException>(e));
        // Health:CheckTimeout defaults to 5 s, and a turn waiting on storage has a person waiting on it.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void ClientOptions_Retry_IsExponentialAndBoundedToAFewSeconds()
    {
        var retry = AzureBlobStoreFactory.CreateClientOptions().Retry;

        Assert.Equal(RetryMode.Exponential, retry.Mode);
        Assert.Equal(3, retry.MaxRetries);
        // Worst case backoff of an unreachable account, before jitter (at most +20 %): 0.2 + 0.4 + 0.8 s.
        var backoff = Enumerable.Range(0, retry.MaxRetries)
            .Select(i => TimeSpan.FromTicks(Math.Min(retry.Delay.Ticks << i, retry.MaxDelay.Ticks)))
            .Aggregate(TimeSpan.Zero, (sum, d) => sum + d);
        Assert.Equal(TimeSpan.FromSeconds(1.4), backoff);
        Assert.InRange(retry.NetworkTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ClientOptions_ServiceVersion_IsPinnedTo20250105()
    {
        Assert.Equal(BlobClientOptions.ServiceVersion.V2025_01_05, AzureBlobStoreFactory.CreateClientOptions().Version);
    }

    [Fact]
    public async Task Request_EveryAttempt_CarriesPinnedVersionAndSdkSharedKeySignature()
    {
        var (store, transport) = ScriptedStore(503, 404);

        Assert.Null(await store.ReadAsync("x/y.json", None));

        Assert.Equal(2, transport.Requests.Count);
        Assert.All(transport.Requests, request =>
        {
            Assert.Equal("2025-01-05", request.Headers["x-ms-version"]);
            Assert.StartsWith("SharedKey acct:", request.Headers["Authorization"], StringComparison.Ordinal);
            Assert.Equal("https://acct.blob.core.windows.net/infostorybot/x/y.json", request.Uri);
        });
    }

    [Theory]
    [InlineData(412, "ConditionNotMet")]
    [InlineData(409, "BlobAlreadyExists")]
    public async Task WriteIfMatch_ConflictStatus_ThrowsConflictWithoutRetry(int status, string code)
    {
        var (store, transport) = ScriptedStore(status);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.WriteAsync("a", Encoding.UTF8.GetBytes("x"), WriteCondition.IfMatch("\"0x9\""), None));

        Assert.Contains(code, conflict.Message, StringComparison.Ordinal);
        Assert.Single(transport.Requests);
        Assert.Equal("\"0x9\"", transport.Requests[0].Headers["If-Match"]);
    }

    [Fact]
    public async Task WriteIfAbsent_Conflict_SentIfNoneMatchStarAndThrowsConflict()
    {
        var (store, transport) = ScriptedStore(409);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.WriteAsync("a", Encoding.UTF8.GetBytes("x"), WriteCondition.IfAbsent, None));

        Assert.Equal("*", transport.Requests.Single().Headers["If-None-Match"]);
    }

    [Fact]
    public async Task WriteUnconditional_Conflict_IsAStorageFailureNotAConcurrencyConflict()
    {
        var (store, _) = ScriptedStore(412);

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => store.WriteAsync("a", Encoding.UTF8.GetBytes("x"), WriteCondition.Always, None));

        Assert.Equal(412, error.Status);
    }

    [Fact]
    public async Task Request_AccountUrlWithCredential_SendsBearerTokenForStorageScope()
    {
        var transport = new ScriptedTransport([404]);
        var credential = new RecordingCredential();
        var store = AzureBlobStoreFactory.FromAccountUrl(new Uri("https://acct.blob.core.windows.net"), "infostorybot", credential, transport);

        await store.ReadAsync("x", None);

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("Bearer token-123", transport.Requests.Single().Headers["Authorization"]);
        Assert.Equal("https://acct.blob.core.windows.net/infostorybot/x", transport.Requests.Single().Uri);
    }

    [Fact]
    public async Task Create_AccountUrlWithRegisteredCredential_UsesThatCredentialAndAccount()
    {
        var transport = new ScriptedTransport([404]);
        var credential = new RecordingCredential();
        var options = new StorageOptions { AccountUrl = "https://isb.blob.core.windows.net", Container = "stories", ManagedIdentityClientId = "00000000-0000-0000-0000-000000000001" };

        var store = AzureBlobStoreFactory.Create(options, credential, transport);
        await store.ReadAsync("x", None);

        Assert.Equal(new Uri("https://isb.blob.core.windows.net"), store.AccountEndpoint);
        Assert.Equal("stories", store.Container);
        Assert.Single(credential.Scopes);
        Assert.Equal("Bearer token-123", transport.Requests.Single().Headers["Authorization"]);
    }

    [Fact]
    public void Create_AccountUrlWithoutRegisteredCredential_BuildsTheStoreWithoutAskingForATokenYet()
    {
        var options = new StorageOptions { AccountUrl = "https://isb.blob.core.windows.net", ManagedIdentityClientId = "00000000-0000-0000-0000-000000000001" };

        var store = AzureBlobStoreFactory.Create(options, registeredCredential: null);

        Assert.Equal(new Uri("https://isb.blob.core.windows.net"), store.AccountEndpoint);
        Assert.Equal("infostorybot", store.Container);
    }

    [Fact]
    public void ConnectionString_DevelopmentStorage_PointsAtAzuriteDefaults()
    {
        var store = AzureBlobStoreFactory.FromConnectionString("UseDevelopmentStorage=true", "infostorybot");

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), store.AccountEndpoint);
    }

    [Fact]
    public async Task ConnectionString_ExplicitAzuriteEndpoint_IsUsedAndSignedForItsAccount()
    {
        var transport = new ScriptedTransport([404]);
        var store = AzureBlobStoreFactory.FromConnectionString(
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:41234/devstoreaccount1;",
            "infostorybot",
            transport);

        await store.ReadAsync("a/b", None);

        Assert.Equal(new Uri("http://127.0.0.1:41234/devstoreaccount1"), store.AccountEndpoint);
        Assert.Equal("http://127.0.0.1:41234/devstoreaccount1/infostorybot/a/b", transport.Requests.Single().Uri);
        Assert.StartsWith("SharedKey devstoreaccount1:", transport.Requests.Single().Headers["Authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectionString_AccountAndSuffix_BuildsBlobEndpoint()
    {
        var store = AzureBlobStoreFactory.FromConnectionString(
            $"DefaultEndpointsProtocol=https;AccountName=isb;AccountKey={Convert.ToBase64String(new byte[8])};EndpointSuffix=core.windows.net",
            "infostorybot");

        Assert.Equal(new Uri("https://isb.blob.core.windows.net"), store.AccountEndpoint);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=isb;AccountKey=AAAAAAAAAAA=;EndpointSuffix=core.windows.net")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=AAAAAAAAAAA=;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1")]
    public void ConnectionStringProblem_UsableForm_IsNull(string connectionString)
    {
        Assert.Null(AzureBlobStoreFactory.ConnectionStringProblem(connectionString));
    }

    [Theory]
    [InlineData("AccountName=isb")]
    [InlineData("AccountKey=c2VjcmV0LWtleQ==")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=isb;AccountKey=not base64 c2VjcmV0LWtleQ!;EndpointSuffix=core.windows.net")]
    [InlineData("garbage c2VjcmV0LWtleQ")]
    public void ConnectionStringProblem_Unusable_SaysWhatFormsWorkAndNeverRepeatsTheKey(string connectionString)
    {
        var problem = AzureBlobStoreFactory.ConnectionStringProblem(connectionString);

        Assert.NotNull(problem);
        Assert.Contains("UseDevelopmentStorage=true", problem, StringComparison.Ordinal);
        Assert.Contains("Storage:AccountUrl", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0LWtleQ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5001)]
    public async Task List_MaxResultsOutsideAzureRange_ThrowsWithoutARequest(int maxResults)
    {
        var (store, transport) = ScriptedStore(200);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync("a/", maxResults, null, None));

        Assert.Empty(transport.Requests);
    }

    private sealed class RecordingCredential : TokenCredential
    {
        public List<string> Scopes { get; } = [];

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            Scopes.AddRange(requestContext.Scopes);
            return new AccessToken("token-123", DateTimeOffset.UtcNow.AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(GetToken(requestContext, cancellationToken));
    }

    /// <summary>Answers each request with the next scripted status and records what the SDK sent.</summary>
    private sealed class ScriptedTransport(int[] statuses) : HttpPipelineTransport
    {
        private int _next;

        public List<(string Uri, Dictionary<string, string> Headers)> Requests { get; } = [];

        public override Request CreateRequest() => new HttpClientTransport().CreateRequest();

        public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            Requests.Add((message.Request.Uri.ToString(), message.Request.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase)));
            var status = statuses[Math.Min(_next++, statuses.Length - 1)];
            message.Response = new ScriptedResponse(status);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class ScriptedResponse(int status) : Response
    {
        private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["ETag"] = "\"0x1\"",
            ["Last-Modified"] = "Mon, 02 Mar 2026 09:00:00 GMT",
            ["x-ms-error-code"] = status switch { 412 => "ConditionNotMet", 409 => "BlobAlreadyExists", 404 => "BlobNotFound", _ => "Scripted" },
        };

        public override int Status => status;

        public override string ReasonPhrase => "scripted";

        public override Stream? ContentStream { get; set; } = new MemoryStream();

        public override string ClientRequestId { get; set; } = "";

        public override void Dispose()
        {
        }

        protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

        protected override bool TryGetHeader(string name, out string value) => _headers.TryGetValue(name, out value!);

        protected override bool TryGetHeaderValues(string name, out IEnumerable<string> values)
        {
            var found = _headers.TryGetValue(name, out var value);
            values = found ? [value!] : [];
            return found;
        }
    }
}

/// <summary>What the SDK store must do on a real Azurite beyond the contract suite: lease hand-over and paging.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureBlobStoreAzuriteTests(AzuriteFixture azurite)
{
    private static readonly CancellationToken None = CancellationToken.None;

    [Fact]
    public async Task EveryOperation_OnAzurite_IsOneRequestExceptTheLeaseThatCreatesItsLockItem()
    {
        var transport = new CountingTransport();
        var store = AzureBlobStoreFactory.FromConnectionString(azurite.Azurite.ConnectionString, "c" + Guid.NewGuid().ToString("N"), transport);
        await store.InitializeAsync(None);

        async Task<int> Requests(Func<Task> operation)
        {
            var before = transport.Count;
            await operation();
            return transport.Count - before;
        }

        var etag = "";
        Assert.Equal(1, await Requests(async () => etag = await store.WriteAsync("a/1", Encoding.UTF8.GetBytes("1"), WriteCondition.IfAbsent, None)));
        Assert.Equal(1, await Requests(async () => Assert.NotNull(await store.ReadAsync("a/1", None))));
        Assert.Equal(1, await Requests(async () => Assert.Null(await store.ReadAsync("a/missing", None))));
        Assert.Equal(1, await Requests(async () => etag = await store.WriteAsync("a/1", Encoding.UTF8.GetBytes("2"), WriteCondition.IfMatch(etag), None)));
        Assert.Equal(1, await Requests(async () => Assert.Equal(["a/1"], (await store.ListAsync("a/", 10, null, None)).Names)));
        Assert.Equal(1, await Requests(async () => Assert.True(await store.DeleteAsync("a/1", etag, None))));
        IBlobLease? lease = null;
        Assert.Equal(2, await Requests(async () => lease = await store.TryAcquireLeaseAsync("locks/count", TimeSpan.FromSeconds(15), None)));
        Assert.Equal(1, await Requests(() => lease!.RenewAsync(None)));
        Assert.Equal(1, await Requests(() => lease!.ReleaseAsync(None)));
    }

    [Fact]
    public async Task Lease_DisposedWithoutRelease_IsReleasedForTheNextHolder()
    {
        var store = await azurite.NewStoreAsync();
        await using (var first = await store.TryAcquireLeaseAsync("locks/dispose", TimeSpan.FromSeconds(60), None))
        {
            Assert.NotNull(first);
            Assert.Null(await store.TryAcquireLeaseAsync("locks/dispose", TimeSpan.FromSeconds(60), None));
        }

        await using var second = await store.TryAcquireLeaseAsync("locks/dispose", TimeSpan.FromSeconds(60), None);
        Assert.NotNull(second);
    }

    [Fact]
    public async Task Lease_ReleaseAfterAnotherTookOver_ThrowsConflictAndLeavesTheNewHolder()
    {
        var store = await azurite.NewStoreAsync();
        var first = await store.TryAcquireLeaseAsync("locks/release", TimeSpan.FromSeconds(15), None);
        Assert.NotNull(first);
        await first.ReleaseAsync(None);
        await using var second = await store.TryAcquireLeaseAsync("locks/release", TimeSpan.FromSeconds(15), None);
        Assert.NotNull(second);

        var lost = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => first.ReleaseAsync(None));

        Assert.Equal("locks/release", lost.Key);
        Assert.Null(await store.TryAcquireLeaseAsync("locks/release", TimeSpan.FromSeconds(15), None));
        await second.RenewAsync(None);
    }

    [Fact]
    public async Task Lease_LockItemAlreadyThere_IsAcquiredAndStaysEmpty()
    {
        var store = await azurite.NewStoreAsync();
        var first = await store.TryAcquireLeaseAsync("locks/again", TimeSpan.FromSeconds(15), None);
        Assert.NotNull(first);
        await first.ReleaseAsync(None);

        await using var second = await store.TryAcquireLeaseAsync("locks/again", TimeSpan.FromSeconds(15), None);

        Assert.NotNull(second);
        Assert.Equal(0, (await store.ReadAsync("locks/again", None))!.Content.Length);
    }

    [Fact]
    public async Task List_PagesOfOneAndTwo_ContinueInOrdinalOrderWithoutRepeats()
    {
        var store = await azurite.NewStoreAsync();
        string[] names = ["k/b", "k/B", "k/a-", "k/a/1", "k/a0", "k/~", "other/x"];
        foreach (var name in names)
        {
            await store.WriteAsync(name, Encoding.UTF8.GetBytes(name), WriteCondition.Always, None);
        }

        foreach (var size in new[] { 1, 2 })
        {
            var seen = new List<string>();
            string? continuation = null;
            var pages = 0;
            do
            {
                var page = await store.ListAsync("k/", size, continuation, None);
                Assert.InRange(page.Names.Count, 0, size);
                seen.AddRange(page.Names);
                continuation = page.Continuation;
                pages++;
            }
            while (continuation is not null && pages < 20);

            Assert.Equal(["k/B", "k/a-", "k/a/1", "k/a0", "k/b", "k/~"], seen);
        }
    }

    /// <summary>The SDK's own HTTP transport, counting the requests that reach Azurite (retries included).</summary>
    private sealed class CountingTransport : HttpPipelineTransport
    {
        private readonly HttpClientTransport _inner = new();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override Request CreateRequest() => _inner.CreateRequest();

        public override void Process(HttpMessage message)
        {
            Interlocked.Increment(ref _count);
            _inner.Process(message);
        }

        public override ValueTask ProcessAsync(HttpMessage message)
        {
            Interlocked.Increment(ref _count);
            return _inner.ProcessAsync(message);
        }
    }
}
