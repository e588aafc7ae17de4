using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Tests.Storage;
using InfoStoryBot.Dialogs.Admin;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Tests.Admin;

public sealed class AdminTeamTests : StorageBackend
{
    private const string Boot = "00000000-0000-4000-8000-00000000b007";
    private const string Sam = "2b8f1c9a-3d4e-4f5a-8b6c-7d8e9f0a1b2c";
    private static readonly KnownPerson Priya = new("6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e", "Priya Shah");
    private static readonly KnownPerson Tom = new("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "Tom Hughes");
    private static readonly DateTimeOffset Now = new(2027, 3, 3, 10, 0, 0, TimeSpan.Zero);
    private static readonly CancellationToken None = CancellationToken.None;

    private static AdminGrantList Granted(params string[] ids) =>
        new() { Grants = [.. ids.Select(id => new AdminGrant(id, null, Boot, Now))] };

    [Fact]
    public void Grant_NewPerson_IsAddedWithWhoAndWhen()
    {
        var (outcome, changed) = AdminTeamRules.Grant(new AdminGrantList(), [Boot], Priya, Boot, Now);

        Assert.Equal(GrantOutcome.Added, outcome);
        Assert.Equal(new AdminGrant(Priya.AadObjectId, "Priya Shah", Boot, Now), Assert.Single(changed!.Grants));
    }

    [Fact]
    public void Grant_SomeoneAlreadyAdmin_ChangesNothing()
    {
        Assert.Equal((GrantOutcome.AlreadyAdmin, null), AdminTeamRules.Grant(Granted(Priya.AadObjectId), [Boot], Priya with { AadObjectId = Priya.AadObjectId.ToUpperInvariant() }, Boot, Now));
        Assert.Equal((GrantOutcome.AlreadyAdmin, null), AdminTeamRules.Grant(new AdminGrantList(), [Boot], new KnownPerson(Boot, "Boot"), Boot, Now));
    }

    [Fact]
    public void Grant_ActorNoLongerAdmin_IsRefused()
    {
        Assert.Equal((GrantOutcome.ActorNotAdmin, null), AdminTeamRules.Grant(Granted(Tom.AadObjectId), [Boot], Priya, Sam, Now));
    }

    [Fact]
    public void Revoke_BootstrapAdmin_CannotBeRemovedByChat()
    {
        Assert.Equal((RevokeOutcome.Bootstrap, null), AdminTeamRules.Revoke(Granted(Sam), [Boot], Boot.ToUpperInvariant(), Sam));
    }

    [Fact]
    public void Revoke_LastAdminThemselves_IsRefused()
    {
        Assert.Equal((RevokeOutcome.LastAdmin, null), AdminTeamRules.Revoke(Granted(Sam), [], Sam, Sam));
    }

    [Fact]
    public void Revoke_ThemselvesWithAnotherAdminLeft_IsAllowed()
    {
        var (outcome, changed) = AdminTeamRules.Revoke(Granted(Sam), [Boot], Sam, Sam);

        Assert.Equal(RevokeOutcome.Removed, outcome);
        Assert.Empty(changed!.Grants);
    }

    [Fact]
    public void Revoke_SomeoneNotOnTheTeam_ChangesNothing()
    {
        Assert.Equal((RevokeOutcome.NotAdmin, null), AdminTeamRules.Revoke(Granted(Sam), [Boot], Tom.AadObjectId, Boot));
    }

    [Fact]
    public async Task AddAsync_TwoAdminsAddingAtOnce_BothGrantsAreKept()
    {
        var team = Team();

        await Task.WhenAll(
            Task.Run(() => team.AddAsync(Priya, Boot, Now, None)),
            Task.Run(() => team.AddAsync(Tom, Boot, Now, None)));

        var stored = await new AdminGrantStore(Blobs).GetAsync(None);
        Assert.Equal([Tom.AadObjectId, Priya.AadObjectId], stored!.Value.Grants.Select(g => g.AadObjectId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task RemoveAsync_TwoAdminsRemovingEachOtherAtOnce_OneStays()
    {
        // Neither is a bootstrap admin: whoever is removed first can no longer remove the other.
        await new AdminGrantStore(Blobs).SaveAsync(Granted(Priya.AadObjectId, Tom.AadObjectId), null, None);
        var team = Team(bootstrap: []);

        var outcomes = await Task.WhenAll(
            Task.Run(() => team.RemoveAsync(Tom.AadObjectId, Priya.AadObjectId, None)),
            Task.Run(() => team.RemoveAsync(Priya.AadObjectId, Tom.AadObjectId, None)));

        Assert.Equal([RevokeOutcome.Removed, RevokeOutcome.ActorNotAdmin], outcomes.Order());
        Assert.Single((await new AdminGrantStore(Blobs).GetAsync(None))!.Value.Grants);
    }

    [Fact]
    public async Task KnownPeople_FromPersonalChats_NamedAsTeamsNamesThem()
    {
        var references = new ConversationReferenceStore(Blobs);
        await references.SaveAsync(Personal("a:1", Priya), None);
        await references.SaveAsync(Personal("a:2", Tom), None);
        await references.SaveAsync(Personal("19:x@thread.tacv2", Tom) with { Conversation = new ConversationAccount { Id = "19:x@thread.tacv2", ConversationType = ConversationTypes.Channel } }, None);

        var people = await Team().KnownPeopleAsync(None);

        Assert.Equal([Priya, Tom], people.OrderBy(p => p.Name, StringComparer.Ordinal));
        Assert.Equal("Tom Hughes", await Team().NameOfAsync(Tom.AadObjectId, None));
        Assert.Null(await Team().NameOfAsync(Sam, None));
    }

    private AdminTeam Team(string[]? bootstrap = null)
    {
        var options = new AccessOptions();
        foreach (var id in bootstrap ?? [Boot])
        {
            options.BootstrapAdmins.Add(id);
        }

        return new AdminTeam(new AdminGrantStore(Blobs), new ConversationReferenceStore(Blobs), new FixedOptions(options));
    }

    private static ConversationReference Personal(string conversationId, KnownPerson person) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "https://smba.trafficmanager.net/uk/",
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = ConversationTypes.Personal },
        User = new ChannelAccount { Id = "29:" + person.Name, Name = person.Name, AadObjectId = person.AadObjectId },
        Bot = new ChannelAccount { Id = "28:bot" },
    };

    private sealed class FixedOptions(AccessOptions value) : IOptionsMonitor<AccessOptions>
    {
        public AccessOptions CurrentValue => value;

        public AccessOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<AccessOptions, string?> listener) => null;
    }
}
