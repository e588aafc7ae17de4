using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace InfoStoryBot.Bot.Storage.AzureBlob;

/// <summary>
/// Signs each attempt with Shared Key, as the "Authorize with Shared Key" page of the Azure Storage REST docs
/// describes (blob service, version 2009-09-19 and later): HMAC-SHA256 over the verb, the standard headers,
/// the canonicalised x-ms-* headers and the canonicalised resource. Runs per retry because x-ms-date changes.
/// </summary>
internal sealed class SharedKeyPolicy(string accountName, byte[] accountKey) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.SetValue("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        var signature = Sign(StringToSign(request));
        request.Headers.SetValue("Authorization", $"SharedKey {accountName}:{signature}");
    }

    internal string StringToSign(Request request)
    {
        long contentLength = 0;
        request.Content?.TryComputeLength(out contentLength);

        var builder = new StringBuilder();
        builder.Append(request.Method.Method).Append('\n');
        builder.Append(Header(request, "Content-Encoding")).Append('\n');
        builder.Append(Header(request, "Content-Language")).Append('\n');
        // Since version 2015-02-21 a zero length is signed as an empty string.
        builder.Append(contentLength > 0 ? contentLength.ToString(CultureInfo.InvariantCulture) : "").Append('\n');
        builder.Append(Header(request, "Content-MD5")).Append('\n');
        builder.Append(Header(request, "Content-Type")).Append('\n');
        builder.Append('\n'); // Date: x-ms-date is used instead
        builder.Append(Header(request, "If-Modified-Since")).Append('\n');
        builder.Append(Header(request, "If-Match")).Append('\n');
        builder.Append(Header(request, "If-None-Match")).Append('\n');
        builder.Append(Header(request, "If-Unmodified-Since")).Append('\n');
        builder.Append(Header(request, "Range")).Append('\n');

        foreach (var header in request.Headers
                     .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
        {
            builder.Append(header.Name).Append(':').Append(header.Value).Append('\n');
        }

        var uri = request.Uri.ToUri();
        builder.Append('/').Append(accountName).Append(uri.AbsolutePath);
        var query = ParseQuery(uri.Query);
        foreach (var parameter in query.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            builder.Append('\n').Append(parameter.Key).Append(':')
                .Append(string.Join(',', parameter.Value.OrderBy(v => v, StringComparer.Ordinal)));
        }

        return builder.ToString();
    }

    private string Sign(string stringToSign) =>
        Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(stringToSign)));

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : "";

    private static Dictionary<string, List<string>> ParseQuery(string query)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!result.TryGetValue(name, out var values))
            {
                result[name] = values = [];
            }

            values.Add(value);
        }

        return result;
    }
}
