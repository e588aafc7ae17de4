using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;

namespace InfoStoryBot.Bot.Campaigns;

/// <summary><c>campaign list</c>: every campaign, with Show, Edit and the moves each allows.</summary>
internal sealed class CampaignListHandler(CampaignWorkbench bench) : AdminHandler<CampaignList>
{
    protected override async Task HandleAsync(AdminContext context, CampaignList command, CancellationToken cancellationToken)
    {
        var campaigns = await bench.ListAsync(cancellationToken);
        var view = CampaignViews.List(campaigns, context.Now, bench.NonWorkingDates, CampaignWorkbench.Text(context));
        context.Show(CampaignListCard.Build(view, context.Culture));
    }
}

/// <summary><c>campaign show</c>: the campaign's card, with its next five slots in its own time.</summary>
internal sealed class CampaignShowHandler(CampaignWorkbench bench) : AdminHandler<CampaignShow>
{
    protected override async Task HandleAsync(AdminContext context, CampaignShow command, CancellationToken cancellationToken)
    {
        switch (await bench.FindAsync(context, command.Campaign, cancellationToken))
        {
            case CampaignLookup.Found found:
                await bench.ShowAsync(context, found.Campaign.Value, null, null, cancellationToken);
                break;
            case CampaignLookup.Missing missing:
                context.Reply(missing.Message);
                break;
        }
    }
}
