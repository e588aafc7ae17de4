using InfoStoryBot.Cards.Text;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Dialogs.Campaigns;

/// <summary>
/// What the bot says to the campaign team about their campaigns (Strings.resx, en-GB), besides the rules' own
/// messages: what was done, what was not and why, what changed meanwhile. Names people typed are shown exactly,
/// never read as markdown.
/// </summary>
public sealed class CampaignReplies(CampaignText text)
{
    public static CampaignReplies EnGb { get; } = new(CampaignText.EnGb);

    public CampaignText Text { get; } = text;

    /// <summary>"There's no campaign ‘x’", with the ids there are.</summary>
    public string NotFound(CampaignRef reference, IReadOnlyList<Campaign> campaigns)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(campaigns);
        if (campaigns.Count == 0)
        {
            return Text.Format("CampaignReply_NotFoundNone", Md(reference.Display));
        }

        var ids = campaigns.OrderBy(c => c.Id, StringComparer.Ordinal).Take(10).Select(c => "**" + c.Id + "**");
        return Text.Format("CampaignReply_NotFound", Md(reference.Display), string.Join(", ", ids));
    }

    /// <summary>Two campaigns answer to one name typed without quotes (one's id is the other's name).</summary>
    public string Ambiguous(CampaignRef reference, IReadOnlyList<Campaign> matches)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(matches);
        return Text.Format("CampaignReply_Ambiguous", Md(reference.Display), string.Join(", ", matches.Select(c => "**" + c.Id + "**")));
    }

    public string Created(Campaign campaign) => Text.Format("CampaignReply_Created", Md(Guard(campaign).Name), campaign.Id);

    public string Edited(Campaign before, Campaign after, IReadOnlyDictionary<string, string>? channelNames)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = CampaignDiff.Describe(before, after, channelNames, Text) ?? Text["CampaignReply_NothingChanged"];
        return CampaignRules.IsLive(after.State) && CampaignSchedule.HasSlots(after.State)
            ? Text.Format("CampaignReply_EditedLive", Md(changes))
            : Text.Format("CampaignReply_Edited", Md(changes));
    }

    public string Unchanged(Campaign campaign) => Text.Format("CampaignReply_Unchanged", Md(Guard(campaign).Name));

    /// <summary>What a move did, and what it means: when the first post goes out, that nothing posts while paused.</summary>
    public string Moved(CampaignMove move, Campaign campaign, CampaignSlot? next)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var name = Md(campaign.Name);
        return move switch
        {
            CampaignMove.Start or CampaignMove.Resume when next is not null =>
                Text.Format(campaign.State == CampaignState.Scheduled ? "CampaignReply_Scheduled" : "CampaignReply_Running", name, next.Display),
            CampaignMove.Start or CampaignMove.Resume => Text.Format("CampaignReply_RunningNoSlot", name),
            CampaignMove.Pause => Text.Format("CampaignReply_Paused", name, campaign.Id),
            _ => Text.Format("CampaignReply_Ended", name),
        };
    }

    public string ChannelAdded(Campaign campaign, string channel, bool muted) =>
        Text.Format(muted ? "CampaignReply_ChannelAddedMuted" : "CampaignReply_ChannelAdded", Md(channel), Md(Guard(campaign).Name));

    public string ChannelAlreadyIn(Campaign campaign, string channel) => Text.Format("CampaignReply_ChannelAlreadyIn", Md(channel), Md(Guard(campaign).Name));

    public string ChannelRemoved(Campaign campaign, string channel) => Text.Format("CampaignReply_ChannelRemoved", Md(channel), Md(Guard(campaign).Name));

    public string ChannelNotIn(Campaign campaign, string channel) => Text.Format("CampaignReply_ChannelNotIn", Md(channel), Md(Guard(campaign).Name));

    /// <summary>A gone channel is not added: nothing could be posted there.</summary>
    public string ChannelGone(string channel, string goneNote) => Text.Format("CampaignReply_ChannelGone", Md(channel), Md(goneNote));

    /// <summary>A channel the form offered is no longer registered (the bot was removed from its team meanwhile).</summary>
    public string ChannelUnknown(string channelId) => Text.Format("CampaignReply_ChannelUnknown", Md(channelId));

    /// <summary>Another admin saved this campaign between this admin's read and write; theirs is kept, this one applied on top.</summary>
    public string Meanwhile(string? who, string changes) =>
        who is { Length: > 0 } ? Text.Format("CampaignReply_MeanwhileBy", Md(who), Md(changes)) : Text.Format("CampaignReply_Meanwhile", Md(changes));

    public string Busy(Campaign campaign) => Text.Format("CampaignReply_Busy", Md(Guard(campaign).Name));

    /// <summary>The campaign was deleted between reading and saving.</summary>
    public string Vanished(string campaignId) => Text.Format("CampaignReply_Vanished", campaignId);

    // Notes the campaign card shows about its channels.
    public string NoteMuted(string channel) => Text.Format("CampaignNote_Muted", Md(channel));

    public string NoteGone(string channel, string goneNote) => Text.Format("CampaignNote_Gone", Md(channel), Md(goneNote));

    public string NoteUnregistered(string channelId) => Text.Format("CampaignNote_Unregistered", Md(channelId));

    private static Campaign Guard(Campaign campaign) => campaign ?? throw new ArgumentNullException(nameof(campaign));

    private static string Md(string text) => UntrustedText.Markdown(text, 300);
}
