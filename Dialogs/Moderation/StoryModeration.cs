using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.Moderation;

public enum ModerationAction
{
    Approve,
    Reject,
    Feature,
    Unfeature,
}

/// <summary>Why a decision was not made: the story is not where the decision starts from.</summary>
public enum ModerationRefusal
{
    AlreadyApproved,
    AlreadyRejected,
    AlreadyFeatured,
    NotFeatured,

    /// <summary>Approved or rejected stories are decided; only a waiting one is approved or turned down.</summary>
    NotWaiting,

    /// <summary>Featuring shows a story to everyone, which its teller has not agreed to.</summary>
    NoConsent,
}

/// <summary>Who decides, when, and in which activity (so a turn run again recognises its own decision).</summary>
public sealed record Moderator(string AadObjectId, DateTimeOffset Now, string? ActivityId);

/// <summary>What <see cref="StoryModeration.Decide"/> made of one admin's decision on one story, as it stood when read.</summary>
public abstract record ModerationDecision
{
    private ModerationDecision()
    {
    }

    /// <summary>The story to store (conditionally, on the ETag it was read with) and, for the audit, its state before and after.</summary>
    public sealed record Changed(Story Story, string Before, string After) : ModerationDecision;

    /// <summary>This same admin activity already made the decision (its turn is being run again): nothing to store.</summary>
    public sealed record Repeated(Story Story) : ModerationDecision;

    public sealed record Refused(ModerationRefusal Reason) : ModerationDecision;
}

/// <summary>
/// The moderation rules, pure. A waiting (submitted) story is approved, turned down with a reason, or approved and
/// featured at once; an approved story is featured or unfeatured. Decisions are not silently reversed: a story someone
/// else has decided meanwhile is refused here and the admin is told who did what. A teller's edit sends the story back
/// to waiting (StorySaver), where it is decided afresh.
/// </summary>
public static class StoryModeration
{
    /// <summary>The longest reason kept and shown to the teller.</summary>
    public const int MaxReasonLength = 1000;

    public static ModerationDecision Decide(Story story, ModerationAction action, Moderator moderator, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(story);
        ArgumentNullException.ThrowIfNull(moderator);
        if (moderator.ActivityId is { Length: > 0 } activity && story.ModeratedInActivity == activity
            && string.Equals(story.ModeratedBy, moderator.AadObjectId, StringComparison.OrdinalIgnoreCase) && IsOutcomeOf(story, action))
        {
            return new ModerationDecision.Repeated(story);
        }

        return action switch
        {
            ModerationAction.Approve => Approve(story, moderator),
            ModerationAction.Reject => Reject(story, moderator, reason),
            ModerationAction.Feature => Feature(story, moderator),
            _ => Unfeature(story, moderator),
        };
    }

    /// <summary>The state in short words, for the audit's "before → after" (never story text).</summary>
    public static string Describe(Story story) => story.Status switch
    {
        StoryStatus.Approved when story.Featured => "approved, featured",
        _ => story.Status.ToString().ToLowerInvariant(),
    };

    private static ModerationDecision Approve(Story story, Moderator moderator) => story.Status switch
    {
        StoryStatus.Submitted => Change(story, moderator, story with { Status = StoryStatus.Approved, Featured = false, ModerationNote = null }),
        StoryStatus.Approved => new ModerationDecision.Refused(ModerationRefusal.AlreadyApproved),
        StoryStatus.Rejected => new ModerationDecision.Refused(ModerationRefusal.AlreadyRejected),
        _ => new ModerationDecision.Refused(ModerationRefusal.NotWaiting),
    };

    private static ModerationDecision Reject(Story story, Moderator moderator, string? reason)
    {
        var kept = (reason ?? "").Trim();
        if (kept.Length > MaxReasonLength)
        {
            kept = kept[..MaxReasonLength];
        }

        return story.Status switch
        {
            StoryStatus.Submitted => Change(story, moderator, story with { Status = StoryStatus.Rejected, Featured = false, ModerationNote = kept }),
            StoryStatus.Approved => new ModerationDecision.Refused(ModerationRefusal.AlreadyApproved),
            StoryStatus.Rejected => new ModerationDecision.Refused(ModerationRefusal.AlreadyRejected),
            _ => new ModerationDecision.Refused(ModerationRefusal.NotWaiting),
        };
    }

    private static ModerationDecision Feature(Story story, Moderator moderator)
    {
        if (story.Status == StoryStatus.Rejected)
        {
            return new ModerationDecision.Refused(ModerationRefusal.AlreadyRejected);
        }

        if (story.Status == StoryStatus.Approved && story.Featured)
        {
            return new ModerationDecision.Refused(ModerationRefusal.AlreadyFeatured);
        }

        if (story.Status is not (StoryStatus.Submitted or StoryStatus.Approved))
        {
            return new ModerationDecision.Refused(ModerationRefusal.NotWaiting);
        }

        // A featured story goes to every partnership channel: only with the teller's consent.
        return story.Content.ConsentToPublish
            ? Change(story, moderator, story with { Status = StoryStatus.Approved, Featured = true, ModerationNote = null })
            : new ModerationDecision.Refused(ModerationRefusal.NoConsent);
    }

    private static ModerationDecision Unfeature(Story story, Moderator moderator) =>
        story is { Status: StoryStatus.Approved, Featured: true }
            ? Change(story, moderator, story with { Featured = false })
            : new ModerationDecision.Refused(ModerationRefusal.NotFeatured);

    private static ModerationDecision.Changed Change(Story before, Moderator moderator, Story after)
    {
        var decided = after with
        {
            ModeratedAt = moderator.Now,
            ModeratedBy = moderator.AadObjectId,
            ModeratedInActivity = moderator.ActivityId,
            UpdatedAt = moderator.Now,
        };
        return new ModerationDecision.Changed(decided, Describe(before), Describe(decided));
    }

    private static bool IsOutcomeOf(Story story, ModerationAction action) => action switch
    {
        ModerationAction.Approve => story.Status == StoryStatus.Approved,
        ModerationAction.Reject => story.Status == StoryStatus.Rejected,
        ModerationAction.Feature => story is { Status: StoryStatus.Approved, Featured: true },
        _ => story is { Status: StoryStatus.Approved, Featured: false },
    };
}
