using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using InfoStoryBot.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Exports;

public sealed record UploadOutcome(bool Succeeded, int? StatusCode, string? Problem);

/// <summary>
/// PUTs a file to the OneDrive upload session Teams gave in <c>uploadInfo.uploadUrl</c>: in chunks of a multiple of
/// 320 KiB, each with Content-Range, and no Authorization header (the URL is pre-authorised; a bearer token can get a
/// 401). The URL comes from an invoke, so before anything is sent it must be https to a SharePoint host; a loopback
/// http URL (the Teams simulator's) is allowed in local mode only (docs/bot-framework-protocol.md §10.5).
/// </summary>
internal sealed partial class ExportUploader(HttpClient http, IOptions<BotAuthenticationOptions> auth, IOptions<ExportsOptions> options, ILogger<ExportUploader> log)
{
    public const string HttpClientName = "exports.upload";

    public bool IsAllowed(string? uploadUrl) => Allowed(uploadUrl, auth.Value.IsLocalMode);

    public static bool Allowed(string? uploadUrl, bool localMode)
    {
        if (!Uri.TryCreate(uploadUrl, UriKind.Absolute, out var uri) || uri.UserInfo.Length > 0)
        {
            return false;
        }

        if (uri.Scheme == Uri.UriSchemeHttps && uri.IsDefaultPort)
        {
            var host = uri.IdnHost.TrimEnd('.');
            return host.EndsWith(".sharepoint.com", StringComparison.OrdinalIgnoreCase) && host.Length > ".sharepoint.com".Length
                && !host[..^".sharepoint.com".Length].Contains("..", StringComparison.Ordinal);
        }

        return localMode && uri.Scheme == Uri.UriSchemeHttp && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));
    }

    public async Task<UploadOutcome> UploadAsync(string uploadUrl, Stream content, long length, CancellationToken cancellationToken)
    {
        if (!IsAllowed(uploadUrl))
        {
            return new UploadOutcome(false, null, "the upload address is not a SharePoint https address");
        }

        var chunk = new byte[(int)Math.Min(options.Value.UploadChunkBytes, Math.Max(length, 1))];
        long sent = 0;
        while (true)
        {
            var size = (int)Math.Min(chunk.Length, length - sent);
            await content.ReadExactlyAsync(chunk.AsMemory(0, size), cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = new ByteArrayContent(chunk, 0, size) };
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(sent, sent + size - 1, length);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                LogFailed(log, null, e.Message);
                return new UploadOutcome(false, null, e.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(log, null, "timed out");
                return new UploadOutcome(false, null, "timed out");
            }

            using (response)
            {
                sent += size;
                var status = (int)response.StatusCode;
                if (status is 200 or 201 && sent == length)
                {
                    return new UploadOutcome(true, status, null);
                }

                if (status != 202 || sent >= length)
                {
                    LogFailed(log, status, string.Create(CultureInfo.InvariantCulture, $"after {sent} of {length} bytes"));
                    return new UploadOutcome(false, status, "OneDrive answered " + status.ToString(CultureInfo.InvariantCulture));
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An export upload failed with status {Status}: {Problem}")]
    private static partial void LogFailed(ILogger logger, int? status, string problem);
}
