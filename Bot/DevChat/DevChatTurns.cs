using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Turns;

namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// Turns what the page sends into the activity Teams would have sent for a personal chat, or for a channel of the
/// local team (a message that mentions the bot starts a thread; a button press comes from the post's thread), and
/// runs it through the same <see cref="ITurnProcessor"/> as /api/messages. Replies come back through the Connector
/// client, which <see cref="DevChatConnectorClient"/> routes into the transcript.
/// </summary>
public sealed class DevChatTurns(DevChatCast cast, DevChatTranscript transcript, DevChatChannels channels, TimeProvider time, ILogger<DevChatTurns> logger)
{
    /// <summary>The identity a turn runs under: the same anonymous identity local mode gives /api/messages.</summary>
    public static ClaimsIdentity LocalIdentity() => new(authenticationType: "anonymous");

    /// <summary>Teams sends conversationUpdate with the bot and the person when the app is installed; the welcome runs on it.</summary>
    public Task StartAsync(IServiceProvider services, DevChatConversation conversation, string? locale, CancellationToken cancellationToken)
    {
        var activity = Base(conversation, ActivityTypes.ConversationUpdate, conversation.NextActivityId(), locale) with
        {
            MembersAdded = [cast.Bot, conversation.Identity.ToAccount() with { Role = null }],
        };
        return RunAsync(services, conversation, activity, cancellationToken);
    }

