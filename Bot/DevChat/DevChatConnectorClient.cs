using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// Decorates the real Connector client: calls addressed to DevChat's service URL land in the in-memory
/// transcript that the page polls; every other call goes to the decorated client untouched. So the bot
/// replies to DevChat through exactly the code path it uses for Teams. The local team's channels and their threads
/// (see <see cref="DevChatChannels"/>) are answered here too: new threads, replies, the channel list and the roster.
/// </summary>
public sealed class DevChatConnectorClient(
    IConnectorClient inner,
    DevChatConversations conversations,
    DevChatTranscript transcript,
    DevChatCast cast,
    DevChatChannels channels) : IConnectorClient
{
    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        if (!DevChatCast.IsDevChatServiceUrl(serviceUrl))
        {
            return inner.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);
        }

        return Task.FromResult(channels.Find(conversationId) is { } channel
            ? ConnectorResult<ResourceResponse>.Success(new ResourceResponse { Id = channels.PostFromBot(channel, DevChatChannels.Split(conversationId).RootId, activity) })
            : Append(conversationId, activity));
    }

    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        if (!DevChatCast.IsDevChatServiceUrl(serviceUrl))
        {
            return inner.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);
        }

        if (channels.Find(conversationId) is { } channel)
        {
            // A reply in a channel goes in the thread of what it answers.
            var root = DevChatChannels.Split(conversationId).RootId ?? channels.RootOf(channel, activityId) ?? activityId;
            return Task.FromResult(ConnectorResult<ResourceResponse>.Success(new ResourceResponse { Id = channels.PostFromBot(channel, root, activity with { ReplyToId = activity.ReplyToId ?? activityId }) }));
        }

        return Task.FromResult(Append(conversationId, activity with { ReplyToId = activity.ReplyToId ?? activityId }));
    }

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        if (!DevChatCast.IsDevChatServiceUrl(serviceUrl))
        {
            return inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);
        }

        if (channels.Find(conversationId) is { } channel)
        {
            return Task.FromResult(channels.Replace(channel, activityId, activity)
                ? ConnectorResult<ResourceResponse>.Success(new ResourceResponse { Id = activityId })
                : ConnectorResult<ResourceResponse>.Failure(404, "ActivityNotFound", "DevChat has no activity with that id in this channel."));
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return Task.FromResult(ConversationNotFound<ResourceResponse>());
        }

        return Task.FromResult(transcript.ReplaceFromBot(conversation, activityId, activity)
            ? ConnectorResult<ResourceResponse>.Success(new ResourceResponse { Id = activityId })
            : ConnectorResult<ResourceResponse>.Failure(404, "ActivityNotFound", "DevChat has no activity with that id in this conversation."));
    }

    public Task<ConnectorResult<bool>> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken)
    {
        if (!DevChatCast.IsDevChatServiceUrl(serviceUrl))
        {
            return inner.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken);
        }

        if (channels.Find(conversationId) is { } channel)
        {
            return Task.FromResult(channels.Remove(channel, activityId)
                ? ConnectorResult<bool>.Success(true)
                : ConnectorResult<bool>.Failure(404, "ActivityNotFound", "DevChat has no activity with that id in this channel."));
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return Task.FromResult(ConversationNotFound<bool>());
        }

        return Task.FromResult(conversation.Remove(activityId)
            ? ConnectorResult<bool>.Success(true)
            : ConnectorResult<bool>.Failure(404, "ActivityNotFound", "DevChat has no activity with that id in this conversation."));
    }

    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        if (!DevChatCast.IsDevChatServiceUrl(serviceUrl))
        {
            return inner.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        }

        // A new thread in a channel of the local team: what a nudge is.
        if (parameters.IsGroup == true)
        {
            if (cast.Team.Find(parameters.ChannelData?.Channel?.Id) is not { } channel)
            {
                return Task.FromResult(ConnectorResult<ConversationResourceResponse>.Gone(404, "ConversationNotFound", "DevChat has no such channel; its local team has General and Stories."));
            }

            var root = channels.PostFromBot(channel, null, parameters.Activity ?? new Activity { Type = ActivityTypes.Message });
            return Task.FromResult(ConnectorResult<ConversationResourceResponse>.Success(
                new ConversationResourceResponse { Id = DevChatChannels.ThreadId(channel.Id, root), ActivityId = root, ServiceUrl = DevChatCast.ServiceUrl }));
        }

        // A 1:1 "new" conversation with a DevChat person is the one they already have open on the page: that is where
        // they would see the bot's message. With none open, one is opened for them, as Teams opens a chat; the page
        // picks it up when they switch to their chat.
        if (parameters.Members is not [var member])
        {
            return Task.FromResult(ConnectorResult<ConversationResourceResponse>.Failure(400, "BadArgument", "DevChat opens 1:1 conversations with one of its two people, or threads in its local team's channels."));
        }

        if (cast.FindByUserId(member.Id) is not { } identity)
        {
            return Task.FromResult(ConversationNotFound<ConversationResourceResponse>());
        }

        var conversation = conversations.FindLatestForUser(identity.UserId) ?? OpenedByTheBot(identity);

        string? activityId = null;
        if (parameters.Activity is { } activity)
        {
            activityId = transcript.AppendFromBot(conversation, activity);
        }

        return Task.FromResult(ConnectorResult<ConversationResourceResponse>.Success(
            new ConversationResourceResponse { Id = conversation.Id, ActivityId = activityId, ServiceUrl = DevChatCast.ServiceUrl }));
    }

    public Task<ConnectorResult<IReadOnlyList<ChannelInfo>>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        if (!DevChatCast.IsDevChatServiceUrl(serviceUrl))
        {
            return inner.GetTeamChannelsAsync(serviceUrl, teamId, cancellationToken);
        }

        return Task.FromResult(teamId == cast.Team.Id
            ? ConnectorResult<IReadOnlyList<ChannelInfo>>.Success([.. cast.Team.Channels.Select(c => new ChannelInfo { Id = c.Id, Name = c.Name })])
            : ConnectorResult<IReadOnlyList<ChannelInfo>>.Gone(404, "NotFound", "DevChat has one team, its local partnership."));
    }

    public Task<ConnectorResult<TeamDetails>> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken)
    {
        if (!DevChatCast.IsDevChatServiceUrl(serviceUrl))
        {
            return inner.GetTeamDetailsAsync(serviceUrl, teamId, cancellationToken);
        }

        return Task.FromResult(teamId == cast.Team.Id
            ? ConnectorResult<TeamDetails>.Success(new TeamDetails { Id = cast.Team.Id, Name = cast.Team.Name, AadGroupId = cast.Team.AadGroupId })
            : ConnectorResult<TeamDetails>.Gone(404, "NotFound", "DevChat has one team, its local partnership."));
    }

    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (!DevChatCast.IsDevChatServiceUrl(serviceUrl))
        {
            return inner.GetPagedMembersAsync(serviceUrl, conversationId, pageSize, continuationToken, cancellationToken);
        }

        if (channels.Find(conversationId) is not null || conversationId == cast.Team.Id)
        {
            // The local team's roster: both people.
            return Task.FromResult(ConnectorResult<PagedMembersResult>.Success(new PagedMembersResult
            {
                Members = [Member(cast.Storyteller), Member(cast.Admin)],
            }));
        }

        if (conversations.Find(conversationId) is not { } conversation)
        {
            return Task.FromResult(ConversationNotFound<PagedMembersResult>());
        }

        var person = conversation.Identity;
        var member = new TeamsChannelAccount { Id = person.UserId, Name = person.Name, AadObjectId = person.AadObjectId, TenantId = cast.TenantId, UserRole = "user" };
        return Task.FromResult(ConnectorResult<PagedMembersResult>.Success(new PagedMembersResult { Members = [member] }));
    }

    private TeamsChannelAccount Member(DevChatIdentity person) =>
        new() { Id = person.UserId, Name = person.Name, AadObjectId = person.AadObjectId, TenantId = cast.TenantId, UserRole = "user" };

    private DevChatConversation OpenedByTheBot(DevChatIdentity identity)
    {
        var conversation = conversations.Create(identity);
        conversation.TryMarkStarted(); // opened by the bot: no install welcome, the bot's own message comes first
        return conversation;
    }

    private ConnectorResult<ResourceResponse> Append(string conversationId, Activity activity)
    {
        if (conversations.Find(conversationId) is not { } conversation)
        {
            return ConversationNotFound<ResourceResponse>();
        }

        return ConnectorResult<ResourceResponse>.Success(new ResourceResponse { Id = transcript.AppendFromBot(conversation, activity) });
    }

    private static ConnectorResult<T> ConversationNotFound<T>() =>
        ConnectorResult<T>.Gone(404, "ConversationNotFound", "The DevChat conversation has expired or never existed.");
}

