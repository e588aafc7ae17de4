using InfoStoryBot.Bot.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.Bot.Tests.Turns;

public sealed class InvokeHandlerCatalogTests
{
    private sealed class Handler(string name) : IInvokeHandler
    {
        public string Name => name;

        public Audience Audience => Audience.CampaignTeam;

        public Task<TurnResult> HandleAsync(TurnContext turn, CancellationToken cancellationToken) => Task.FromResult(TurnResult.Ok);
    }

    private static Task StartAsync(params string[] names)
    {
        var services = new ServiceCollection();
        foreach (var name in names)
        {
            services.AddScoped<IInvokeHandler>(_ => new Handler(name));
        }

        using var provider = services.BuildServiceProvider();
        return new TurnHandlerCatalog(provider.GetRequiredService<IServiceScopeFactory>()).StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Start_DistinctInvokeNames_Starts() =>
        await StartAsync("fileConsent/invoke", "composeExtension/query");

    [Fact]
    public async Task Start_TwoHandlersForOneInvoke_RefusesToStartNamingBoth()
    {
        var problem = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("fileConsent/invoke", "fileConsent/invoke"));

        Assert.Contains("The invoke 'fileConsent/invoke' belongs to both", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("adaptiveCard/action")]
    [InlineData("")]
    public async Task Start_HandlerClaimingTheCardButtonsOrNoName_RefusesToStart(string name) =>
        await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(name));
}
