using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Cards.Tests.Validation;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;

namespace InfoStoryBot.IntegrationTests.Admin;

/// <summary>
/// The real bot behind the Teams simulator with a campaign team: Tom and Partner User 1 are bootstrap admins,
/// Priya is a storyteller. Helpers tell a story, press Action.Execute buttons, and snapshot what is stored.
/// </summary>
internal static class CampaignTeam
{
    public static SimulatedUser Tom => SimulatedUser.Tom;

    public static SimulatedUser Sam { get; } = SimulatedUser.Create(1);

    public static SimulatedUser Priya => SimulatedUser.Priya;

    public const string ForCampaignTeam = "That’s one for the campaign team";

    /// <param name="bootstrapAdmins">Access:BootstrapAdmins; Tom and Sam unless given (an empty list means none).</param>
    public static Task<TeamsHarness> StartAsync(IReadOnlyList<string>? bootstrapAdmins = null)
    {
        var admins = bootstrapAdmins ?? [Tom.AadObjectId, Sam.AadObjectId];
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < admins.Count; i++)
        {
            settings[$"Access:BootstrapAdmins:{i}"] = admins[i];
        }

        return TeamsHarness.StartAsync(settings: settings);
    }

    /// <summary>Priya tells the shared guided story; returns its stored id.</summary>
    public static async Task<string> TellStoryAsync(TeamsHarness teams, ChatSession teller, string? whatHappened = null)
    {
        foreach (var message in GuidedStory.Messages(whatHappened))
        {
            await teller.Say(message);
        }

        Assert.Contains(GuidedStory.Stored, teller.LastAnswer, StringComparison.Ordinal);
        var mine = await teams.Service<IStoryStore>().ListAsync(new StoryQuery { Status = null, TellerAadObjectId = teller.User.AadObjectId }, null, CancellationToken.None);
        return mine.Stories[0].Value.Id;
    }

    public static async Task<Story> StoryAsync(TeamsHarness teams, string id) =>
        (await teams.Service<IStoryStore>().GetAsync(id, CancellationToken.None))!.Value;

    public static Task<IReadOnlyList<AuditEntry>> AuditAsync(TeamsHarness teams) =>
        teams.Service<IAuditLog>().ListRecentAsync(500, CancellationToken.None);

    /// <summary>An Action.Execute press (invoke adaptiveCard/action); returns the invoke response's body.</summary>
    public static async Task<JsonElement> ExecuteAsync(TeamsHarness teams, SimulatedUser user, string verb, params (string Key, string Value)[] data)
    {
        var payload = new JsonObject { ["action"] = verb };
        foreach (var (key, value) in data)
        {
            payload[key] = value;
        }

        using var response = await teams.PostAsync(teams.Teams.Activities.AdaptiveCardAction(verb, payload, replyToId: "1700000000000", user: user));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Everything stored except conversation state and references (which every turn may touch): stories, index, grants, audit, campaigns.</summary>
    public static IReadOnlyDictionary<string, string> Snapshot(TeamsHarness teams)
    {
        var root = teams.Bot.StoragePath;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("state/", StringComparison.Ordinal) && !f.StartsWith("refs/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(root, f)))));
    }

    /// <summary>The cards the bot sent to a person (replies and notices), newest last.</summary>
    public static IReadOnlyList<JsonElement> CardsSentTo(TeamsHarness teams, SimulatedUser user) =>
        [.. teams.Sent().Where(a => a.Recipient?.Id == user.Id).SelectMany(a => a.Attachments ?? []).Where(a => a.Content is { ValueKind: JsonValueKind.Object }).Select(a => a.Content!.Value)];

    /// <summary>Every card through Microsoft's adaptivecards parser: no errors, no warnings.</summary>
    public static void AssertValidCards(IReadOnlyList<JsonElement> cards)
    {
        Assert.NotEmpty(cards);
        var reports = AdaptiveCardsParser.Validate([.. cards.Select(c => c.GetRawText())]);
        var problems = reports.Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0)
            .Select(r => $"card {r.Index}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}").ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.All(cards, c => Assert.True(System.Text.Encoding.UTF8.GetByteCount(c.GetRawText()) < 28 * 1024));
    }
}
