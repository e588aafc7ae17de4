using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Admin;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Onboarding;
using InfoStoryBot.Cards.Tests.Validation;
using static InfoStoryBot.Cards.Tests.Moderation.ModerationCardsTests;
using static InfoStoryBot.Cards.Tests.Validation.CardSamples;

namespace InfoStoryBot.Cards.Tests.Admin;

public sealed class AdminCardsTests
{
    private static readonly AdminPanelView Panel = new(
    [
        new("Stories waiting", "Read the stories people have sent.", "stories pending"),
        new("Campaigns", "The campaigns.", "campaign list"),
        new("Channels", "The channels.", "channels"),
        new("Campaign team", "Who can run these commands.", "admin list"),
        new("Audit log", "The latest changes.", "audit 20"),
        new("All commands", "Every command.", "admin help"),
    ]);

    public static IEnumerable<(string Name, AdaptiveCard Card)> All()
    {
        yield return ("panel", AdminPanelCard.Build(Panel, EnGb));
        foreach (var (variant, text) in new[] { ("realistic", "Priya Shah"), ("hostile", Hostile), ("huge", Huge(30_000)) })
        {
            var admins = Enumerable.Range(1, 30).Select(i => new AdminRowView(text + i, "Added by " + text + " on 3 March 2027, 10:00.", i % 5 == 0 ? null : "admin remove 6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e")).ToList();
            yield return ($"admin-list/{variant}", AdminListCard.Build(new AdminListView(admins, "admin", "Added " + text + "."), EnGb));
            yield return ($"admin-list-empty/{variant}", AdminListCard.Build(new AdminListView([], "admin"), EnGb));
            var people = Enumerable.Range(1, 14).Select(i => new PersonChoiceView(text + i, i % 3 == 0 ? "Already on the campaign team" : null, i % 3 == 0 ? null : "admin add 6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e")).ToList();
            yield return ($"people/{variant}", PeoplePickCard.Build(new PeoplePickView("Who do you mean?", $"14 people match “{text}”.", "Add to the campaign team", people, 3, "admin"), EnGb));
            var lines = Enumerable.Range(1, 500).Select(i => new AuditLineView(new DateTime(2027, 3, 3, 10, i % 60, 0), text, "approved a story", "018f2a3b4c5d-0a1b2c3d", text)).ToList();
            yield return ($"audit-500/{variant}", AuditCard.Build(new AuditView(lines, 500, "admin"), EnGb));
            yield return ($"audit-3/{variant}", AuditCard.Build(new AuditView(lines.Take(3).ToList(), 20, "admin"), EnGb));
            yield return ($"help-admin-panel/{variant}", HelpCard.Build(new HelpView(true, ["stories approve 1 — Approves a story " + text, text], "admin"), EnGb));
        }

        yield return ("audit-empty", AuditCard.Build(new AuditView([], 20, "admin"), EnGb));
        yield return ("audit-one", AuditCard.Build(new AuditView([new AuditLineView(new DateTime(2027, 3, 3, 10, 0, 0), "Sam", "added an admin", null, null)], 20, "admin"), EnGb));
    }

    [Fact]
    public void EveryAdminCard_RealisticHostileAndHuge_PassesMicrosoftsParserWithoutErrorsOrWarnings()
    {
        var cards = All().ToList();
        var reports = AdaptiveCardsParser.Validate(cards.Select(c => CardJson.Serialize(c.Card)).ToList());

        Assert.Equal(cards.Count, reports.Count);
        var problems = reports
            .Where(r => r.Errors.Count > 0 || r.Warnings.Count > 0)
            .Select(r => $"{cards[r.Index].Name}: {string.Join("; ", r.Errors.Concat(r.Warnings).Select(e => e.Event + " " + e.Message))}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void EveryAdminCard_EvenWithHugeText_StaysUnder28Kilobytes()
    {
        Assert.All(All(), c => Assert.True(CardJson.SizeInBytes(c.Card) < 28 * 1024, $"{c.Name} is {CardJson.SizeInBytes(c.Card)} bytes"));
    }

    [Fact]
    public void Panel_EveryEntry_IsAnAdminRunButtonWithItsCommand()
    {
        var buttons = Buttons(CardJson.ToJsonObject(AdminPanelCard.Build(Panel, EnGb)));

        Assert.Equal(Panel.Entries.Select(e => e.Command), buttons.Select(b => Data(b, ActionKeys.Command)));
        Assert.All(buttons, b => Assert.Equal(ActionNames.AdminRun, Data(b, "action")));
    }

    [Fact]
    public void Audit_MoreThanACardHolds_ShowsTheNewestAndSaysSo()
    {
        var lines = Enumerable.Range(1, 500).Select(i => new AuditLineView(new DateTime(2027, 3, 3, 10, 0, 0), "Sam Patel", "approved a story", "018f2a3b4c5d-0a1b2c3d", "submitted → approved")).ToList();

        var text = CardJson.Serialize(AuditCard.Build(new AuditView(lines, 500, "admin"), EnGb));

        Assert.Contains("You asked for 500, but a card holds no more.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpCard_ForAnAdmin_HasTheAdminPanelButton()
    {
        var buttons = Buttons(CardJson.ToJsonObject(HelpCard.Build(new HelpView(true, ["admin — Opens the admin panel"], "admin"), EnGb)));

        Assert.Contains(buttons, b => Data(b, "action") == ActionNames.AdminRun && Data(b, ActionKeys.Command) == "admin");
    }

    [Fact]
    public void HelpCard_ForEveryoneElse_HasNoAdminButton()
    {
        var buttons = Buttons(CardJson.ToJsonObject(HelpCard.Build(new HelpView(), EnGb)));

        Assert.DoesNotContain(buttons, b => Data(b, "action") == ActionNames.AdminRun);
    }
}
