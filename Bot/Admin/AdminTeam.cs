using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Dialogs.Admin;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Admin;

public enum GrantOutcome
{
    Added,
    AlreadyAdmin,

    /// <summary>The admin acting lost their own rights meanwhile (another admin removed them).</summary>
    ActorNotAdmin,
}

public enum RevokeOutcome
{
    Removed,
    NotAdmin,

    /// <summary>Set in configuration (Access:BootstrapAdmins): only configuration can take it away.</summary>
    Bootstrap,

    /// <summary>The only admin left tried to remove themselves: nobody could run the campaign afterwards.</summary>
    LastAdmin,

    ActorNotAdmin,
}

/// <summary>
/// The campaign team's rules, on the grant list as it was read: who may be added or removed. Pure, so the storage
/// loop in <see cref="AdminTeam"/> can re-apply them to a fresher list when another admin changed it meanwhile.
/// </summary>
public static class AdminTeamRules
{
    public static (GrantOutcome Outcome, AdminGrantList? Changed) Grant(AdminGrantList list, IReadOnlyCollection<string> bootstrap, KnownPerson person, string actorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(person);
        if (!IsAdmin(list, bootstrap, actorId))
        {
            return (GrantOutcome.ActorNotAdmin, null);
        }

        if (IsAdmin(list, bootstrap, person.AadObjectId))
        {
            return (GrantOutcome.AlreadyAdmin, null);
        }

        var grant = new AdminGrant(person.AadObjectId.ToLowerInvariant(), person.Name, actorId, now);
        return (GrantOutcome.Added, list with { Grants = [.. list.Grants, grant] });
    }

    public static (RevokeOutcome Outcome, AdminGrantList? Changed) Revoke(AdminGrantList list, IReadOnlyCollection<string> bootstrap, string targetId, string actorId)
    {
        ArgumentNullException.ThrowIfNull(list);
        if (!IsAdmin(list, bootstrap, actorId))
        {
            return (RevokeOutcome.ActorNotAdmin, null);
        }

        if (bootstrap.Contains(targetId, StringComparer.OrdinalIgnoreCase))
        {
            return (RevokeOutcome.Bootstrap, null);
        }

        if (!list.Grants.Any(g => Same(g.AadObjectId, targetId)))
        {
            return (RevokeOutcome.NotAdmin, null);
        }

        var everyone = bootstrap.Concat(list.Grants.Select(g => g.AadObjectId)).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        if (Same(targetId, actorId) && everyone <= 1)
        {
            return (RevokeOutcome.LastAdmin, null);
        }

        return (RevokeOutcome.Removed, list with { Grants = [.. list.Grants.Where(g => !Same(g.AadObjectId, targetId))] });
    }

    public static bool IsAdmin(AdminGrantList list, IReadOnlyCollection<string> bootstrap, string objectId) =>
        bootstrap.Contains(objectId, StringComparer.OrdinalIgnoreCase) || list.Grants.Any(g => Same(g.AadObjectId, objectId));

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// The campaign team as stored: grants added and removed conditionally on the list's ETag (re-read and the rules
/// applied again when two admins change it at once, so neither change is lost), and people named from the bot's
/// conversations with them.
/// </summary>
public sealed class AdminTeam(IAdminGrantStore grants, IConversationReferenceStore references, IOptionsMonitor<AccessOptions> options)
{
    /// <summary>Beyond this many people the bot knows, "admin add" looks at the first ones listed only.</summary>
    public const int MaxKnownPeople = 20_000;

    private const int Attempts = 5;

    private IReadOnlyCollection<string> Bootstrap => [.. options.CurrentValue.BootstrapAdmins];

    public async Task<GrantOutcome> AddAsync(KnownPerson person, string actorId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await grants.GetAsync(cancellationToken);
            var (outcome, changed) = AdminTeamRules.Grant(stored?.Value ?? new AdminGrantList(), Bootstrap, person, actorId, now);
            if (changed is null)
            {
                return outcome;
            }

            try
            {
                await grants.SaveAsync(changed, stored?.ETag, cancellationToken);
                return outcome;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Another admin changed the team meanwhile: apply the rules again to what they left.
            }
        }
    }

    public async Task<RevokeOutcome> RemoveAsync(string targetId, string actorId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var stored = await grants.GetAsync(cancellationToken);
            var (outcome, changed) = AdminTeamRules.Revoke(stored?.Value ?? new AdminGrantList(), Bootstrap, targetId, actorId);
            if (changed is null || stored is null)
            {
                return outcome;
            }

            try
            {
                await grants.SaveAsync(changed, stored.ETag, cancellationToken);
                return outcome;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Another admin changed the team meanwhile: the last-admin rule is checked again on what they left.
            }
        }
    }

    /// <summary>Everyone the bot has a 1:1 chat with, by the name Teams gave them.</summary>
    public async Task<IReadOnlyList<KnownPerson>> KnownPeopleAsync(CancellationToken cancellationToken)
    {
        var personal = await references.ListPersonalAsync(MaxKnownPeople, cancellationToken);
        return [.. personal
            .Where(r => r.User is { AadObjectId.Length: > 0, Name.Length: > 0 })
            .Select(r => new KnownPerson(r.User!.AadObjectId!, r.User.Name!))
            .DistinctBy(p => p.AadObjectId.ToLowerInvariant())];
    }

    /// <summary>A person's name: from their grant, else from the bot's 1:1 chat with them; null when the bot has never met them.</summary>
    public async Task<string?> NameOfAsync(string? objectId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(objectId))
        {
            return null;
        }

        var stored = await grants.GetAsync(cancellationToken);
        if (stored?.Value.Grants.FirstOrDefault(g => string.Equals(g.AadObjectId, objectId, StringComparison.OrdinalIgnoreCase))?.Name is { Length: > 0 } granted)
        {
            return granted;
        }

        return (await references.GetPersonalAsync(objectId, cancellationToken))?.User?.Name is { Length: > 0 } known ? known : null;
    }
}
