using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Campaigns;
using InfoStoryBot.Cards.Reports;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Reports;

namespace InfoStoryBot.Bot.Exports;

/// <summary>
/// <c>export &lt;campaign&gt; csv|json|html</c> (and the report's export buttons): the offer goes out once the turn is
/// saved, as a file consent card in Teams or a signed link in local Web Chat (<see cref="IExportDelivery"/>).
/// <c>export</c> alone asks which campaign and format. The audit entry (storybook.export: format, count, delivery;
/// never content) is written by the delivery when the file actually leaves: when the link is made, or once the upload
/// to OneDrive succeeded, since only then is the count of stories known and the export real.
/// </summary>
internal sealed class ExportHandler(CampaignWorkbench campaigns, IExportDelivery delivery) : AdminHandler<Export>
{
    protected override async Task HandleAsync(AdminContext context, Export command, CancellationToken cancellationToken)
    {
        if (command is not { Campaign: { } named, Format: { } format })
        {
            var all = await campaigns.ListAsync(cancellationToken);
            context.Show(ReportChoiceCard.Build(ReportViews.ExportChoice(all, context.Now, context.Culture), context.Culture));
            return;
        }

        switch (await campaigns.FindAsync(context, named, cancellationToken))
        {
            case CampaignLookup.Missing missing:
                context.Say(missing.Message);
                return;

            case CampaignLookup.Found found:
                delivery.Offer(context.Turn, found.Campaign.Value.Id, format);
                return;
        }
    }
}
