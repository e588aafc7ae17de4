using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.Storybook;
using InfoStoryBot.Cards.Text;
using static InfoStoryBot.Cards.Model.CardParts;

namespace InfoStoryBot.Cards.Moderation;

/// <summary>Input ids of the moderation cards.</summary>
public static class ModerationFields
{
    /// <summary>Each story's "turn down" box has its own id, so one card can hold a box per story.</summary>
    public static string Reason(string storyId) => "reason." + storyId;

    /// <summary>How long a reason may be (the input's maxLength; Dialogs keeps no more).</summary>
    public const int ReasonMaxLength = 1000;
}

/// <summary>Something in a waiting story that looks like personal data, worded; <see cref="Found"/> is story text.</summary>
public sealed record ModerationWarningView(string KindLabel, string Found, string FieldLabel, bool TellerSaidNotPersonal);

/// <summary>
/// A waiting story as the campaign team decides on it. The commands are the admin commands' own text (admin.run),
/// written by Dialogs, so a press is read by the same grammar and gate as a typed command.
/// </summary>
public sealed record PendingStoryView
{
    /// <summary>Its number in the list, as "stories approve 2" reads it.</summary>
    public required int Number { get; init; }

    public required string StoryId { get; init; }

    public required StoryDisplay Story { get; init; }

    /// <summary>When it was sent (or sent again after an edit), in the admin's time zone.</summary>
    public required DateTime SentLocal { get; init; }

    public string? CampaignName { get; init; }

    public bool Consented { get; init; }

    /// <summary>Its teller changed it after sending it first: it is waiting again.</summary>
    public bool Resent { get; init; }

    public IReadOnlyList<ModerationWarningView> Warnings { get; init; } = [];

    public required string ApproveCommand { get; init; }

    public required string FeatureCommand { get; init; }
}

/// <param name="Waiting">How many stories wait in all (at least <paramref name="Stories"/>' count).</param>
/// <param name="AtLeast">True when there are at least <paramref name="Waiting"/> and maybe more (the count stopped).</param>
/// <param name="Notice">What just happened ("Approved …"), shown first; plain text, never markdown.</param>
public sealed record ModerationQueueView(
    IReadOnlyList<PendingStoryView> Stories,
    int Waiting,
    bool AtLeast,
    string RefreshCommand,
    string PanelCommand,
    string? Notice = null);

/// <summary>One waiting story in full, with the same decisions as the queue.</summary>
public sealed record ModerationStoryView(PendingStoryView Pending, string QueueCommand, string? Notice = null);

/// <summary>The moderation queue: the newest waiting stories, each with its warnings and its decisions.</summary>
public static class ModerationQueueCard
{
    /// <summary>As many stories as always fit one card with their decisions, however long their text.</summary>
    public const int MaxStories = 5;

    private const int ExcerptLimit = 400;

    public static AdaptiveCard Build(ModerationQueueView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement> { Heading(t["Moderation_Heading"]) };
            if (view.Notice is { Length: > 0 } notice)
            {
                body.Add(ModerationParts.Notice(notice, budget));
            }

            body.Add(Para(view.Stories.Count == 0
                ? t["Moderation_Empty"]
                : view.Stories.Count < view.Waiting || view.AtLeast
                    ? t.Format(view.AtLeast ? "Moderation_IntroSomeOfMany" : "Moderation_IntroSome", view.Stories.Count, view.Waiting)
                    : t.Format(view.Waiting == 1 ? "Moderation_IntroOne" : "Moderation_IntroAll", view.Waiting)));

            foreach (var story in view.Stories.Take(MaxStories))
            {
                var items = new List<CardElement>
                {
                    new RichTextBlock(
                    [
                        new TextRun(story.Number.ToString(culture) + ". ") { Weight = TextWeight.Bolder, Size = TextSize.Medium },
                        UntrustedText.Run(ModerationParts.Title(story, t), budget.Chars(ModerationParts.TitleLimit)) with { Weight = TextWeight.Bolder, Size = TextSize.Medium },
                    ]),
                };
                items.AddRange(ModerationParts.About(story, t, budget, culture));
                items.Add(UserText(story.Story.WhatHappened, budget.Chars(ExcerptLimit)) with { Spacing = Spacing.Small });
                items.Add(new ActionSet(ModerationParts.Decisions(story, t, readButton: true)));
                body.Add(new Container(items) { Separator = true, Spacing = Spacing.Large });
            }

            return new AdaptiveCard
            {
                Body = body,
                Actions =
                [
                    CardActions.Execute(t["Moderation_Refresh"], ActionNames.AdminRun, (ActionKeys.Command, view.RefreshCommand)),
                    CardActions.Submit(t["Admin_OpenPanel"], ActionNames.AdminRun, (ActionKeys.Command, view.PanelCommand)),
                ],
                MsTeams = FullWidth,
                FallbackText = t["Moderation_Heading"],
            };
        });
    }
}

/// <summary>One waiting story in full: what a moderator reads before deciding, when the queue showed only its start.</summary>
public static class ModerationStoryCard
{
    public static AdaptiveCard Build(ModerationStoryView view, CultureInfo culture)
    {
        var t = new CardText(culture);
        var story = view.Pending;
        return CardFit.Build(budget =>
        {
            var body = new List<CardElement>();
            if (view.Notice is { Length: > 0 } notice)
            {
                body.Add(ModerationParts.Notice(notice, budget));
            }

            body.AddRange(StoryBody.Render(story.Story, t, budget));
            body.Add(Label(t["Moderation_AboutHeading"]));
            body.AddRange(ModerationParts.About(story, t, budget, culture, ModerationParts.StoryWarnings));
            body.Add(new ActionSet(ModerationParts.Decisions(story, t, readButton: false)) { Spacing = Spacing.Medium });
            return new AdaptiveCard
            {
                Body = body,
                Actions = [CardActions.Execute(t["Moderation_BackToQueue"], ActionNames.AdminRun, (ActionKeys.Command, view.QueueCommand))],
                MsTeams = FullWidth,
                FallbackText = t["Moderation_Heading"],
            };
        });
    }
}

