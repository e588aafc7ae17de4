using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.Experiments;
using InfoStoryBot.Bot.Protocol;
using InfoStoryBot.Bot.Storage;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.StoryCapture;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Nudges;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Nudges;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Dialogs.StoryCapture;

namespace InfoStoryBot.Bot.Nudges;

// The buttons on nudge cards (Cards/Nudges). They are pressed in channels, often by many people at once, so none of
// them touches the channel's conversation state (UsesConversationState is false: no lock, no load, no save). What
// each needs is kept elsewhere and written idempotently: the attribution ledger (one item per person and delivery),
// the person's own 1:1 chat state (under that chat's lock and ETag), and the pledge store. In a channel the answer
// goes to the presser alone: the invoke response (a card only they see, or a message where they clicked).

/// <summary>A press on a nudge button: the delivery it names, as the ledger has it, and who pressed.</summary>
internal sealed record NudgePress(DeliveryRecord Delivery, string PersonId)
{
    /// <summary>What the card's buttons carry, from the ledger (a button's own variant can be forged).</summary>
    public NudgeDelivery Card => new(Delivery.Id, Delivery.Variant);
}

internal static class NudgePresses
{
    /// <summary>The press, or null (and the person told) when the button names no post the bot sent.</summary>
    public static async Task<NudgePress?> ReadAsync(TurnContext turn, CardSubmit submit, IDeliveryLedger deliveries, CancellationToken cancellationToken)
    {
        var delivery = submit.Get(ActionKeys.DeliveryId) is { Length: > 0 } id ? await deliveries.GetAsync(id, cancellationToken) : null;
        if (delivery is not { CountsAsPosted: true })
        {
            Answer(turn, NudgeNoticeText.Get("Button_Unknown", turn.Culture));
            return null;
        }

        return new NudgePress(delivery, StorySaver.TellerKey(turn));
    }

    /// <summary>
    /// Says something to the presser alone: where they clicked (an invoke's message), or, for a press that came as a
    /// message, in reply to them (in a channel with an @mention, so they see it is theirs).
    /// </summary>
    public static void Answer(TurnContext turn, string markdown)
    {
        if (turn.IsInvoke)
        {
            turn.InvokeMessage = markdown;
            return;
        }

        if (turn.IsPersonal || turn.Activity.From is not { Id: { Length: > 0 } } person)
        {
            turn.Reply(markdown);
            return;
        }

        var name = (person.Name ?? "").Replace("<", "", StringComparison.Ordinal).Replace(">", "", StringComparison.Ordinal);
        var mention = $"<at>{name}</at>";
        turn.Send(turn.Activity.CreateReply(mention + " " + markdown) with
        {
            TextFormat = "markdown",
            Entities = [new Entity { Type = "mention", Text = mention, Mentioned = new ChannelAccount { Id = person.Id, Name = person.Name } }],
        });
    }
}

