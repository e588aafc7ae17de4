using System.Globalization;
using System.Text.Json;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.StoryCapture;
using InfoStoryBot.Testing;

namespace InfoStoryBot.Dialogs.Tests.StoryCapture;

/// <summary>Drives the story dialog the way Bot does, one turn at a time, and reads like the conversation.</summary>
internal sealed class StoryTranscript
{
    public static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private readonly DialogSettings _settings;
    private int _ids;

    public StoryTranscript(DialogSettings? settings = null, DateTimeOffset? now = null)
    {
        _settings = settings ?? DialogSettings.Default;
        Now = now ?? new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);
    }

    public DateTimeOffset Now { get; private set; }

    public JsonElement? State { get; private set; }

    public DialogTurnResult<StoryDialogResult>? Last { get; private set; }

    public StoryDialogResult Result => Last?.Result ?? throw new InvalidOperationException("The dialog has not completed.");

    public StoryTranscript Start(StoryDialogStart? start = null) =>
        Record(StoryDialog.Start(start ?? new StoryDialogStart { TellerName = "Sam Jones" }, Turn(null, null)));

    /// <summary>Types a message; with no dialog running, a start phrase starts one, as Bot would.</summary>
    public StoryTranscript Send(string text)
    {
        if (State is null)
        {
            Assert.True(StoryDialog.IsStartCommand(text, EnGb), $"'{text}' does not start the story dialog.");
            return Start();
        }

        return Record(StoryDialog.Continue(State.Value, Turn(text, null), _settings));
    }

    /// <summary>Presses a card button: the action plus the card's inputs, as an Action.Submit delivers them.</summary>
    public StoryTranscript Click(string action, params (string Key, string Value)[] fields)
    {
        Assert.NotNull(State);
        var value = JsonSerializer.SerializeToElement(CardActions.Data(action, fields));
        return Record(StoryDialog.Continue(State.Value, DialogTurn.FromMessage(null, value, Now, EnGb, NextId()), _settings));
    }

    public StoryTranscript Answer(string step, string answer) => Click(ActionNames.StoryAnswer, (ActionKeys.Step, step), (ActionKeys.Answer, answer));

    /// <summary>
    /// Presses a button by its title on the last reply's cards, as Teams sends it: its data with the card's inputs
    /// as the dialog filled them in, except for the ones in <paramref name="changes"/>.
    /// </summary>
    public StoryTranscript Press(string title, params (string Input, string Value)[] changes) => PressOn(LastCard(title), title, changes);

    /// <summary>Presses a button on a card kept from earlier (an old card still in the chat).</summary>
    public StoryTranscript PressOn(JsonElement card, string title, params (string Input, string Value)[] changes)
    {
        Assert.NotNull(State);
        var value = CardPress.Value(card, title, changes.ToDictionary(c => c.Input, c => c.Value));
        var element = JsonSerializer.SerializeToElement(value);
        return Record(StoryDialog.Continue(State.Value, DialogTurn.FromMessage(null, element, Now, EnGb, NextId()), _settings));
    }

    /// <summary>The last card of the last reply that has a button with this title (or the last card at all).</summary>
    public JsonElement LastCard(string? withButton = null) =>
        Last!.Messages.Where(m => m.Card is not null).Select(m => m.Card!.Value)
            .LastOrDefault(c => withButton is null || CardPress.Titles(c).Contains(withButton))
        is { ValueKind: JsonValueKind.Object } card
            ? card
            : throw new InvalidOperationException($"No card in the last reply has a button '{withButton}':\n{Said()}");

    /// <summary>The value an input of the last card would send.</summary>
    public string InputValue(string id) => CardPress.Inputs(LastCard()).Single(i => i.Id == id).Value;

    public StoryTranscript Wait(TimeSpan time)
    {
        Now += time;
        return this;
    }

    /// <summary>Writes the state out as text and reads it back, as a restart between turns would.</summary>
    public StoryTranscript RoundTripState()
    {
        Assert.NotNull(State);
        var text = JsonSerializer.Serialize(State.Value);
        State = JsonDocument.Parse(text).RootElement.Clone();
        return this;
    }

    public StoryTranscript AssertReply(string fragment)
    {
        var said = Said();
        Assert.True(said.Contains(fragment, StringComparison.Ordinal), $"Expected the reply to contain \"{fragment}\" but it was:\n{said}");
        return this;
    }

    public StoryTranscript AssertNoReply(string fragment)
    {
        var said = Said();
        Assert.False(said.Contains(fragment, StringComparison.Ordinal), $"Expected the reply not to contain \"{fragment}\" but it was:\n{said}");
        return this;
    }

    public StoryTranscript AssertStep(string step)
    {
        Assert.NotNull(State);
        Assert.Equal(step, StoryDialogState().Step);
        return this;
    }

    public StoryTranscript AssertStatus(DialogStatus status)
    {
        Assert.Equal(status, Last!.Status);
        if (status != DialogStatus.Continue)
        {
            Assert.Null(Last.State);
        }

        return this;
    }

    public DialogState<StoryDraft> StoryDialogState() => JsonSerializer.Deserialize<DialogState<StoryDraft>>(State!.Value, StepDialog<StoryDraft, StoryDialogResult>.StateJson)!;

    /// <summary>All the text of the last reply: message text and every string in its cards.</summary>
    public string Said()
    {
        var parts = new List<string>();
        foreach (var message in Last!.Messages)
        {
            if (message.Text is not null)
            {
                parts.Add(message.Text);
            }

            if (message.Card is { } card)
            {
                Collect(card, parts);
            }
        }

        return string.Join("\n", parts);
    }

    private static void Collect(JsonElement element, List<string> parts)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                parts.Add(element.GetString()!);
                break;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    Collect(p.Value, parts);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, parts);
                }

                break;
        }
    }

    private StoryTranscript Record(DialogTurnResult<StoryDialogResult> result)
    {
        Last = result;
        State = result.State;
        Assert.NotEmpty(result.Messages);
        return this;
    }

    private DialogTurn Turn(string? text, JsonElement? value) => DialogTurn.FromMessage(text, value, Now, EnGb, NextId());

    private string NextId() => "id-" + ++_ids;
}
