using System.Globalization;
using InfoStoryBot.Cards.Nudges;
using InfoStoryBot.Dialogs.Stories;
using InfoStoryBot.Dialogs.StoryCapture;

namespace InfoStoryBot.Dialogs.Nudges;

/// <summary>Turns the planner's answers into the view records of Cards/Nudges.</summary>
public static class NudgeCardViews
{
    public static NudgeListView List(string campaignName, IReadOnlyList<NudgeAvailability> entries) =>
        new(campaignName, entries.Select(e => new NudgeListItem(e.Entry.Id, e.Name, e.East, e.MayUse, e.Reason, e.PlannedToday)).ToList());

    public static NudgeDecisionView Decision(NudgeDecision decision, CultureInfo culture) => new(
        decision.View.CampaignName,
        decision.Entry.Id,
        decision.Entry.Name(culture),
        decision.Why,
        decision.FactsUsed.Select(f => new NudgeFactLine(f.Label, f.Value)).ToList(),
        decision.Variant);

    public static PledgeTimesView PledgeTimes(PledgeReminderOptions options) =>
        new(options.Choices.Select(c => new ReminderTimeOption(c.Label, c.Value)).ToList(), options.ZoneId);

    /// <summary>The whole story for "Read it", with the attribution its teller chose.</summary>
    public static NudgeStoryView Story(StoryContent story, string campaignName, CultureInfo culture) =>
        new(StoryViews.Display(story, culture), campaignName);
}
