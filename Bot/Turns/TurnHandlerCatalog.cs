using System.Collections.Frozen;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// What every feature registered, read once at start-up: command words, button action names and invoke names must
/// each belong to one handler, or the app refuses to start (a clash found on the first turn would answer someone with
/// the wrong feature). Also tells the pipeline, before it takes any lock, whether a button needs the conversation's state,
/// and whether a turn should start from storage's latest state rather than this instance's kept copy.
/// </summary>
public sealed class TurnHandlerCatalog(IServiceScopeFactory scopes) : IHostedService
{
    private readonly Lazy<Catalog> _catalog = new(() => Read(scopes));

    public bool UsesConversationState(string action) =>
        !_catalog.Value.StatelessActions.Contains(action);

    public IReadOnlyCollection<string> CommandWords => _catalog.Value.Words;

    /// <summary>
    /// Whether a turn is for the campaign team (a command or button whose audience is not everyone). Such a turn changes
    /// things outside the conversation (campaigns, stories, grants), so it starts from storage's latest state: a turn run
    /// on this instance's stale copy would do its change, lose its state race, and do it again on the re-run.
    /// </summary>
    public bool IsForCampaignTeam(Activity activity, string text) =>
        TurnRouter.ButtonAction(activity) is { } action
            ? _catalog.Value.CampaignTeamActions.Contains(action)
            : text.Length > 0 && Turns.CommandWords.Match(text, _catalog.Value.CampaignTeamWords) is not null;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = _catalog.Value; // throws, and so stops the host, when two handlers claim one word or action
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Catalog Read(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var problems = new List<string>();

        var words = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var teamWords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var command in services.GetServices<IChatCommand>())
        {
            foreach (var word in command.Words)
            {
                if (command.Audience != Audience.Everyone && !string.IsNullOrWhiteSpace(word))
                {
                    teamWords.Add(word.Trim());
                }

                if (string.IsNullOrWhiteSpace(word))
                {
                    problems.Add($"{command.GetType().Name} has an empty command word.");
                }
                else if (!words.TryAdd(word.Trim(), command.GetType().Name) && words[word.Trim()] != command.GetType().Name)
                {
                    problems.Add($"The command word '{word}' belongs to both {words[word.Trim()]} and {command.GetType().Name}.");
                }
            }
        }

        var actions = new Dictionary<string, string>(StringComparer.Ordinal);
        var stateless = new HashSet<string>(StringComparer.Ordinal);
        var teamActions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var handler in services.GetServices<ICardAction>())
        {
            foreach (var action in handler.Actions)
            {
                if (handler.Audience != Audience.Everyone)
                {
                    teamActions.Add(action);
                }

                if (!actions.TryAdd(action, handler.GetType().Name))
                {
                    problems.Add($"The button action '{action}' belongs to both {actions[action]} and {handler.GetType().Name}.");
                }
                else if (!handler.UsesConversationState)
                {
                    stateless.Add(action);
                }
            }
        }

        var invokes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var handler in services.GetServices<IInvokeHandler>())
        {
            if (string.IsNullOrWhiteSpace(handler.Name) || handler.Name == TurnRouter.AdaptiveCardActionInvoke)
            {
                problems.Add($"{handler.GetType().Name} claims the invoke name '{handler.Name}', which is empty or belongs to the card buttons.");
            }
            else if (!invokes.TryAdd(handler.Name, handler.GetType().Name))
            {
                problems.Add($"The invoke '{handler.Name}' belongs to both {invokes[handler.Name]} and {handler.GetType().Name}.");
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The turn handlers clash: " + string.Join(" ", problems));
        }

        return new Catalog(
            words.Keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            stateless.ToFrozenSet(StringComparer.Ordinal),
            [.. teamWords],
            teamActions.ToFrozenSet(StringComparer.Ordinal));
    }

    private sealed record Catalog(FrozenSet<string> Words, FrozenSet<string> StatelessActions, IReadOnlyList<string> CampaignTeamWords, FrozenSet<string> CampaignTeamActions);
}
