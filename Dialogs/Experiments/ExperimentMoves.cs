using System.Globalization;
using System.Text.RegularExpressions;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Nudges;

namespace InfoStoryBot.Dialogs.Experiments;

/// <summary>What <c>experiment new</c> asks for; the id and the seed are random bytes Bot chose, the time is the turn's.</summary>
public sealed record ExperimentStart(string Id, string EntryId, IReadOnlyList<string> Texts, string Seed, DateTimeOffset Now, string? StartedBy);

/// <summary>The result of a move: the experiment as it should be stored, or why not, in the admin's words.</summary>
public abstract record ExperimentMove
{
    private ExperimentMove()
    {
    }

    public sealed record Done(Experiment Experiment) : ExperimentMove;

    public sealed record Refused(string Reason) : ExperimentMove;
}

/// <summary>Starting and stopping experiments, and dealing late channels: pure rules over the stored records.</summary>
public static partial class ExperimentMoves
{
    public const int MinVariants = 2;
    public const int MaxVariants = 4;
    public const int MaxTextLength = 500;
    public static readonly IReadOnlyList<string> AllLetters = ["A", "B", "C", "D"];

    /// <param name="campaignExperiments">Every experiment stored for the campaign, to refuse a second one on the same entry.</param>
    public static ExperimentMove Start(ExperimentStart start, Campaign campaign, IReadOnlyList<Experiment> campaignExperiments, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(campaign);
        var text = new ExperimentText(culture);
        if (campaign.State == CampaignState.Ended)
        {
            return new ExperimentMove.Refused(text.Format("Experiment_Refused_Ended", campaign.Name));
        }

        if (!NudgeCatalogue.TryFind(start.EntryId, out var entry))
        {
            return new ExperimentMove.Refused(text.Format("Experiment_Refused_NoEntry", start.EntryId, string.Join(", ", NudgeCatalogue.Entries.Select(e => e.Id))));
        }

        if (start.Texts.Count is < MinVariants or > MaxVariants)
        {
            return new ExperimentMove.Refused(text.Format("Experiment_Refused_Count", MinVariants, MaxVariants, start.Texts.Count));
        }

        var variants = start.Texts.Select((t, i) => new ExperimentVariant(AllLetters[i], (t ?? "").Trim())).ToList();
        foreach (var variant in variants)
        {
            if (variant.Text.Length == 0)
            {
                return new ExperimentMove.Refused(text.Format("Experiment_Refused_Empty", variant.Letter));
            }

            if (variant.Text.Length > MaxTextLength)
            {
                return new ExperimentMove.Refused(text.Format("Experiment_Refused_Long", variant.Letter, MaxTextLength, variant.Text.Length));
            }

            var unknown = Placeholder().Matches(variant.Text).Select(m => m.Groups[1].Value.ToLowerInvariant())
                .Where(p => !entry.Placeholders.Contains(p, StringComparer.Ordinal)).Distinct().ToList();
            if (unknown.Count > 0)
            {
                return new ExperimentMove.Refused(text.Format("Experiment_Refused_Placeholder", variant.Letter, "{" + unknown[0] + "}", entry.Id,
                    string.Join(", ", entry.Placeholders.Select(p => "{" + p + "}"))));
            }
        }

        var same = variants.GroupBy(v => v.Text, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (same is not null)
        {
            var letters = same.Select(v => v.Letter).ToList();
            return new ExperimentMove.Refused(text.Format("Experiment_Refused_Same", letters[0], letters[1]));
        }

        var channels = campaign.TargetChannelIds.Distinct(StringComparer.Ordinal).ToList();
        if (channels.Count < variants.Count)
        {
            return new ExperimentMove.Refused(text.Format("Experiment_Refused_Channels", variants.Count, channels.Count));
        }

        var running = campaignExperiments.FirstOrDefault(e => e.State == ExperimentState.Running
            && e.CampaignId == campaign.Id && NudgeCatalogue.TryFind(e.EntryId, out var other) && other.Kind == entry.Kind);
        if (running is not null)
        {
            return new ExperimentMove.Refused(text.Format("Experiment_Refused_Running", running.Id, entry.Id));
        }

        return new ExperimentMove.Done(new Experiment
        {
            Id = start.Id,
            CampaignId = campaign.Id,
            EntryId = entry.Id,
            Variants = variants,
            Seed = start.Seed,
            Assignments = ExperimentAssignment.Deal(channels, variants.Select(v => v.Letter).ToList(), start.Seed),
            StartedAt = start.Now,
            StartedBy = start.StartedBy,
        });
    }

    /// <summary><c>experiment stop &lt;id&gt; keep B</c>: ends it; from then on every channel gets B's wording for the entry.</summary>
    public static ExperimentMove Stop(Experiment experiment, string keep, DateTimeOffset now, string? stoppedBy, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var text = new ExperimentText(culture);
        if (experiment.State != ExperimentState.Running)
        {
            return new ExperimentMove.Refused(text.Format("Experiment_Refused_Stopped", experiment.Id));
        }

        var letter = (keep ?? "").Trim().ToUpperInvariant();
        if (!experiment.Letters.Contains(letter, StringComparer.Ordinal))
        {
            return new ExperimentMove.Refused(text.Format("Experiment_Refused_Keep", letter, experiment.Id, string.Join(", ", experiment.Letters)));
        }

        return new ExperimentMove.Done(experiment with
        {
            State = ExperimentState.Stopped,
            KeptVariant = letter,
            StoppedAt = now,
            StoppedBy = stoppedBy,
        });
    }

    /// <summary>
    /// The channel's variant, dealing one when the channel joined the campaign after the experiment began. The
    /// experiment comes back changed only when a channel was dealt; store it (conditionally) before using the letter.
    /// </summary>
    public static (Experiment Experiment, string? Letter) AssignChannel(Experiment experiment, string channelId)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        if (experiment.LetterFor(channelId) is { } letter)
        {
            return (experiment, letter);
        }

        if (experiment.State != ExperimentState.Running)
        {
            return (experiment, null);
        }

        var dealt = ExperimentAssignment.ForNewChannel(experiment.Assignments, experiment.Letters, channelId, experiment.Seed);
        return (experiment with { Assignments = [.. experiment.Assignments, new ChannelAssignment(channelId, dealt)] }, dealt);
    }

    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();
}
