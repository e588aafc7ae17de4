using System.Security.Cryptography;
using System.Text.RegularExpressions;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Bot.Exports;

/// <summary>An export offered by a file consent card and not yet accepted or declined.</summary>
public sealed record ExportRequest
{
    public required string Id { get; init; }
    public required string CampaignId { get; init; }
    public required ExportFormat Format { get; init; }
    public required string FileName { get; init; }

    /// <summary>The Entra object id of the admin who asked: only they may accept it.</summary>
    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }
    public required DateTimeOffset ExpiresAt { get; init; }
}

/// <summary>
/// "exports/requests/{id}.json": what a consent card's Allow means, kept in storage so any instance can take the
/// invoke, and claimed by a conditional delete so one card uploads once however often it is pressed. The card
/// carries only the random id.
/// </summary>
internal sealed partial class ExportRequests(IBlobStore store)
{
    private const string Prefix = "exports/requests/";

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public Task SaveAsync(ExportRequest request, CancellationToken cancellationToken) =>
        store.WriteAsync(Name(request.Id), StorageJson.Serialize(request), WriteCondition.IfAbsent, cancellationToken);

    public async Task<Versioned<ExportRequest>?> GetAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is null || !Id().IsMatch(id))
        {
            return null;
        }

        var blob = await store.ReadAsync(Name(id), cancellationToken);
        return blob is null ? null : new Versioned<ExportRequest>(StorageJson.Deserialize<ExportRequest>(blob, Name(id)), blob.ETag);
    }

    /// <summary>True for the one caller that removed it; false when someone else already had.</summary>
    public async Task<bool> ClaimAsync(Versioned<ExportRequest> request, CancellationToken cancellationToken)
    {
        try
        {
            return await store.DeleteAsync(Name(request.Value.Id), request.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }

    private static string Name(string id) => Prefix + id + ".json";

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Id();
}
