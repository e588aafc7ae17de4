using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Campaigns;

/// <summary><c>campaign new</c> (typed, or the campaign form): a draft, checked by the rules, created if its id is free.</summary>
internal sealed class CampaignNewHandler(CampaignWorkbench bench, CampaignFormEcho form) : AdminHandler<CampaignNew>
{
    protected override async Task HandleAsync(AdminContext context, CampaignNew command, CancellationToken cancellationToken)
    {
        var replies = new CampaignReplies(CampaignWorkbench.Text(context));
        var registered = await bench.ChannelsAsync(cancellationToken);
        if (CampaignChannelChecks.Problem(command.ChannelIds ?? new ValueList<string>([]), registered, CampaignWorkbench.ChannelText(context), replies) is { } problem)
        {
            await form.RefuseAsync(context, bench, null, [problem], cancellationToken);
            return;
        }

        var saved = await bench.CreateAsync(context, CampaignEditing.Draft(command, context.Now), cancellationToken);
        if (saved.After is not { } created)
        {
            await form.RefuseAsync(context, bench, null, saved.Failure is { } failure ? [failure] : [.. saved.Problems.Select(p => p.Text)], cancellationToken);
            return;
        }

        context.Audit("campaign.create", created.Id, CampaignDiff.Summary(created, CampaignWorkbench.Text(context)));
        await bench.ShowAsync(context, created, replies.Created(created), saved.Notes, cancellationToken);
    }
}

/// <summary>Channels chosen on the form must still be registered, and not gone: nothing could be posted there.</summary>
internal static class CampaignChannelChecks
{
    public static string? Problem(IEnumerable<string> channelIds, IReadOnlyList<ChannelEntry> registered, ChannelText text, CampaignReplies replies)
    {
        foreach (var id in channelIds)
        {
            if (registered.FirstOrDefault(c => c.ChannelId == id) is not { } channel)
            {
                return replies.ChannelUnknown(id);
            }

            if (channel.Gone is { } gone)
            {
                return replies.ChannelGone(ChannelListing.Display(channel, text), text.Gone(gone, CampaignNew.DefaultZone));
            }
        }

        return null;
    }
}
