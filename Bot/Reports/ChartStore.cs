using System.Security.Cryptography;
using System.Text.RegularExpressions;
using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Reports;

/// <summary>
/// Report charts kept in blob storage ("reports/charts/{id}.png"), so every instance serves every chart and a chart
/// outlives a restart: a Teams client fetches the image again whenever it shows the message, for as long as the
/// message is in the chat, so charts are kept (they are small, about 20 KB each, one per report asked for).
/// The id is 128 random bits: knowing it is the only way to the image, as the endpoint cannot ask Teams clients to sign in.
/// </summary>
public interface IChartStore
{
    /// <returns>The new chart's id.</returns>
    Task<string> SaveAsync(byte[] png, CancellationToken cancellationToken);

    /// <summary>Null for an unknown or malformed id.</summary>
    Task<byte[]?> GetAsync(string id, CancellationToken cancellationToken);
}

internal sealed partial class ChartStore(IBlobStore store) : IChartStore
{
    public const string Prefix = "reports/charts/";

    public async Task<string> SaveAsync(byte[] png, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(png);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await store.WriteAsync(Prefix + id + ".png", png, WriteCondition.IfAbsent, cancellationToken);
        return id;
    }

    public async Task<byte[]?> GetAsync(string id, CancellationToken cancellationToken) =>
        IsId(id) && await store.ReadAsync(Prefix + id + ".png", cancellationToken) is { } blob ? blob.Content.ToArray() : null;

    public static bool IsId(string? id) => id is not null && Id().IsMatch(id);

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Id();
}
