using System.Text.Json;
using System.Text.Json.Nodes;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// Writes activities into a conversation's transcript in the shape Web Chat reads from Direct Line:
/// ids and timestamps assigned here, the sender's role set so Web Chat puts each bubble on its side,
/// and card actions adapted to what Web Chat can send back (see <see cref="DevChatCardActions"/>).
/// </summary>
public sealed class DevChatTranscript(DevChatCast cast, TimeProvider time)
{
    public string AppendFromBot(DevChatConversation conversation, Activity activity)
    {
        var id = conversation.NextActivityId();
        conversation.Append(id, ForClient(conversation, activity, id));
        return id;
    }

    /// <summary>Under an id given by the caller: a channel post has one id in every person's view of the channel.</summary>
    public void AppendFromBot(DevChatConversation conversation, Activity activity, string id) =>
        conversation.Append(id, ForClient(conversation, activity, id));

    public bool ReplaceFromBot(DevChatConversation conversation, string activityId, Activity activity) =>
        conversation.Replace(activityId, ForClient(conversation, activity, activityId));

    /// <summary>
    /// Echoes what the person sent, as Direct Line does: Web Chat marks a message as sent when it sees
    /// its own clientActivityID come back. The sender is the chosen identity, whatever the page claimed.
    /// </summary>
    /// <param name="sender">Who said it, when not the conversation's own person (another member, in a channel).</param>
    public void AppendFromUser(DevChatConversation conversation, string activityId, JsonObject posted, DevChatIdentity? sender = null)
    {
        var echo = (JsonObject)posted.DeepClone();
        echo["id"] = activityId;
        echo["timestamp"] = time.GetUtcNow().ToString("O");
        echo["channelId"] = DevChatCast.ChannelId;
        echo["conversation"] = new JsonObject { ["id"] = conversation.Id };
        // Another member's words sit on the left, as everyone else's do in a Teams channel; Web Chat puts "user" on the right.
        echo["from"] = JsonSerializer.SerializeToNode(sender is null || sender == conversation.Identity
            ? conversation.Identity.ToAccount()
            : sender.ToAccount() with { Role = "bot" }, ProtocolJson.Options);
        conversation.Append(activityId, JsonSerializer.SerializeToElement(echo, ProtocolJson.Options));
    }

    /// <summary>A line from DevChat itself, for what a developer must see (a failed turn, an unsupported action).</summary>
    public void AppendNotice(DevChatConversation conversation, string text)
    {
        var id = conversation.NextActivityId();
        var notice = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount { Id = "devchat", Name = "DevChat", Role = "bot" },
            Text = text,
            TextFormat = "plain",
        };
        conversation.Append(id, ForClient(conversation, notice, id));
    }

    /// <summary>Replaces the first Adaptive Card of an activity, as Teams does when an invoke answers with a card.</summary>
    public bool ReplaceCard(DevChatConversation conversation, string activityId, JsonElement card)
    {
        var existing = conversation.Get(activityId);
        if (existing is null || JsonNode.Parse(existing.Value.GetRawText()) is not JsonObject node || node["attachments"] is not JsonArray attachments)
        {
            return false;
        }

        var target = attachments.OfType<JsonObject>().FirstOrDefault(a => (string?)a["contentType"] == Attachment.AdaptiveCardContentType);
        if (target is null)
        {
            return false;
        }

        target["content"] = DevChatCardActions.Adapt(JsonNode.Parse(card.GetRawText()), activityId);
        node["timestamp"] ??= time.GetUtcNow().ToString("O");
        return conversation.Replace(activityId, JsonSerializer.SerializeToElement(node, ProtocolJson.Options));
    }

    private JsonElement ForClient(DevChatConversation conversation, Activity activity, string id)
    {
        var sender = activity.From ?? cast.Bot;
        var shaped = activity with
        {
            Id = id,
            Timestamp = time.GetUtcNow(),
            ChannelId = DevChatCast.ChannelId,
            Conversation = new ConversationAccount { Id = conversation.Id, ConversationType = ConversationTypes.Personal },
            From = sender with { Role = "bot" },
            Recipient = conversation.Identity.ToAccount(),

            // The page has no use for the internal address, and it must not look like something to call.
            ServiceUrl = null,
        };
        var node = JsonSerializer.SerializeToNode(shaped, ProtocolJson.Options)!.AsObject();
        if (node["attachments"] is JsonArray attachments)
        {
            foreach (var attachment in attachments.OfType<JsonObject>())
            {
                if ((string?)attachment["contentType"] == Attachment.AdaptiveCardContentType && attachment["content"] is JsonNode content)
                {
                    attachment["content"] = DevChatCardActions.Adapt(content.DeepClone(), id);
                }
            }
        }

        return JsonSerializer.SerializeToElement(node, ProtocolJson.Options);
    }
}
