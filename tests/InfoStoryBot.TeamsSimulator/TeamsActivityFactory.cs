using System.Globalization;
using System.Text.Json.Nodes;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// Activities shaped as Teams sends them: 29: users, 28:{appId} bot, a: personal conversations,
/// 19:...@thread.tacv2 teams and channels, tenant in conversation and channelData, clientInfo entities.
/// Each call returns a fresh JsonObject the test may still change before posting.
/// </summary>
public sealed class TeamsActivityFactory
{
    private readonly TeamsSimulator _simulator;

    internal TeamsActivityFactory(TeamsSimulator simulator) => _simulator = simulator;

    private SimulatedUser DefaultUser => _simulator.Options.Users[0];

    private string TenantId => _simulator.Options.TenantId;

    /// <summary>The personal (1:1) conversation id Teams uses between the bot and this user.</summary>
    public string PersonalConversationId(SimulatedUser? user = null) => SimulatedConnector.PersonalConversationId((user ?? DefaultUser).Id);

    public JsonObject PersonalMessage(string text, SimulatedUser? user = null)
    {
        var activity = Personal("message", user);
        activity["text"] = text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>A channel post that @mentions the bot: Teams only delivers channel messages that do.</summary>
    public JsonObject ChannelMention(string text, SimulatedChannel? channel = null, SimulatedUser? user = null, string? threadRootId = null)
    {
        channel ??= _simulator.Team.Channels[1];
        var activity = InChannel("message", channel, user, threadRootId);
        var mention = $"<at>{_simulator.Options.BotName}</at>";
        activity["text"] = $"{mention} {text}";
        activity["textFormat"] = "plain";
        activity["entities"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = _simulator.BotId, ["name"] = _simulator.Options.BotName },
                ["text"] = mention,
            },
            ClientInfo());
        return activity;
    }

    /// <summary>The conversationUpdate Teams sends when a user installs the bot personally: bot and user both added.</summary>
    public JsonObject PersonalInstall(SimulatedUser? user = null)
    {
        user ??= DefaultUser;
        var activity = Personal("conversationUpdate", user);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = _simulator.BotId }, new JsonObject { ["id"] = user.Id, ["aadObjectId"] = user.AadObjectId });
        return activity;
    }

    /// <summary>installationUpdate in personal scope; action "add" or "remove".</summary>
    public JsonObject PersonalInstallationUpdate(string action = "add", SimulatedUser? user = null)
    {
        var activity = Personal("installationUpdate", user);
        activity["action"] = action;
        return activity;
    }

    /// <summary>installationUpdate for the team (posted in its General channel); action "add" or "remove".</summary>
    public JsonObject TeamInstallationUpdate(string action = "add", SimulatedTeam? team = null, SimulatedUser? user = null)
    {
        team ??= _simulator.Team;
        var activity = InChannel("installationUpdate", team.General, user, team: team);
        activity["action"] = action;
        return activity;
    }

    /// <summary>conversationUpdate with the bot in membersAdded (eventType teamMemberAdded): the bot joined the team.</summary>
    public JsonObject TeamMembersAddedBot(SimulatedTeam? team = null, SimulatedUser? user = null)
    {
        team ??= _simulator.Team;
        var activity = InChannel("conversationUpdate", team.General, user, team: team);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = _simulator.BotId });
        activity["channelData"]!["eventType"] = "teamMemberAdded";
        return activity;
    }

    /// <summary>conversationUpdate with the bot in membersRemoved (eventType teamMemberRemoved): the bot was uninstalled from the team.</summary>
    public JsonObject TeamMembersRemovedBot(SimulatedTeam? team = null, SimulatedUser? user = null)
    {
        team ??= _simulator.Team;
        var activity = InChannel("conversationUpdate", team.General, user, team: team);
        activity["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = _simulator.BotId });
        activity["channelData"]!["eventType"] = "teamMemberRemoved";
        return activity;
    }

    public JsonObject ChannelCreated(SimulatedChannel channel, SimulatedTeam? team = null) => ChannelEvent("channelCreated", channel, team);

    public JsonObject ChannelRenamed(SimulatedChannel channel, SimulatedTeam? team = null) => ChannelEvent("channelRenamed", channel, team);

    public JsonObject ChannelDeleted(SimulatedChannel channel, SimulatedTeam? team = null) => ChannelEvent("channelDeleted", channel, team);

    public JsonObject ChannelRestored(SimulatedChannel channel, SimulatedTeam? team = null) => ChannelEvent("channelRestored", channel, team);

    /// <summary>
    /// A team event (conversationUpdate): teamRenamed, teamArchived, teamUnarchived, teamDeleted, teamRestored,
    /// teamHardDeleted. <c>channelData.team</c> carries the team's name, as Teams' own samples show.
    /// </summary>
    public JsonObject TeamEvent(string eventType, SimulatedTeam? team = null)
    {
        team ??= _simulator.Team;
        var activity = InChannel("conversationUpdate", team.General, null, team: team);
        activity["conversation"]!["id"] = team.Id;
        activity["channelData"]!["eventType"] = eventType;
        activity["channelData"]!["team"]!["name"] = team.Name;
        return activity;
    }

    /// <summary>An Action.Submit from a card: a message with no text, <c>value</c> = data merged with inputs, replyToId = the card.</summary>
    public JsonObject CardSubmit(JsonObject value, string replyToId, SimulatedUser? user = null, SimulatedChannel? channel = null)
    {
        var activity = channel is null ? Personal("message", user) : InChannel("message", channel, user);
        activity["replyToId"] = replyToId;
        activity["value"] = value;
        return activity;
    }

    /// <summary>An Action.Execute: invoke named adaptiveCard/action; the bot must answer 200 with a body.</summary>
    public JsonObject AdaptiveCardAction(string verb, JsonObject? data = null, string? replyToId = null, SimulatedUser? user = null, SimulatedChannel? channel = null)
    {
        var activity = channel is null ? Personal("invoke", user) : InChannel("invoke", channel, user);
        activity["name"] = "adaptiveCard/action";
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["id"] = "action-" + verb, ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            ["trigger"] = "manual",
        };
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return activity;
    }

    /// <summary>
    /// The invoke Teams sends when the user answers a file consent card: <c>fileConsent/invoke</c> with action "accept"
    /// (and the <paramref name="uploadInfo"/> of an upload session, see <see cref="TeamsSimulator.NewUploadInfo"/>) or
    /// "decline" (none), and the card's acceptContext or declineContext echoed as <c>context</c>.
    /// </summary>
    public JsonObject FileConsent(string action, JsonNode? context, JsonObject? uploadInfo = null, string? replyToId = null, SimulatedUser? user = null)
    {
        var activity = Personal("invoke", user);
        activity["name"] = "fileConsent/invoke";
        var value = new JsonObject { ["type"] = "fileUpload", ["action"] = action, ["context"] = context?.DeepClone() };
        if (uploadInfo is not null)
        {
            value["uploadInfo"] = uploadInfo.DeepClone();
        }

        activity["value"] = value;
        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return activity;
    }

    /// <summary>A reaction to a message the bot sent (replyToId names it).</summary>
    public JsonObject MessageReaction(string replyToId, string reaction = "like", bool added = true, SimulatedUser? user = null, SimulatedChannel? channel = null)
    {
        var activity = channel is null ? Personal("messageReaction", user) : InChannel("messageReaction", channel, user);
        activity["replyToId"] = replyToId;
        activity[added ? "reactionsAdded" : "reactionsRemoved"] = new JsonArray(new JsonObject { ["type"] = reaction });
        return activity;
    }

    private JsonObject ChannelEvent(string eventType, SimulatedChannel channel, SimulatedTeam? team)
    {
        team ??= _simulator.Team;
        var activity = InChannel("conversationUpdate", team.General, null, team: team);
        activity["channelData"]!["eventType"] = eventType;
        activity["channelData"]!["channel"] = new JsonObject { ["id"] = channel.Id, ["name"] = channel.Name };
        return activity;
    }

    private JsonObject Personal(string type, SimulatedUser? user)
    {
        user ??= DefaultUser;
        var activity = Common(type, user);
        activity["conversation"] = new JsonObject
        {
            ["conversationType"] = "personal",
            ["tenantId"] = TenantId,
            ["id"] = PersonalConversationId(user),
        };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } };
        return activity;
    }

    private JsonObject InChannel(string type, SimulatedChannel channel, SimulatedUser? user, string? threadRootId = null, SimulatedTeam? team = null)
    {
        team ??= _simulator.Options.Teams.FirstOrDefault(t => t.Channels.Any(c => c.Id == channel.Id)) ?? _simulator.Team;
        var activity = Common(type, user ?? DefaultUser);
        var rootId = threadRootId ?? (type == "message" ? activity["id"]!.GetValue<string>() : null);
        activity["conversation"] = new JsonObject
        {
            ["isGroup"] = true,
            ["conversationType"] = "channel",
            ["tenantId"] = TenantId,
            ["id"] = rootId is null ? channel.Id : $"{channel.Id};messageid={rootId}",
        };
        activity["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = channel.Id,
            ["teamsTeamId"] = team.Id,
            ["channel"] = new JsonObject { ["id"] = channel.Id },
            ["team"] = new JsonObject { ["id"] = team.Id, ["aadGroupId"] = team.AadGroupId },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        };
        return activity;
    }

    private JsonObject Common(string type, SimulatedUser user)
    {
        var now = DateTimeOffset.UtcNow;
        var id = _simulator.NextActivityId();
        return new JsonObject
        {
            ["type"] = type,
            ["id"] = id,
            ["timestamp"] = now.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            ["localTimestamp"] = now.ToOffset(TimeSpan.Zero).ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture),
            ["localTimezone"] = "Europe/London",
            ["serviceUrl"] = _simulator.ServiceUrl,
            ["channelId"] = _simulator.Options.ChannelId,
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId },
            ["recipient"] = new JsonObject { ["id"] = _simulator.BotId, ["name"] = _simulator.Options.BotName },
            ["entities"] = new JsonArray(ClientInfo()),
            ["locale"] = "en-GB",
        };
    }

    private static JsonObject ClientInfo() => new()
    {
        ["type"] = "clientInfo",
        ["locale"] = "en-GB",
        ["country"] = "GB",
        ["platform"] = "Web",
        ["timezone"] = "Europe/London",
    };
}
