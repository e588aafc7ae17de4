using System.Globalization;
using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Bot.StoryCapture;
using InfoStoryBot.Cards.Nudges;
using InfoStoryBot.Cards.Text;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;
using InfoStoryBot.Dialogs.Nudges;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.Nudges;

// The admin commands of nudges (issue 11 item 8), one handler each, behind the AdminGate: nudge list, nudge preview,
// nudge send-now. Only send-now changes anything, so only it is audited.

/// <summary>Finds the campaign an admin named, or says there is none.</summary>
public sealed class NudgeCampaigns(ICampaignStore campaigns)
{
    public async Task<Campaign?> FindAsync(AdminContext context, CampaignRef named, CancellationToken cancellationToken)
    {
        var all = await campaigns.ListAsync(cancellationToken);
        var found = all.Select(c => c.Value).Where(c => named.Matches(c.Id, c.Name)).OrderBy(c => c.Id != named.Id).FirstOrDefault();
        if (found is null)
        {
            context.Reply(string.Format(context.Culture, NudgeNoticeText.Get("Admin_NoCampaign", context.Culture), UntrustedText.Markdown(named.Display, 100)));
        }

        return found;
    }

    /// <summary>The campaign named, else the one running now; else the admin is asked which (null).</summary>
    public async Task<Campaign?> NamedOrRunningAsync(AdminContext context, CampaignRef? named, CancellationToken cancellationToken)
    {
        if (named is not null)
        {
            return await FindAsync(context, named, cancellationToken);
        }

        var all = (await campaigns.ListAsync(cancellationToken)).Select(c => c.Value).ToList();
        if (CurrentCampaign.Pick(all, context.Now) is { } running)
        {
            return running;
        }

        context.Reply(all.Count == 0
            ? NudgeNoticeText.Get("Admin_NoCampaigns", context.Culture)
            : string.Format(context.Culture, NudgeNoticeText.Get("Admin_WhichCampaign", context.Culture),
                string.Join(", ", all.OrderBy(c => c.Id, StringComparer.Ordinal).Take(20).Select(c => "**" + UntrustedText.Markdown(c.Id, 100) + "**"))));
        return null;
    }

    /// <summary>A catalogue entry id from the grammar (already checked there) as its kind.</summary>
    public static NudgeKind? Entry(string? id) => id is not null && NudgeCatalogue.TryFind(id, out var entry) ? entry.Kind : null;
}

/// <summary><c>nudge list [campaign]</c>: the catalogue, and which entries may be used now in that campaign, and why not.</summary>
public sealed class NudgeListHandler(NudgeCampaigns campaigns, INudgeComposer composer, IOptions<NudgeOptions> options) : AdminHandler<NudgeList>
{
    protected override async Task HandleAsync(AdminContext context, NudgeList command, CancellationToken cancellationToken)
    {
        if (await campaigns.NamedOrRunningAsync(context, command.Campaign, cancellationToken) is not { } campaign)
        {
            return;
        }

        var facts = await composer.CampaignFactsAsync(campaign, CampaignCalendar.Today(campaign, context.Now), context.Now, cancellationToken);
        var entries = NudgePlanner.List(facts.Shared, facts.Plan, options.Value.Settings(), context.Culture);
        context.Show(NudgeListCard.Build(NudgeCardViews.List(campaign.Name, entries), context.Culture));
    }
}

/// <summary>
/// <c>nudge preview &lt;campaign&gt; [entry]</c>: why that entry, from which facts (the decision card), then exactly the card
/// a channel would receive now.
/// </summary>
public sealed class NudgePreviewHandler(NudgeCampaigns campaigns, NudgeFanOut fanOut) : AdminHandler<NudgePreview>
{
    protected override async Task HandleAsync(AdminContext context, NudgePreview command, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(context, command.Campaign, cancellationToken) is not { } campaign)
        {
            return;
        }

        var preview = await fanOut.PreviewAsync(campaign, NudgeCampaigns.Entry(command.Entry), cancellationToken);
        context.Show(NudgeDecisionCard.Build(NudgeCardViews.Decision(preview.Nudge.Decision, context.Culture), context.Culture));
        context.Turn.Reply(preview.Channel is { } channel
            ? string.Format(context.Culture, NudgeNoticeText.Get("Admin_Preview", context.Culture), UntrustedText.Markdown(channel.DisplayName, 200))
            : NudgeNoticeText.Get("Admin_PreviewNoChannel", context.Culture));
        context.Turn.ReplyWithCard(preview.Nudge.Card);
        if (preview.Channel is { } capped && preview.PostsToday >= preview.DailyLimit)
        {
            context.Turn.Reply(string.Format(context.Culture, NudgeNoticeText.Get("Admin_PreviewCapped", context.Culture),
                UntrustedText.Markdown(capped.DisplayName, 200), preview.DailyLimit));
        }
    }
}

/// <summary>
/// <c>nudge send-now &lt;campaign&gt; [entry]</c>: posts to the campaign's channels now through the same ledger, limits and
/// daily cap as a scheduled slot, and reports each channel: sent, skipped (muted, gone, daily limit), failed or unknown.
/// </summary>
public sealed class NudgeSendNowHandler(NudgeCampaigns campaigns, NudgeFanOut fanOut) : AdminHandler<NudgeSendNow>
{
    protected override async Task HandleAsync(AdminContext context, NudgeSendNow command, CancellationToken cancellationToken)
    {
        if (await campaigns.FindAsync(context, command.Campaign, cancellationToken) is not { } campaign)
        {
            return;
        }

        var report = await fanOut.SendNowAsync(campaign, NudgeCampaigns.Entry(command.Entry), context.ActorId, cancellationToken);
        var view = new NudgeSendReportView(campaign.Name, [.. report.Channels.Select(c => new NudgeSendLine(c.ChannelName, Outcome(c.Status), c.EntryId, c.Reason, c.Earlier))]);
        if (report.Channels.Any(c => !c.Earlier))
        {
            // Only what this command did: a repeat within the same minute sends nothing and changes nothing.
            context.Audit("nudge.send-now", campaign.Id, string.Create(CultureInfo.InvariantCulture,
                $"{command.Entry ?? "planned entry"}: {report.Sent} sent, {report.Skipped} skipped, {report.Failed + report.Gone} failed, {report.Unknown} unknown of {report.Channels.Count}"));
        }

        context.Show(NudgeSendReportCard.Build(view, context.Culture));
    }

    private static NudgeSendOutcome Outcome(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Sent => NudgeSendOutcome.Sent,
        DeliveryStatus.Skipped => NudgeSendOutcome.Skipped,
        DeliveryStatus.Gone => NudgeSendOutcome.Gone,
        DeliveryStatus.Unknown => NudgeSendOutcome.Unknown,
        DeliveryStatus.Sending => NudgeSendOutcome.Sending,
        DeliveryStatus.Missed => NudgeSendOutcome.Missed,
        _ => NudgeSendOutcome.Failed,
    };
}
