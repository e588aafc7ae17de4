using System.Globalization;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Engine;

namespace InfoStoryBot.Dialogs.Channels;

/// <summary>The channel list's words (Strings.resx, en-GB): names, marks and the messages of muting and choosing a channel.</summary>
public sealed class ChannelText(CultureInfo culture)
{
    public static ChannelText EnGb { get; } = new(CultureInfo.GetCultureInfo("en-GB"));

    private readonly CampaignText _dates = new(culture);

    public DialogText Text => _dates.Text;

    public string this[string name] => Text[name];

    public string Format(string name, params object[] args) => Text.Format(name, args);

    /// <summary>"gone since Mon 1 Mar 2027: deleted in Teams".</summary>
    public string Gone(ChannelGone gone, string timeZone)
    {
        ArgumentNullException.ThrowIfNull(gone);
        var date = _dates.ShortDate(CampaignCalendar.Today(timeZone, gone.GoneAt));
        var why = this["Channels_GoneWhy_" + gone.Reason];
        return string.IsNullOrWhiteSpace(gone.Detail) || gone.Reason != ChannelGoneReason.Refused
            ? Format("Channels_GoneSince", date, why)
            : Format("Channels_GoneSinceDetail", date, why, gone.Detail);
    }
}
