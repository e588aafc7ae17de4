using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;

namespace InfoStoryBot.Bot.Campaigns;

/// <summary>
/// The state moves, each its own handler over one shared path: the rules (<see cref="CampaignMoves"/>) decide, the
/// save is conditional (a move raced by another admin is judged again on their version), the audit says from → to.
/// </summary>
internal abstract class CampaignMoveHandler<TCommand>(CampaignWorkbench bench, CampaignMove move) : AdminHandler<TCommand> where TCommand : AdminCommand
{
    protected abstract CampaignRef CampaignOf(TCommand command);

    protected override async Task HandleAsync(AdminContext context, TCommand command, CancellationToken cancellationToken)
    {
        var text = CampaignWorkbench.Text(context);
        var lookup = await bench.FindAsync(context, CampaignOf(command), cancellationToken);
        if (lookup is not CampaignLookup.Found found)
        {
            context.Reply(((CampaignLookup.Missing)lookup).Message);
            return;
        }

        var saved = await bench.ChangeAsync(context, found.Campaign.Value.Id, (current, rules) => CampaignMoves.Apply(move, current, rules), cancellationToken);
        if (saved is not { Before: { } before, After: { } after })
        {
            await bench.RefuseAsync(context, saved.Before ?? found.Campaign.Value, saved.Failure is { } failure ? [failure] : [.. saved.Problems.Select(p => p.Text)], cancellationToken);
            return;
        }

        context.Audit("campaign." + move.ToString().ToLowerInvariant(), after.Id, text.Format("CampaignDiff_State", text.State(before.State), text.State(after.State)));
        var next = CampaignSchedule.NextSlots(after, context.Now, 1, bench.NonWorkingDates, text) is [var first, ..] ? first : null;
        var done = new CampaignReplies(text).Moved(move, after, next) + (saved.Meanwhile is { } meanwhile ? "\n\n" + meanwhile : "");
        await bench.ShowAsync(context, after, done, saved.Notes, cancellationToken);
    }
}

/// <summary><c>campaign start</c>: draft → scheduled (start date ahead) or running; refused with no channels or past dates.</summary>
internal sealed class CampaignStartHandler(CampaignWorkbench bench) : CampaignMoveHandler<CampaignStart>(bench, CampaignMove.Start)
{
    protected override CampaignRef CampaignOf(CampaignStart command) => command.Campaign;
}

/// <summary><c>campaign pause</c>: scheduled or running → paused; nothing posts while paused.</summary>
internal sealed class CampaignPauseHandler(CampaignWorkbench bench) : CampaignMoveHandler<CampaignPause>(bench, CampaignMove.Pause)
{
    protected override CampaignRef CampaignOf(CampaignPause command) => command.Campaign;
}

/// <summary><c>campaign resume</c>: paused → running (or scheduled, start date ahead); slots missed meanwhile are not posted.</summary>
internal sealed class CampaignResumeHandler(CampaignWorkbench bench) : CampaignMoveHandler<CampaignResume>(bench, CampaignMove.Resume)
{
    protected override CampaignRef CampaignOf(CampaignResume command) => command.Campaign;
}

/// <summary><c>campaign end</c>: anything but ended → ended, for good.</summary>
internal sealed class CampaignEndHandler(CampaignWorkbench bench) : CampaignMoveHandler<CampaignEnd>(bench, CampaignMove.End)
{
    protected override CampaignRef CampaignOf(CampaignEnd command) => command.Campaign;
}
