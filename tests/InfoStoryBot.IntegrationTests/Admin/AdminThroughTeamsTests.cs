using System.Globalization;
using System.Text.Json;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Admin;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.IntegrationTests.Infrastructure;
using InfoStoryBot.TeamsSimulator;
using InfoStoryBot.Testing;
using static InfoStoryBot.IntegrationTests.Admin.CampaignTeam;

namespace InfoStoryBot.IntegrationTests.Admin;

/// <summary>The campaign team's own commands and rights, through Teams-shaped traffic to the real app.</summary>
public sealed class AdminThroughTeamsTests : IAsyncLifetime
{
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await StartAsync();

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task UnknownSubcommand_AnAdminGetsTheFamilysForms_AStorytellerTheUsualHint()
    {
        var tom = new ChatSession(_teams, Tom);
        var priya = new ChatSession(_teams, Priya);

        var forAdmin = await tom.Say("campaign frobnicate");
        var forTeller = await priya.Say("campaign frobnicate");

        Assert.Contains("After ‘campaign’ I need one of: new, list, show, edit, channels, start, pause, resume, end.", forAdmin, StringComparison.Ordinal);
        Assert.DoesNotContain("After ‘campaign’", forTeller, StringComparison.Ordinal);
        Assert.DoesNotContain(ForCampaignTeam, forTeller, StringComparison.Ordinal);
        Assert.Contains("help", forTeller, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task NonAdmin_EveryAdminCommandTyped_IsRefusedAndNothingChanges()
    {
        var priya = new ChatSession(_teams, Priya);
        await TellStoryAsync(_teams, priya);
        var before = Snapshot(_teams);

        var typed = AdminCatalogue.Commands(CultureInfo.GetCultureInfo("en-GB")).Select(c => c.Example)
            .Concat(["/stories pending", "STORIES APPROVE 1", "admin help", "stories help", "audit"]).ToList();
        foreach (var text in typed)
        {
            var answer = await priya.Say(text);
            if (text.StartsWith("help ", StringComparison.Ordinal))
            {
                // "help <command>" is everyone's help: a storyteller gets the help card, without the campaign team's part.
                Assert.DoesNotContain("Campaign team commands", answer, StringComparison.Ordinal);
                Assert.DoesNotContain("Form:", answer, StringComparison.Ordinal);
                continue;
            }

            Assert.True(answer.Contains(ForCampaignTeam, StringComparison.Ordinal), $"“{text}” was answered: {answer}");
        }

        Assert.Equal(before, Snapshot(_teams));
        Assert.Empty(await AuditAsync(_teams));
    }

    [Fact]
    public async Task NonAdmin_ReplayedAdminButtons_SubmittedOrExecuted_AreRefusedAndNothingChanges()
    {
        var priya = new ChatSession(_teams, Priya);
        var storyId = await TellStoryAsync(_teams, priya);
        var tom = new ChatSession(_teams, Tom);
        await tom.Say("stories pending");
        var queue = tom.LastCard();
        var before = Snapshot(_teams);

        (string Action, (string, string)[] Data)[] presses =
        [
            .. AdminPanelEntries.Commands.Select(c => (ActionNames.AdminRun, new[] { (ActionKeys.Command, AdminCommandText.Render(c)) })),
            (ActionNames.AdminRun, [(ActionKeys.Command, "stories approve " + storyId)]),
            (ActionNames.AdminRun, [(ActionKeys.Command, "stories feature " + storyId)]),
            (ActionNames.AdminRun, [(ActionKeys.Command, "stories reject " + storyId + " no")]),
            (ActionNames.AdminRun, [(ActionKeys.Command, "admin add Priya Shah")]),
            (ActionNames.AdminRun, [(ActionKeys.Command, "admin remove " + Tom.AadObjectId)]),
            (ActionNames.AdminRun, [(ActionKeys.Command, "admin")]),
            (ActionNames.ModerationReject, [(ActionKeys.StoryId, storyId), (ModerationFields.Reason(storyId), "Not for me")]),
            (ActionNames.ModerationRead, [(ActionKeys.StoryId, storyId)]),
            (ActionNames.AdminAddFind, [(AdminFields.Person, "Priya")]),
        ];
        foreach (var (action, data) in presses)
        {
            Assert.Contains(ForCampaignTeam, await priya.Click(action, data), StringComparison.Ordinal);
            var executed = await ExecuteAsync(_teams, Priya, action, data);
            Assert.Equal("application/vnd.microsoft.activity.message", executed.GetProperty("type").GetString());
            Assert.Contains(ForCampaignTeam, executed.GetProperty("value").GetString(), StringComparison.Ordinal);
        }

        // Tom's own queue card, forwarded to Priya: every button on it does nothing for her.
        foreach (var title in new[] { "Approve", "Approve and feature", "Read it all" })
        {
            Assert.Contains(ForCampaignTeam, await priya.PressOn(queue, title), StringComparison.Ordinal);
        }

        Assert.Contains(ForCampaignTeam, await priya.PressOn(queue, "Send it back", (ModerationFields.Reason(storyId), "No")), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(_teams));
        Assert.Empty(await AuditAsync(_teams));
    }

    [Fact]
    public async Task AdminAdd_ByName_GrantsThemAndAuditsIt()
    {
        var priya = new ChatSession(_teams, Priya);
        await priya.Say("hello");
        var tom = new ChatSession(_teams, Tom);

        Assert.Contains("Added Priya Shah to the campaign team", await tom.Say("admin add priya"), StringComparison.Ordinal);
        Assert.Contains("already on the campaign team", await tom.Say("admin add PRIYA SHAH"), StringComparison.Ordinal);

        Assert.Contains("Everything the campaign team does", await priya.Say("admin"), StringComparison.Ordinal);
        var grant = Assert.Single((await _teams.Service<IAdminGrantStore>().GetAsync(CancellationToken.None))!.Value.Grants);
        Assert.Equal((Priya.AadObjectId, "Priya Shah", Tom.AadObjectId), (grant.AadObjectId, grant.Name, grant.GrantedBy));
        var entry = Assert.Single(await AuditAsync(_teams));
        Assert.Equal(("admin.grant", Priya.AadObjectId, Tom.AadObjectId, "Tom Hughes"), (entry.Action, entry.Target, entry.ActorAadObjectId, entry.ActorName));
        Assert.Equal("Priya Shah: not an admin → admin", entry.Details);
    }

    [Fact]
    public async Task AdminAdd_PartOfANameSeveralShare_OffersAButtonEachAndAddsTheOneChosen()
    {
        var first = SimulatedUser.Create(11);
        var second = SimulatedUser.Create(12);
        await new ChatSession(_teams, first).Say("hello");
        await new ChatSession(_teams, second).Say("hello");
        var tom = new ChatSession(_teams, Tom);

        var answer = await tom.Say("admin add partner user");

        Assert.Contains("2 people match “partner user”", answer, StringComparison.Ordinal);
        Assert.Contains("Partner User 11", answer, StringComparison.Ordinal);
        Assert.Contains("Partner User 12", answer, StringComparison.Ordinal);
        Assert.Contains("Added Partner User 11 to the campaign team", await tom.Press("Add to the campaign team"), StringComparison.Ordinal);
        Assert.True(await _teams.Service<AccessPolicy>().IsAdminAsync(first.AadObjectId, CancellationToken.None));
        Assert.False(await _teams.Service<AccessPolicy>().IsAdminAsync(second.AadObjectId, CancellationToken.None));
    }

    [Fact]
    public async Task AdminAdd_SomeoneTheBotHasNeverMet_SaysHowTheyBecomeKnown()
    {
        var tom = new ChatSession(_teams, Tom);

        Assert.Contains("I don’t know anyone called “Zed Zebedee” yet", await tom.Say("admin add Zed Zebedee"), StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(_teams));
    }

    [Fact]
    public async Task AdminList_ShowsBootstrapAndGrantedAdmins_AndItsFormAndRemoveButtonWork()
    {
        await new ChatSession(_teams, Priya).Say("hello");
        var tom = new ChatSession(_teams, Tom);
        await tom.Say("admin list");

        Assert.Contains("Added Priya Shah", await tom.Press("Find them", (AdminFields.Person, "priya")), StringComparison.Ordinal);
        var list = await tom.Say("admin list");

        Assert.Contains("Tom Hughes (you)", list, StringComparison.Ordinal);
        Assert.Contains("Set in the bot’s configuration", list, StringComparison.Ordinal);
        Assert.Contains("Priya Shah", list, StringComparison.Ordinal);
        Assert.Contains("Added by Tom Hughes on", list, StringComparison.Ordinal);
        Assert.Single(CardPress.Titles(tom.LastCard()), t => t == "Remove");
        Assert.Contains("Removed Priya Shah from the campaign team", await tom.Press("Remove"), StringComparison.Ordinal);
        Assert.Contains(ForCampaignTeam, await new ChatSession(_teams, Priya).Say("admin"), StringComparison.Ordinal);
        Assert.Equal(["admin.revoke", "admin.grant"], (await AuditAsync(_teams)).Select(e => e.Action));
    }

    [Fact]
    public async Task AdminRemove_BootstrapAdmin_IsRefusedSayingItIsSetInConfiguration()
    {
        var tom = new ChatSession(_teams, Tom);
        await tom.Say("hello");

        var answer = await tom.Say("admin remove tom hughes");

        Assert.Contains("from the bot’s configuration (Access:BootstrapAdmins), so they can’t be removed by chat", answer, StringComparison.Ordinal);
        Assert.True(await _teams.Service<AccessPolicy>().IsAdminAsync(Tom.AadObjectId, CancellationToken.None));
        Assert.Empty(await AuditAsync(_teams));
    }

    [Fact]
    public async Task Panel_EveryButtonOfItsOwn_OpensItsCard_AndEveryCardPassesTheParser()
    {
        var tom = new ChatSession(_teams, Tom);

        Assert.Contains("Campaign team commands", await tom.Say("help"), StringComparison.Ordinal);
        Assert.Contains("Admin panel", CardPress.Titles(tom.LastCard()));
        Assert.Contains("Everything the campaign team does", await tom.Press("Admin panel"), StringComparison.Ordinal);
        Assert.Contains("Stories waiting for the campaign team", await tom.Press("Stories waiting"), StringComparison.Ordinal);
        Assert.Contains("The campaign team", await tom.Press("Campaign team"), StringComparison.Ordinal);
        Assert.Contains("Audit log", await tom.Press("Audit log"), StringComparison.Ordinal);
        Assert.Contains("Here’s everything the campaign team can do", await tom.Press("All commands"), StringComparison.Ordinal);
        Assert.Contains("Here’s what you can do with stories", await tom.Say("stories help"), StringComparison.Ordinal);

        AssertValidCards(CardsSentTo(_teams, Tom));
    }

    [Fact]
    public async Task ManifestCommands_EachPersonalTitle_IsUnderstoodForAnAdmin()
    {
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "teams", "manifest.json"))).RootElement;
        var titles = manifest.GetProperty("bots")[0].GetProperty("commandLists").EnumerateArray()
            .SelectMany(l => l.GetProperty("commands").EnumerateArray()).Select(c => c.GetProperty("title").GetString()!).Distinct().ToList();
        var tom = new ChatSession(_teams, Tom);

