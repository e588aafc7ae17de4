using System.Net;
using System.Text.Json;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.Infrastructure;

/// <summary>
/// A person's 1:1 chat with the bot as Teams shows it, for card-driven admin work: typed messages, and presses on
/// Action.Execute buttons (invoke <c>adaptiveCard/action</c>) whose answer card replaces the pressed one in place.
/// <see cref="Card"/> is the newest card the person sees, from a message or from an in-place update.
/// </summary>
public sealed class AdminChat(TeamsHarness teams, SimulatedUser user)
{
    private readonly List<JsonElement> _cards = [];
    private int _seen;

    public SimulatedUser User { get; } = user;

    /// <summary>Everything the bot answered to the last message or press: text, and the text of its cards.</summary>
    public string LastAnswer { get; private set; } = "";

    /// <summary>The messages the last message or press produced (an in-place update is not a message).</summary>
    public IReadOnlyList<Activity> LastMessages { get; private set; } = [];

    /// <summary>The card an Action.Execute press answered with, replacing the pressed card; null when it did not.</summary>
    public JsonElement? LastUpdate { get; private set; }

    public JsonElement Card => _cards.Count > 0 ? _cards[^1] : throw new InvalidOperationException("No card yet. Last answer: " + LastAnswer);

    public async Task<string> Say(string text)
    {
        using var response = await teams.PostAsync(teams.Teams.Activities.PersonalMessage(text, User));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The bot answered {(int)response.StatusCode}.");
        LastUpdate = null;
        Collect([]);
        return LastAnswer;
    }

    /// <summary>Presses a button by its title on the newest card that has it, with the card's inputs (some changed).</summary>
    public async Task<string> Press(string title, params (string Input, string Value)[] changes)
    {
        var card = _cards.AsEnumerable().Reverse().FirstOrDefault(c => CardPress.Titles(c).Contains(title));
        Assert.True(card.ValueKind == JsonValueKind.Object, $"No card has a button '{title}'. Last answer:\n{LastAnswer}");
        return await PressOn(card, title, changes);
    }

    /// <summary>Presses a button on a given card, e.g. one kept from earlier or forwarded from someone else.</summary>
    public async Task<string> PressOn(JsonElement card, string title, params (string Input, string Value)[] changes)
    {
        var value = CardPress.Value(card, title, changes.ToDictionary(c => c.Input, c => c.Value));
        var verb = value["action"]!.GetValue<string>();
        using var response = await teams.PostAsync(teams.Teams.Activities.AdaptiveCardAction(verb, value, replyToId: "1700000000000", user: User));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"The bot answered {(int)response.StatusCode}.");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var said = new List<string>();
        LastUpdate = null;
        if (body.RootElement.GetProperty("type").GetString() == Attachment.AdaptiveCardContentType)
        {
            LastUpdate = body.RootElement.GetProperty("value").Clone();
            _cards.Add(LastUpdate.Value);
            said.Add(CardAssert.Text(LastUpdate.Value));
        }
        else
        {
            said.Add(body.RootElement.GetProperty("value").GetString() ?? "");
        }

        Collect(said);
        return LastAnswer;
    }

    private void Collect(List<string> said)
    {
        var all = teams.Sent().Where(a => a.Recipient?.Id == User.Id).ToList();
        LastMessages = all.Skip(_seen).ToList();
        _seen = all.Count;
        foreach (var message in LastMessages)
        {
            _cards.AddRange((message.Attachments ?? []).Where(a => a.Content is { ValueKind: JsonValueKind.Object }).Select(a => a.Content!.Value));
        }

        LastAnswer = string.Join("\n", said.Concat(LastMessages.Select(CardAssert.Describe)));
    }
}
