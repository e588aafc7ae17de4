namespace InfoStoryBot.Cards.Actions;

/// <summary>
/// Every action name our buttons send (the <c>"action"</c> key of the data, and the verb of an Action.Execute).
/// Payload keys are in <see cref="ActionKeys"/>.
/// </summary>
public static class ActionNames
{
    public const string Help = "help";
    public const string StoryStart = "story.start";
    public const string MyStories = "stories.mine";
    public const string StorybookBrowse = "storybook.browse";

    // Inside any dialog, handled once by the dialog engine.
    public const string DialogCancel = "dialog.cancel";
    public const string DialogBack = "dialog.back";
    public const string DialogRestart = "dialog.restart";
    public const string DialogHelp = "dialog.help";

    // Story capture.
    // Every button on a story dialog's cards carries its own "story." name (cancel and back too), so that Bot can
    // recognise a press on a story card after that story has ended, and the dialog's instance id (ActionKeys.Dialog).
    public const string StoryAnswer = "story.answer";
    public const string StoryDetails = "story.details";
    public const string StoryBack = "story.back";
    public const string StoryCancel = "story.cancel";
    public const string StoryFormSubmit = "story.form.submit";
    public const string StoryUseForm = "story.mode.form";
    public const string StoryUseGuided = "story.mode.guided";
    public const string StoryEdit = "story.edit";
    public const string StorySubmit = "story.submit";
    public const string PersonalDataEdit = "story.personalData.edit";
    public const string PersonalDataConfirm = "story.personalData.confirm";

    // Storybook and My stories.
    public const string StorybookPage = "storybook.page";
    public const string StorybookFilter = "storybook.filter";
    public const string StorybookRead = "storybook.read";
    public const string StoryView = "stories.view";
    public const string StoryEditOwn = "stories.edit";
    public const string StoryWithdraw = "stories.withdraw";
    public const string StoryWithdrawConfirm = "stories.withdraw.confirm";
    public const string StoryWithdrawCancel = "stories.withdraw.cancel";

    // Moderation (campaign team only): the queue's "turn down" form sends its reason box; "read it all" opens one story.
    // Approve and feature are admin.run buttons carrying the command's text.
    public const string ModerationReject = "moderation.reject";
    public const string ModerationRead = "moderation.read";

    // The campaign team list's "add someone" box: the name typed is read as "admin add <name>".
    public const string AdminAddFind = "admin.add.find";

    // Campaign form (admins): opening it changes nothing; its submit sends the inputs, read into campaign new or
    // campaign edit and run through the admin gate. Other campaign and channel buttons are admin.run.
    public const string CampaignForm = "campaign.form";
    public const string CampaignFormSubmit = "campaign.form.submit";

    // Nudge cards (in a channel, or a reminder in 1:1); each carries the delivery id and variant.
    // Admin buttons. "admin.run" carries a command's canonical text (ActionKeys.Command), so a press goes through the
    // same grammar, gate and audit as the typed command; forms have their own action and send their inputs.
    public const string AdminRun = "admin.run";

    public const string NudgeShare = "nudge.share";
    public const string NudgeRead = "nudge.read";
    public const string NudgePledge = "nudge.pledge";
    public const string NudgePledgeRemind = "nudge.pledge.remind";
}

public static class ActionKeys
{
    public const string Step = "step";

    /// <summary>The instance id of the dialog whose card holds the button: a press on a replaced dialog's card is recognised.</summary>
    public const string Dialog = "dialog";
    public const string Answer = "answer";
    public const string Field = "field";
    public const string Mode = "mode";
    public const string StoryId = "storyId";
    public const string Page = "page";
    public const string Pillar = "pillar";
    public const string Element = "element";
    public const string Campaign = "campaign";

    /// <summary>On an export button: csv, json or html.</summary>
    public const string Format = "format";

    // Input ids of the storybook filters (sent by "Apply"); Previous/Next carry the applied filters in data.
    public const string FilterPillar = "filterPillar";
    public const string FilterElement = "filterElement";
    public const string FilterCampaign = "filterCampaign";

    // On a "Share your story" button of a nudge: which delivery and experiment variant led to the story.
    public const string DeliveryId = "deliveryId";
    public const string Variant = "variant";

    /// <summary>On a pledge reminder-time button: the chosen instant, ISO 8601 in UTC, or <see cref="NoReminder"/>.</summary>
    public const string RemindAt = "remindAt";
    public const string NoReminder = "none";

    /// <summary>On an <see cref="ActionNames.AdminRun"/> button: the admin command to run, as it would be typed.</summary>
    public const string Command = "command";

    /// <summary>The "no filter" value of a storybook filter.</summary>
    public const string Any = "any";
}