/// <summary>
/// "Share yours": opens the presser's 1:1 chat and starts the story dialog there, remembering the delivery and variant
/// (the story's origin). A second press by the same person on the same post finds that dialog in their chat and starts
/// nothing; pressed in the 1:1 chat itself (a reminder's button), the dialog starts right there.
/// </summary>
public sealed partial class ShareYoursButton(
    IDeliveryLedger deliveries,
    IAttributionLedger attribution,
    PersonalChats chats,
    ILogger<ShareYoursButton> log) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.NudgeShare];

    public Audience Audience => Audience.Everyone;

    public bool UsesConversationState => false;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        if (await NudgePresses.ReadAsync(turn, submit, deliveries, cancellationToken) is not { } press)
        {
            return null;
        }

        await attribution.RecordPressAsync(press.Delivery.Id, press.Delivery.Variant, press.PersonId, cancellationToken);
        var start = StoryDialog.StartFrom(submit, turn.Activity.From?.Name) with { Source = new StorySource(press.Delivery.Id, press.Delivery.Variant) };
        var started = StoryDialog.Start(start, new DialogTurn { Now = turn.Now, Culture = turn.Culture, NewId = StoryIdGenerator.New(turn.Now) });
        var outcome = await chats.StartDialogNowAsync(turn.Activity, started.State!.Value, started.Messages,
            running => StoryDialog.SourceOf(running)?.DeliveryId == press.Delivery.Id, cancellationToken);
        LogShare(log, press.Delivery.Id, outcome);
        switch (outcome)
        {
            case PersonalDialogStart.Started:
                await attribution.RecordDialogStartedAsync(press.Delivery.Id, press.Delivery.Variant, press.PersonId, cancellationToken);
                if (!turn.IsPersonal)
                {
                    NudgePresses.Answer(turn, NudgeNoticeText.Get("Share_Sent", turn.Culture));
                }
                else if (turn.IsInvoke)
                {
                    turn.InvokeMessage = NudgeNoticeText.Get("Share_Here", turn.Culture);
                }

                break;

            case PersonalDialogStart.AlreadyRunning:
                NudgePresses.Answer(turn, NudgeNoticeText.Get("Share_Already", turn.Culture));
                break;

            default:
                NudgePresses.Answer(turn, NudgeNoticeText.Get("Share_Unreachable", turn.Culture));
                break;
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Share yours on delivery {DeliveryId}: {Outcome}")]
    private static partial void LogShare(ILogger logger, string deliveryId, PersonalDialogStart outcome);
}

/// <summary>
/// "Read it" on story of the day: the whole story, for the presser alone, with the attribution its teller chose (an
/// anonymous story names no one), and only while it is approved, consented and not withdrawn.
/// </summary>
public sealed class ReadItButton(
    IDeliveryLedger deliveries,
    IAttributionLedger attribution,
    IStoryStore stories,
    ICampaignStore campaigns) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.NudgeRead];

    public Audience Audience => Audience.Everyone;

    public bool UsesConversationState => false;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        if (await NudgePresses.ReadAsync(turn, submit, deliveries, cancellationToken) is not { } press)
        {
            return null;
        }

        await attribution.RecordPressAsync(press.Delivery.Id, press.Delivery.Variant, press.PersonId, cancellationToken);

        // Only the story that post featured: a forged button cannot turn a post into a window on other stories.
        var storyId = submit.Get(ActionKeys.StoryId);
        var stored = storyId is { Length: > 0 } && storyId == press.Delivery.StoryId ? await stories.GetAsync(storyId, cancellationToken) : null;
        if (stored?.Value is not { Status: StoryStatus.Approved, Content.ConsentToPublish: true } story)
        {
            NudgePresses.Answer(turn, NudgeNoticeText.Get("Read_Gone", turn.Culture));
            return null;
        }

        var campaign = await campaigns.GetAsync(press.Delivery.CampaignId, cancellationToken);
        turn.Show(NudgeStoryCard.Build(NudgeCardViews.Story(story.Content, campaign?.Value.Name ?? "", turn.Culture), press.Card, turn.Culture));
        return null;
    }
}

/// <summary>"I’ll share a story this week": the pledge is recorded, and the answer asks when to remind them, in their own time.</summary>
public sealed class PledgeButton(
    IDeliveryLedger deliveries,
    IAttributionLedger attribution,
    IPledgeStore pledges,
    ICampaignStore campaigns,
    INonWorkingDates nonWorkingDates) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.NudgePledge];

    public Audience Audience => Audience.Everyone;

    public bool UsesConversationState => false;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        if (await NudgePresses.ReadAsync(turn, submit, deliveries, cancellationToken) is not { } press)
        {
            return null;
        }

        await attribution.RecordPledgeMadeAsync(press.Delivery.Id, press.Delivery.Variant, press.PersonId, cancellationToken);
        var pledge = await pledges.MakeAsync(new Pledge
        {
            Id = pledges.IdFor(press.Delivery.Id, press.PersonId),
            DeliveryId = press.Delivery.Id,
            CampaignId = press.Delivery.CampaignId,
            Variant = press.Delivery.Variant,
            PersonId = press.PersonId,
            MadeAt = turn.Now,
        }, cancellationToken);

        if (pledge.Value.Status == PledgeStatus.Kept)
        {
            NudgePresses.Answer(turn, NudgeNoticeText.Get("Pledge_AlreadyKept", turn.Culture));
            return null;
        }

        var campaign = await campaigns.GetAsync(press.Delivery.CampaignId, cancellationToken);
        var times = PledgeReminderTimes.For(turn.Now, PersonTime.ZoneOf(turn.Activity).Id, turn.Culture, [.. nonWorkingDates.Dates], campaign?.Value.EndDate);
        turn.Show(PledgeTimesCard.Build(NudgeCardViews.PledgeTimes(times), press.Card, turn.Culture));
        return null;
    }
}

