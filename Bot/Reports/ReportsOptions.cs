using System.Net;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Reports;

/// <summary>Section <c>Reports</c>.</summary>
public sealed class ReportsOptions
{
    public const string Section = "Reports";

    /// <summary>
    /// The bot's public HTTPS address (e.g. https://infostorybot.azurewebsites.net), where Teams clients fetch report
    /// charts from. When empty, a request that reached the bot on loopback (local mode, tests) uses its own address;
    /// otherwise reports go without their chart (every figure is in the text anyway) and the log says why.
    /// </summary>
    public string? PublicBaseUrl { get; init; }

    /// <summary>The parsed address, or null when not set.</summary>
    public Uri? BaseUri => string.IsNullOrWhiteSpace(PublicBaseUrl) ? null : new Uri(PublicBaseUrl.TrimEnd('/') + "/", UriKind.Absolute);

    /// <summary>https, or http on a loopback host (a test double), like the project's other outbound addresses.</summary>
    public static bool IsServable(Uri uri) =>
        uri.IsAbsoluteUri && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri.Host)))
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);

    public static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}

internal sealed class ReportsOptionsValidator : IValidateOptions<ReportsOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportsOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
        {
            return ValidateOptionsResult.Success;
        }

        return Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var uri) && ReportsOptions.IsServable(uri)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Reports:PublicBaseUrl is '{options.PublicBaseUrl}'; it must be the bot's absolute https address (http only on loopback), without query or fragment.");
    }
}
