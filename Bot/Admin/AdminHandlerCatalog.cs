using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Bot.Admin;

/// <summary>
/// Checked at start-up: every admin command record the grammar can give has exactly one handler, so no command an
/// admin can type is answered "not built", and no two handlers fight over one. The app does not start otherwise, and
/// says which commands.
/// </summary>
internal sealed class AdminHandlerCatalog(IServiceScopeFactory scopes) : IHostedService
{
    /// <summary>Every concrete <see cref="AdminCommand"/> record in Dialogs/Admin: what the grammar can give.</summary>
    public static IReadOnlyList<Type> CommandTypes { get; } =
        [.. typeof(AdminCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AdminCommand)) && !t.IsAbstract).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        Check(scope.ServiceProvider.GetServices<IAdminHandler>(), CommandTypes);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Throws when a command has two handlers, or when one of <paramref name="commands"/> has none (naming them all).</summary>
    public static Dictionary<Type, IAdminHandler> Check(IEnumerable<IAdminHandler> handlers, IEnumerable<Type> commands)
    {
        var byCommand = ByCommand(handlers);
        var missing = commands.Where(t => !byCommand.ContainsKey(t)).Select(t => t.Name).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Admin command{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} {(missing.Count == 1 ? "has" : "have")} no handler: register one with AddAdminHandler in the feature's Add…().");
        }

        return byCommand;
    }

    public static Dictionary<Type, IAdminHandler> ByCommand(IEnumerable<IAdminHandler> handlers)
    {
        var byCommand = new Dictionary<Type, IAdminHandler>();
        foreach (var handler in handlers)
        {
            if (!byCommand.TryAdd(handler.CommandType, handler))
            {
                throw new InvalidOperationException(
                    $"Admin command {handler.CommandType.Name} has two handlers: {byCommand[handler.CommandType].GetType().Name} and {handler.GetType().Name}.");
            }
        }

        return byCommand;
    }
}
