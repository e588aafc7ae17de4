using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Bot.Tests.Admin;

public sealed class AdminHandlerCatalogTests
{
    private sealed class Handler(Type command) : IAdminHandler
    {
        public Type CommandType => command;

        public Task HandleAsync(AdminContext context, AdminCommand command, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private static IEnumerable<IAdminHandler> OneEach(IEnumerable<Type> commands) => commands.Select(t => new Handler(t));

    [Fact]
    public void CommandTypes_AreEveryRecordTheGrammarGives()
    {
        Assert.Contains(typeof(CampaignNew), AdminHandlerCatalog.CommandTypes);
        Assert.Contains(typeof(ExperimentStop), AdminHandlerCatalog.CommandTypes);
        Assert.Contains(typeof(Export), AdminHandlerCatalog.CommandTypes);
        Assert.DoesNotContain(typeof(AdminCommand), AdminHandlerCatalog.CommandTypes);
        Assert.Equal(AdminCatalogue.Names.Count, AdminHandlerCatalog.CommandTypes.Count);
    }

    [Fact]
    public void Check_OneHandlerEach_GivesEachCommandItsHandler()
    {
        var byCommand = AdminHandlerCatalog.Check(OneEach(AdminHandlerCatalog.CommandTypes), AdminHandlerCatalog.CommandTypes);

        Assert.Equal(AdminHandlerCatalog.CommandTypes.Select(t => t.Name).Order(StringComparer.Ordinal), byCommand.Keys.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Check_CommandsWithNoHandler_ThrowsNamingEveryOne()
    {
        var handled = AdminHandlerCatalog.CommandTypes.Where(t => t != typeof(Report) && t != typeof(ExperimentList));

        var error = Assert.Throws<InvalidOperationException>(() => AdminHandlerCatalog.Check(OneEach(handled), AdminHandlerCatalog.CommandTypes));

        Assert.Equal("Admin commands ExperimentList, Report have no handler: register one with AddAdminHandler in the feature's Add…().", error.Message);
    }

    [Fact]
    public void Check_TwoHandlersForOneCommand_Throws()
    {
        var handlers = OneEach(AdminHandlerCatalog.CommandTypes).Append(new Handler(typeof(Audit)));

        var error = Assert.Throws<InvalidOperationException>(() => AdminHandlerCatalog.Check(handlers, AdminHandlerCatalog.CommandTypes));

        Assert.Contains("Admin command Audit has two handlers", error.Message, StringComparison.Ordinal);
    }
}
