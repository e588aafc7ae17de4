using System.Globalization;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.TeamsSimulator;
using Microsoft.Extensions.DependencyInjection;

namespace InfoStoryBot.IntegrationTests.Infrastructure;

/// <summary>
/// The real bot with a campaign team: Priya and Tom are bootstrap admins (Access:BootstrapAdmins), Sam is not. Dates
/// are relative to today, since the bot runs on the real clock here.
/// </summary>
public static class CampaignTeam
{
    public static SimulatedUser Sam { get; } = SimulatedUser.Create(7);

    public static Task<TeamsHarness> StartAsync(Action<IServiceCollection>? services = null, IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Access:BootstrapAdmins:0"] = SimulatedUser.Priya.AadObjectId,
            ["Access:BootstrapAdmins:1"] = SimulatedUser.Tom.AadObjectId,
        };
        return TeamsHarness.StartAsync(services, all);
    }

    /// <summary>Installs the bot in the simulator's team and waits until every channel is registered.</summary>
    public static async Task InstallAsync(TeamsHarness teams, SimulatedTeam? team = null)
    {
        team ??= teams.Teams.Team;
        using var installed = await teams.PostAsync(teams.Teams.Activities.TeamInstallationUpdate("add", team));
        var store = teams.Service<ITeamStore>();
        await Eventually(async () => await store.GetAsync(team.Id, CancellationToken.None) is { Value.Name: not null } t && t.Value.Channels.Count == team.Channels.Count ? t : null);
    }

    /// <summary>A date <paramref name="days"/> from today in London (the default zone), as commands take it.</summary>
    public static string Day(int days) =>
        CampaignCalendar.Today("Europe/London", DateTimeOffset.UtcNow).AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static int NextYear => DateTime.UtcNow.Year + 1;

    /// <summary>"Mon 1 Mar 2027", as the bot writes dates.</summary>
    public static string Short(int month, int day, int? year = null) => CampaignText.EnGb.ShortDate(new DateOnly(year ?? NextYear, month, day));

    /// <summary>The first weekday on or after the date, as the bot writes it: where a weekdays campaign first posts.</summary>
    public static string FirstWeekday(int month, int day) =>
        CampaignText.EnGb.ShortDate(Enumerable.Range(0, 7).Select(d => new DateOnly(NextYear, month, day).AddDays(d)).First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)));

    public static async Task<Campaign> CampaignAsync(TeamsHarness teams, string id) =>
        (await teams.Service<ICampaignStore>().GetAsync(id, CancellationToken.None))?.Value ?? throw new InvalidOperationException($"No campaign {id}.");

    public static async Task<IReadOnlyList<AuditEntry>> AuditAsync(TeamsHarness teams) =>
        await teams.Service<IAuditLog>().ListRecentAsync(500, CancellationToken.None);

    public static async Task<T> Eventually<T>(Func<Task<T?>> probe) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < deadline, "The condition was not met within 10 s.");
            await Task.Delay(50);
        }
    }
}
