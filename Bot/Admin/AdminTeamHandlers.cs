using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Cards.Admin;
using InfoStoryBot.Cards.Text;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Bot.Admin;

// The campaign team in chat: "admin list", "admin add <person>", "admin remove <person>". People are found by name among
// those the bot has a 1:1 chat with; when several match, a card offers one button each (carrying the id, so nobody
// pastes one). Every change goes through AdminTeam (ETag, rules re-checked) and is audited as admin.grant / admin.revoke.

/// <summary>Builds the campaign team card, with each admin named and the grants' Remove buttons.</summary>
public sealed class AdminTeamCards(AccessPolicy access, AdminTeam team, IAdminGrantStore grants)
{
    public async Task<AdminListView> ListAsync(AdminContext context, string? notice, CancellationToken cancellationToken)
    {
        var culture = context.Culture;
        var admins = await access.ListAdminsAsync(cancellationToken);
        var stored = (await grants.GetAsync(cancellationToken))?.Value.Grants ?? [];
        var rows = new List<AdminRowView>();
        foreach (var admin in admins)
        {
            var name = admin.Name ?? await team.NameOfAsync(admin.AadObjectId, cancellationToken) ?? BotText.Get("AdminTeam_Unnamed", culture);
            if (string.Equals(admin.AadObjectId, context.ActorId, StringComparison.OrdinalIgnoreCase))
            {
                name += BotText.Get("AdminTeam_You", culture);
            }

            if (admin.IsBootstrap)
            {
                rows.Add(new AdminRowView(name, BotText.Get("AdminTeam_FromConfiguration", culture), RemoveCommand: null));
                continue;
            }

            var grant = stored.FirstOrDefault(g => string.Equals(g.AadObjectId, admin.AadObjectId, StringComparison.OrdinalIgnoreCase));
            var granter = grant is null ? null : await team.NameOfAsync(grant.GrantedBy, cancellationToken);
            var detail = grant is null
                ? BotText.Get("AdminTeam_Granted", culture)
                : string.Format(culture, BotText.Get("AdminTeam_GrantedBy", culture),
                    granter ?? BotText.Get("AdminTeam_AnotherAdmin", culture),
                    PersonTime.Local(grant.GrantedAt, context.Turn.Activity).ToString("d MMMM yyyy, HH:mm", culture));
            rows.Add(new AdminRowView(name, detail, AdminCommandText.Render(new AdminRemove(admin.AadObjectId))));
        }

        return new AdminListView(rows, AdminCommandText.Render(new AdminPanel()), notice);
    }

    /// <summary>After a change: a pressed button's card becomes the updated list; a typed command is answered in a line.</summary>
    public async Task AnswerAsync(AdminContext context, string markdown, string plain, CancellationToken cancellationToken)
    {
        if (context.Turn.IsInvoke)
        {
            context.Show(AdminListCard.Build(await ListAsync(context, plain, cancellationToken), context.Culture));
            return;
        }

        context.Reply(markdown);
    }

    /// <summary>A name for a markdown reply: the user's words, escaped.</summary>
    public static string Md(string name) => UntrustedText.Markdown(name, 100);

    public static string Plain(string name) => UntrustedText.Plain(name, 100);
}

public sealed class AdminListHandler(AdminTeamCards cards) : AdminHandler<AdminList>
{
    protected override async Task HandleAsync(AdminContext context, AdminList command, CancellationToken cancellationToken) =>
        context.Show(AdminListCard.Build(await cards.ListAsync(context, null, cancellationToken), context.Culture));
}

public sealed class AdminAddHandler(AdminTeam team, AccessPolicy access, AdminTeamCards cards) : AdminHandler<AdminAdd>
{
    protected override async Task HandleAsync(AdminContext context, AdminAdd command, CancellationToken cancellationToken)
    {
        var culture = context.Culture;
        var matches = PeopleFinder.Find(command.Person, await team.KnownPeopleAsync(cancellationToken));
        switch (matches)
        {
            case []:
                context.Reply(string.Format(culture, BotText.Get("AdminTeam_NobodyKnown", culture), AdminTeamCards.Md(command.Person)));
                return;
            case [var person]:
                await AddAsync(context, person, cancellationToken);
                return;
        }

        var choices = new List<PersonChoiceView>();
        foreach (var person in matches)
        {
            var already = await access.IsAdminAsync(person.AadObjectId, cancellationToken);
            choices.Add(new PersonChoiceView(
                person.Name,
                already ? BotText.Get("AdminTeam_AlreadyOnTeam", culture) : null,
                already ? null : AdminCommandText.Render(new AdminAdd(person.AadObjectId))));
        }

        context.Show(PeoplePickCard.Build(new PeoplePickView(
            BotText.Get("AdminTeam_WhoToAdd", culture),
            string.Format(culture, BotText.Get("AdminTeam_SeveralMatch", culture), matches.Count, AdminTeamCards.Plain(command.Person)),
            BotText.Get("AdminTeam_Add", culture),
            choices,
            More: 0,
            AdminCommandText.Render(new AdminPanel())), culture));
    }

