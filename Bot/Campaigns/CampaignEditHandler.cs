using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Campaigns;

/// <summary>
/// <c>campaign edit</c> (typed, or the campaign form): only the fields named change, applied to the campaign as stored
/// when it is saved, so an edit another admin saved meanwhile stays. A live campaign takes the edit from its next slot.
/// </summary>
internal sealed class CampaignEditHandler(CampaignWorkbench bench, CampaignFormEcho form) : AdminHandler<CampaignEdit>
{
    protected override async Task HandleAsync(AdminContext context, CampaignEdit command, CancellationToken cancellationToken)
    {
        var text = CampaignWorkbench.Text(context);
        var replies = new CampaignReplies(text);
        var lookup = await bench.FindAsync(context, command.Campaign, cancellationToken);
        if (lookup is not CampaignLookup.Found found)
        {
            await form.RefuseAsync(context, bench, null, [((CampaignLookup.Missing)lookup).Message], cancellationToken);
            return;
        }

        var campaign = found.Campaign.Value;
        var registered = await bench.ChannelsAsync(cancellationToken);
        if (CampaignChannelChecks.Problem(command.Changes.AddChannelIds ?? new ValueList<string>([]), registered, CampaignWorkbench.ChannelText(context), replies) is { } problem)
        {
            await form.RefuseAsync(context, bench, campaign, [problem], cancellationToken);
            return;
        }

        if (CampaignDiff.Describe(campaign, CampaignEditing.Apply(campaign, command.Changes)) is null)
        {
            await bench.ShowAsync(context, campaign, replies.Unchanged(campaign), null, cancellationToken);
            return;
        }

        var saved = await bench.ChangeAsync(context, campaign.Id, (current, rules) => CampaignMoves.Edit(current, CampaignEditing.Apply(current, command.Changes), rules), cancellationToken);
        if (saved is not { Before: { } before, After: { } after })
        {
            await form.RefuseAsync(context, bench, saved.Before ?? campaign, saved.Failure is { } failure ? [failure] : [.. saved.Problems.Select(p => p.Text)], cancellationToken);
            return;
        }

        var names = ChannelListing.Names(registered, CampaignWorkbench.ChannelText(context));
        if (CampaignDiff.Describe(before, after, names, text) is { } changes)
        {
            context.Audit("campaign.edit", after.Id, changes);
        }

        var done = replies.Edited(before, after, names) + (saved.Meanwhile is { } meanwhile ? "\n\n" + meanwhile : "");
        await bench.ShowAsync(context, after, done, saved.Notes, cancellationToken);
    }
}
