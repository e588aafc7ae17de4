using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Admin;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Bot.Admin;

/// <summary>"admin": the panel, every admin command one button away.</summary>
public sealed class AdminPanelHandler : AdminHandler<AdminPanel>
{
    protected override Task HandleAsync(AdminContext context, AdminPanel command, CancellationToken cancellationToken)
    {
        context.Show(AdminPanelCard.Build(AdminPanelEntries.View(context.Culture), context.Culture));
        return Task.CompletedTask;
    }
}

/// <summary>
/// "campaign help", "admin help" (and the panel's All commands): the grammar reads these as the Help record, answered
/// here as "help &lt;command&gt;" is answered by Onboarding's help for an admin.
/// </summary>
public sealed class AdminHelpHandler : AdminHandler<Help>
{
    protected override Task HandleAsync(AdminContext context, Help command, CancellationToken cancellationToken)
    {
        context.Reply(AdminHelp.Describe(command, context.Culture));
        return Task.CompletedTask;
    }
}

/// <summary>"audit", "audit 50": the newest entries of the audit log, newest first, on one card.</summary>
public sealed class AuditHandler(IAuditLog audit) : AdminHandler<Audit>
{
    // Every verb in words (a test checks each verb written is here); one missing would show as it is ("campaign.start").
    internal static readonly IReadOnlyDictionary<string, string> Verbs = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["story.approve"] = "AuditVerb_StoryApprove",
        ["story.reject"] = "AuditVerb_StoryReject",
        ["story.feature"] = "AuditVerb_StoryFeature",
        ["story.unfeature"] = "AuditVerb_StoryUnfeature",
        ["admin.grant"] = "AuditVerb_AdminGrant",
        ["admin.revoke"] = "AuditVerb_AdminRevoke",
        ["experiment.start"] = "AuditVerb_ExperimentStart",
        ["experiment.stop"] = "AuditVerb_ExperimentStop",
        ["storybook.export"] = "AuditVerb_StorybookExport",
        ["campaign.create"] = "AuditVerb_CampaignCreate",
        ["campaign.edit"] = "AuditVerb_CampaignEdit",
        ["campaign.channels.add"] = "AuditVerb_CampaignChannelsAdd",
        ["campaign.channels.remove"] = "AuditVerb_CampaignChannelsRemove",
        ["campaign.start"] = "AuditVerb_CampaignStart",
        ["campaign.pause"] = "AuditVerb_CampaignPause",
        ["campaign.resume"] = "AuditVerb_CampaignResume",
        ["campaign.end"] = "AuditVerb_CampaignEnd",
        ["channel.mute"] = "AuditVerb_ChannelMute",
        ["channel.unmute"] = "AuditVerb_ChannelUnmute",
        ["nudge.send-now"] = "AuditVerb_NudgeSendNow",
    };

    protected override async Task HandleAsync(AdminContext context, Audit command, CancellationToken cancellationToken)
    {
        var count = Math.Clamp(command.Count, 1, Audit.MaxCount);
        var entries = await audit.ListRecentAsync(count, cancellationToken);
        var lines = entries.Select(e => new AuditLineView(
            PersonTime.Local(e.At, context.Turn.Activity),
            e.ActorName is { Length: > 0 } name ? name : BotText.Get("AdminTeam_AnotherAdmin", context.Culture),
            Verbs.TryGetValue(e.Action, out var key) ? BotText.Get(key, context.Culture) : e.Action,
            e.Target,
            e.Details)).ToList();
        context.Show(AuditCard.Build(new AuditView(lines, count, AdminCommandText.Render(new AdminPanel())), context.Culture));
    }
}

/// <summary>The campaign team card's "add someone" box: read as "admin add &lt;name&gt;" and passed through the gate.</summary>
internal sealed class AdminAddFindButton(AdminGate gate) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.AdminAddFind];

    public Audience Audience => Audience.CampaignTeam;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        await gate.RunAsync(turn, AdminForms.ReadAdd(submit, turn.Culture), cancellationToken);

        return null;
    }
}
