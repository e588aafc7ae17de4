using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using InfoStoryBot.Dialogs.Admin;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Exports;

/// <summary>
/// Local mode's stand-in for file consent, which Web Chat does not have: the export is written to a file in the temp
/// folder and the admin gets a link, <c>GET /exports/{token}</c>, that works for <see cref="ExportsOptions.LinkLifetime"/>
/// and only from this machine. The token is the file's random id, its expiry and its name, signed with HMAC-SHA256
/// under a key made when the process starts: it cannot be forged or stretched, and a restart retires every link
/// (local mode is one process, so nothing else needs the key).
/// </summary>
internal sealed class ExportLinks(IStorybookExporter exporter, IServer server, IOptions<ExportsOptions> options, TimeProvider time)
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "infostorybot-exports");

    /// <summary>Writes the export and returns its link; null when the campaign does not exist.</summary>
    public async Task<(Uri Link, string FileName, ExportResult Result)?> CreateAsync(string campaignId, ExportFormat format, string fileName, CultureInfo culture, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        RemoveExpired();
        var fileId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var path = Path.Combine(Folder, fileId);
        ExportResult? result;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
        {
            result = await exporter.WriteAsync(campaignId, format, file, culture, cancellationToken);
        }

        if (result is null)
        {
            File.Delete(path);
            return null;
        }

        var expires = time.GetUtcNow() + options.Value.LinkLifetime;
        var token = Sign($"{fileId}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}|{fileName}");
        return (new Uri(BaseAddress(), "exports/" + token), fileName, result);
    }

    /// <summary>The file a token names, or why not: <see cref="LinkCheck.Expired"/> or <see cref="LinkCheck.Invalid"/>.</summary>
    public (LinkCheck Check, string? Path, string? FileName) Open(string token)
    {
        if (Verify(token) is not { } payload)
        {
            return (LinkCheck.Invalid, null, null);
        }

        var parts = payload.Split('|');
        if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return (LinkCheck.Invalid, null, null);
        }

        var path = Path.Combine(Folder, parts[0]);
        if (time.GetUtcNow() >= DateTimeOffset.FromUnixTimeSeconds(expires))
        {
            TryDelete(path);
            return (LinkCheck.Expired, null, null);
        }

        return File.Exists(path) ? (LinkCheck.Valid, path, parts[2]) : (LinkCheck.Expired, null, null);
    }

    private string Sign(string payload)
    {
        var bytes = Encoding.UTF8.GetBytes(payload);
        return Base64Url(bytes) + "." + Base64Url(HMACSHA256.HashData(_key, bytes));
    }

    private string? Verify(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || FromBase64Url(token[..dot]) is not { } payload || FromBase64Url(token[(dot + 1)..]) is not { } signature)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, payload), signature) ? Encoding.UTF8.GetString(payload) : null;
    }

    private void RemoveExpired()
    {
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.LinkLifetime;
        foreach (var file in Directory.EnumerateFiles(Folder))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff)
            {
                TryDelete(file);
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Being served right now: the next export tidies it.
        }
    }

    /// <summary>Where this process listens, on loopback (local mode answers nothing else).</summary>
    private Uri BaseAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault() ?? "http://localhost:3978";
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal));
        return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/");
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[]? FromBase64Url(string text)
    {
        var base64 = text.Replace('-', '+').Replace('_', '/');
        base64 = base64.PadRight(base64.Length + ((4 - base64.Length % 4) % 4), '=');
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

public enum LinkCheck
{
    Valid,
    Expired,
    Invalid,
}

public static class ExportEndpoints
{
    /// <summary><c>GET /exports/{token}</c>: local mode only (nothing is mapped otherwise), and only to callers on this machine.</summary>
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder app)
    {
        if (app.ServiceProvider.GetService<ExportLinks>() is null)
        {
            return app;
        }

        app.MapGet("/exports/{token}", (string token, HttpContext context, ExportLinks links) =>
        {
            if (context.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var (check, path, fileName) = links.Open(token);
            return check switch
            {
                LinkCheck.Valid => Results.File(path!, ContentTypeOf(fileName!), fileName),
                LinkCheck.Expired => Results.Text(Resources.BotText.Get("Export_LinkExpired"), "text/plain; charset=utf-8", statusCode: StatusCodes.Status410Gone),
                _ => Results.NotFound(),
            };
        }).ExcludeFromDescription();
        return app;
    }

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".csv" => ExportWriter.ContentType(ExportFormat.Csv),
        ".json" => ExportWriter.ContentType(ExportFormat.Json),
        _ => ExportWriter.ContentType(ExportFormat.Html),
    };
}
