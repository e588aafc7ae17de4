using InfoStoryBot.Bot.Moderation;
using InfoStoryBot.Bot.Proactive;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Dialogs.Moderation;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.DependencyInjection;
using static InfoStoryBot.IntegrationTests.Admin.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Moderation;

/// <summary>
/// The teller's notice of a decision goes through the one proactive sender, once per decision: the send ledger holds
/// its key, so the same decision told again (a re-run turn, a second instance) sends nothing more, and a chat Teams
/// answers 403 for is forgotten and the admin told.
/// </summary>
public sealed class TellerNoticesTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    private int NoticesTo(SimulatedUser user) => CardsSentTo(_teams, user).Count(c => CardAssert.Text(c).Contains("Your story is in the storybook", StringComparison.Ordinal));

    [Fact]
    public async Task Approve_TellsTheTellerOnce_UnderTheDecisionsKeyInTheSendLedger_AndTheSameDecisionToldAgainSendsNothing()
    {
        var storyId = await TellStoryAsync(_teams, new ChatSession(_teams, Priya));
        Assert.Contains("Approved “", await new ChatSession(_teams, Tom).Say("stories approve " + storyId), StringComparison.Ordinal);
        var story = await StoryAsync(_teams, storyId);
        var key = TellerNotices.KeyFor(story, ModerationAction.Approve);

        var record = await _teams.Service<ISendLedger>().GetAsync(key, None);
        Assert.Equal(SendStatus.Sent, record?.Status);
        Assert.Equal(1, NoticesTo(Priya));

        await using var scope = _teams.Bot.Services.CreateAsyncScope();
        var notices = scope.ServiceProvider.GetRequiredService<ITellerNotices>();
        var card = new AdaptiveCard { Body = [new TextBlock("Your story is in the storybook")], FallbackText = "Your story is in the storybook" };
        Assert.True(await notices.TellAsync(story.Teller, key, card, None));
        Assert.True(await notices.TellAsync(story.Teller, key, card, None));
        Assert.Equal(1, NoticesTo(Priya));
    }

    [Fact]
    public async Task TellerWhoBlockedTheBot_IsNotToldTwice_TheirChatIsForgotten_AndTheAdminIsTold()
    {
        var storyId = await TellStoryAsync(_teams, new ChatSession(_teams, Priya));
        var chat = _teams.Teams.Activities.PersonalConversationId(Priya);
        _teams.Teams.InjectFault(SimulatedFault.MessageWritesBlocked() with { PathContains = chat, Method = "POST" });

        var answer = await new ChatSession(_teams, Tom).Say("stories approve " + storyId);

        Assert.Contains("Approved “", answer, StringComparison.Ordinal);
        Assert.Contains("I couldn’t tell its teller in Teams just now", answer, StringComparison.Ordinal);
        Assert.Null(await _teams.Service<IConversationReferenceStore>().GetPersonalAsync(Priya.AadObjectId, None));
        var story = await StoryAsync(_teams, storyId);
        Assert.Equal(SendStatus.Gone, (await _teams.Service<ISendLedger>().GetAsync(TellerNotices.KeyFor(story, ModerationAction.Approve), None))?.Status);
    }
}
