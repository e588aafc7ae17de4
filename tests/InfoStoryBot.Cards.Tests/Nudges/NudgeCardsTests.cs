using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Nudges;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Cards.Tests.Validation;

namespace InfoStoryBot.Cards.Tests.Nudges;

public sealed class NudgeCardsTests
{
    // Breadth first, so buttons come in the order the card shows them.
    private static IEnumerable<JsonObject> Buttons(AdaptiveCard card)
    {
        var queue = new Queue<JsonNode?>([CardJson.ToJsonObject(card)]);
        while (queue.Count > 0)
        {
            switch (queue.Dequeue())
            {
                case JsonObject obj:
                    if (obj["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit")
                    {
                        yield return obj;
                    }

                    foreach (var (_, value) in obj)
                    {
                        queue.Enqueue(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        queue.Enqueue(item);
                    }

                    break;
            }
        }
    }

    private static string? Data(JsonObject button, string key) => button["data"]?[key]?.GetValue<string>();

    [Fact]
    public void EveryNudgeCard_RealisticHostileAndHuge_PassesMicrosoftsParserWithoutErrorsOrWarnings()
    {
        var cards = NudgeCardSamples.All().ToList();
        var reports = AdaptiveCardsParser.Validate(cards.Select(c => CardJson.Serialize(c.Card)).ToList());

        Assert.Equal(cards.Count, reports.Count);
        var problems = reports
            .Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0)
            .Select(r => $"{cards[r.Index].Name}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryNudgeCard_EvenWithHugeText_StaysUnder28Kilobytes()
    {
        foreach (var (name, card) in NudgeCardSamples.All())
        {
            var size = CardJson.SizeInBytes(card);
            Assert.True(size < 28 * 1024, $"{name} is {size} bytes");
        }
    }

    [Fact]
    public void EveryNudgeCard_HasShareYours_AndEveryButtonCarriesDeliveryAndVariant()
    {
        foreach (var view in NudgeCardSamples.Views("and it worked."))
        {
            var card = NudgeCards.Build(view, NudgeCardSamples.Delivery, CardSamples.EnGb);
            var buttons = Buttons(card).ToList();

            Assert.Contains(buttons, b => b["title"]?.GetValue<string>() == "Share yours" && Data(b, "action") == ActionNames.NudgeShare);
            Assert.All(buttons, b =>
            {
                Assert.Equal("Action.Execute", b["type"]!.GetValue<string>());
                Assert.Equal(Data(b, "action"), b["verb"]!.GetValue<string>());
                Assert.Equal("dlv-0042", Data(b, ActionKeys.DeliveryId));
                Assert.Equal("B", Data(b, ActionKeys.Variant));
            });
        }
    }

    [Fact]
    public void StoryOfTheDay_ReadIt_CarriesTheStory()
    {
        var view = NudgeCardSamples.Views("x").OfType<StoryOfTheDayView>().Single();

        var readIt = Buttons(NudgeCards.Build(view, NudgeCardSamples.Delivery, CardSamples.EnGb)).Single(b => Data(b, "action") == ActionNames.NudgeRead);

        Assert.Equal("Read it", readIt["title"]!.GetValue<string>());
        Assert.Equal("s-17", Data(readIt, ActionKeys.StoryId));
    }

    [Fact]
    public void Pledge_HasThePledgeButton()
    {
        var view = NudgeCardSamples.Views("x").OfType<PledgeView>().Single();

        var pledge = Buttons(NudgeCards.Build(view, NudgeCardSamples.Delivery, CardSamples.EnGb)).Single(b => Data(b, "action") == ActionNames.NudgePledge);

        Assert.Equal("I’ll share a story this week", pledge["title"]!.GetValue<string>());
    }

    [Fact]
    public void PledgeTimes_OneButtonPerTimePlusNoReminder_EachWithDelivery()
    {
        var card = PledgeTimesCard.Build(new PledgeTimesView([new("Tomorrow 9:00", "2026-11-18T09:00:00Z"), new("Thursday 14:00", "2026-11-19T14:00:00Z")], "Europe/London"),
            NudgeCardSamples.Delivery, CardSamples.EnGb);

        var buttons = Buttons(card).ToList();

        Assert.Equal(["Tomorrow 9:00", "Thursday 14:00", "No reminder, thanks"], buttons.Select(b => b["title"]!.GetValue<string>()));
        Assert.Equal(["2026-11-18T09:00:00Z", "2026-11-19T14:00:00Z", ActionKeys.NoReminder], buttons.Select(b => Data(b, ActionKeys.RemindAt)));
        Assert.All(buttons, b =>
        {
            Assert.Equal(ActionNames.NudgePledgeRemind, Data(b, "action"));
            Assert.Equal("dlv-0042", Data(b, ActionKeys.DeliveryId));
        });
    }

    [Fact]
    public void NoVariant_ButtonsCarryTheDeliveryOnly()
    {
        var view = NudgeCardSamples.Views("x").OfType<TwoMinuteShareView>().Single();

        var share = Buttons(NudgeCards.Build(view, new NudgeDelivery("dlv-7"), CardSamples.EnGb)).Single();

        Assert.Equal("dlv-7", Data(share, ActionKeys.DeliveryId));
        Assert.Null(share["data"]![ActionKeys.Variant]);
    }

    [Fact]
    public void Press_ReadByTheBotEitherWay_GivesTheSameActionAndData()
    {
        var view = NudgeCardSamples.Views("x").OfType<StoryOfTheDayView>().Single();
        var readIt = Buttons(NudgeCards.Build(view, NudgeCardSamples.Delivery, CardSamples.EnGb)).Single(b => Data(b, "action") == ActionNames.NudgeRead);

        using var execute = JsonDocument.Parse(readIt.ToJsonString());
        using var submit = JsonDocument.Parse(readIt["data"]!.ToJsonString());
        Assert.True(CardSubmit.TryFromExecuteAction(execute.RootElement, out var fromInvoke));
        Assert.True(CardSubmit.TryFromSubmitValue(submit.RootElement, out var fromMessage));

        Assert.Equal(fromInvoke!.Action, fromMessage!.Action);
        Assert.Equal(fromInvoke.Fields.OrderBy(f => f.Key), fromMessage.Fields.OrderBy(f => f.Key));
        Assert.Equal("s-17", fromInvoke.Get(ActionKeys.StoryId));
    }

    [Fact]
    public void HostileText_ReachesTheCardOnlyAsPlainTextRuns()
    {
        var json = CardJson.ToJsonObject(NudgeCards.Build(NudgeCardSamples.Views(CardSamples.Hostile).First(), NudgeCardSamples.Delivery, CardSamples.EnGb));

        var textBlocks = new List<string>();
        var runs = new List<string>();
        var stack = new Stack<JsonNode?>([json]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    var type = obj["type"]?.GetValue<string>();
                    if (type == "TextBlock")
                    {
                        textBlocks.Add(obj["text"]!.GetValue<string>());
                    }
                    else if (type == "TextRun")
                    {
                        runs.Add(obj["text"]!.GetValue<string>());
                    }
                    else if (type == "FactSet")
                    {
                        textBlocks.AddRange(obj["facts"]!.AsArray().Select(f => f!["value"]!.GetValue<string>()));
                    }

                    foreach (var (_, value) in obj)
                    {
                        stack.Push(value);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        stack.Push(item);
                    }

                    break;
            }
        }

        Assert.DoesNotContain(textBlocks, t => t.Contains("[click me](", StringComparison.Ordinal) || t.Contains("<at>", StringComparison.Ordinal));
        Assert.DoesNotContain(runs, r => r.Contains("<at>", StringComparison.Ordinal) || r.Contains("{{DATE", StringComparison.Ordinal) || r.Contains('\u202E'));
        Assert.Contains(runs, r => r.Contains("Telling it once", StringComparison.Ordinal));
    }

    [Fact]
    public void StoryOfTheDay_AnonymousByline_ShowsNoNameRoleOrOrganisation()
    {
        var view = NudgeCardSamples.Views("x").OfType<StoryOfTheDayView>().Single() with
        {
            Byline = new Byline(BylineKind.Anonymous, "Sam Hidden", "Secret role", "Secret org"),
        };

        var json = CardJson.Serialize(NudgeCards.Build(view, NudgeCardSamples.Delivery, CardSamples.EnGb));

        Assert.DoesNotContain("Hidden", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Secret", json, StringComparison.Ordinal);
        Assert.Contains("Told by a colleague", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SendReport_CountsEachOutcomeAndNamesEveryChannelWithItsReason()
    {
        var view = new NudgeSendReportView("#infostory", [
            new("Partners / Stories", NudgeSendOutcome.Sent, "weekly-norm", null, false),
            new("Partners / General", NudgeSendOutcome.Skipped, null, "The channel is muted.", false),
            new("Police / Sharing", NudgeSendOutcome.Gone, "weekly-norm", "Teams answered 403 BotNotInConversationRoster.", false),
            new("Health / Stories", NudgeSendOutcome.Unknown, "weekly-norm", "Teams answered 504. It may have been posted.", true),
        ]);

        var json = CardJson.Serialize(NudgeSendReportCard.Build(view, CardSamples.EnGb));

        Assert.Contains("1 sent, 1 skipped, 1 failed, 1 unknown.", json, StringComparison.Ordinal);
        foreach (var line in view.Channels)
        {
            Assert.Contains(line.Channel, json, StringComparison.Ordinal);
        }

        Assert.Contains("The channel is muted.", json, StringComparison.Ordinal);
        Assert.Contains("already done this minute", json, StringComparison.Ordinal);
        Assert.Empty(Buttons(NudgeSendReportCard.Build(view, CardSamples.EnGb)));
    }
}