    /// <summary>
    /// Teams tells the bot it was added to a team with installationUpdate (and conversationUpdate) in the team's General
    /// channel; the same install capture then reads the team's channels from the Connector, here DevChat's local team.
    /// </summary>
    public async Task InstallTeamAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var team = cast.Team;
        var general = team.Channels[0];
        var now = time.GetUtcNow();
        var install = ChannelBase(cast.Admin, ActivityTypes.InstallationUpdate, "devchat-install-" + now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture), null, general, rootId: null) with
        {
            Action = "add",
        };
        if (services.GetService<ITurnProcessor>() is not { } processor)
        {
            logger.LogError("DevChat could not install its local team: no ITurnProcessor is registered");
            return;
        }

        var result = await processor.ProcessAsync(install, LocalIdentity(), cancellationToken);
        if (result.StatusCode != StatusCodes.Status200OK)
        {
            logger.LogWarning("DevChat's local team install answered {StatusCode}", result.StatusCode);
        }
    }

    /// <summary>Records what the person sent and runs the turn; answers the Direct Line activity id.</summary>
    public async Task<string> PostAsync(IServiceProvider services, DevChatConversation conversation, JsonObject posted, CancellationToken cancellationToken)
    {
        if (conversation.Channel is { } channel)
        {
            return await PostInChannelAsync(services, conversation, channel, posted, cancellationToken);
        }

        var id = conversation.NextActivityId();
        transcript.AppendFromUser(conversation, id, posted);

        var type = (string?)posted["type"];
        var locale = posted["locale"] is JsonValue l && l.TryGetValue<string>(out var s) ? s : null;
        if (type == ActivityTypes.Typing)
        {
            return id;
        }

        var activity = Base(conversation, type!, id, locale);
        if (type == ActivityTypes.Message)
        {
            var click = DevChatCardActions.ReadClick(posted["value"]);
            if (click is { IsExecute: true })
            {
                await RunInvokeAsync(services, conversation, activity, click, cancellationToken);
                return id;
            }

            activity = AsMessage(activity, posted, click);
        }
        else
        {
            activity = activity with { Name = posted["name"] is JsonValue n && n.TryGetValue<string>(out var name) ? name : null, Value = ToElement(posted["value"]) };
        }

        await RunAsync(services, conversation, activity, cancellationToken);
        return id;
    }

    /// <summary>
    /// In a channel view: a typed message is a new thread that mentions the bot (Teams delivers no other channel
    /// message to a bot) and everyone in the channel sees it; a button press comes from its post's thread and only the
    /// presser sees what answers it.
    /// </summary>
    private async Task<string> PostInChannelAsync(IServiceProvider services, DevChatConversation view, DevChatChannel channel, JsonObject posted, CancellationToken cancellationToken)
    {
        var type = (string?)posted["type"];
        var locale = posted["locale"] is JsonValue l && l.TryGetValue<string>(out var s) ? s : null;
        if (type != ActivityTypes.Message)
        {
            return view.NextActivityId(); // typing and events: nothing a channel shows or a bot hears
        }

        var click = DevChatCardActions.ReadClick(posted["value"]);
        if (click is not null)
        {
            var pressId = channels.EchoPress(view, posted);
            var root = channels.RootOf(channel, click.ReplyToId) ?? click.ReplyToId ?? pressId;
            var pressed = ChannelBase(view.Identity, ActivityTypes.Message, pressId, locale, channel, root);
            if (click.IsExecute)
            {
                await RunInvokeAsync(services, view, pressed, click, cancellationToken);
            }
            else
            {
                await RunAsync(services, view, AsMessage(pressed, posted, click), cancellationToken);
            }

            return pressId;
        }

        var id = channels.PostFromMember(view, posted);
        var text = posted["text"] is JsonValue t && t.TryGetValue<string>(out var said) ? said : "";
        var mention = $"<at>{cast.Bot.Name}</at>";
        var message = ChannelBase(view.Identity, ActivityTypes.Message, id, locale, channel, id) with
        {
            Text = $"{mention} {text}",
            TextFormat = "plain",
            Entities = [new Entity { Type = "mention", Text = mention, Mentioned = cast.Bot with { Role = null } }],
        };
        await RunAsync(services, view, message, cancellationToken);
        return id;
    }

    private Activity ChannelBase(DevChatIdentity person, string type, string id, string? locale, DevChatChannel channel, string? rootId)
    {
        var now = time.GetUtcNow();
        return new Activity
        {
            Type = type,
            Id = id,
            Timestamp = now,
            LocalTimestamp = now,
            ServiceUrl = DevChatCast.ServiceUrl,
            ChannelId = DevChatCast.ChannelId,
            From = person.ToAccount() with { Role = null },
            Recipient = cast.Bot with { Role = null },
            Conversation = new ConversationAccount
            {
                Id = rootId is null ? channel.Id : DevChatChannels.ThreadId(channel.Id, rootId),
                ConversationType = ConversationTypes.Channel,
                IsGroup = true,
                TenantId = cast.TenantId,
            },
            ChannelData = new TeamsChannelData
            {
                Tenant = new TenantInfo { Id = cast.TenantId },
                Team = new TeamInfo { Id = cast.Team.Id, Name = cast.Team.Name, AadGroupId = cast.Team.AadGroupId },
                Channel = new ChannelInfo { Id = channel.Id, Name = channel.Name },
            },
            Locale = locale ?? "en-GB",
        };
    }

    private static Activity AsMessage(Activity activity, JsonObject posted, DevChatCardActions.Click? click)
    {
        var text = posted["text"] is JsonValue t && t.TryGetValue<string>(out var s) ? s : null;
        var value = click?.Data ?? ToElement(posted["value"]);

        // Teams turns a messageBack button into text plus value, and imBack into text only.
        if (value is { ValueKind: JsonValueKind.Object } v && v.TryGetProperty("msteams", out var msteams) && msteams.ValueKind == JsonValueKind.Object
            && msteams.TryGetProperty("type", out var kind))
        {
            switch (AsString(kind))
            {
                case "messageBack":
                    text = msteams.TryGetProperty("text", out var mt) ? AsString(mt) : null;
                    value = msteams.TryGetProperty("value", out var mv) ? mv : null;
                    break;
                case "imBack":
                    text = msteams.TryGetProperty("value", out var iv) ? AsString(iv) : null;
                    value = null;
                    break;
            }
        }

        return activity with { Text = text, TextFormat = "plain", Value = value, ReplyToId = click?.ReplyToId };
    }

    private async Task RunInvokeAsync(IServiceProvider services, DevChatConversation conversation, Activity baseActivity, DevChatCardActions.Click click, CancellationToken cancellationToken)
    {
        var value = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["id"] = click.ActionId,
                ["verb"] = click.Verb,
                ["data"] = click.Data is { } data ? JsonNode.Parse(data.GetRawText()) : new JsonObject(),
            },
            ["trigger"] = "manual",
        };
        var invoke = baseActivity with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            Value = JsonSerializer.SerializeToElement(value),
            ReplyToId = click.ReplyToId,
        };

        var result = await RunAsync(services, conversation, invoke, cancellationToken);
        if (result is not null)
        {
            ApplyInvokeResponse(conversation, click.ReplyToId, result);
        }
    }

    /// <summary>Shows the invoke response as Teams would: a card replaces the clicked card, a message appears, an error is reported.</summary>
    private void ApplyInvokeResponse(DevChatConversation conversation, string? replyToId, TurnResult result)
    {
        if (result.StatusCode != StatusCodes.Status200OK)
        {
            transcript.AppendNotice(conversation, $"DevChat: the bot answered the card action with HTTP {result.StatusCode}.");
            return;
        }

        var body = result.Body is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(result.Body, ProtocolJson.Options);
        if (body is not { ValueKind: JsonValueKind.Object } response)
        {
            transcript.AppendNotice(conversation, "DevChat: the bot answered the card action with no invoke response body.");
            return;
        }

        var statusCode = response.TryGetProperty("statusCode", out var sc) && sc.ValueKind == JsonValueKind.Number ? sc.GetInt32() : 200;
        var type = response.TryGetProperty("type", out var t) ? t.GetString() : null;
        response.TryGetProperty("value", out var value);

        if (statusCode == 200 && type == AdaptiveCardInvokeResponse.CardType && value.ValueKind == JsonValueKind.Object)
        {
            if (replyToId is null || !transcript.ReplaceCard(conversation, replyToId, value))
            {
                transcript.AppendFromBot(conversation, new Activity
                {
                    Type = ActivityTypes.Message,
                    Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = value }],
                });
            }
        }
        else if (statusCode == 200 && type == AdaptiveCardInvokeResponse.MessageType)
        {
            transcript.AppendFromBot(conversation, new Activity { Type = ActivityTypes.Message, Text = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() });
        }
        else if (statusCode != 200)
        {
            var message = value.ValueKind == JsonValueKind.Object && value.TryGetProperty("message", out var m) ? m.GetString() : null;
            transcript.AppendNotice(conversation, $"DevChat: the card action failed with status {statusCode}{(message is null ? "" : ": " + message)}.");
        }
    }

    private async Task<TurnResult?> RunAsync(IServiceProvider services, DevChatConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        var processor = services.GetService<ITurnProcessor>();
        if (processor is null)
        {
            transcript.AppendNotice(conversation, "DevChat: no turn processor is registered (Turns/AddTurns), so nothing can answer yet.");
            logger.LogError("DevChat could not run a {ActivityType} turn: no ITurnProcessor is registered", activity.Type);
            return null;
        }

        try
        {
            return await processor.ProcessAsync(activity, LocalIdentity(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Shown in the chat as well as logged: at a developer's desk the page is where one looks first.
            logger.LogError(ex, "DevChat turn failed for a {ActivityType} activity in {ConversationId}", activity.Type, conversation.Id);
            transcript.AppendNotice(conversation, $"DevChat: the bot failed on this turn ({ex.GetType().Name}). The app's log has the details.");
            return null;
        }
    }

    private Activity Base(DevChatConversation conversation, string type, string id, string? locale)
    {
        var now = time.GetUtcNow();
        return new Activity
        {
            Type = type,
            Id = id,
            Timestamp = now,
            LocalTimestamp = now,
            ServiceUrl = DevChatCast.ServiceUrl,
            ChannelId = DevChatCast.ChannelId,
            From = conversation.Identity.ToAccount() with { Role = null },
            Recipient = cast.Bot with { Role = null },
            Conversation = new ConversationAccount { Id = conversation.Id, ConversationType = ConversationTypes.Personal, TenantId = cast.TenantId },
            ChannelData = new TeamsChannelData { Tenant = new TenantInfo { Id = cast.TenantId } },
            Locale = locale ?? "en-GB",
        };
    }

    // The page is not the only client: a field of the wrong type is read as absent, never thrown on.
    private static string? AsString(JsonElement element) => element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static JsonElement? ToElement(JsonNode? node) => node is null ? null : JsonSerializer.SerializeToElement(node);
}
