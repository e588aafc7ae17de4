using InfoStoryBot.Bot.Admin;
using InfoStoryBot.Cards.Moderation;
using InfoStoryBot.Dialogs.Admin;
using InfoStoryBot.Dialogs.Moderation;

namespace InfoStoryBot.Bot.Moderation;

// One handler per moderation command. The decisions share StoryModerator; each says which decision it is.

/// <summary>"stories pending": the queue card, numbered for this conversation.</summary>
public sealed class StoriesPendingHandler(ModerationQueue queue) : AdminHandler<StoriesPending>
{
    protected override async Task HandleAsync(AdminContext context, StoriesPending command, CancellationToken cancellationToken) =>
        context.Show(ModerationQueueCard.Build(await queue.ViewAsync(context.Turn, null, cancellationToken), context.Culture));
}

/// <summary>"stories approve &lt;story&gt;".</summary>
public sealed class StoriesApproveHandler(StoryModerator moderator) : AdminHandler<StoriesApprove>
{
    protected override Task HandleAsync(AdminContext context, StoriesApprove command, CancellationToken cancellationToken) =>
        moderator.DecideAsync(context, command.Story, ModerationAction.Approve, null, cancellationToken);
}

/// <summary>"stories reject &lt;story&gt; &lt;reason&gt;", and the queue's Send it back form.</summary>
public sealed class StoriesRejectHandler(StoryModerator moderator) : AdminHandler<StoriesReject>
{
    protected override Task HandleAsync(AdminContext context, StoriesReject command, CancellationToken cancellationToken) =>
        moderator.DecideAsync(context, command.Story, ModerationAction.Reject, command.Reason, cancellationToken);
}

/// <summary>"stories feature &lt;story&gt;": a story still waiting is approved as well.</summary>
public sealed class StoriesFeatureHandler(StoryModerator moderator) : AdminHandler<StoriesFeature>
{
    protected override Task HandleAsync(AdminContext context, StoriesFeature command, CancellationToken cancellationToken) =>
        moderator.DecideAsync(context, command.Story, ModerationAction.Feature, null, cancellationToken);
}

/// <summary>"stories unfeature &lt;story&gt;": it stays approved.</summary>
public sealed class StoriesUnfeatureHandler(StoryModerator moderator) : AdminHandler<StoriesUnfeature>
{
    protected override Task HandleAsync(AdminContext context, StoriesUnfeature command, CancellationToken cancellationToken) =>
        moderator.DecideAsync(context, command.Story, ModerationAction.Unfeature, null, cancellationToken);
}
