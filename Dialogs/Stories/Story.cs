using System.Globalization;
using System.Text.RegularExpressions;
using InfoStoryBot.Dialogs.PersonalData;

namespace InfoStoryBot.Dialogs.Stories;

// The story as stored: what the teller told (StoryVocabulary.cs) plus who, when and where it stands. Pure data;
// Bot/Stories stores it and makes new ids (StoryIdGenerator), because ids come into Dialogs as arguments.

/// <summary>A stored story: what the teller told (<see cref="StoryContent"/>) plus who, when, and where it stands.</summary>
public sealed record Story
{
    /// <summary>Time-ordered, see <see cref="StoryIds"/>. The creation time in it orders the storybook.</summary>
    public required string Id { get; init; }

    public string? CampaignId { get; init; }

    public StoryStatus Status { get; init; } = StoryStatus.Draft;

    public required StoryContent Content { get; init; }

    public required StoryTeller Teller { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public DateTimeOffset? ModeratedAt { get; init; }

    /// <summary>Entra object id of the admin who made the last moderation decision (approve, reject, feature, unfeature).</summary>
    public string? ModeratedBy { get; init; }

    /// <summary>The reason given to the teller when the story was turned down.</summary>
    public string? ModerationNote { get; init; }

    /// <summary>
    /// The id of the admin's activity that made the last decision. A turn that loses a state race is run again; it
    /// finds its own decision here and finishes it (the teller is still told) instead of reporting it as someone else's.
    /// </summary>
    public string? ModeratedInActivity { get; init; }

    public bool Featured { get; init; }

    /// <summary>What the teller said is not personal data when the bot warned them: the campaign team sees it when moderating.</summary>
    public IReadOnlyList<PersonalDataNote> NotPersonalData { get; init; } = [];

    /// <summary>The nudge that led the teller here, when a nudge button started the dialog.</summary>
    public StoryOrigin? Origin { get; init; }

    /// <summary>Ids and status only: story text never reaches a log, even through a "{Story}" placeholder.</summary>
    public override string ToString() => $"Story {Id} ({Status})";
}

/// <summary>
/// Who told the story. <see cref="DisplayName"/> is shown only for <see cref="Attribution.Named"/>; the ids stay
/// internal (to show the teller their own stories and to message them).
/// </summary>
public sealed record StoryTeller(string AadObjectId, string? TeamsUserId, string? DisplayName)
{
    public override string ToString() => $"Teller {AadObjectId}";
}

public sealed record StoryOrigin(string DeliveryId, string? Variant);

/// <summary>Something that looked like personal data, the text as the scanner found it, and the answer (a field id) it was in.</summary>
public sealed record PersonalDataNote(PersonalDataKind Kind, string Text, string Field)
{
    /// <summary>No text: it is story text.</summary>
    public override string ToString() => $"PersonalDataNote {Kind} in {Field}";
}

/// <summary>
/// Story ids: 12 hex digits of Unix milliseconds, '-', 8 random hex digits ("019a4f3c2b10-9f03c2aa").
/// They sort by creation time, are safe in blob names and URLs, and are hard to guess.
/// </summary>
public static partial class StoryIds
{
    /// <summary>The id of a story created at <paramref name="createdAt"/> with four random bytes chosen by the caller.</summary>
    public static string Format(DateTimeOffset createdAt, ReadOnlySpan<byte> random)
    {
        if (random.Length != 4)
        {
            throw new ArgumentException("A story id takes exactly four random bytes.", nameof(random));
        }

        return createdAt.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture) + "-" + Convert.ToHexStringLower(random);
    }

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static DateTimeOffset CreatedAt(string id) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(id.AsSpan(0, 12), NumberStyles.HexNumber, CultureInfo.InvariantCulture));

    [GeneratedRegex("^[0-9a-f]{12}-[0-9a-f]{8}$")]
    private static partial Regex Pattern();
}
