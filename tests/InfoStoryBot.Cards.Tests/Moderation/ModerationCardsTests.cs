using System.Text.Json.Nodes;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Cards.Tests.Validation;
using static InfoStoryBot.Cards.Tests.Validation.CardSamples;

namespace InfoStoryBot.Cards.Tests.Moderation;

public sealed class ModerationCardsTests
{
    private static PendingStoryView Pending(int number, string text, bool consented = true, int warnings = 2) => new()
    {
        Number = number,
        StoryId = $"018f2a3b4c5d-{number:x8}",
        Story = Story(text),
        SentLocal = new DateTime(2027, 3, 3, 9, number % 60, 0),
        CampaignName = "Spring stories " + text,
        Consented = consented,
        Resent = number % 2 == 0,
        Warnings = [.. Enumerable.Range(0, warnings).Select(i => new ModerationWarningView("NHS number", text, "What happened", i % 2 == 0))],
        ApproveCommand = $"stories approve 018f2a3b4c5d-{number:x8}",
        FeatureCommand = $"stories feature 018f2a3b4c5d-{number:x8}",
    };

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        foreach (var (variant, text) in new[] { ("realistic", "and it worked."), ("hostile", Hostile), ("huge", Huge(30_000)) })
        {
            var ten = Enumerable.Range(1, 10).Select(i => Pending(i, text, consented: i % 3 != 0, warnings: i == 1 ? 40 : 2)).ToList();
            yield return ($"queue/{variant}", ModerationQueueCard.Build(new ModerationQueueView(ten, 14, false, "stories pending", "admin", "Approved “" + text + "”."), EnGb));
            yield return ($"queue-many/{variant}", ModerationQueueCard.Build(new ModerationQueueView(ten, 100, true, "stories pending", "admin"), EnGb));
            yield return ($"queue-one/{variant}", ModerationQueueCard.Build(new ModerationQueueView([Pending(1, text, warnings: 0)], 1, false, "stories pending", "admin"), EnGb));
            yield return ($"queue-empty/{variant}", ModerationQueueCard.Build(new ModerationQueueView([], 0, false, "stories pending", "admin", text), EnGb));
            yield return ($"story/{variant}", ModerationStoryCard.Build(new ModerationStoryView(Pending(3, text, warnings: 30), "stories pending", text), EnGb));
            yield return ($"story-private/{variant}", ModerationStoryCard.Build(new ModerationStoryView(Pending(0, text, consented: false, warnings: 0), "stories pending"), EnGb));
            foreach (var kind in Enum.GetValues<TellerNoticeKind>())
            {
                yield return ($"notice-{kind}/{variant}", TellerNoticeCard.Build(new TellerNoticeView(kind, "018f2a3b4c5d-00000001", text, text, text), EnGb));
                yield return ($"notice-{kind}-nocampaign/{variant}", TellerNoticeCard.Build(new TellerNoticeView(kind, "018f2a3b4c5d-00000001", "", null, kind == TellerNoticeKind.Returned ? text : null), EnGb));
            }
        }
    }

    [Fact]
    public void EveryModerationCard_RealisticHostileAndHuge_PassesMicrosoftsParserWithoutErrorsOrWarnings()
    {
        var cards = All().ToList();
        var reports = AdaptiveCardsParser.Validate(cards.Select(c => CardJson.Serialize(c.Card)).ToList());

        Assert.Equal(cards.Count, reports.Count);
        var problems = reports
            .Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0)
            .Select(r => $"{cards[r.Index].Name}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryModerationCard_EvenWithHugeText_StaysUnder28Kilobytes()
    {
        Assert.All(All(), c => Assert.True(CardJson.SizeInBytes(c.Card) < 28 * 1024, $"{c.Name} is {CardJson.SizeInBytes(c.Card)} bytes"));
    }

    [Fact]
    public void Queue_EachStory_HasItsDecisionsAndItsOwnReasonBox()
    {
        var card = CardJson.ToJsonObject(ModerationQueueCard.Build(new ModerationQueueView([Pending(1, "a"), Pending(2, "b", consented: false)], 2, false, "stories pending", "admin"), EnGb));
        var buttons = Buttons(card);

        Assert.Contains(buttons, b => Data(b, ActionKeys.Command) == "stories approve 018f2a3b4c5d-00000001");
        Assert.Contains(buttons, b => Data(b, ActionKeys.Command) == "stories feature 018f2a3b4c5d-00000001");
        Assert.DoesNotContain(buttons, b => Data(b, ActionKeys.Command) == "stories feature 018f2a3b4c5d-00000002");
        Assert.Equal(2, buttons.Count(b => Data(b, "action") == ActionNames.ModerationReject));
        Assert.Equal(2, buttons.Count(b => Data(b, "action") == ActionNames.ModerationRead));
        Assert.Equal(["reason.018f2a3b4c5d-00000001", "reason.018f2a3b4c5d-00000002"], Inputs(card));
        Assert.All(buttons.Where(b => Data(b, "action") == ActionNames.AdminRun && Data(b, ActionKeys.Command)!.StartsWith("stories ", StringComparison.Ordinal)),
            b => Assert.Equal("Action.Execute", b["type"]!.GetValue<string>()));
    }

    [Fact]
    public void Queue_Warnings_ShowWhatWasFoundAndWhetherTheTellerSaidItIsNot()
    {
        var text = CardJson.Serialize(ModerationQueueCard.Build(new ModerationQueueView([Pending(1, "943 476 5919")], 1, false, "stories pending", "admin"), EnGb));

        Assert.Contains("Looks like personal data", text, StringComparison.Ordinal);
        Assert.Contains("943 476 5919", text, StringComparison.Ordinal);
        Assert.Contains("its teller said this isn’t personal data", text, StringComparison.Ordinal);
        Assert.Contains("its teller wasn’t asked about this", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Notice_Returned_CarriesTheReasonAndAnEditButtonForThatStory()
    {
        var card = CardJson.ToJsonObject(TellerNoticeCard.Build(new TellerNoticeView(TellerNoticeKind.Returned, "018f2a3b4c5d-00000001", "Telling it once", null, "It names a family."), EnGb));

        Assert.Contains("It names a family.", card.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(Buttons(card), b => Data(b, "action") == ActionNames.StoryEditOwn && Data(b, ActionKeys.StoryId) == "018f2a3b4c5d-00000001");
    }

    internal static List<JsonObject> Buttons(JsonNode? node)
    {
        var found = new List<JsonObject>();
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit")
                {
                    found.Add(obj);
                }

                foreach (var (_, value) in obj)
                {
                    found.AddRange(Buttons(value));
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    found.AddRange(Buttons(item));
                }

                break;
        }

        return found;
    }

    internal static string? Data(JsonObject button, string key) => button["data"]?[key]?.GetValue<string>();

    private static List<string> Inputs(JsonNode? node) => node switch
    {
        JsonObject obj when obj["type"]?.GetValue<string>()?.StartsWith("Input.", StringComparison.Ordinal) == true => [obj["id"]!.GetValue<string>()],
        JsonObject obj => [.. obj.SelectMany(p => Inputs(p.Value))],
        JsonArray array => [.. array.SelectMany(Inputs)],
        _ => [],
    };
}
