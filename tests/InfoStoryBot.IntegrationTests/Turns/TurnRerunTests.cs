using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InfoStoryBot.IntegrationTests.Turns;

/// <summary>
/// A turn that loses its state race to another instance is run again. Whatever it does beyond its own state
/// (opening a 1:1 chat, starting a dialog there, sending its first question) must still happen once.
/// </summary>
public sealed class TurnRerunTests : IAsyncLifetime
{
    private TeamsHarness _teams = null!;
    private LosesFirstSave _store = null!;

    public async Task InitializeAsync() =>
        _teams = await TeamsHarness.StartAsync(services =>
        {
            var existing = services.Last(d => d.ServiceType == typeof(IConversationStateStore));
            services.RemoveAll<IConversationStateStore>();
            services.AddSingleton<IConversationStateStore>(sp =>
            {
                var inner = (IConversationStateStore)(existing.ImplementationFactory?.Invoke(sp)
                    ?? ActivatorUtilities.CreateInstance(sp, existing.ImplementationType!));
                return _store = new LosesFirstSave(inner);
            });
        });

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task ShareAStoryInAChannel_TurnRunTwiceAfterAStateConflict_OpensTheDialogInTheChatOnce()
    {
        using var response = await _teams.PostAsync(_teams.Teams.Activities.ChannelMention("share a story"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _store.ConflictsRaised);

        var toPriya = _teams.Sent().Where(a => a.Conversation?.ConversationType != "channel" && a.Text?.Contains("What happened?", StringComparison.Ordinal) == true).ToList();
        Assert.Single(toPriya);
        var inChannel = _teams.Sent().Where(a => a.Conversation?.Id?.Contains("@thread", StringComparison.Ordinal) == true).ToList();
        Assert.Single(inChannel);
    }

    /// <summary>A channel conversation's first save finds that another instance saved first (its ETag moved on).</summary>
    private sealed class LosesFirstSave(IConversationStateStore inner) : IConversationStateStore
    {
        private int _conflicts;

        public int ConflictsRaised => Volatile.Read(ref _conflicts);

        public Task<Versioned<ConversationState>?> GetAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            inner.GetAsync(channelId, conversationId, cancellationToken);

        public Task<Versioned<ConversationState>?> GetLatestAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            inner.GetLatestAsync(channelId, conversationId, cancellationToken);

        public async Task<string> SaveAsync(string channelId, string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken)
        {
            if (conversationId.Contains("@thread", StringComparison.Ordinal) && Interlocked.CompareExchange(ref _conflicts, 1, 0) == 0)
            {
                // Another instance got there first: it saved its own copy, so this turn's ETag is stale.
                await inner.SaveAsync(channelId, conversationId, new ConversationState(), etag, cancellationToken);
                throw new ConcurrencyConflictException(conversationId, "Another instance saved first (simulated).");
            }

            return await inner.SaveAsync(channelId, conversationId, state, etag, cancellationToken);
        }

        public Task DeleteAsync(string channelId, string conversationId, CancellationToken cancellationToken) =>
            inner.DeleteAsync(channelId, conversationId, cancellationToken);
    }
}
