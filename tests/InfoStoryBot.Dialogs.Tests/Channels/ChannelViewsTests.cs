using InfoStoryBot.Cards.Channels;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Channels;
using InfoStoryBot.Dialogs.Tests.Campaigns;

namespace InfoStoryBot.Dialogs.Tests.Channels;

public sealed class ChannelViewsTests
{
    private const string Team = "19:team@thread.tacv2";

    [Fact]
    public void List_NumbersRowsInOrder_MarksMutedAndGone_AndEachToggleParsesToItsChannel()
    {
        IReadOnlyList<ChannelEntry> channels =
        [
            new(Team, "Northshire", CampaignSamples.Board, "Partnership board", Muted: true),
            new(Team, "Northshire", Team, null),
            new(Team, "Northshire", CampaignSamples.Wellbeing, "Wellbeing", Gone: new ChannelGone(CampaignSamples.Utc(2027, 2, 1, 12, 0), ChannelGoneReason.Refused, "403 Forbidden")),
        ];
        var campaigns = new[] { CampaignSamples.Spring() };

        var result = ChannelViews.List(channels, campaigns, ChannelText.EnGb, "Europe/London");

        Assert.Equal([Team, CampaignSamples.Board, CampaignSamples.Wellbeing], result.Numbers);
        var rows = Assert.Single(result.View.Teams).Channels;
        Assert.Equal([1, 2, 3], rows.Select(r => r.Number));
        Assert.Equal("General", rows[0].Name);
        Assert.True(rows[1].Muted);
        Assert.Equal("In Spring stories", rows[1].InCampaigns);
        Assert.Equal("gone since Mon 1 Feb 2027: Teams won’t let me post there (403 Forbidden)", rows[2].GoneNote);
        Assert.Null(rows[2].Toggle);
        var mute = Assert.IsType<AdminParse.Parsed>(AdminGrammar.Parse(rows[0].Toggle!, CampaignText.EnGb.Text.Culture)).Command;
        Assert.Equal(new ChannelsMute(new ChannelRef.ByTeamAndChannel("Northshire", "General")), mute);
        var unmute = Assert.IsType<AdminParse.Parsed>(AdminGrammar.Parse(rows[1].Toggle!, CampaignText.EnGb.Text.Culture)).Command;
        Assert.Equal(new ChannelsUnmute(new ChannelRef.ByTeamAndChannel("Northshire", "Partnership board")), unmute);
    }

    [Fact]
    public void List_MoreThanTheCardShows_NumbersOnlyTheRowsShown()
    {
        var channels = Enumerable.Range(1, 80).Select(i => new ChannelEntry(Team, "T", $"19:c{i:D3}@thread.tacv2", $"C{i:D3}")).ToList();

        var result = ChannelViews.List(channels, [], ChannelText.EnGb, "Europe/London", maxShown: ChannelListCard.MaxChannels);

        Assert.Equal(ChannelListCard.MaxChannels, result.Numbers.Count);
        Assert.Equal(80 - ChannelListCard.MaxChannels, result.View.NotShown);
        var card = ChannelListCard.Build(result.View, CampaignText.EnGb.Text.Culture);
        Assert.True(CardJson.SizeInBytes(card) < 28 * 1024);
        Assert.Empty(AdaptiveCardsParser.Validate([CardJson.Serialize(card)]).SelectMany(r => r.Errors.Concat(r.Warnings)));
    }
}
