using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Channels;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Channels;

namespace InfoStoryBot.Bot.Channels;

/// <summary>The channel ids of the last <c>channels</c> list shown in a conversation, number 1 first.</summary>
public sealed record ChannelNumbers(IReadOnlyList<string> ChannelIds);

/// <summary>
/// Channel references in commands: a number means the row of the last <c>channels</c> list shown in this conversation
/// (kept in its state, so "channels mute 3" means what the admin saw even if a channel was added since), a name or
/// "Team / Channel" is looked up in the channel directory.
/// </summary>
public sealed class ChannelPicker(IChannelDirectory directory)
{
    /// <summary>Stored in the conversation's state; never rename.</summary>
    internal static readonly ConversationSlot<ChannelNumbers> NumbersSlot = new("channels.numbers");

    public async Task<ChannelPick> PickAsync(TurnContext turn, ChannelRef reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var channels = await directory.ListAsync(cancellationToken);
        return ChannelResolver.Resolve(reference, channels, turn.State.Get(NumbersSlot)?.ChannelIds, new ChannelText(turn.Culture));
    }

    /// <summary>Builds the <c>channels</c> card and remembers its numbering in this conversation.</summary>
    public async Task<Cards.Model.AdaptiveCard> ListCardAsync(TurnContext turn, IReadOnlyList<Campaign> campaigns, string? done, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var channels = await directory.ListAsync(cancellationToken);
        var zone = turn.Activity.LocalTimezone is { Length: > 0 } local && CampaignZones.Find(local) is not null ? local : CampaignNew.DefaultZone;
        var listing = ChannelViews.List(channels, campaigns, new ChannelText(turn.Culture), zone, done, ChannelListCard.MaxChannels);
        turn.State = turn.State.With(NumbersSlot, new ChannelNumbers(listing.Numbers));
        return ChannelListCard.Build(listing.View, turn.Culture);
    }
}
