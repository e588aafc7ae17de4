using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Moderation;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Bot.Moderation;

/// <summary>
/// The queue's "Send it back" form: its reason box read as "stories reject &lt;story&gt; &lt;reason&gt;" and passed
/// through the same gate as the typed command (which authorises the person pressing, and audits).
/// </summary>
internal sealed class RejectFormButton(AdminGate gate) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.ModerationReject];

    public Audience Audience => Audience.CampaignTeam;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        await gate.RunAsync(turn, ModerationForms.ReadReject(submit, turn.Culture), cancellationToken);

        return null;
    }
}

/// <summary>
/// "Read it all": one waiting story in full, with the same decisions. It changes nothing, so it is no admin command,
/// but it shows a story nobody has approved: only the campaign team may press it (the router checks, per press).
/// </summary>
internal sealed class ReadStoryButton(IStoryStore stories, ModerationQueue queue) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.ModerationRead];

    public Audience Audience => Audience.CampaignTeam;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        var stored = submit.Get(ActionKeys.StoryId) is { } id ? await stories.GetAsync(id, cancellationToken) : null;
        if (stored is not { Value.Status: StoryStatus.Submitted })
        {
            // Decided or withdrawn since the queue was shown: the queue as it is now says so by leaving it out.
            turn.Show(ModerationQueueCard.Build(await queue.ViewAsync(turn, stored is null ? ModerationText.Gone(turn.Culture) : null, cancellationToken), turn.Culture));
            return null;
        }

        turn.Show(ModerationStoryCard.Build(await queue.StoryViewAsync(turn, stored.Value, cancellationToken), turn.Culture));
        return null;
    }
}