    private async Task AddAsync(AdminContext context, KnownPerson person, CancellationToken cancellationToken)
    {
        var culture = context.Culture;
        switch (await team.AddAsync(person, context.ActorId, context.Now, cancellationToken))
        {
            case GrantOutcome.Added:
                context.Audit("admin.grant", person.AadObjectId.ToLowerInvariant(), $"{person.Name}: not an admin → admin");
                await cards.AnswerAsync(context,
                    string.Format(culture, BotText.Get("AdminTeam_Added", culture), AdminTeamCards.Md(person.Name)),
                    string.Format(culture, BotText.Get("AdminTeam_AddedPlain", culture), AdminTeamCards.Plain(person.Name)),
                    cancellationToken);
                break;
            case GrantOutcome.AlreadyAdmin:
                await cards.AnswerAsync(context,
                    string.Format(culture, BotText.Get("AdminTeam_AlreadyAdmin", culture), AdminTeamCards.Md(person.Name)),
                    string.Format(culture, BotText.Get("AdminTeam_AlreadyAdmin", culture), AdminTeamCards.Plain(person.Name)),
                    cancellationToken);
                break;
            default:
                context.Reply(BotText.Get("Turn_ForCampaignTeam", culture));
                break;
        }
    }
}

public sealed class AdminRemoveHandler(AdminTeam team, AccessPolicy access, AdminTeamCards cards) : AdminHandler<AdminRemove>
{
    protected override async Task HandleAsync(AdminContext context, AdminRemove command, CancellationToken cancellationToken)
    {
        var culture = context.Culture;
        var admins = new List<(AdminPerson Admin, KnownPerson Person)>();
        foreach (var admin in await access.ListAdminsAsync(cancellationToken))
        {
            var name = admin.Name ?? await team.NameOfAsync(admin.AadObjectId, cancellationToken) ?? "";
            admins.Add((admin, new KnownPerson(admin.AadObjectId, name)));
        }

        var matches = PeopleFinder.Find(command.Person, admins.Select(a => a.Person));
        switch (matches)
        {
            case []:
                context.Reply(string.Format(culture, BotText.Get("AdminTeam_NobodyOnTeam", culture), AdminTeamCards.Md(command.Person)));
                return;
            case [var person]:
                await RemoveAsync(context, person, cancellationToken);
                return;
        }

        var choices = matches.Select(person =>
        {
            var bootstrap = admins.First(a => a.Person == person).Admin.IsBootstrap;
            return new PersonChoiceView(
                person.Name.Length > 0 ? person.Name : BotText.Get("AdminTeam_Unnamed", culture),
                bootstrap ? BotText.Get("AdminTeam_FromConfiguration", culture) : null,
                bootstrap ? null : AdminCommandText.Render(new AdminRemove(person.AadObjectId)));
        }).ToList();
        context.Show(PeoplePickCard.Build(new PeoplePickView(
            BotText.Get("AdminTeam_WhoToRemove", culture),
            string.Format(culture, BotText.Get("AdminTeam_SeveralAdminsMatch", culture), matches.Count, AdminTeamCards.Plain(command.Person)),
            BotText.Get("AdminTeam_Remove", culture),
            choices,
            More: 0,
            AdminCommandText.Render(new AdminPanel())), culture));
    }

    private async Task RemoveAsync(AdminContext context, KnownPerson person, CancellationToken cancellationToken)
    {
        var culture = context.Culture;
        var name = person.Name.Length > 0 ? person.Name : BotText.Get("AdminTeam_Unnamed", culture);
        var outcome = await team.RemoveAsync(person.AadObjectId, context.ActorId, cancellationToken);
        if (outcome == RevokeOutcome.Removed)
        {
            context.Audit("admin.revoke", person.AadObjectId.ToLowerInvariant(), $"{name}: admin → not an admin");
        }

        if (outcome == RevokeOutcome.ActorNotAdmin)
        {
            context.Reply(BotText.Get("Turn_ForCampaignTeam", culture));
            return;
        }

        var key = outcome switch
        {
            RevokeOutcome.Removed when string.Equals(person.AadObjectId, context.ActorId, StringComparison.OrdinalIgnoreCase) => "AdminTeam_RemovedYourself",
            RevokeOutcome.Removed => "AdminTeam_Removed",
            RevokeOutcome.Bootstrap => "AdminTeam_CannotRemoveBootstrap",
            RevokeOutcome.LastAdmin => "AdminTeam_LastAdmin",
            _ => "AdminTeam_NotOnTeam",
        };
        var text = BotText.Get(key, culture);
        if (key == "AdminTeam_RemovedYourself")
        {
            // Nothing more to show them: the campaign team's cards are no longer theirs.
            context.Reply(text);
            return;
        }

        await cards.AnswerAsync(context,
            string.Format(culture, text, AdminTeamCards.Md(name)),
            string.Format(culture, text, AdminTeamCards.Plain(name)),
            cancellationToken);
    }
}
