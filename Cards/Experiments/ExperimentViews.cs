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
    IReadOnlyList<string> Notes);

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
