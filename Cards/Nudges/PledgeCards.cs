using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Nudges;

/// <summary>
/// After "I’ll share a story this week": one button per reminder time, and one for no reminder. Returned as the
/// answer to the press, so in a channel only the person who pledged sees it.
/// </summary>
public static class PledgeTimesCard
{
    public const int MaxChoices = 5;
    private const int ChoiceLimit = 60;

    public static AdaptiveCard Build(PledgeTimesView view, NudgeDelivery delivery, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Heading(t["Pledge_TimesHeading"]) };
            if (view.Choices.Count == 0)
            {
                body.Add(Para(t["Pledge_TimesNone"]));
            }
            else
            {
                body.Add(Para(t["Pledge_TimesText"]));
                body.Add(new RichTextBlock([new TextRun(t["Pledge_TimesZone"]) { IsSubtle = true, Size = TextSize.Small },
                    UntrustedText.Run(view.ZoneLabel, budget.Chars(NudgeLayout.LabelLimit)) with { IsSubtle = true, Size = TextSize.Small }]));
            }

            var actions = view.Choices.Take(MaxChoices)
                .Select(c => (CardAction)NudgeLayout.Button(UntrustedText.Plain(c.Label, budget.Chars(ChoiceLimit)), ActionNames.NudgePledgeRemind, delivery, (ActionKeys.RemindAt, c.Value)))
                .ToList();
            actions.Add(NudgeLayout.Button(t[view.Choices.Count == 0 ? "Pledge_Ok" : "Pledge_NoReminder"], ActionNames.NudgePledgeRemind, delivery, (ActionKeys.RemindAt, ActionKeys.NoReminder)));
            return new AdaptiveCard { Body = body, Actions = actions, FallbackText = t["Pledge_TimesHeading"] };
        });
    }
}

/// <summary>The answer to a reminder-time press: the pledge is recorded, and when the one reminder comes.</summary>
public static class PledgeConfirmedCard
{
    private const int LabelLimit = 60;

    public static AdaptiveCard Build(PledgeConfirmedView view, NudgeDelivery delivery, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget => new AdaptiveCard
        {
            Body =
            [
                Heading(t["Pledge_ConfirmedHeading"]),
                view.ReminderLabel is null
                    ? Para(t["Pledge_ConfirmedNoReminder"])
                    : new RichTextBlock(
                    [
                        new TextRun(t["Pledge_ConfirmedReminder"]),
                        UntrustedText.Run(view.ReminderLabel, budget.Chars(LabelLimit)) with { Weight = TextWeight.Bolder },
                        new TextRun(t["Pledge_ConfirmedReminderEnd"]),
                    ]),
                Para(t["Pledge_ConfirmedNow"]),
            ],
            Actions = [NudgeLayout.ShareYours(t, delivery)],
            FallbackText = t["Pledge_ConfirmedHeading"],
        });
    }
}

/// <summary>The one reminder a pledge asked for, sent in 1:1 chat; its button starts the story dialog there.</summary>
public static class PledgeReminderCard
{
    public static AdaptiveCard Build(PledgeReminderView view, NudgeDelivery delivery, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget => new AdaptiveCard
        {
            Body =
            [
                NudgeLayout.Campaign(view.CampaignName, budget),
                Heading(t["Pledge_ReminderHeading"]) with { Spacing = Spacing.None },
                Para(t["Pledge_ReminderText"]),
            ],
            Actions = [NudgeLayout.ShareYours(t, delivery)],
            FallbackText = t["Pledge_ReminderHeading"],
        });
    }
}

/// <summary>
/// The whole story behind "Read it", with the nudge's Share yours (so a story told after reading is still
/// attributed to the delivery). The story's body is the storybook's own, so it reads the same everywhere.
/// </summary>
public static class NudgeStoryCard
{
    public static AdaptiveCard Build(NudgeStoryView view, NudgeDelivery delivery, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { NudgeLayout.Campaign(view.CampaignName, budget) };
            body.AddRange(StoryBody.Render(view.Story, t, budget));
            return new AdaptiveCard
            {
                Body = body,
                Actions = [NudgeLayout.ShareYours(t, delivery)],
                MsTeams = FullWidth,
                FallbackText = t["Story_Fallback"],
            };
        });
    }
}