/// <summary>
/// Stands in for the real Connector client until Protocol/ registers one, so DevChat works on its own;
/// anything not addressed to DevChat fails with a message that says why.
/// </summary>
internal sealed class MissingConnectorClient : IConnectorClient
{
    private const string Reason = "No Connector client is registered (Protocol/AddBotProtocol), so only DevChat conversations can be reached.";

    public Task<ConnectorResult<ResourceResponse>> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) => Fail<ResourceResponse>();

    public Task<ConnectorResult<ResourceResponse>> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => Fail<ResourceResponse>();

    public Task<ConnectorResult<ResourceResponse>> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) => Fail<ResourceResponse>();

    public Task<ConnectorResult<bool>> DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) => Fail<bool>();

    public Task<ConnectorResult<ConversationResourceResponse>> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) => Fail<ConversationResourceResponse>();

    public Task<ConnectorResult<IReadOnlyList<ChannelInfo>>> GetTeamChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) => Fail<IReadOnlyList<ChannelInfo>>();

    public Task<ConnectorResult<TeamDetails>> GetTeamDetailsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) => Fail<TeamDetails>();

    public Task<ConnectorResult<PagedMembersResult>> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) => Fail<PagedMembersResult>();

    private static Task<ConnectorResult<T>> Fail<T>() => Task.FromResult(ConnectorResult<T>.Failure(null, "NotConfigured", Reason));
}
