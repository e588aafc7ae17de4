using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Channels;

/// <summary><c>channels</c>: every registered channel, numbered, by team, muted and gone marked.</summary>
internal sealed class ChannelsListHandler(ChannelPicker picker, ICampaignStore campaigns) : AdminHandler<ChannelsList>
{
    protected override async Task HandleAsync(AdminContext context, ChannelsList command, CancellationToken cancellationToken)
    {
        var all = await campaigns.ListAsync(cancellationToken);
        context.Show(await picker.ListCardAsync(context.Turn, [.. all.Select(c => c.Value)], null, cancellationToken));
    }
}

/// <summary>
/// Muting and unmuting, shared by their two handlers. Typed, the answer is a line; pressed on the channel list, the
/// list comes back redrawn in place with the change on it.
/// </summary>
internal sealed class ChannelMuting(ChannelPicker picker, IChannelDirectory directory, ICampaignStore campaigns)
{
    public async Task RunAsync(AdminContext context, ChannelRef reference, bool mute, CancellationToken cancellationToken)
    {
        var text = new ChannelText(context.Culture);
        var said = await ChangeAsync(context, reference, mute, text, cancellationToken);
        if (context.Turn.IsInvoke)
        {
            var all = await campaigns.ListAsync(cancellationToken);
            context.Show(await picker.ListCardAsync(context.Turn, [.. all.Select(c => c.Value)], said, cancellationToken));
            return;
        }

        context.Reply(said);
    }

    private async Task<string> ChangeAsync(AdminContext context, ChannelRef reference, bool mute, ChannelText text, CancellationToken cancellationToken)
    {
        var pick = await picker.PickAsync(context.Turn, reference, cancellationToken);
        switch (pick)
        {
            case ChannelPick.NotFound notFound:
                return notFound.Message;
            case ChannelPick.Ambiguous ambiguous:
                return ambiguous.Message;
        }

        var channel = ((ChannelPick.Found)pick).Channel;
        var name = ChannelResolver.Escaped(ChannelListing.Display(channel, text));
        ChannelUpdate? update;
        try
        {
            update = await directory.SetMutedAsync(channel.ChannelId, mute, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return text["Channels_Busy"];
        }

        if (update is null)
        {
            return text.Format("Channels_Vanished", name);
        }

        if (update.Before.Muted == update.After.Muted)
        {
            return text.Format(mute ? "Channels_AlreadyMuted" : "Channels_AlreadyUnmuted", name);
        }

        context.Audit(mute ? "channel.mute" : "channel.unmute", channel.ChannelId, text.Format(mute ? "Channels_AuditMuted" : "Channels_AuditUnmuted", ChannelListing.Display(channel, text)));
        return text.Format(mute ? "Channels_Muted" : "Channels_Unmuted", name);
    }
}

/// <summary><c>channels mute</c>: the channel gets no nudge at all until unmuted (the nudges read <see cref="ChannelEntry.Muted"/>).</summary>
internal sealed class ChannelsMuteHandler(ChannelMuting muting) : AdminHandler<ChannelsMute>
{
    protected override Task HandleAsync(AdminContext context, ChannelsMute command, CancellationToken cancellationToken) =>
        muting.RunAsync(context, command.Channel, mute: true, cancellationToken);
}

/// <summary><c>channels unmute</c>.</summary>
internal sealed class ChannelsUnmuteHandler(ChannelMuting muting) : AdminHandler<ChannelsUnmute>
{
    protected override Task HandleAsync(AdminContext context, ChannelsUnmute command, CancellationToken cancellationToken) =>
        muting.RunAsync(context, command.Channel, mute: false, cancellationToken);
}
