using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static InfoStoryBot.IntegrationTests.Infrastructure.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Campaigns;

/// <summary>Two admins editing one campaign at once, through the real bot: every save is conditional, and no edit is lost.</summary>
public sealed class CampaignConcurrencyTests : IAsyncLifetime
{
    private readonly HeldCampaignStore _held = new();
    private TeamsHarness _teams = null!;
    private AdminChat _priya = null!;
    private AdminChat _tom = null!;

    public async Task InitializeAsync()
    {
        _teams = await StartAsync(services =>
        {
            // The real store, with one save held back on demand so the race is not left to chance.
            services.RemoveAll<ICampaignStore>();
            services.AddSingleton<ICampaignStore>(sp => _held.Wrap(new CampaignStore(sp.GetRequiredService<IBlobStore>())));
        });
        _priya = new AdminChat(_teams, SimulatedUser.Priya);
        _tom = new AdminChat(_teams, SimulatedUser.Tom);
        await InstallAsync(_teams);
        await _priya.Say($"campaign new Spring from {NextYear}-03-01 to {NextYear}-03-31 at 10:00 in Europe/London on weekdays");
    }

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task TwoEditsOfDifferentFields_SecondSavedWhileTheFirstWasInFlight_KeepsBoth()
    {
        _held.HoldNextSave();
        var priya = _priya.Say("campaign edit spring at 11:15");
        await _held.Held.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var tom = await _tom.Say("campaign edit spring on every day");
        _held.Release.SetResult();
        var answer = await priya;

        Assert.Contains("Saved: on weekdays → every day.", tom, StringComparison.Ordinal);
        Assert.Contains("Saved: at 10:00 → 11:15.", answer, StringComparison.Ordinal);
        Assert.Contains("Meanwhile, this campaign was changed (on weekdays → every day). That change stays, and yours is saved on top.", answer, StringComparison.Ordinal);
        Assert.True(_held.Conflicts >= 1);
        var spring = await CampaignAsync(_teams, "spring");
        Assert.Equal((new TimeOnly(11, 15), 7), (spring.PostingTime, spring.DaysOfWeek.Count));
        var edits = (await AuditAsync(_teams)).Where(a => a.Action == "campaign.edit").Select(a => (a.ActorAadObjectId, a.Details)).ToList();
        Assert.Contains((SimulatedUser.Tom.AadObjectId, "on weekdays → every day"), edits);
        Assert.Contains((SimulatedUser.Priya.AadObjectId, "at 10:00 → 11:15"), edits);
    }

    [Fact]
    public async Task TwoAdminsAtOnce_ManyRounds_NoEditIsLost()
    {
        for (var round = 0; round < 5; round++)
        {
            var at = new TimeOnly(8 + round, 5);
            var target = 10 + round;
            await Task.WhenAll(
                _priya.Say($"campaign edit spring at {at:HH\\:mm}"),
                _tom.Say($"campaign edit spring target {target}"));

            var spring = await CampaignAsync(_teams, "spring");
            Assert.Equal((at, target), (spring.PostingTime, spring.StoryTarget));
        }
    }

    [Fact]
    public async Task EditFormOpenWhileAnotherAdminEdits_SavesOnlyItsOwnChange()
    {
        await _priya.Say("campaign show spring");
        await _priya.Press("Edit");
        await _tom.Say("campaign edit spring on mon,wed");

        var answer = await _priya.Press("Save changes", (CampaignFormFields.At, "12:30"));

        Assert.Contains("Saved: at 10:00 → 12:30.", answer, StringComparison.Ordinal);
        var spring = await CampaignAsync(_teams, "spring");
        Assert.Equal(new TimeOnly(12, 30), spring.PostingTime);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Wednesday], spring.DaysOfWeek);
    }

    [Fact]
    public async Task TwoAdminsStartingOneCampaignAtOnce_OneStartsIt_TheOtherIsToldItAlreadyIs()
    {
        await _priya.Say("campaign channels spring add Stories");
        _held.HoldNextSave();
        var priya = _priya.Say("campaign start spring");
        await _held.Held.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var tom = await _tom.Say("campaign start spring");
        _held.Release.SetResult();
        var answer = await priya;

        Assert.Contains("“Spring” is scheduled.", tom, StringComparison.Ordinal);
        Assert.Contains("“Spring” can’t be started now. It’s scheduled", answer, StringComparison.Ordinal);
        Assert.Single(await AuditAsync(_teams), a => a.Action == "campaign.start");
        Assert.Equal(CampaignState.Scheduled, (await CampaignAsync(_teams, "spring")).State);
    }

    /// <summary>Holds the next conditional save until released, and counts the conflicts the real store answers.</summary>
    private sealed class HeldCampaignStore
    {
        private int _holdNext;
        private int _conflicts;

        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Conflicts => Volatile.Read(ref _conflicts);

        public void HoldNextSave() => Volatile.Write(ref _holdNext, 1);

        public ICampaignStore Wrap(ICampaignStore inner) => new Store(this, inner);

        private sealed class Store(HeldCampaignStore owner, ICampaignStore inner) : ICampaignStore
        {
            public Task<Versioned<Campaign>?> GetAsync(string campaignId, CancellationToken cancellationToken) => inner.GetAsync(campaignId, cancellationToken);

            public Task<IReadOnlyList<Versioned<Campaign>>> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);

            public Task<bool> DeleteAsync(string campaignId, string? etag, CancellationToken cancellationToken) => inner.DeleteAsync(campaignId, etag, cancellationToken);

            public async Task<string> SaveAsync(Campaign campaign, string? etag, CancellationToken cancellationToken)
            {
                if (etag is not null && Interlocked.Exchange(ref owner._holdNext, 0) == 1)
                {
                    owner.Held.SetResult();
                    await owner.Release.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
                }

                try
                {
                    return await inner.SaveAsync(campaign, etag, cancellationToken);
                }
                catch (ConcurrencyConflictException)
                {
                    Interlocked.Increment(ref owner._conflicts);
                    throw;
                }
            }
        }
    }
}