internal static class ModerationParts
{
    public const int TitleLimit = 120;

    /// <summary>The queue shows a story's first warnings; "Read it all" shows them all (up to <see cref="StoryWarnings"/>).</summary>
    public const int QueueWarnings = 3;
    public const int StoryWarnings = 20;
    private const int FoundLimit = 80;
    private const int CampaignLimit = 100;

    public static string Title(PendingStoryView story, CardText t) =>
        string.IsNullOrWhiteSpace(story.Story.Title) ? t["Story_Untitled"] : story.Story.Title;

    public static RichTextBlock Notice(string notice, TextBudget budget) =>
        new([UntrustedText.Run(notice, budget.Chars(600)) with { Weight = TextWeight.Bolder, Color = TextColor.Accent }]);

    /// <summary>Who told it (as it would be credited), when, consent, and the personal-data warnings.</summary>
    public static IEnumerable<CardElement> About(PendingStoryView story, CardText t, TextBudget budget, CultureInfo culture, int maxWarnings = QueueWarnings)
    {
        yield return new RichTextBlock(StoryBody.BylineRuns(story.Story.Byline, t, budget)) { Spacing = Spacing.None };

        var sent = t.Format(story.Resent ? "Moderation_ResentAt" : "Moderation_SentAt", story.SentLocal.ToString("d MMMM yyyy, HH:mm", culture));
        var meta = new List<TextRun> { new(sent + " · " + story.Story.KindLabel) { IsSubtle = true, Size = TextSize.Small } };
        if (!string.IsNullOrWhiteSpace(story.CampaignName))
        {
            meta.Add(new TextRun(" · ") { IsSubtle = true, Size = TextSize.Small });
            meta.Add(UntrustedText.Run(story.CampaignName, budget.Chars(CampaignLimit)) with { IsSubtle = true, Size = TextSize.Small });
        }

        yield return new RichTextBlock(meta) { Spacing = Spacing.None };
        yield return story.Consented
            ? new TextBlock(t["Moderation_Consented"]) { Color = TextColor.Good, Size = TextSize.Small, Spacing = Spacing.Small }
            : new TextBlock(t["Moderation_NotConsented"]) { Color = TextColor.Warning, Size = TextSize.Small, Spacing = Spacing.Small };

        if (story.Warnings.Count == 0)
        {
            yield break;
        }

        yield return new TextBlock(t["Moderation_WarningsHeading"]) { Color = TextColor.Attention, Weight = TextWeight.Bolder, Size = TextSize.Small, Spacing = Spacing.Small };
        foreach (var warning in story.Warnings.Take(maxWarnings))
        {
            yield return new RichTextBlock(
            [
                new TextRun(warning.KindLabel + ": ") { Weight = TextWeight.Bolder, Size = TextSize.Small },
                UntrustedText.Run(warning.Found, budget.Chars(FoundLimit)) with { Size = TextSize.Small },
                new TextRun(" " + t.Format("Moderation_WarningIn", warning.FieldLabel) + " " + t[warning.TellerSaidNotPersonal ? "Moderation_TellerSaidNot" : "Moderation_TellerNotAsked"])
                {
                    IsSubtle = true,
                    Size = TextSize.Small,
                },
            ]) { Spacing = Spacing.None };
        }

        if (story.Warnings.Count > maxWarnings)
        {
            yield return Subtle(t.Format("Moderation_WarningsMore", story.Warnings.Count - maxWarnings)) with { Spacing = Spacing.None };
        }
    }

    /// <summary>Approve, Approve and feature (only with consent), Turn down (with the reason box) and, on the queue, Read it all.</summary>
    public static IReadOnlyList<CardAction> Decisions(PendingStoryView story, CardText t, bool readButton)
    {
        var actions = new List<CardAction>
        {
            CardActions.Execute(t["Moderation_Approve"], ActionNames.AdminRun, (ActionKeys.Command, story.ApproveCommand)) with { Style = ActionStyle.Positive },
        };
        if (story.Consented)
        {
            actions.Add(CardActions.Execute(t["Moderation_Feature"], ActionNames.AdminRun, (ActionKeys.Command, story.FeatureCommand)));
        }

        var reasonId = ModerationFields.Reason(story.StoryId);
        actions.Add(new ShowCardAction(new AdaptiveCard
        {
            Body =
            [
                new TextInput
                {
                    Id = reasonId,
                    Label = t["Moderation_ReasonLabel"],
                    Placeholder = t["Moderation_ReasonPlaceholder"],
                    IsMultiline = true,
                    IsRequired = true,
                    ErrorMessage = t["Moderation_ReasonRequired"],
                    MaxLength = ModerationFields.ReasonMaxLength,
                },
            ],
            Actions =
            [
                CardActions.Execute(t["Moderation_SendRejection"], ActionNames.ModerationReject, (ActionKeys.StoryId, story.StoryId)) with { Style = ActionStyle.Destructive },
            ],
        })
        {
            Title = t["Moderation_Reject"],
        });

        if (readButton)
        {
            actions.Add(CardActions.Execute(t["Moderation_ReadAll"], ActionNames.ModerationRead, (ActionKeys.StoryId, story.StoryId)));
        }

        return actions;
    }
}
