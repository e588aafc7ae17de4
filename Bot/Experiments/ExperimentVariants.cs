using InfoStoryBot.Bot.Nudges;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Nudges;

namespace InfoStoryBot.Bot.Experiments;

/// <summary>
/// The nudge composer's variant seam, filled by the experiments: a channel of a running experiment gets its own
/// variant's wording (a channel new to it is dealt one and stored first, so it keeps it), and once an experiment is
/// stopped with <c>keep B</c> every channel of the campaign gets B's wording for that entry. The composer then puts
/// the variant's letter on the delivery's ledger record and on every button of the card.
/// </summary>
internal sealed class ExperimentVariants(IExperimentStore experiments) : INudgeVariantProvider
{
    public Task<NudgeVariant?> VariantForAsync(Campaign campaign, string channelId, NudgeKind entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return experiments.WordingForAsync(campaign.Id, entry, channelId, cancellationToken);
    }
}