/// <summary>
/// A reminder time (or "no reminder") picked after a pledge. The person's 1:1 chat is opened now, while they are here,
/// so the reminder later is one send through the proactive sender; the time is stored with the pledge and indexed, so
/// the reminders find it on any instance, after any restart.
/// </summary>
public sealed class PledgeTimeButton(
    IDeliveryLedger deliveries,
    IAttributionLedger attribution,
    IPledgeStore pledges,
    PersonalChats chats) : ICardAction
{
    private const int MaxAttempts = 5;

    public IReadOnlyList<string> Actions { get; } = [ActionNames.NudgePledgeRemind];

    public Audience Audience => Audience.Everyone;

    public bool UsesConversationState => false;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        if (await NudgePresses.ReadAsync(turn, submit, deliveries, cancellationToken) is not { } press)
        {
            return null;
        }

        var choice = submit.Get(ActionKeys.RemindAt);
        DateTimeOffset? remindAt = null;
        if (choice != ActionKeys.NoReminder)
        {
            if (!PledgeReminderTimes.TryParse(choice, turn.Now, out var at))
            {
                NudgePresses.Answer(turn, NudgeNoticeText.Get("Pledge_Stale", turn.Culture));
                return null;
            }

            remindAt = at;
        }

        // The pledge button made it; made again here in case that press was lost (both are idempotent).
        await attribution.RecordPledgeMadeAsync(press.Delivery.Id, press.Delivery.Variant, press.PersonId, cancellationToken);
        var zone = PersonTime.ZoneOf(turn.Activity).Id;
        var stored = await pledges.MakeAsync(new Pledge
        {
            Id = pledges.IdFor(press.Delivery.Id, press.PersonId),
            DeliveryId = press.Delivery.Id,
            CampaignId = press.Delivery.CampaignId,
            Variant = press.Delivery.Variant,
            PersonId = press.PersonId,
            MadeAt = turn.Now,
        }, cancellationToken);

        var chat = remindAt is null ? null : await chats.FindOrOpenChatAsync(turn.Activity, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var pledge = stored.Value;
            switch (pledge.Status)
            {
                case PledgeStatus.Kept:
                    NudgePresses.Answer(turn, NudgeNoticeText.Get("Pledge_AlreadyKept", turn.Culture));
                    return null;
                case PledgeStatus.Reminded or PledgeStatus.NotReminded:
                    NudgePresses.Answer(turn, NudgeNoticeText.Get("Pledge_AlreadyReminded", turn.Culture));
                    return null;
            }

            try
            {
                await pledges.UpdateAsync(pledge with { RemindAt = chat is null ? null : remindAt, ZoneId = zone, Chat = chat ?? pledge.Chat }, stored.ETag, cancellationToken);
                break;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // A second press, or the reminders, changed it first: decide again on what is stored.
                stored = await pledges.GetAsync(pledge.Id, cancellationToken) ?? stored;
            }
        }

        if (remindAt is not null && chat is null)
        {
            NudgePresses.Answer(turn, NudgeNoticeText.Get("Pledge_NoChat", turn.Culture));
            return null;
        }

        var label = remindAt is { } when ? PledgeReminderTimes.Describe(when, turn.Now, zone, turn.Culture) : null;
        turn.Show(PledgeConfirmedCard.Build(new PledgeConfirmedView(label), press.Card, turn.Culture));
        return null;
    }
}
