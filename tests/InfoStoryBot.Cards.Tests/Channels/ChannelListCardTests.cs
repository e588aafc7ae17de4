using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Channels;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Tests.Validation;

namespace InfoStoryBot.Cards.Tests.Channels;

public sealed class ChannelListCardTests
{
    [Fact]
    public void ChannelList_ManyTeams_ShowsThirtyRowsAndCountsTheRest()
    {
        var teams = Enumerable.Range(1, 3).Select(t => new ChannelTeamView("Team " + t, [.. Enumerable.Range(1, 30).Select(i => new ChannelRowView(t * 30 + i, "C" + i, false, null, "channels mute 1"))])).ToList();

        var json = CardJson.Serialize(ChannelListCard.Build(new ChannelListView(teams, 5), CardSamples.EnGb));

        Assert.Equal(ChannelListCard.MaxChannels, (json.Length - json.Replace("\"channels mute 1\"", "", StringComparison.Ordinal).Length) / "\"channels mute 1\"".Length);
        Assert.Contains("…and 65 more.", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Team 2", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelRow_MutedWithButton_OffersUnmuteAsAnAdminRunExecute()
    {
        var card = ChannelListCard.Build(new ChannelListView([new ChannelTeamView("Northshire", [new ChannelRowView(1, "General", true, null, "channels unmute \"Northshire / General\"")])]), CardSamples.EnGb);

        var json = CardJson.ToJsonObject(card).ToJsonString(CardJson.Options);
        Assert.Contains("\"type\":\"Action.Execute\"", json, StringComparison.Ordinal);
        Assert.Contains("\"title\":\"Unmute\"", json, StringComparison.Ordinal);
        Assert.Contains("\"verb\":\"" + ActionNames.AdminRun + "\"", json, StringComparison.Ordinal);
        Assert.Contains("channels unmute \\\"Northshire / General\\\"", json, StringComparison.Ordinal);
        Assert.Contains("muted", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelRow_GoneWithoutToggle_HasNoButtonAndSaysWhy()
    {
        var card = ChannelListCard.Build(new ChannelListView([new ChannelTeamView("T", [new ChannelRowView(1, "Old", false, "gone since Mon 1 Mar 2027: deleted in Teams", null)])]), CardSamples.EnGb);

        var json = CardJson.Serialize(card);
        Assert.DoesNotContain("Action.Execute", json, StringComparison.Ordinal);
        Assert.Contains("deleted in Teams", json, StringComparison.Ordinal);
    }
}
