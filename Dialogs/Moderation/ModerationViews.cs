using System.Globalization;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.StoryCapture;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Moderation;

/// <summary>Stories as the moderation cards show them, and what their teller is told. Times come in already local.</summary>
public static class ModerationViews
{
    /// <summary>How many waiting stories the queue shows at once (numbered 1 to this): as many as one card holds.</summary>
    public const int QueueSize = ModerationQueueCard.MaxStories;

    public static string QueueCommand { get; } = AdminCommandText.Render(new StoriesPending());

    public static string PanelCommand { get; } = AdminCommandText.Render(new AdminPanel());

    public static PendingStoryView Pending(int number, Story story, DateTime sentLocal, string? campaignName, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(story);
        return new PendingStoryView
        {
            Number = number,
            StoryId = story.Id,
            Story = StoryViews.Display(story.Content, culture),
            SentLocal = sentLocal,
            CampaignName = campaignName,
            Consented = story.Content.ConsentToPublish,
            // A new story is sent as it is created; an edit sends it again later.
            Resent = story.SubmittedAt is { } sent && sent > story.CreatedAt,
            Warnings = ModerationWarnings.Views(story, culture),
            ApproveCommand = AdminCommandText.Render(new StoriesApprove(new StoryRef.ById(story.Id))),
            FeatureCommand = AdminCommandText.Render(new StoriesFeature(new StoryRef.ById(story.Id))),
        };
    }

    /// <summary>The newest first by when they were sent (an edited story is sent again, so it comes back to the top).</summary>
    public static IReadOnlyList<Story> Order(IEnumerable<Story> waiting) =>
        waiting.OrderByDescending(s => s.SubmittedAt ?? s.CreatedAt).ThenByDescending(s => s.Id, StringComparer.Ordinal).ToList();

    /// <summary>What the teller is told about a decision just made; null when there is nothing to tell (unfeaturing).</summary>
    public static TellerNoticeView? Notice(ModerationAction action, Story decided, string? campaignName) => action switch
    {
        ModerationAction.Approve => new TellerNoticeView(
            decided.Content.ConsentToPublish ? TellerNoticeKind.Published : TellerNoticeKind.KeptPrivate, decided.Id, decided.Content.Title, campaignName),
        ModerationAction.Feature => new TellerNoticeView(TellerNoticeKind.Featured, decided.Id, decided.Content.Title, campaignName),
        ModerationAction.Reject => new TellerNoticeView(TellerNoticeKind.Returned, decided.Id, decided.Content.Title, campaignName, decided.ModerationNote),
        _ => null,
    };
}
