using System.Globalization;
using System.Security.Claims;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Dialogs.Engine;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// One turn in progress: the activity, who sent it, the conversation's state, and what the bot will say.
/// Handlers only add to <see cref="Outbox"/> and <see cref="FollowUps"/>; the processor runs the follow-ups and
/// sends the outbox after the state is safely saved, so a turn that must be re-run after a state conflict never
/// speaks (or writes elsewhere) twice.
/// </summary>
public sealed class TurnContext(Activity activity, ClaimsIdentity identity, ConversationState state, string text, DateTimeOffset now)
{
    private readonly List<Activity> _outbox = [];
    private readonly List<ITurnFollowUp> _followUps = [];

    public Activity Activity { get; } = activity;

    public ClaimsIdentity Identity { get; } = identity;

    /// <summary>The message text with the bot's own @mention removed, entities decoded and whitespace collapsed.</summary>
    public string Text { get; } = text;

    /// <summary>When the turn started, from the injected clock: dialogs and stores take time from here.</summary>
    public DateTimeOffset Now { get; } = now;

    public ConversationState State { get; set; } = state;

    public IReadOnlyList<Activity> Outbox => _outbox;

    public bool IsPersonal => Activity.Conversation?.ConversationType is null or ConversationTypes.Personal;

    /// <summary>The sender's Entra object id, when Teams sent one.</summary>
    public string? UserObjectId => Activity.From?.AadObjectId;

    /// <summary>Only en-GB wording exists today; a locale with its own resources will be picked up here.</summary>
    public CultureInfo Culture { get; } = BotText.DefaultCulture;

    /// <summary>Sends text written by the bot (markdown). User text inside must already be escaped.</summary>
    public void Reply(string markdown) => _outbox.Add(Activity.CreateReply(markdown) with { TextFormat = "markdown" });

    /// <summary>
    /// Shows a card as the answer to what the person just did. For an Action.Execute click the card replaces
    /// the clicked one (the invoke response); otherwise it arrives as a new message.
    /// </summary>
    public void Show(AdaptiveCard card)
    {
        if (IsInvoke && InvokeCard is null)
        {
            InvokeCard = card;
            return;
        }

        ReplyWithCard(card);
    }

    /// <summary>The card that answers an Action.Execute click; see <see cref="Show"/>.</summary>
    public AdaptiveCard? InvokeCard { get; private set; }

    /// <summary>A short message Teams shows where the person clicked, when an Action.Execute click changes no card.</summary>
    public string? InvokeMessage { get; set; }

    public bool IsInvoke => string.Equals(Activity.Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase);

    public void ReplyWithCard(AdaptiveCard card) => _outbox.Add(Activity.CreateReply() with
    {
        Summary = card.FallbackText,
        Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = CardJson.ToJsonElement(card) }],
    });

    /// <summary>Sends what a dialog said: text, a card, or both in one message.</summary>
    public void Say(IEnumerable<DialogMessage> messages)
    {
        foreach (var message in messages)
        {
            _outbox.Add(FromDialog(message, Activity.CreateReply()));
        }
    }

    /// <summary>A dialog's message as an activity shaped like <paramref name="template"/> (addressing, reply-to).</summary>
    public static Activity FromDialog(DialogMessage message, Activity template) => template with
    {
        Type = ActivityTypes.Message,
        Text = message.Text,
        TextFormat = message.Text is null ? null : "markdown",
        Attachments = message.Card is { } card ? [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }] : null,
    };

    public void Send(Activity activity) => _outbox.Add(activity);

    /// <summary>Work for after the save, such as opening a 1:1 chat and starting a dialog there.</summary>
    public IReadOnlyList<ITurnFollowUp> FollowUps => _followUps;

    public void Then(ITurnFollowUp followUp) => _followUps.Add(followUp);

    internal void ClearOutbox()
    {
        _outbox.Clear();
        _followUps.Clear();
    }
}

/// <summary>
/// Something a turn does beyond replying in its own conversation (another conversation's state, a message there).
/// Runs once, after this turn's state is saved, in a fresh DI scope; what it returns is sent here as replies.
/// It must not throw for Teams or storage trouble: it says what happened in its replies instead.
/// </summary>
public interface ITurnFollowUp
{
    Task<IReadOnlyList<Activity>> RunAsync(IServiceProvider services, CancellationToken cancellationToken);
}
