using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Storage.AzureBlob;

namespace InfoStoryBot.Bot.Tests.Storage;

/// <summary>
/// Retries, error mapping and credentials of the REST client. Azurite cannot be made to answer 503 or to ask for a
/// bearer token, so these few tests script the transport; everything else runs against Azurite in the contract suite.
/// </summary>
public sealed class AzureBlobStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private static (AzureBlobStore Store, ScriptedTransport Transport) SharedKeyStore(params int[] statuses)
    {
        var transport = new ScriptedTransport(statuses);
        var options = new BlobRestClientOptions { Transport = transport };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        var store = AzureBlobStore.FromConnectionString(
            "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + Convert.ToBase64String(new byte[32]) + ";EndpointSuffix=core.windows.net",
            "infostorybot",
            options);
        return (store, transport);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task Write_TransientStatusThenSuccess_RetriesAndSucceeds(int transient)
    {
        var (store, transport) = SharedKeyStore(transient, transient, 201);

        var etag = await store.WriteAsync("a/b.json", Encoding.UTF8.GetBytes("{}"), WriteCondition.Always, None);

        Assert.Equal("\"0x1\"", etag);
        Assert.Equal(3, transport.Requests.Count);
    }

    [Fact]
    public async Task Read_ServerKeepsFailing_GivesUpAfterRetriesWithClearError()
    {
        var (store, transport) = SharedKeyStore(Enumerable.Repeat(503, 10).ToArray());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => store.ReadAsync("a", None));

        Assert.Equal(6, transport.Requests.Count);
        Assert.Contains("503", error.Message, StringComparison.Ordinal);
        Assert.Contains("infostorybot", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(412)]
    [InlineData(409)]
    public async Task WriteIfMatch_PreconditionFailed_ThrowsConflictWithoutRetry(int status)
    {
        var (store, transport) = SharedKeyStore(status);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.WriteAsync("a", Encoding.UTF8.GetBytes("x"), WriteCondition.IfMatch("\"0x9\""), None));

        Assert.Single(transport.Requests);
        Assert.Equal("\"0x9\"", transport.Requests[0].Headers["If-Match"]);
    }

    [Fact]
    public async Task Request_SharedKey_CarriesPinnedVersionDateAndSignature()
    {
        var (store, transport) = SharedKeyStore(404);

        await store.ReadAsync("x/y.json", None);

        var request = transport.Requests.Single();
        Assert.Equal("2025-01-05", request.Headers["x-ms-version"]);
        Assert.True(request.Headers.ContainsKey("x-ms-date"));
        Assert.StartsWith("SharedKey acct:", request.Headers["Authorization"], StringComparison.Ordinal);
        Assert.Equal("https://acct.blob.core.windows.net/infostorybot/x/y.json", request.Uri);
    }

    [Fact]
    public async Task Request_TokenCredential_SendsBearerTokenForStorageScope()
    {
        var transport = new ScriptedTransport([404]);
        var credential = new RecordingCredential();
        var store = AzureBlobStore.FromTokenCredential(new Uri("https://acct.blob.core.windows.net"), "infostorybot", credential, new BlobRestClientOptions { Transport = transport });

        await store.ReadAsync("x", None);

        Assert.Equal(["https://storage.azure.com/.default"], credential.Scopes);
        Assert.Equal("Bearer token-123", transport.Requests.Single().Headers["Authorization"]);
    }

    [Fact]
    public void ConnectionString_DevelopmentStorage_PointsAtAzuriteDefaults()
    {
        var parsed = BlobConnectionString.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", parsed.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), parsed.BlobEndpoint);
        Assert.Equal(64, parsed.AccountKey.Length);
    }

    [Fact]
    public void ConnectionString_ExplicitAzuriteEndpoint_IsUsed()
    {
        var parsed = BlobConnectionString.Parse(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + BlobConnectionString.DevelopmentAccountKey
            + ";BlobEndpoint=http://127.0.0.1:41234/devstoreaccount1;");

        Assert.Equal(new Uri("http://127.0.0.1:41234/devstoreaccount1"), parsed.BlobEndpoint);
    }

    [Fact]
    public void ConnectionString_AccountAndSuffix_BuildsBlobEndpoint()
    {
        var parsed = BlobConnectionString.Parse($"DefaultEndpointsProtocol=https;AccountName=isb;AccountKey={Convert.ToBase64String(new byte[8])};EndpointSuffix=core.windows.net");

        Assert.Equal(new Uri("https://isb.blob.core.windows.net"), parsed.BlobEndpoint);
    }

    [Theory]
    [InlineData("AccountName=isb")]
    [InlineData("AccountKey=abcd")]
    [InlineData("AccountName=isb;AccountKey=not base64!")]
    [InlineData("garbage")]
    public void ConnectionString_Unusable_ThrowsFormatExceptionSayingWhy(string connectionString)
    {
        var error = Assert.Throws<FormatException>(() => BlobConnectionString.Parse(connectionString));

        Assert.Contains("connection string", error.Message, StringComparison.OrdinalIgnoreCase);
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

    /// <summary>Answers each request with the next scripted status and records what was sent.</summary>
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
            ["x-ms-error-code"] = status switch { 412 => "ConditionNotMet", 409 => "BlobAlreadyExists", _ => "Scripted" },
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
