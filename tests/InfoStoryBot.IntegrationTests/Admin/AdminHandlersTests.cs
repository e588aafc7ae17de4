using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.IntegrationTests.Admin;

/// <summary>The real app's registrations: every admin command the grammar gives has its one handler, or the app does not start.</summary>
public sealed class AdminHandlersTests
{
    [Fact]
    public async Task App_AsBuilt_HasExactlyOneHandlerForEveryAdminCommand()
    {
        await using var bot = BotHost.Start();
        await using var scope = bot.Services.CreateAsyncScope();

        var handled = scope.ServiceProvider.GetServices<IAdminHandler>().Select(h => h.CommandType).ToList();

        Assert.Equal(handled.Distinct().Count(), handled.Count);
        Assert.Equal(
            AdminHandlerCatalog.CommandTypes.Select(t => t.Name).Order(StringComparer.Ordinal),
            handled.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void App_WithACommandLeftWithoutItsHandler_DoesNotStartAndSaysWhich()
    {
        var error = Assert.ThrowsAny<Exception>(() =>
        {
            using var bot = BotHost.Start(services: s =>
            {
                var registration = s.Single(d => d.ServiceType == typeof(IAdminHandler) && d.ImplementationType == typeof(ExperimentListHandler));
                s.Remove(registration);
            });
        });

        Assert.Contains("Admin command ExperimentList has no handler", error.ToString(), StringComparison.Ordinal);
    }
}
