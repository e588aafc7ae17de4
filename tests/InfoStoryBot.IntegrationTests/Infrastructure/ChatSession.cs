using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.Infrastructure;

/// <summary>
/// One person's 1:1 chat with the bot through the simulator, read like a transcript:
/// <c>await chat.Say("share a story")</c> returns what the bot answered to that message.
/// </summary>
public sealed class ChatSession(TeamsHarness teams, SimulatedUser? user = null)
{
    private int _seen;

    public SimulatedUser User { get; } = user ?? SimulatedUser.Priya;

    /// <summary>Everything the bot answered to the last message, text and card text together.</summary>
    public string LastAnswer { get; private set; } = "";

    public IReadOnlyList<Activity> LastMessages { get; private set; } = [];

    public Task<string> Say(string text) => SendAsync(teams.Teams.Activities.PersonalMessage(text, User));

    /// <summary>Presses a card button (Action.Submit): the button's data merged with the card's inputs.</summary>
    public Task<string> Click(string action, params (string Key, string Value)[] fields)
    {
        var value = new JsonObject { ["action"] = action };
        foreach (var (key, v) in fields)
        {
            value[key] = v;
        }

        return SendAsync(teams.Teams.Activities.CardSubmit(value, replyToId: "1700000000000", user: User));
    }

    /// <summary>
    /// Presses a button by its title on the newest card the bot sent in this chat that has it, as Teams does: the
    /// button's data with the card's inputs at the values the bot filled in, except for <paramref name="changes"/>.
    /// </summary>
    public Task<string> Press(string title, params (string Input, string Value)[] changes)
    {
        var card = teams.Sent().Where(a => a.Recipient?.Id == User.Id)
            .SelectMany(m => m.Attachments ?? []).Where(a => a.Content is { ValueKind: JsonValueKind.Object }).Select(a => a.Content!.Value)
            .LastOrDefault(c => CardPress.Titles(c).Contains(title));
        Assert.True(card.ValueKind == JsonValueKind.Object, $"No card in this chat has a button '{title}'. Last answer:\n{LastAnswer}");
        return PressOn(card, title, changes);
    }

    /// <summary>Presses a button on a card kept from earlier, e.g. one still in the chat after its story ended.</summary>
    public Task<string> PressOn(JsonElement card, string title, params (string Input, string Value)[] changes) =>
        SendAsync(teams.Teams.Activities.CardSubmit(CardPress.Value(card, title, changes.ToDictionary(c => c.Input, c => c.Value)), replyToId: "1700000000000", user: User));

    /// <summary>The newest card of the last answer.</summary>
    public JsonElement LastCard() =>
        LastMessages.SelectMany(m => m.Attachments ?? []).Where(a => a.Content is { ValueKind: JsonValueKind.Object }).Select(a => a.Content!.Value).Last();

    public async Task<string> SendAsync(JsonObject activity)
    {
        using var response = await teams.PostAsync(activity);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The bot answered {(int)response.StatusCode}.");
        var all = teams.Sent().Where(a => a.Recipient?.Id == User.Id).ToList();
        LastMessages = all.Skip(_seen).ToList();
        _seen = all.Count;
        LastAnswer = string.Join("\n", LastMessages.Select(CardAssert.Describe));
        return LastAnswer;
    }

    /// <summary>The action names of the buttons in the last answer's cards.</summary>
    public IReadOnlyList<string> LastButtons() =>
        [.. LastMessages.SelectMany(m => m.Attachments ?? []).Where(a => a.Content is not null).SelectMany(a => CardAssert.Actions(a.Content!.Value))];
}
