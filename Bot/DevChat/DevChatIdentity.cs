using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.DevChat;

/// <summary>Who the person at the DevChat page acts as. Two presets, so both sides of the bot can be tried.</summary>
public sealed record DevChatIdentity(string Key, string UserId, string Name, string AadObjectId)
{
    public const string StorytellerKey = "storyteller";
    public const string AdminKey = "admin";

    public ChannelAccount ToAccount() => new() { Id = UserId, Name = Name, AadObjectId = AadObjectId, Role = "user" };
}

/// <summary>A channel of the local team. The General channel's id is the team's and Teams gives it no name.</summary>
/// <param name="Label">What the page calls it.</param>
public sealed record DevChatChannel(string Id, string? Name, string Label);

/// <summary>The local team DevChat plays: its id, name and channels, as Teams' team endpoints would report them.</summary>
public sealed record DevChatTeam(string Id, string Name, string AadGroupId, IReadOnlyList<DevChatChannel> Channels)
{
    public DevChatChannel? Find(string? channelId) => Channels.FirstOrDefault(c => c.Id == channelId);
}

/// <summary>The fixed cast of a DevChat session: the bot, the two people one can act as, and their partnership team.</summary>
public sealed class DevChatCast(DevChatOptions options)
{
    /// <summary>
    /// Never resolvable (RFC 2606 reserves .invalid), so a DevChat address that leaks into a real
    /// Connector call fails fast instead of reaching anything.
    /// </summary>
    public const string ServiceUrl = "https://devchat.invalid/";

    /// <summary>
    /// DevChat imitates a Teams personal chat, so the turn router treats it exactly as it treats Teams;
    /// the serviceUrl, not the channel id, is what marks an activity as local.
    /// </summary>
    public const string ChannelId = "msteams";

    public ChannelAccount Bot { get; } = new() { Id = "28:infostorybot-devchat", Name = "InfoStoryBot", Role = "bot" };

    public DevChatIdentity Storyteller { get; } = new(DevChatIdentity.StorytellerKey, "29:devchat-storyteller", "Sam Storyteller", options.StorytellerObjectId);

    public DevChatIdentity Admin { get; } = new(DevChatIdentity.AdminKey, "29:devchat-admin", "Alex Admin", options.AdminObjectId);

    public string TenantId { get; } = options.TenantId;

    /// <summary>The local partnership team: registered through install capture, as if the bot had been added to it in Teams.</summary>
    public DevChatTeam Team { get; } = new(
        "19:devchat0partnership0000000000000@thread.tacv2",
        "Local partnership",
        "00000000-0000-4000-8000-0000000de7a1",
        [new DevChatChannel("19:devchat0partnership0000000000000@thread.tacv2", null, "General"), new DevChatChannel("19:devchat0stories00000000000000000@thread.tacv2", "Stories", "Stories")]);

    public DevChatIdentity? Find(string? key) => key switch
    {
        null or "" or DevChatIdentity.StorytellerKey => Storyteller,
        DevChatIdentity.AdminKey => Admin,
        _ => null,
    };

    public DevChatIdentity? FindByUserId(string? userId) =>
        userId == Storyteller.UserId ? Storyteller : userId == Admin.UserId ? Admin : null;

    public static bool IsDevChatServiceUrl(string? serviceUrl) =>
        serviceUrl is not null && string.Equals(serviceUrl.TrimEnd('/'), ServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
