using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Cards.Channels;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Cards.Tests.Validation;

namespace InfoStoryBot.Cards.Tests.Campaigns;

/// <summary>The campaign team's campaign and channel cards from realistic, hostile and huge views, with many campaigns and channels.</summary>
internal static class CampaignCardSamples
{
    /// <summary>More zones than the largest region of the tz database (America: 144, 18 characters on average).</summary>
    public static IReadOnlyList<string> Zones { get; } =
        [.. Enumerable.Range(0, 150).Select(i => $"America/Place_{i:D4}")];

    public static IReadOnlyList<string> Regions { get; } = ["Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific"];

    public static IReadOnlyList<ChoiceOption> Channels(int count, string text) =>
        [.. Enumerable.Range(1, count).Select(i => new ChoiceOption($"19:{i:D32}@thread.tacv2", $"Team {i % 7} {text} / Channel {i} {text}"))];

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        foreach (var (variant, text) in new[] { ("realistic", "and partners"), ("hostile", CardSamples.Hostile), ("huge", CardSamples.Huge(30_000)) })
        {
            var buttons = new[]
            {
                new CampaignButton(CampaignButtonKind.Show, "campaign show spring-stories"),
                new CampaignButton(CampaignButtonKind.Edit, CampaignId: "spring-stories"),
                new CampaignButton(CampaignButtonKind.Start, "campaign start spring-stories"),
                new CampaignButton(CampaignButtonKind.Pause, "campaign pause spring-stories"),
                new CampaignButton(CampaignButtonKind.End, "campaign end spring-stories"),
            };
            var rows = Enumerable.Range(1, 60).Select(i => new CampaignRowView($"campaign-{i}", "Spring stories " + text, "draft", "Mon 1 Mar 2027 to Wed 31 Mar 2027", buttons)).ToList();
            yield return ($"campaign-list/{variant}", CampaignListCard.Build(new CampaignListView(rows, 3, "Created “x” " + text), CardSamples.EnGb));
            yield return ($"campaign-list-empty/{variant}", CampaignListCard.Build(new CampaignListView([]), CardSamples.EnGb));

            var card = new CampaignCardView
            {
                Id = "spring-stories",
                Name = "Spring stories " + text,
                State = "running",
                Dates = "Mon 1 Mar 2027 to Wed 31 Mar 2027",
                Days = "weekdays",
                TimeAndZone = "10:00, Europe/London",
                Channels = [.. Enumerable.Range(1, 120).Select(i => $"Northshire {text} / Channel {i} (muted)")],
                Goal = "A story from every partner " + text,
                Target = "20 stories",
                NextSlots = [.. Enumerable.Range(1, 5).Select(i => $"Mon {i} Mar 2027, 10:00 GMT")],
                Notes = [.. Enumerable.Range(1, 30).Select(i => $"On Sunday 28 March 2027, 01:30 doesn’t exist in Europe/London {text}")],
                Done = "Saved: at 10:00 → 11:15 " + text,
                Problems = [.. Enumerable.Range(1, 20).Select(i => "“x” has no channels yet " + text)],
                Buttons = [.. buttons.Skip(1), new CampaignButton(CampaignButtonKind.Resume, "campaign resume spring-stories"), new CampaignButton(CampaignButtonKind.List, "campaign list")],
            };
            yield return ($"campaign/{variant}", CampaignCard.Build(card, CardSamples.EnGb));
            yield return ($"campaign-bare/{variant}", CampaignCard.Build(card with { Channels = [], Goal = null, Target = null, NextSlots = [], Notes = [], Problems = [], Done = null, Buttons = [] }, CardSamples.EnGb));

            var values = new CampaignFormValues
            {
                Name = text, From = "2027-03-01", To = "2027-03-31", At = "10:00", Zone = "Europe/London", Days = ["mon", "wed", "fri"],
                ChannelIds = [.. Channels(30, text).Select(c => c.Value)], Goal = text, Target = "20",
            };
            var cancel = new CampaignButton(CampaignButtonKind.Show, "campaign show spring-stories");
            yield return ($"campaign-form-new/{variant}", CampaignFormCard.Build(new CampaignFormView(null, new CampaignFormValues { At = "10:00", Zone = "Europe/London" }, "America", Regions, Zones, Channels(300, text), new CampaignButton(CampaignButtonKind.List, "campaign list")), CardSamples.EnGb));
            yield return ($"campaign-form-edit/{variant}", CampaignFormCard.Build(new CampaignFormView("spring-stories", values, "America", Regions, Zones, Channels(300, text), cancel, values, [.. Enumerable.Range(1, 20).Select(_ => "The end date is before the start date " + text)], "Spring " + text), CardSamples.EnGb));
            yield return ($"campaign-form-odd-zone/{variant}", CampaignFormCard.Build(new CampaignFormView("spring-stories", values with { Zone = text, Target = text }, text, Regions, Zones, [], cancel, values), CardSamples.EnGb));

            var teams = Enumerable.Range(1, 8).Select(t => new ChannelTeamView("Team " + t + " " + text, [.. Enumerable.Range(1, 40).Select(i => new ChannelRowView(
                t * 100 + i, "Channel " + i + " " + text, i % 3 == 0, i % 5 == 0 ? "gone since Mon 1 Mar 2027: deleted in Teams " + text : null,
                i % 5 == 0 ? null : $"channels mute \"Team {t} / Channel {i}\"", i % 2 == 0 ? "In Spring stories, " + text : null))])).ToList();
            yield return ($"channels/{variant}", ChannelListCard.Build(new ChannelListView(teams, 12, "Muted **x** " + text), CardSamples.EnGb));
            yield return ($"channels-empty/{variant}", ChannelListCard.Build(new ChannelListView([]), CardSamples.EnGb));
        }
    }
}
