using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Bot.Admin;

// How admin commands enter: typed in chat, or pressed on a card ("admin.run" carries the command's own text). Both
// read the text with the one grammar and pass the record to the AdminGate.

/// <summary>Every typed admin command (campaign…, channels…, stories…, admin…, audit, nudge…, experiment…, report, export).</summary>
internal sealed class AdminChatCommand(AdminGate gate) : IChatCommand
{
    public IReadOnlyList<string> Words => AdminCatalogue.CommandWords;

    public Audience Audience => Audience.CampaignTeam;

    // The grammar decides, so "stories mine" or "admin is great" fall through to the other commands and the fallback.
    public string? Match(string text) => AdminGrammar.Parse(text, Resources.BotText.DefaultCulture) is AdminParse.NotAdmin ? null : text;

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        AdminText.RunAsync(gate, turn, turn.Text, cancellationToken);
}

/// <summary>A button on an admin card: the command it stands for travels as text and is read like a typed one.</summary>
internal sealed class AdminRunButton(AdminGate gate) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.AdminRun];

    public Audience Audience => Audience.CampaignTeam;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        await AdminText.RunAsync(gate, turn, submit.Get(ActionKeys.Command) ?? "", cancellationToken);
        return null;
    }
}

internal static class AdminText
{
    public static Task RunAsync(AdminGate gate, TurnContext turn, string text, CancellationToken cancellationToken) =>
        gate.RunAsync(turn, AdminGrammar.Parse(text, turn.Culture, PersonTime.Today(turn.Now, turn.Activity)), cancellationToken);
}
