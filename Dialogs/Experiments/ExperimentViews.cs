using System.Globalization;
using InfoStoryBot.Cards.Experiments;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Nudges;

namespace InfoStoryBot.Dialogs.Experiments;

/// <summary>Words an experiment's figures for <see cref="ExperimentCard"/>.</summary>
public static class ExperimentViews
{
    /// <param name="timeZone">The campaign's IANA zone, for the dates it started and stopped.</param>
    public static ExperimentCardView Show(
        Experiment experiment,
        string campaignName,
        string timeZone,
        IReadOnlyList<VariantResult> results,
        ExperimentVerdict verdict,
        CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var text = new ExperimentText(culture);
        var entryName = NudgeCatalogue.TryFind(experiment.EntryId, out var entry) ? entry.Name(culture) : experiment.EntryId;
        var started = Date(experiment.StartedAt, timeZone, text);
        var status = experiment.State == ExperimentState.Running
            ? text.Format("Experiment_Status_Running", started)
            : experiment.KeptVariant is { } kept
                ? text.Format("Experiment_Status_Kept", started, Date(experiment.StoppedAt ?? experiment.StartedAt, timeZone, text), kept)
                : text.Format("Experiment_Status_Stopped", started, Date(experiment.StoppedAt ?? experiment.StartedAt, timeZone, text));

        var variants = results.Select(r => new ExperimentVariantView(
            r.Letter,
            r.Text,
            text.Number(r.Channels),
            text.Number(r.Deliveries),
            text.Number(r.Presses),
            text.Number(r.StoriesStarted),
            text.Number(r.StoriesSubmitted),
            Rate(r.PressRate, text),
            Rate(r.StartRate, text),
            Rate(r.StoryRate, text),
            verdict.Leader == r.Letter,
            experiment.KeptVariant == r.Letter)).ToList();

        return new ExperimentCardView(
            experiment.Id,
            campaignName,
            entryName,
            status,
            variants,
            verdict.Text,
            verdict.Kind == VerdictKind.Ahead,
            [text["Experiment_Note_Rates"], text["Experiment_Note_Withdrawn"]])
        {
            Stops = experiment.State == ExperimentState.Running
                ? [.. experiment.Letters.Select(l => new ExperimentStopButton(l, AdminCommandText.Render(new ExperimentStop(experiment.Id, l[0]))))]
                : [],
            RefreshCommand = AdminCommandText.Render(new ExperimentShow(experiment.Id)),
            ListCommand = AdminCommandText.Render(new ExperimentList()),
        };
    }

    /// <summary>
    /// <c>experiment list</c>: running experiments first, then stopped ones, newest first in each.
    /// <paramref name="campaigns"/> gives each campaign's name and zone by id (a deleted campaign shows its id).
    /// </summary>
    public static ExperimentListView List(IReadOnlyList<Experiment> experiments, IReadOnlyDictionary<string, (string Name, string TimeZone)> campaigns, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(experiments);
        ArgumentNullException.ThrowIfNull(campaigns);
        var text = new ExperimentText(culture);
        return new ExperimentListView([.. experiments
            .OrderBy(e => e.State == ExperimentState.Running ? 0 : 1)
            .ThenByDescending(e => e.StartedAt)
            .ThenBy(e => e.Id, StringComparer.Ordinal)
            .Select(e =>
            {
                var (name, zone) = campaigns.TryGetValue(e.CampaignId, out var c) ? c : (e.CampaignId, "Europe/London");
                var entry = NudgeCatalogue.TryFind(e.EntryId, out var found) ? found.Name(culture) : e.EntryId;
                var started = Date(e.StartedAt, zone, text);
                var letters = And(e.Letters, text);
                var status = e.State == ExperimentState.Running
                    ? text.Format("ExperimentList_Running", started, letters)
                    : e.KeptVariant is { } kept
                        ? text.Format("ExperimentList_Kept", Date(e.StoppedAt ?? e.StartedAt, zone, text), kept)
                        : text.Format("ExperimentList_Stopped", Date(e.StoppedAt ?? e.StartedAt, zone, text));
                return new ExperimentRowView(e.Id, text.Format("ExperimentList_Title", entry, name), status, AdminCommandText.Render(new ExperimentShow(e.Id)));
            })]);
    }

    private static string And(IReadOnlyList<string> items, ExperimentText text) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + text["Experiment_And"] + items[^1];

    /// <summary>"12% (7%–20%)"; with no deliveries, a dash: there is no rate yet.</summary>
    public static string Rate(Proportion proportion, CultureInfo culture) => Rate(proportion, new ExperimentText(culture));

    private static string Rate(Proportion p, ExperimentText text) =>
        p.Trials == 0 ? text["Experiment_NoRate"] : text.Format("Experiment_Rate", text.Percent(p.Rate), text.Percent(p.Low), text.Percent(p.High));

    private static string Date(DateTimeOffset at, string timeZone, ExperimentText text) =>
        CampaignCalendar.Today(timeZone, at).ToString(text["Experiment_DateFormat"], text.Culture);
}
