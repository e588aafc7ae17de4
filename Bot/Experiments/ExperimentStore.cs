using System.Security.Cryptography;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Dialogs.Experiments;
using InfoStoryBot.Dialogs.Nudges;

namespace InfoStoryBot.Bot.Experiments;

public interface IExperimentStore
{
    /// <summary>Null for an unknown or malformed id (ids are compared in lower case).</summary>
    Task<Versioned<Experiment>?> GetAsync(string experimentId, CancellationToken cancellationToken);

    /// <summary>Conditional on <paramref name="etag"/> (null = create; the id must be new). Throws <see cref="ConcurrencyConflictException"/>.</summary>
    Task<string> SaveAsync(Experiment experiment, string? etag, CancellationToken cancellationToken);

    /// <summary>Every experiment, or one campaign's; a team runs a handful, so this reads them all.</summary>
    Task<IReadOnlyList<Versioned<Experiment>>> ListAsync(string? campaignId, CancellationToken cancellationToken);

    /// <summary>
    /// The wording a channel's nudge for <paramref name="entry"/> uses in a campaign: its variant of the running
    /// experiment (a channel new to the experiment is dealt one and stored first, so it keeps it), else the wording
    /// the latest stopped experiment kept, else null (the catalogue's own). For the nudge sender.
    /// </summary>
    Task<NudgeVariant?> WordingForAsync(string campaignId, NudgeKind entry, string channelId, CancellationToken cancellationToken);
}

/// <summary>"experiments/{id}.json". Ids are made here (<see cref="NewId"/>) from a cryptographic source.</summary>
internal sealed class ExperimentStore(IBlobStore store) : IExperimentStore
{
    private const string Prefix = "experiments/";

    /// <summary>A new experiment id ("x" and base-36, about 8 characters) and the seed its assignment is dealt from.</summary>
    public static (string Id, string Seed) NewId() =>
        (ExperimentIds.Format(RandomNumberGenerator.GetBytes(5)), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));

    public async Task<Versioned<Experiment>?> GetAsync(string experimentId, CancellationToken cancellationToken)
    {
        var id = ExperimentIds.Normalise(experimentId ?? "");
        if (!ExperimentIds.IsValid(id))
        {
            return null;
        }

        var name = Name(id);
        var blob = await store.ReadAsync(name, cancellationToken);
        return blob is null ? null : new Versioned<Experiment>(StorageJson.Deserialize<Experiment>(blob, name), blob.ETag);
    }

    public Task<string> SaveAsync(Experiment experiment, string? etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (!ExperimentIds.IsValid(experiment.Id))
        {
            throw new ArgumentException($"'{experiment.Id}' is not an experiment id.", nameof(experiment));
        }

        return store.WriteAsync(Name(experiment.Id), StorageJson.Serialize(experiment), WriteCondition.FromETag(etag), cancellationToken);
    }

    public async Task<IReadOnlyList<Versioned<Experiment>>> ListAsync(string? campaignId, CancellationToken cancellationToken)
    {
        var names = await store.ListAllAsync(Prefix, cancellationToken);
        var blobs = await store.ReadManyAsync(names, cancellationToken);
        return blobs.Where(b => b.Blob is not null)
            .Select(b => new Versioned<Experiment>(StorageJson.Deserialize<Experiment>(b.Blob!, b.Name), b.Blob!.ETag))
            .Where(e => campaignId is null || e.Value.CampaignId == campaignId)
            .OrderBy(e => e.Value.StartedAt)
            .ToList();
    }

    public async Task<NudgeVariant?> WordingForAsync(string campaignId, NudgeKind entry, string channelId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(campaignId);
        ArgumentException.ThrowIfNullOrEmpty(channelId);
        for (var attempt = 1; ; attempt++)
        {
            var mine = (await ListAsync(campaignId, cancellationToken))
                .Where(e => NudgeCatalogue.TryFind(e.Value.EntryId, out var found) && found.Kind == entry)
                .ToList();
            if (mine.FirstOrDefault(e => e.Value.State == ExperimentState.Running) is not { } running)
            {
                var kept = mine.Where(e => e.Value.KeptVariant is not null).OrderByDescending(e => e.Value.StoppedAt).FirstOrDefault();
                return kept?.Value.WordingFor(channelId);
            }

            var (dealt, _) = ExperimentMoves.AssignChannel(running.Value, channelId);
            if (ReferenceEquals(dealt, running.Value))
            {
                return dealt.WordingFor(channelId);
            }

            try
            {
                // Stored before it is used: two instances dealing the same new channel agree on whichever saved first.
                await SaveAsync(dealt, running.ETag, cancellationToken);
                return dealt.WordingFor(channelId);
            }
            catch (ConcurrencyConflictException) when (attempt < 5)
            {
            }
        }
    }

    private static string Name(string id) => Prefix + id + ".json";
}
