using System.Globalization;
using System.Text.Json;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Stories;

namespace InfoStoryBot.Dialogs.StoryCapture;

/// <summary>
/// The story dialog: what Bot calls. Start it on "share a story" (see <see cref="IsStartCommand"/>) or the
/// <see cref="ActionNames.StoryStart"/> button; store the returned state; on the next turn pass the stored state
/// back to <see cref="Continue"/> while <see cref="OwnsState"/> says it is ours.
/// </summary>
public static class StoryDialog
{
    public const string Name = StoryCaptureDialog.DialogName;

    private static readonly StoryCaptureDialog Dialog = new();

    public static DialogTurnResult<StoryDialogResult> Start(StoryDialogStart start, DialogTurn turn) => Dialog.Start(start, turn);

    public static DialogTurnResult<StoryDialogResult> Continue(JsonElement state, DialogTurn turn, DialogSettings? settings = null) =>
        Dialog.Continue(state, turn, settings);

    /// <summary>True for "share a story", "tell a story", "#infostory" and the like.</summary>
    public static bool IsStartCommand(string? text, CultureInfo culture) => new DialogText(culture).IsOneOf(text, "Keywords_StartStory");

    /// <summary>The phrases that start a story, so Bot can check at start-up that no other command claims them.</summary>
    public static IReadOnlyList<string> StartWords(CultureInfo culture) => new DialogText(culture).Words("Keywords_StartStory");

    /// <summary>Reads the start options from a click on a "Share a story" button (welcome card, nudge card).</summary>
    public static StoryDialogStart StartFrom(CardSubmit submit, string? tellerName) => new()
    {
        Mode = submit.Get(ActionKeys.Mode) == "form" ? StoryEntryMode.Form : StoryEntryMode.Guided,
        TellerName = tellerName,
        Source = submit.Get(ActionKeys.DeliveryId) is { Length: > 0 } delivery ? new StorySource(delivery, submit.Get(ActionKeys.Variant)) : null,
    };

    /// <summary>
    /// The running story dialog's instance id, which every button on its cards echoes (<see cref="ActionKeys.Dialog"/>);
    /// "" for a story dialog begun before instance ids; null when the state is not a story dialog's.
    /// </summary>
    public static string? InstanceOf(JsonElement state) =>
        !OwnsState(state) ? null
        : state.TryGetProperty("instance", out var instance) && instance.ValueKind == JsonValueKind.String ? instance.GetString() ?? ""
        : "";

    /// <summary>
    /// The nudge a running story dialog came from (its delivery and variant), or null when the state is not a story
    /// dialog's or it was not started from a nudge: Bot asks so that a second press on one post starts nothing twice.
    /// </summary>
    public static StorySource? SourceOf(JsonElement state)
    {
        if (!OwnsState(state)
            || !state.TryGetProperty("draft", out var draft) || draft.ValueKind != JsonValueKind.Object
            || !draft.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.Object
            || !source.TryGetProperty("deliveryId", out var delivery) || delivery.ValueKind != JsonValueKind.String
            || delivery.GetString() is not { Length: > 0 } deliveryId)
        {
            return null;
        }

        var variant = source.TryGetProperty("variant", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new StorySource(deliveryId, variant);
    }

    /// <summary>Whether stored dialog state belongs to this dialog.</summary>
    public static bool OwnsState(JsonElement state) =>
        state.ValueKind == JsonValueKind.Object
        && state.TryGetProperty("dialog", out var dialog)
        && dialog.ValueKind == JsonValueKind.String
        && dialog.GetString() == Name;
}

internal sealed class StoryCaptureDialog : StepDialog<StoryDraft, StoryDialogResult>
{
    public const string DialogName = "story";

    private readonly IReadOnlyList<FieldStep> _fields;

