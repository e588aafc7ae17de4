using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using static InfoStoryBot.TeamsSimulator.SimulatorResponses;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>One upload session's PUT as it arrived, and how it was answered.</summary>
public sealed record UploadCall(string SessionId, string? ContentRange, long? ContentLength, bool HadAuthorization, int Status);

/// <summary>A file the bot finished uploading: its name (as Teams proposed it) and its bytes.</summary>
public sealed record UploadedFile(string Name, byte[] Content);

/// <summary>
/// The OneDrive side of Teams' file consent: after the user allows a file, Teams gives the bot an
/// <c>uploadInfo</c> whose <c>uploadUrl</c> is a pre-authorised upload session. Here a session is
/// <c>PUT {BaseUri}onedrive/upload/{id}</c>, answered as Graph's "upload bytes to the upload session" does: each
/// request carries Content-Range and Content-Length, chunks arrive in order, 202 with nextExpectedRanges while bytes
/// remain, 201 with the driveItem at the end, 416 for a range out of order, and 401 for a request that carries an
/// Authorization header (Graph warns that a bearer token on the PUT can fail it).
/// </summary>
internal sealed class SimulatedOneDrive(Func<Uri> baseUri)
{
    public const string PathPrefix = "/onedrive/upload/";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly List<UploadCall> _calls = [];
    private readonly List<UploadedFile> _files = [];

    public IReadOnlyList<UploadCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public IReadOnlyList<UploadedFile> Files
    {
        get
        {
            lock (_gate)
            {
                return [.. _files];
            }
        }
    }

    /// <summary>The <c>uploadInfo</c> Teams sends with an accepted file consent, with a fresh upload session.</summary>
    public JsonObject NewUploadInfo(string name)
    {
        var id = Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            _sessions[id] = new Session(name);
        }

        var extension = Path.GetExtension(name).TrimStart('.');
        return new JsonObject
        {
            ["name"] = name,
            ["fileType"] = extension,
            ["uniqueId"] = "01SIMULATED" + id[..12].ToUpperInvariant(),
            ["contentUrl"] = new Uri(baseUri(), "onedrive/personal/Documents/Applications/InfoStoryBot/" + Uri.EscapeDataString(name)).ToString(),
            ["uploadUrl"] = new Uri(baseUri(), PathPrefix.TrimStart('/') + id).ToString(),
        };
    }

    public async Task HandleAsync(HttpContext context, string path)
    {
        var id = path[PathPrefix.Length..];
        var request = context.Request;
        var hadAuthorization = request.Headers.Authorization.Count > 0;
        var range = request.Headers.ContentRange.ToString();
        int status;
        Session? session;
        lock (_gate)
        {
            _sessions.TryGetValue(id, out session);
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        if (!HttpMethods.IsPut(request.Method))
        {
            status = await WriteErrorAsync(context, 405, "methodNotAllowed", "Upload sessions take PUT.");
        }
        else if (session is null)
        {
            status = await WriteErrorAsync(context, 404, "itemNotFound", "The upload session does not exist or has expired.");
        }
        else if (hadAuthorization)
        {
            status = await WriteErrorAsync(context, 401, "unauthenticated", "Do not send an Authorization header to an upload session URL.");
        }
        else if (!ContentRangeHeaderValue.TryParse(range, out var parsed) || parsed.From is not { } from || parsed.To is not { } to || parsed.Length is not { } total
                 || to - from + 1 != body.Length || request.ContentLength != body.Length)
        {
            status = await WriteErrorAsync(context, 400, "invalidRange", "Content-Range and Content-Length must describe the bytes sent.");
        }
        else
        {
            lock (_gate)
            {
                status = session.Accept(from, total, body.ToArray());
                if (status == 201)
                {
                    _files.Add(new UploadedFile(session.Name, session.Content()));
                    _sessions.Remove(id);
                }
            }

            status = status switch
            {
                202 => await WriteJsonAsync(context, 202, new JsonObject { ["nextExpectedRanges"] = new JsonArray($"{session.Received}-") }),
                201 => await WriteJsonAsync(context, 201, new JsonObject { ["id"] = "01" + id[..12].ToUpperInvariant(), ["name"] = session.Name, ["size"] = session.Received }),
                _ => await WriteErrorAsync(context, 416, "invalidRange", "The range does not start where the session expects."),
            };
        }

        lock (_gate)
        {
            _calls.Add(new UploadCall(id, range.Length == 0 ? null : range, request.ContentLength, hadAuthorization, status));
        }
    }

    private sealed class Session(string name)
    {
        private readonly MemoryStream _content = new();
        private long? _total;

        public string Name { get; } = name;

        public long Received => _content.Length;

        /// <returns>202 for more to come, 201 when complete, 416 when out of order or the total changed.</returns>
        public int Accept(long from, long total, byte[] bytes)
        {
            if (from != _content.Length || (_total is { } known && known != total) || from + bytes.Length > total)
            {
                return 416;
            }

            _total = total;
            _content.Write(bytes);
            return _content.Length == total ? 201 : 202;
        }

        public byte[] Content() => _content.ToArray();
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"OneDrive: {Calls.Count} upload calls, {Files.Count} files");
}
