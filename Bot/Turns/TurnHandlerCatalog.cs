using System.Collections.Frozen;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// What every feature registered, read once at start-up: command words, button action names and invoke names must
/// each belong to one handler, or the app refuses to start (a clash found on the first turn would answer someone with
/// the wrong feature). Also tells the pipeline, before it takes any lock, whether a button needs the conversation's state.
/// </summary>
public sealed class TurnHandlerCatalog(IServiceScopeFactory scopes) : IHostedService
{
    private readonly Lazy<Catalog> _catalog = new(() => Read(scopes));

    public bool UsesConversationState(string action) =>
        !_catalog.Value.StatelessActions.Contains(action);

    public IReadOnlyCollection<string> CommandWords => _catalog.Value.Words;

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
        foreach (var command in services.GetServices<IChatCommand>())
        {
            foreach (var word in command.Words)
            {
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
        foreach (var handler in services.GetServices<ICardAction>())
        {
            foreach (var action in handler.Actions)
            {
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

        return new Catalog(words.Keys.ToFrozenSet(StringComparer.OrdinalIgnoreCase), stateless.ToFrozenSet(StringComparer.Ordinal));
    }

    private sealed record Catalog(FrozenSet<string> Words, FrozenSet<string> StatelessActions);
}
