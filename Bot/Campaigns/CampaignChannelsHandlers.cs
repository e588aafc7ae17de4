using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Channels;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Campaigns;

/// <summary>
/// <c>campaign channels … add</c>: a registered channel, named by its number in the last <c>channels</c> list, its
/// name or "Team / Channel". A gone channel is not added; a muted one is, with a note. A live campaign cannot take a
/// channel another live campaign holds (the rules say which).
/// </summary>
internal sealed class CampaignChannelsAddHandler(CampaignWorkbench bench, ChannelPicker picker) : AdminHandler<CampaignChannelsAdd>
{
    protected override async Task HandleAsync(AdminContext context, CampaignChannelsAdd command, CancellationToken cancellationToken)
    {
        var text = CampaignWorkbench.Text(context);
        var channelText = CampaignWorkbench.ChannelText(context);
        var replies = new CampaignReplies(text);
        var lookup = await bench.FindAsync(context, command.Campaign, cancellationToken);
        if (lookup is not CampaignLookup.Found found)
        {
            context.Reply(((CampaignLookup.Missing)lookup).Message);
            return;
        }

        var campaign = found.Campaign.Value;
        var pick = await picker.PickAsync(context.Turn, command.Channel, cancellationToken);
        if (pick is not ChannelPick.Found { Channel: var channel })
        {
            await bench.RefuseAsync(context, campaign, [Message(pick)], cancellationToken);
            return;
        }

        var name = ChannelListing.Display(channel, channelText);
        if (channel.Gone is { } gone)
        {
            await bench.RefuseAsync(context, campaign, [replies.ChannelGone(name, channelText.Gone(gone, campaign.TimeZone is { Length: > 0 } z && CampaignZones.Find(z) is not null ? z : CampaignNew.DefaultZone))], cancellationToken);
            return;
        }

        if (campaign.TargetChannelIds.Contains(channel.ChannelId, StringComparer.Ordinal))
        {
            await bench.ShowAsync(context, campaign, replies.ChannelAlreadyIn(campaign, name), null, cancellationToken);
            return;
        }

        var saved = await bench.ChangeAsync(context, campaign.Id, (current, rules) => CampaignMoves.Edit(current, CampaignEditing.WithChannel(current, channel.ChannelId), rules), cancellationToken);
        if (saved is not { After: { } after })
        {
            await bench.RefuseAsync(context, saved.Before ?? campaign, saved.Failure is { } failure ? [failure] : [.. saved.Problems.Select(p => p.Text)], cancellationToken);
            return;
        }

        context.Audit("campaign.channels.add", after.Id, text.Format("CampaignDiff_ChannelAdded", name));
        var done = replies.ChannelAdded(after, name, channel.Muted) + (saved.Meanwhile is { } meanwhile ? "\n\n" + meanwhile : "");
        await bench.ShowAsync(context, after, done, saved.Notes, cancellationToken);
    }

    internal static string Message(ChannelPick pick) => pick switch
    {
        ChannelPick.NotFound n => n.Message,
        ChannelPick.Ambiguous a => a.Message,
        _ => "",
    };
}

/// <summary><c>campaign channels … remove</c>: a live campaign keeps at least one channel (pause or end it instead).</summary>
internal sealed class CampaignChannelsRemoveHandler(CampaignWorkbench bench, ChannelPicker picker) : AdminHandler<CampaignChannelsRemove>
{
    protected override async Task HandleAsync(AdminContext context, CampaignChannelsRemove command, CancellationToken cancellationToken)
    {
        var text = CampaignWorkbench.Text(context);
        var replies = new CampaignReplies(text);
        var lookup = await bench.FindAsync(context, command.Campaign, cancellationToken);
        if (lookup is not CampaignLookup.Found found)
        {
            context.Reply(((CampaignLookup.Missing)lookup).Message);
            return;
        }

        var campaign = found.Campaign.Value;
        var pick = await picker.PickAsync(context.Turn, command.Channel, cancellationToken);
        if (pick is not ChannelPick.Found { Channel: var channel })
        {
            await bench.RefuseAsync(context, campaign, [CampaignChannelsAddHandler.Message(pick)], cancellationToken);
            return;
        }

        var name = ChannelListing.Display(channel, CampaignWorkbench.ChannelText(context));
        if (!campaign.TargetChannelIds.Contains(channel.ChannelId, StringComparer.Ordinal))
        {
            await bench.ShowAsync(context, campaign, replies.ChannelNotIn(campaign, name), null, cancellationToken);
            return;
        }

        var saved = await bench.ChangeAsync(context, campaign.Id, (current, rules) => CampaignMoves.Edit(current, CampaignEditing.WithoutChannel(current, channel.ChannelId), rules), cancellationToken);
        if (saved is not { After: { } after })
        {
            await bench.RefuseAsync(context, saved.Before ?? campaign, saved.Failure is { } failure ? [failure] : [.. saved.Problems.Select(p => p.Text)], cancellationToken);
            return;
        }

        context.Audit("campaign.channels.remove", after.Id, text.Format("CampaignDiff_ChannelRemoved", name));
        var done = replies.ChannelRemoved(after, name) + (saved.Meanwhile is { } meanwhile ? "\n\n" + meanwhile : "");
        await bench.ShowAsync(context, after, done, saved.Notes, cancellationToken);
    }
}
