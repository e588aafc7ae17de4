using System.Text.Json.Serialization;
using InfoStoryBot.Dialogs.Nudges;

namespace InfoStoryBot.Dialogs.Experiments;

public enum ExperimentState
{
    Running,
    Stopped,
}

/// <summary>One wording of the entry under test; <see cref="Letter"/> is A, B, C or D and travels on every button.</summary>
public sealed record ExperimentVariant(string Letter, string Text);

/// <summary>Which variant a channel gets. Decided once and stored, so it survives restarts and redeploys.</summary>
public sealed record ChannelAssignment(string ChannelId, string Letter);

/// <summary>
/// An A/B(/C/D) test of one catalogue entry's wording in one campaign. The unit of randomisation is the channel:
/// each target channel is dealt a variant at creation (<see cref="ExperimentAssignment"/>), and a channel added to
/// the campaign later is dealt one the first time it needs it, both stored here.
/// </summary>
/// <remarks>Stored as JSON by Bot/Experiments; properties added later must be optional with a default.</remarks>
public sealed record Experiment
{
    /// <summary>Short, lower case, typed by admins ("x7k2p9"); made by Bot, see <see cref="ExperimentIds"/>.</summary>
    public required string Id { get; init; }

    public required string CampaignId { get; init; }

    /// <summary>The catalogue entry's id, e.g. "weekly-norm".</summary>
    public required string EntryId { get; init; }

    public required IReadOnlyList<ExperimentVariant> Variants { get; init; }

    /// <summary>Random bytes (hex) chosen once at creation; every assignment is a pure function of it.</summary>
    public required string Seed { get; init; }

    public required IReadOnlyList<ChannelAssignment> Assignments { get; init; }

    public ExperimentState State { get; init; } = ExperimentState.Running;

    /// <summary>The letter kept as the entry's wording when it was stopped.</summary>
    public string? KeptVariant { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    /// <summary>Entra object ids of the admins who started and stopped it.</summary>
    public string? StartedBy { get; init; }

    public string? StoppedBy { get; init; }

    [JsonIgnore]
    public IReadOnlyList<string> Letters => Variants.Select(v => v.Letter).ToList();

    public string? LetterFor(string channelId) =>
        Assignments.FirstOrDefault(a => string.Equals(a.ChannelId, channelId, StringComparison.Ordinal))?.Letter;

    /// <summary>
    /// Whether a delivery at <paramref name="slotUtc"/> falls inside the experiment's run. Slots are whole minutes (a
    /// send-now's slot is its minute, rounded down), so the start counts from its minute: a send-now in the minute the
    /// experiment began is in it. Deliveries before the experiment existed carry no variant letter, so none slips in.
    /// </summary>
    public bool Covers(DateTimeOffset slotUtc) => slotUtc >= Minute(StartedAt) && (StoppedAt is not { } stopped || slotUtc < stopped);

    private static DateTimeOffset Minute(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    /// <summary>
    /// The wording a channel's nudge for this entry uses: its variant while running, the kept one once stopped (for
    /// every channel), none when it was stopped without keeping one. Null too for a running experiment's channel
    /// that has no variant yet: ask <see cref="ExperimentMoves.AssignChannel"/> first and store the result.
    /// </summary>
    public NudgeVariant? WordingFor(string channelId)
    {
        if (!NudgeCatalogue.TryFind(EntryId, out var entry))
        {
            return null;
        }

        var letter = State == ExperimentState.Running ? LetterFor(channelId) : KeptVariant;
        var variant = Variants.FirstOrDefault(v => v.Letter == letter);
        return variant is null ? null : new NudgeVariant(entry.Kind, variant.Letter, variant.Text);
    }

    public override string ToString() => $"Experiment {Id} ({CampaignId}, {EntryId}, {State})";
}

/// <summary>Experiment ids: 1 to 64 of [a-z0-9-], first a letter or digit; what <c>experiment show</c> accepts.</summary>
public static class ExperimentIds
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) =>
        id is { Length: >= 1 and <= MaxLength } && (char.IsAsciiLetterLower(id[0]) || char.IsAsciiDigit(id[0]))
        && id.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    /// <summary>"x" and base-36 digits of the given random bytes: short enough to type, hard to guess.</summary>
    public static string Format(ReadOnlySpan<byte> random)
    {
        if (random.Length is < 4 or > 8)
        {
            throw new ArgumentException("An experiment id takes four to eight random bytes.", nameof(random));
        }

        ulong value = 0;
        foreach (var b in random)
        {
            value = (value << 8) | b;
        }

        const string digits = "0123456789abcdefghijklmnopqrstuvwxyz";
        var chars = new Stack<char>();
        do
        {
            chars.Push(digits[(int)(value % 36)]);
            value /= 36;
        }
        while (value > 0);

        return "x" + new string([.. chars]);
    }

    /// <summary>What an admin typed ("#X7K2P9", "x7k2p9") as a stored id.</summary>
    public static string Normalise(string typed) => typed.Trim().TrimStart('#').ToLowerInvariant();
}
