using System.ComponentModel.DataAnnotations;

namespace InfoStoryBot.Bot.Exports;

/// <summary>Section <c>Exports</c>.</summary>
public sealed class ExportsOptions
{
    public const string Section = "Exports";

    /// <summary>How long a file consent card can still be accepted.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00", ErrorMessage = "Exports:OfferLifetime must be between 5 minutes and 7 days.")]
    public TimeSpan OfferLifetime { get; init; } = TimeSpan.FromDays(1);

    /// <summary>How long a local download link works (local mode only).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Exports:LinkLifetime must be between 1 minute and 1 day.")]
    public TimeSpan LinkLifetime { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>One upload request's size: a multiple of 320 KiB below 60 MiB, as OneDrive upload sessions require.</summary>
    [Range(327_680, 62_914_560, ErrorMessage = "Exports:UploadChunkBytes must be between 327680 and 62914560.")]
    public int UploadChunkBytes { get; init; } = 32 * 327_680;
}
