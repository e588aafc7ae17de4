namespace InfoStoryBot.Bot.Admin;

/// <summary>
/// Checked at start-up: no two handlers fight over one admin command record.
/// </summary>
internal sealed class AdminHandlerCatalog(IServiceScopeFactory scopes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        _ = ByCommand(scope.ServiceProvider.GetServices<IAdminHandler>());
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

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