    public StoryCaptureDialog()
    {
        Func<string, StoryDraft, (int, int)> progress = Progress;
        // The guided path asks the first four in chat, then one card for the rest (DetailsStep): five questions. The
        // detail fields' own questions are asked only to edit one from the preview, so they never change the count.
        _fields =
        [
            new TextStep(StoryFields.WhatHappened, "Field_WhatHappened", StoryRules.MinStoryLength, StoryLimits.WhatHappened, true,
                d => d.WhatHappened, (d, v) => d with { WhatHappened = v }, progress),
            new PartnersStep(progress),
            new TextStep(StoryFields.InformationShared, "Field_InformationShared", StoryRules.MinAnswerLength, StoryLimits.InformationShared, true,
                d => d.InformationShared, (d, v) => d with { InformationShared = v }, progress),
            new TextStep(StoryFields.DifferenceMade, "Field_DifferenceMade", StoryRules.MinAnswerLength, StoryLimits.DifferenceMade, true,
                d => d.DifferenceMade, (d, v) => d with { DifferenceMade = v }, progress),
            new ChoiceStep<Pillar>(StoryFields.Pillars, "Field_Pillars", StoryOptions.Pillars, multi: true, allowNone: true,
                d => d.Pillars, (d, v) => d with { Pillars = v }, progress) { IsDetail = true },
            new ChoiceStep<PartnershipElement>(StoryFields.Elements, "Field_Elements", StoryOptions.Elements, multi: true, allowNone: true,
                d => d.Elements, (d, v) => d with { Elements = v }, progress) { IsDetail = true },
            new ChoiceStep<StoryKind>(StoryFields.Kind, "Field_Kind", StoryOptions.Kinds, multi: false, allowNone: false,
                d => d.Kind is { } k ? [k] : null, (d, v) => d with { Kind = v[0] }, progress) { IsDetail = true },
            new TitleStep(progress) { IsDetail = true },
            new ChoiceStep<Attribution>(StoryFields.Attribution, "Field_Attribution", StoryOptions.Attributions, multi: false, allowNone: false,
                d => d.Attribution is { } a ? [a] : null, (d, v) => d with { Attribution = v[0] }, progress) { IsDetail = true },
            new TextStep(StoryFields.TellerRole, "Field_TellerRole", 2, StoryLimits.TellerRole, false,
                d => d.TellerRole, (d, v) => d with { TellerRole = v }, progress, d => d.NeedsRoleAndOrganisation, skippable: true) { IsDetail = true },
            new TextStep(StoryFields.TellerOrganisation, "Field_TellerOrganisation", 2, StoryLimits.TellerOrganisation, false,
                d => d.TellerOrganisation, (d, v) => d with { TellerOrganisation = v }, progress, d => d.NeedsRoleAndOrganisation, skippable: true) { IsDetail = true },
            new ConsentStep(progress) { IsDetail = true },
        ];
        Steps = [.. _fields.Take(4), new DetailsStep(progress), .. _fields.Skip(4), new FormStep(), new PersonalDataStep(_fields), new PreviewStep(_fields)];
    }

    public override string Name => DialogName;

    protected override IReadOnlyList<DialogStep<StoryDraft>> Steps { get; }

    public DialogTurnResult<StoryDialogResult> Start(StoryDialogStart start, DialogTurn turn)
    {
        var text = new DialogText(turn.Culture);
        if (start.Existing is { } existing)
        {
            var draft = StoryDraft.From(existing) with
            {
                Mode = start.Mode,
                IsEdit = true,
                StoryId = start.StoryId,
                Source = start.Source,
                TellerName = start.TellerName ?? existing.TellerName,
            };
            return Begin(draft, turn, [DialogMessage.Say(text["Start_Edit"])], atStep: PreviewStep.StepId);
        }

        var fresh = new StoryDraft { Mode = start.Mode, TellerName = start.TellerName, Source = start.Source, StoryId = turn.NewId };
        var intro = text[start.Mode == StoryEntryMode.Form ? "Start_IntroForm" : "Start_IntroGuided"];
        return Begin(fresh, turn, [DialogMessage.Say(intro)]);
    }

    protected override StoryDraft Restart(StoryDraft draft) =>
        new() { Mode = draft.Mode, TellerName = draft.TellerName, Source = draft.Source, StoryId = draft.StoryId, IsEdit = draft.IsEdit };

    protected override StepResult<StoryDraft>? Intercept(StepContext<StoryDraft> context, DialogInput input, string step)
    {
        var draft = context.Draft;
        var toForm = input.Submit?.Action == ActionNames.StoryUseForm || (input.Submit is null && context.Text.IsOneOf(input.Text, "Keywords_Form"));
        if (toForm && step != FormStep.StepId)
        {
            return new StepResult<StoryDraft>.GoTo(draft with { Mode = StoryEntryMode.Form }, FormStep.StepId);
        }

        var toGuided = input.Submit?.Action == ActionNames.StoryUseGuided || (input.Submit is null && context.Text.IsOneOf(input.Text, "Keywords_Guided"));
        if (toGuided && draft.Mode == StoryEntryMode.Form)
        {
            return new StepResult<StoryDraft>.Next(draft with { Mode = StoryEntryMode.Guided, FormErrors = [] });
        }

        return null;
    }

    /// <summary>Personal data is flagged right after the answer that holds it, while the teller still has it in mind.</summary>
    protected override StepResult<StoryDraft> Review(StepContext<StoryDraft> context, DialogStep<StoryDraft> step, StepResult<StoryDraft> result) =>
        result is StepResult<StoryDraft>.Next next && step is FieldStep or DetailsStep && PersonalDataStep.Unconfirmed(next.Draft).Count > 0
            ? new StepResult<StoryDraft>.GoTo(next.Draft, PersonalDataStep.StepId)
            : result;

    protected override (StoryDialogResult Result, IReadOnlyList<DialogMessage> Messages) Complete(StepContext<StoryDraft> context)
    {
        var draft = context.Draft;
        var content = draft.ToContent();
        // Only what is still in the story is recorded as confirmed: an answer edited since may have dropped it.
        var result = new StoryDialogResult(content, draft.StoryId, draft.IsEdit, draft.Source, PersonalDataStep.StillConfirmed(draft));
        return (result, [DialogMessage.Show(ThankYouCard.Build(new ThankYouView(content.Title, content.ConsentToPublish), context.Culture))]);
    }
}
