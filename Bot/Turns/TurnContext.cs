using System.Security.Claims;
using System.Text.Json;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// One turn in progress: the activity, who sent it, the conversation's state, and what the bot will say.
/// Handlers only add to <see cref="Outbox"/>; the processor sends it after the state is safely saved,
/// so a turn that must be re-run after a state conflict never speaks twice.
/// </summary>
public sealed class TurnContext(Activity activity, ClaimsIdentity identity, ConversationState state, string text)
{
    private readonly List<Activity> _outbox = [];

    public Activity Activity { get; } = activity;

    public ClaimsIdentity Identity { get; } = identity;

    /// <summary>The message text with the bot's own @mention removed, entities decoded and whitespace collapsed.</summary>
    public string Text { get; } = text;

    public ConversationState State { get; set; } = state;

    public IReadOnlyList<Activity> Outbox => _outbox;

    /// <summary>Set by an invoke handler; becomes the HTTP response body.</summary>
    public InvokeResponse? InvokeResponse { get; set; }

    public bool IsPersonal => Activity.Conversation?.ConversationType is null or ConversationTypes.Personal;

    /// <summary>The sender's Entra object id, when Teams sent one.</summary>
    public string? UserObjectId => Activity.From?.AadObjectId;

    public void Reply(string text) => _outbox.Add(Activity.CreateReply(text) with { TextFormat = "plain" });

    public void ReplyWithCard(JsonElement card, string? summary = null) => _outbox.Add(Activity.CreateReply() with
    {
        Summary = summary,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }],
    });

    public void Send(Activity activity) => _outbox.Add(activity);

    internal void ClearOutbox() => _outbox.Clear();
}
