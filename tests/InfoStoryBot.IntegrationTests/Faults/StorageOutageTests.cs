using InfoStoryBot.Dialogs.Stories;
using System.Net;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.Testing;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.IntegrationTests.Faults;

/// <summary>
/// Azure Blob Storage (Azurite) stops mid-run and comes back on the same port with the same data. The same bot
/// instance must answer cleanly while it is gone, leave nothing half-written, and carry on once it is back.
/// </summary>
public sealed class StorageOutageTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private readonly StopAfterStoryWrite _tripwire = new();
    private Azurite _azurite = null!;
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync()
    {
        _azurite = await Azurite.StartAsync();
        _tripwire.Stop = _azurite.StopAsync;
        _teams = await TeamsHarness.StartAsync(
            services =>
            {
                _logs.Register(services);
                _tripwire.Wrap(services);
            },
            new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = _azurite.ConnectionString,
                ["Storage:Container"] = "outage" + Guid.NewGuid().ToString("N")[..8],
            });
    }

    public async Task DisposeAsync()
    {
        await _teams.DisposeAsync();
        await _azurite.DisposeAsync();
    }

    private IStoryStore Stories => _teams.Service<IStoryStore>();

    [Fact]
    public async Task Outage_MidDialog_MessagesAreToldStorageIsDownAndTheSameBotCarriesOnAfterwards()
    {
        var messages = GuidedStory.Messages();
        Assert.Equal(HttpStatusCode.OK, await SayAsync(messages[0]));
        Assert.Equal(HttpStatusCode.OK, await SayAsync(messages[1]));

        await _azurite.StopAsync();

        var (status, replies) = await SayWithRepliesAsync(messages[2]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("can’t reach my storage", replies, StringComparison.Ordinal);
        Assert.NotEmpty(_logs.Matching("Storage failed during a message turn"));

        // An install event has no one to apologise to: 503 asks Teams to deliver it again later.
        using (var install = await _teams.PostAsync(_teams.Teams.Activities.PersonalInstall(SimulatedUser.Tom)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, install.StatusCode);
        }

        // A button press (Action.Execute) is told why in the invoke body, where the person clicked.
        using (var click = await _teams.PostAsync(_teams.Teams.Activities.AdaptiveCardAction("help", new System.Text.Json.Nodes.JsonObject { ["action"] = "help" })))
        {
            Assert.Equal(HttpStatusCode.OK, click.StatusCode);
            using var body = System.Text.Json.JsonDocument.Parse(await click.Content.ReadAsStringAsync());
            Assert.Equal(503, body.RootElement.GetProperty("statusCode").GetInt32());
            Assert.Contains("can’t reach my storage", body.RootElement.GetProperty("value").GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        await _azurite.RestartAsync();

        // The answer given during the outage was not kept (as the bot said): the dialog is where it was.
        (status, replies) = await SayWithRepliesAsync(messages[2]);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("What information was shared", replies, StringComparison.Ordinal);
        foreach (var text in messages.Skip(3))
        {
            (status, replies) = await SayWithRepliesAsync(text);
            Assert.Equal(HttpStatusCode.OK, status);
        }

        Assert.Contains(GuidedStory.Stored, replies, StringComparison.Ordinal);
        Assert.Single(await StoriesOf(SimulatedUser.Priya));
        Assert.Equal(new IndexRebuildReport(1, 0, 0, 0), await Stories.RebuildIndexAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Outage_BetweenTheStoryAndItsIndex_TheStoryIsCompleteOnceSubmittedAgain()
    {
        var messages = GuidedStory.Messages();
        foreach (var text in messages.SkipLast(1))
        {
            Assert.Equal(HttpStatusCode.OK, await SayAsync(text));
        }

        // Storage stops the moment the story item is written, before any of its index entries.
        _tripwire.Armed = true;
        var (status, replies) = await SayWithRepliesAsync("submit");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("can’t reach my storage", replies, StringComparison.Ordinal);

        await _azurite.RestartAsync();
        (status, replies) = await SayWithRepliesAsync("submit");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(GuidedStory.Stored, replies, StringComparison.Ordinal);
        Assert.Single(await StoriesOf(SimulatedUser.Priya));
        Assert.Equal(new IndexRebuildReport(1, 0, 0, 0), await Stories.RebuildIndexAsync(CancellationToken.None));
    }

    private async Task<HttpStatusCode> SayAsync(string text) => (await SayWithRepliesAsync(text)).Status;

    private async Task<(HttpStatusCode Status, string Replies)> SayWithRepliesAsync(string text)
    {
        var activity = _teams.Teams.Activities.PersonalMessage(text);
        using var response = await _teams.PostAsync(activity);
        return (response.StatusCode, Replies.Describe(Replies.To(_teams, activity["id"]!.GetValue<string>())));
    }

    private async Task<IReadOnlyList<Story>> StoriesOf(SimulatedUser user)
    {
        var page = await Stories.ListAsync(new StoryQuery { Status = null, TellerAadObjectId = user.AadObjectId }, null, CancellationToken.None);
        return [.. page.Stories.Select(s => s.Value)];
    }

    /// <summary>
    /// Wraps the app's real blob store (built from its own configuration) and, once armed, stops Azurite right after
    /// a story item is written: the one moment an outage splits a story from its index entries.
    /// </summary>
    private sealed class StopAfterStoryWrite
    {
        public Func<Task> Stop { get; set; } = () => Task.CompletedTask;

        public bool Armed { get; set; }

        public void Wrap(IServiceCollection services)
        {
            var real = services.Last(d => d.ServiceType == typeof(IBlobStore));
            services.Remove(real);
            services.AddSingleton<IBlobStore>(sp => new Store((IBlobStore)real.ImplementationFactory!(sp), this));
        }

        private sealed class Store(IBlobStore inner, StopAfterStoryWrite tripwire) : IBlobStore
        {
            public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

            public Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken) => inner.ReadAsync(name, cancellationToken);

            public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
            {
                var etag = await inner.WriteAsync(name, content, condition, cancellationToken);
                if (tripwire.Armed && name.StartsWith(StorybookIndex.StoriesPrefix, StringComparison.Ordinal))
                {
                    tripwire.Armed = false;
                    await tripwire.Stop();
                }

                return etag;
            }

            public Task<bool> DeleteAsync(string name, string? ifMatch, CancellationToken cancellationToken) => inner.DeleteAsync(name, ifMatch, cancellationToken);

            public Task<BlobPage> ListAsync(string prefix, int maxResults, string? continuation, CancellationToken cancellationToken) =>
                inner.ListAsync(prefix, maxResults, continuation, cancellationToken);

            public Task<IBlobLease?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken) =>
                inner.TryAcquireLeaseAsync(name, duration, cancellationToken);
        }
    }
}
