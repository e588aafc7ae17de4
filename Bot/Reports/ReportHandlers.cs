using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Cards.Reports;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Reports;

namespace InfoStoryBot.Bot.Reports;

/// <summary>
/// <c>report &lt;campaign&gt;</c> (and the campaign card's Report button): the report card with its chart, whose export
/// buttons run <c>export</c>. <c>report</c> alone asks which campaign. Reading changes nothing, so nothing is audited.
/// </summary>
internal sealed class ReportHandler(CampaignWorkbench campaigns, IReportService reports) : AdminHandler<Report>
{
    protected override async Task HandleAsync(AdminContext context, Report command, CancellationToken cancellationToken)
    {
        if (command.Campaign is not { } named)
        {
            var all = await campaigns.ListAsync(cancellationToken);
            context.Show(ReportChoiceCard.Build(ReportViews.ReportChoice(all, context.Now, context.Culture), context.Culture));
            return;
        }

        switch (await campaigns.FindAsync(context, named, cancellationToken))
        {
            case CampaignLookup.Missing missing:
                context.Say(missing.Message);
                return;

            case CampaignLookup.Found found:
                if (await reports.BuildAsync(found.Campaign.Value.Id, context.Culture, cancellationToken) is { } result)
                {
                    context.Show(result.Card);
                }
                else
                {
                    // Deleted between the lookup and the read.
                    context.Say(string.Format(context.Culture, Resources.BotText.Get("Export_NoCampaign", context.Culture), named.Display));
                }

                return;
        }
    }
}
