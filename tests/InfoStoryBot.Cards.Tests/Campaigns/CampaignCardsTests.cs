using System.Text.Json.Nodes;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Tests.Validation;

namespace InfoStoryBot.Cards.Tests.Campaigns;

public sealed class CampaignCardsTests
{
    [Fact]
    public void EveryCampaignAndChannelCard_RealisticHostileAndHuge_PassesMicrosoftsParserWithoutErrorsOrWarnings()
    {
        var cards = CampaignCardSamples.All().ToList();
        var reports = AdaptiveCardsParser.Validate(cards.Select(c => CardJson.Serialize(c.Card)).ToList());

        Assert.Equal(cards.Count, reports.Count);
        var problems = reports
            .Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0)
            .Select(r => $"{cards[r.Index].Name}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryCampaignAndChannelCard_ManyCampaignsAndChannels_StaysUnder28Kilobytes()
    {
        foreach (var (name, card) in CampaignCardSamples.All())
        {
            var size = CardJson.SizeInBytes(card);
            Assert.True(size < 28 * 1024, $"{name} is {size} bytes");
        }
    }

    [Fact]
    public void CampaignList_SixtyCampaigns_ShowsFifteenAndSaysHowManyMore()
    {
        var (_, card) = CampaignCardSamples.All().First(c => c.Name == "campaign-list/realistic");
        var json = CardJson.Serialize(card);

        Assert.Equal(CampaignListCard.MaxCampaigns, CountOf(json, "\"campaign show spring-stories\""));
        Assert.Contains("…and 48 more.", json, StringComparison.Ordinal);
    }

    [Fact]
    public void CampaignButtons_AreExecuteActionsThatCarryTheCommandAsTyped()
    {
        var card = CampaignCard.Build(new CampaignCardView
        {
            Id = "spring-stories", Name = "Spring stories", State = "draft", Dates = "d", Days = "weekdays", TimeAndZone = "10:00, Europe/London",
            Buttons = [new CampaignButton(CampaignButtonKind.Edit, CampaignId: "spring-stories"), new CampaignButton(CampaignButtonKind.Start, "campaign start spring-stories")],
        }, CardSamples.EnGb);

        var actions = CardJson.ToJsonObject(card)["actions"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.All(actions, a => Assert.Equal("Action.Execute", a["type"]!.GetValue<string>()));
        Assert.Equal(ActionNames.CampaignForm, actions[0]["verb"]!.GetValue<string>());
        Assert.Equal("spring-stories", actions[0]["data"]![ActionKeys.Campaign]!.GetValue<string>());
        Assert.Equal(ActionNames.AdminRun, actions[1]["verb"]!.GetValue<string>());
        Assert.Equal("campaign start spring-stories", actions[1]["data"]![ActionKeys.Command]!.GetValue<string>());
        Assert.Equal("positive", actions[1]["style"]!.GetValue<string>());
    }

    [Fact]
    public void CampaignForm_Edit_SendsTheValuesItWasOpenedWithAndOffersChannelsByNameOnly()
    {
        var values = new CampaignFormValues { Name = "Spring", From = "2027-03-01", To = "2027-03-31", At = "10:00", Zone = "Europe/London", Days = ["mon"], ChannelIds = ["19:b@thread.tacv2"] };
        var card = CampaignFormCard.Build(new CampaignFormView(
            "spring", values, "Europe", ["Asia", "Europe"], ["Europe/Berlin", "Europe/London"], [new("19:a@thread.tacv2", "Team / General"), new("19:b@thread.tacv2", "Team / Stories")],
            new CampaignButton(CampaignButtonKind.Show, "campaign show spring"), values), CardSamples.EnGb);

        var json = CardJson.ToJsonObject(card);
        var submit = json["actions"]![0]!.AsObject();
        Assert.Equal(ActionNames.CampaignFormSubmit, submit["verb"]!.GetValue<string>());
        Assert.Equal("spring", submit["data"]![ActionKeys.Campaign]!.GetValue<string>());
        Assert.Equal("10:00", submit["data"]![CampaignFormFields.Was(CampaignFormFields.At)]!.GetValue<string>());
        Assert.Equal("19:b@thread.tacv2", submit["data"]![CampaignFormFields.Was(CampaignFormFields.Channels)]!.GetValue<string>());
        var inputs = Inputs(json).ToDictionary(i => i["id"]!.GetValue<string>());
        Assert.Equal("Input.Time", inputs[CampaignFormFields.At]["type"]!.GetValue<string>());
        Assert.Equal("Input.Date", inputs[CampaignFormFields.From]["type"]!.GetValue<string>());
        Assert.Equal("filtered", inputs[CampaignFormFields.Zone]["style"]!.GetValue<string>());
        Assert.True(inputs[CampaignFormFields.Channels]["isMultiSelect"]!.GetValue<bool>());
        Assert.Equal(["Team / Stories", "Team / General"], inputs[CampaignFormFields.Channels]["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal("19:b@thread.tacv2", inputs[CampaignFormFields.Channels]["value"]!.GetValue<string>());
        var cancel = json["actions"]![1]!.AsObject();
        Assert.Equal("none", cancel["associatedInputs"]!.GetValue<string>());
    }

    [Fact]
    public void CampaignForm_ManyChannels_ListsTheTickedOnesAndSaysHowManyAreNotListed()
    {
        var channels = CampaignCardSamples.Channels(200, "x");
        var ticked = channels[150].Value;
        var card = CampaignFormCard.Build(new CampaignFormView(
            null, new CampaignFormValues { ChannelIds = [ticked] }, "America", CampaignCardSamples.Regions, CampaignCardSamples.Zones, channels, new CampaignButton(CampaignButtonKind.List, "campaign list")), CardSamples.EnGb);

        var json = CardJson.ToJsonObject(card);
        var choices = Inputs(json).Single(i => i["id"]!.GetValue<string>() == CampaignFormFields.Channels)["choices"]!.AsArray();
        Assert.Equal(CampaignFormCard.MaxChannels, choices.Count);
        Assert.Equal(ticked, choices[0]!["value"]!.GetValue<string>());
        Assert.Contains("160 more channels aren’t listed here", json.ToJsonString(CardJson.Options), StringComparison.Ordinal);
    }

    private static IEnumerable<JsonObject> Inputs(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() is { } type && type.StartsWith("Input.", StringComparison.Ordinal))
                {
                    yield return obj;
                }

                foreach (var (key, value) in obj)
                {
                    if (key != "actions" && value is not null)
                    {
                        foreach (var inner in Inputs(value))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    foreach (var inner in Inputs(item))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
