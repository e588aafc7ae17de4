using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Campaigns;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Campaigns;

namespace InfoStoryBot.Bot.Campaigns;

/// <summary>
/// "New campaign" and "Edit": opens the campaign form (for an edit, filled in with the campaign as stored), and
/// redraws it for another region's zones. It changes nothing; the router has already checked, for the person
/// pressing, that they are on the campaign team.
/// </summary>
internal sealed class CampaignFormOpenAction(CampaignWorkbench bench) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.CampaignForm];

    public Audience Audience => Audience.CampaignTeam;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        var context = new AdminContext(turn, turn.UserObjectId ?? "", turn.Activity.From?.Name);
        var channels = await bench.ChannelsAsync(cancellationToken);
        var channelText = CampaignWorkbench.ChannelText(context);

        // Pressed on the form itself ("Show that region's zones"): the same form again, inputs as the admin left them.
        var fromForm = submit.Fields.ContainsKey(CampaignFormFields.Region);
        var values = fromForm ? CampaignFormReader.Values(submit.Fields) : null;
        var region = submit.Get(CampaignFormFields.Region);
        if (submit.Get(ActionKeys.Campaign) is not { Length: > 0 } id)
        {
            turn.Show(CampaignFormCard.Build(CampaignViews.NewForm(channels, channelText, values, region: region), turn.Culture));
            return null;
        }

        var lookup = await bench.FindAsync(context, CampaignRef.ById(id), cancellationToken);
        if (lookup is not CampaignLookup.Found found)
        {
            turn.Reply(((CampaignLookup.Missing)lookup).Message);
            return null;
        }

        var campaign = found.Campaign.Value;
        if (campaign.State == CampaignState.Ended)
        {
            var text = CampaignWorkbench.Text(context);
            await bench.RefuseAsync(context, campaign, [text.Format("Campaign_EndedCannotChange", campaign.Name)], cancellationToken);
            return null;
        }

        var was = fromForm ? CampaignFormReader.Was(submit.Fields) : null;
        turn.Show(CampaignFormCard.Build(CampaignViews.EditForm(campaign, channels, channelText, values, was, region: region), turn.Culture));
        return null;
    }
}

/// <summary>
/// The campaign form's submit: its inputs read (Dialogs/Campaigns/CampaignFormReader) into <c>campaign new</c> or
/// <c>campaign edit</c>, which then go through the admin gate like typed commands: authorised again for the person
/// pressing, handled by the same handler, audited. When the rules refuse, the form comes back with the reasons and the
/// admin's inputs as they left them.
/// </summary>
internal sealed class CampaignFormSubmitAction(AdminGate gate, CampaignWorkbench bench, CampaignFormEcho echo) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.CampaignFormSubmit];

    public Audience Audience => Audience.CampaignTeam;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        var context = new AdminContext(turn, turn.UserObjectId ?? "", turn.Activity.From?.Name);
        var text = CampaignWorkbench.Text(context);
        switch (CampaignFormReader.Read(submit.Fields, text))
        {
            case CampaignFormRead.Ready ready:
                echo.Remember(submit.Fields);
                await gate.RunAsync(turn, ready.Command, cancellationToken);
                break;

            case CampaignFormRead.Unchanged unchanged:
                if (await bench.FindAsync(context, CampaignRef.ById(unchanged.CampaignId), cancellationToken) is CampaignLookup.Found found)
                {
                    await bench.ShowAsync(context, found.Campaign.Value, new CampaignReplies(text).Unchanged(found.Campaign.Value), null, cancellationToken);
                }
                else
                {
                    turn.Reply(text["CampaignForm_NoSuchCampaign"]);
                }

                break;

            case CampaignFormRead.Invalid invalid:
                echo.Remember(submit.Fields);
                var id = submit.Get(ActionKeys.Campaign);
                var current = id is { Length: > 0 } && await bench.FindAsync(context, CampaignRef.ById(id), cancellationToken) is CampaignLookup.Found existing
                    ? existing.Campaign.Value
                    : null;
                await echo.RefuseAsync(context, bench, current, invalid.Problems, cancellationToken);
                break;
        }

        return null;
    }
}
