namespace InfoStoryBot.Cards.Experiments;

// The view records of the experiment cards. Dialogs/Experiments works out the figures and words them (rates with
// their intervals, the verdict); the builder only lays them out. Variant texts and the campaign name are admin
// text, so the builder shows every string through UntrustedText.

/// <summary><c>experiment show</c>: one experiment, its variants side by side, and the verdict.</summary>
/// <param name="Status">E.g. "Running since 3 March 2026" or "Stopped on 20 March 2026, keeping B".</param>
/// <param name="Notes">How to read the figures (what a rate is, that withdrawn stories are left out).</param>
public sealed record ExperimentCardView(
    string Id,
    string CampaignName,
    string EntryName,
    string Status,
    IReadOnlyList<ExperimentVariantView> Variants,
    string Verdict,
    bool Decided,
    IReadOnlyList<string> Notes)
{
    /// <summary>What just happened (started, stopped), shown first.</summary>
    public string? Done { get; init; }

    /// <summary>While it runs: one "keep this one" button per variant, each running <c>experiment stop … keep X</c>.</summary>
    public IReadOnlyList<ExperimentStopButton> Stops { get; init; } = [];

    /// <summary><c>experiment show</c> again, for fresh figures.</summary>
    public string? RefreshCommand { get; init; }

    /// <summary><c>experiment list</c>.</summary>
    public string? ListCommand { get; init; }
}

/// <summary>Ends the experiment keeping <paramref name="Letter"/>'s wording; <paramref name="Command"/> as typed.</summary>
public sealed record ExperimentStopButton(string Letter, string Command);

/// <summary>One experiment in <c>experiment list</c>: worded already, with the command its Show button runs.</summary>
/// <param name="Title">The nudge's name and the campaign's (admin text).</param>
/// <param name="Status">E.g. "Running since 2 March 2026 · A and B".</param>
public sealed record ExperimentRowView(string Id, string Title, string Status, string ShowCommand);

/// <summary><c>experiment list</c>: running ones first, then the stopped, newest first.</summary>
public sealed record ExperimentListView(IReadOnlyList<ExperimentRowView> Experiments);

/// <summary>One variant. Counts are already worded as numbers; rates carry their interval ("12% (7%–20%)").</summary>
public sealed record ExperimentVariantView(
    string Letter,
    string Text,
    string Channels,
    string Deliveries,
    string Presses,
    string StoriesStarted,
    string StoriesSubmitted,
    string PressRate,
    string StartRate,
    string StoryRate,
    bool IsLeader,
    bool IsKept);