        foreach (var title in titles)
        {
            var answer = await tom.Say(title);
            Assert.False(answer.Contains("I didn’t follow that", StringComparison.Ordinal), $"“{title}” was not understood: {answer}");
            Assert.DoesNotContain(ForCampaignTeam, answer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Audit_AfterAGrantAndARemoval_ShowsBothNewestFirst()
    {
        await new ChatSession(_teams, Priya).Say("hello");
        var tom = new ChatSession(_teams, Tom);
        await tom.Say("admin add priya");
        await tom.Say("admin remove priya");

        var audit = await tom.Say("audit 50");

        Assert.True(audit.IndexOf("removed an admin", StringComparison.Ordinal) < audit.IndexOf("added an admin", StringComparison.Ordinal), audit);
        Assert.Contains("Tom Hughes", audit, StringComparison.Ordinal);
        Assert.Contains("Priya Shah: admin → not an admin", audit, StringComparison.Ordinal);
    }
}

/// <summary>With no bootstrap admins, the one admin made in chat cannot leave the campaign without anyone.</summary>
public sealed class LastAdminThroughTeamsTests : IAsyncLifetime
{
    private TeamsHarness _teams = null!;

    public async Task InitializeAsync() => _teams = await StartAsync(bootstrapAdmins: []);

    public async Task DisposeAsync() => await _teams.DisposeAsync();

    [Fact]
    public async Task AdminRemove_TheLastAdminThemselves_IsRefused()
    {
        await _teams.Service<IAdminGrantStore>().SaveAsync(
            new AdminGrantList { Grants = [new AdminGrant(Priya.AadObjectId, "Priya Shah", Tom.AadObjectId, DateTimeOffset.UtcNow)] }, null, CancellationToken.None);
        var priya = new ChatSession(_teams, Priya);

        var answer = await priya.Say("admin remove priya");

        Assert.Contains("You’re the only admin left, so you can’t remove yourself", answer, StringComparison.Ordinal);
        Assert.True(await _teams.Service<AccessPolicy>().IsAdminAsync(Priya.AadObjectId, CancellationToken.None));
    }
}
