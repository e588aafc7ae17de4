using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.PersonalData;
using InfoStoryBot.Dialogs.Stories;
using Ctx = InfoStoryBot.Dialogs.Engine.StepContext<InfoStoryBot.Dialogs.StoryCapture.StoryDraft>;
using Result = InfoStoryBot.Dialogs.Engine.StepResult<InfoStoryBot.Dialogs.StoryCapture.StoryDraft>;

namespace InfoStoryBot.Dialogs.StoryCapture;

/// <summary>The whole story on one card; a submit is checked field by field and the form re-sent with what to fix.</summary>
internal sealed class FormStep : DialogStep<StoryDraft>
{
    public const string StepId = "form";

    public override string Id => StepId;

    public override bool IsQuestion => false;

    public override bool AppliesTo(StoryDraft draft) => draft.Mode == StoryEntryMode.Form;

    public override bool IsAnswered(StoryDraft draft) =>
        draft.WhatHappened is not null && draft.WhoWasInvolved is not null && draft.InformationShared is not null
        && draft.DifferenceMade is not null && draft.Pillars is not null && draft.Elements is not null && draft.Kind is not null
        && draft.Title is not null && draft.Attribution is not null && draft.Consent is not null
        && (!draft.NeedsRoleAndOrganisation || (draft.TellerRole is not null && draft.TellerOrganisation is not null));

    public override string Help(Ctx context) => context.Text["Help_form"];

    public override IReadOnlyList<DialogMessage> Ask(Ctx context)
    {
        var d = context.Draft;
        var t = context.Text;
        var values = new StoryFormValues
        {
            WhatHappened = d.WhatHappened,
            WhoWasInvolved = d.WhoWasInvolved is null ? null : string.Join(", ", d.WhoWasInvolved),
            InformationShared = d.InformationShared,
            DifferenceMade = d.DifferenceMade,
            Pillars = d.Pillars?.Select(p => StoryOptions.Wire(StoryOptions.Pillars, p)).ToList() ?? [],
            Elements = d.Elements?.Select(e => StoryOptions.Wire(StoryOptions.Elements, e)).ToList() ?? [],
            Kind = d.Kind is { } k ? StoryOptions.Wire(StoryOptions.Kinds, k) : null,
            Title = d.Title,
            Attribution = d.Attribution is { } a ? StoryOptions.Wire(StoryOptions.Attributions, a) : null,
            TellerRole = d.TellerRole,
            TellerOrganisation = d.TellerOrganisation,
            Consent = d.Consent ?? false,
        };
        return
        [
            DialogMessage.Show(StoryFormCard.Build(new StoryFormView(
                values,
                StoryOptions.ToChoices(StoryOptions.Pillars, t),
                StoryOptions.ToChoices(StoryOptions.Elements, t),
                StoryOptions.ToChoices(StoryOptions.Kinds, t),
                StoryOptions.ToChoices(StoryOptions.Attributions, t),
                d.FormErrors,
                context.Instance), context.Culture)),
        ];
    }

    public override Result Answer(Ctx context, DialogInput input)
    {
        if (input.Submit is null)
        {
            return new Result.Invalid(context.Text["Form_TypedInstead"]);
        }

        if (input.Submit.Action != ActionNames.StoryFormSubmit)
        {
            return new Result.Stale();
        }

        var (draft, errors) = Read(input.Submit, context.Draft, context.Text);
        return errors.Count == 0
            ? new Result.Next(draft with { FormErrors = [] })
            : new Result.Invalid(context.Text["Form_Invalid"], draft with { FormErrors = errors });
    }

    private static (StoryDraft Draft, List<string> Errors) Read(CardSubmit submit, StoryDraft draft, DialogText t)
    {
        var errors = new List<string>();

        string? Text(string field, string labelKey, int min, int max)
        {
            var value = submit.Get(field)?.Trim() ?? "";
            if (TextStep.Validate(t, value, min, max) is { } error)
            {
                errors.Add(t[labelKey] + ": " + error);
                return null;
            }

            return value;
        }

        IReadOnlyList<TValue>? Choice<TValue>(string field, string labelKey, IReadOnlyList<PromptOption<TValue>> options, bool multi, bool allowNone)
        {
            var wire = submit.Get(field);
            if (allowNone && string.IsNullOrWhiteSpace(wire))
            {
                return [];
            }

            var parsed = ChoiceParser.FromWire(wire, options, multi, t);
            if (parsed.Error is not null)
            {
                errors.Add(t[labelKey] + ": " + parsed.Error);
                return null;
            }

            return parsed.Values;
        }

        var whatHappened = Text(StoryFields.WhatHappened, "Field_WhatHappened", StoryRules.MinStoryLength, StoryLimits.WhatHappened);
        var (partners, partnersError) = PartnersStep.Parse(submit.Get(StoryFields.WhoWasInvolved) ?? "", t);
        if (partnersError is not null)
        {
            errors.Add(t["Field_WhoWasInvolved"] + ": " + partnersError);
        }

        var shared = Text(StoryFields.InformationShared, "Field_InformationShared", StoryRules.MinAnswerLength, StoryLimits.InformationShared);
        var difference = Text(StoryFields.DifferenceMade, "Field_DifferenceMade", StoryRules.MinAnswerLength, StoryLimits.DifferenceMade);
        var pillars = Choice(StoryFields.Pillars, "Field_Pillars", StoryOptions.Pillars, multi: true, allowNone: false);
        var elements = Choice(StoryFields.Elements, "Field_Elements", StoryOptions.Elements, multi: true, allowNone: true);
        var kind = Choice(StoryFields.Kind, "Field_Kind", StoryOptions.Kinds, multi: false, allowNone: false);
        var attribution = Choice(StoryFields.Attribution, "Field_Attribution", StoryOptions.Attributions, multi: false, allowNone: false);

        var title = submit.Get(StoryFields.Title)?.Trim() ?? "";
        if (title.Length == 0)
        {
            title = TitleSuggester.Suggest(whatHappened ?? draft.WhatHappened, t.Culture);
        }
        else if (TextStep.Validate(t, title, 3, StoryLimits.Title) is { } titleError)
        {
            errors.Add(t["Field_Title"] + ": " + titleError);
            title = "";
        }

        var role = submit.Get(StoryFields.TellerRole)?.Trim() ?? "";
        var organisation = submit.Get(StoryFields.TellerOrganisation)?.Trim() ?? "";
        if (role.Length > StoryLimits.TellerRole)
        {
            errors.Add(t["Field_TellerRole"] + ": " + t.Format("Invalid_TooLong", StoryLimits.TellerRole));
        }

        if (organisation.Length > StoryLimits.TellerOrganisation)
        {
            errors.Add(t["Field_TellerOrganisation"] + ": " + t.Format("Invalid_TooLong", StoryLimits.TellerOrganisation));
        }

        var consent = submit.Get(StoryFields.Consent) is "true" or "True";

        // Keep every answer that was fine, so the re-sent form only asks about the rest.
        var updated = draft with
        {
            WhatHappened = whatHappened ?? draft.WhatHappened,
            WhoWasInvolved = partnersError is null ? partners : draft.WhoWasInvolved,
            InformationShared = shared ?? draft.InformationShared,
            DifferenceMade = difference ?? draft.DifferenceMade,
            Pillars = pillars ?? draft.Pillars,
            Elements = elements ?? draft.Elements,
            Kind = kind is { Count: 1 } ? kind[0] : draft.Kind,
            Attribution = attribution is { Count: 1 } ? attribution[0] : draft.Attribution,
            Title = title.Length > 0 ? title : draft.Title,
            TellerRole = role.Length <= StoryLimits.TellerRole ? role : draft.TellerRole,
            TellerOrganisation = organisation.Length <= StoryLimits.TellerOrganisation ? organisation : draft.TellerOrganisation,
            Consent = consent,
        };
        return (updated, errors);
    }
}

/// <summary>
/// Shown when the answers look like they hold personal data: edit it, or say it is not personal data. On the guided
/// path it comes straight after the answer that holds it (see StoryCaptureDialog.Review); here, before the preview, it
/// catches anything still there (the form, a typed title).
/// </summary>
internal sealed class PersonalDataStep(IReadOnlyList<FieldStep> fields) : DialogStep<StoryDraft>
{
    public const string StepId = "personalData";

    public override string Id => StepId;

    public override bool IsQuestion => false;

    public override bool AppliesTo(StoryDraft draft) => Unconfirmed(draft).Count > 0;

    public override bool IsAnswered(StoryDraft draft) => false;

    public override string Help(Ctx context) => context.Text["Help_personalData"];

    public override IReadOnlyList<DialogMessage> Ask(Ctx context)
    {
        var items = Unconfirmed(context.Draft).Select(f => Item(f, context.Text, fields)).ToList();
        return [DialogMessage.Show(PersonalDataWarningCard.Build(new PersonalDataWarningView(items, context.Instance), context.Culture))];
    }

    public override Result Answer(Ctx context, DialogInput input)
    {
        var found = Unconfirmed(context.Draft);
        var confirm = input.Submit?.Action == ActionNames.PersonalDataConfirm
            || (input.Submit is null && context.Text.IsOneOf(input.Text, "Keywords_NotPersonalData"));
        if (confirm)
        {
            return new Result.Next(context.Draft with { NotPersonalData = [.. context.Draft.NotPersonalData, .. found] });
        }

        var edit = input.Submit?.Action == ActionNames.PersonalDataEdit
            ? input.Submit.Get(ActionKeys.Field)
            : input.Submit is null && context.Text.IsOneOf(input.Text, "Keywords_EditIt") ? found[0].Field : null;
        if (edit is not null && fields.Any(f => f.Id == edit))
        {
            return new Result.GoTo(context.Draft, edit, context.Text["PersonalData_EditNote"]);
        }

        return input.Submit is null ? new Result.Invalid(context.Text["Invalid_PersonalDataChoice"]) : new Result.Stale();
    }

    public static PersonalDataItem Item(ConfirmedNotPersonalData finding, DialogText text, IReadOnlyList<FieldStep> fields) =>
        new(text["PersonalData_" + finding.Kind], finding.Text, finding.Field, text[fields.First(f => f.Id == finding.Field).LabelKey]);

    /// <summary>Findings in the free-text answers that the teller has not already said are fine.</summary>
    public static IReadOnlyList<ConfirmedNotPersonalData> Unconfirmed(StoryDraft draft) =>
        Findings(draft).Where(f => !draft.NotPersonalData.Contains(f)).ToList();

    /// <summary>What the teller said is not personal data and is still in the story (an answer edited since may have dropped it).</summary>
    public static IReadOnlyList<ConfirmedNotPersonalData> StillConfirmed(StoryDraft draft) =>
        Findings(draft).Where(draft.NotPersonalData.Contains).Distinct().ToList();

    private static IReadOnlyList<ConfirmedNotPersonalData> Findings(StoryDraft draft)
    {
        var texts = new (string Field, string? Text)[]
        {
            (StoryFields.WhatHappened, draft.WhatHappened),
            (StoryFields.WhoWasInvolved, draft.WhoWasInvolved is null ? null : string.Join(", ", draft.WhoWasInvolved)),
            (StoryFields.InformationShared, draft.InformationShared),
            (StoryFields.DifferenceMade, draft.DifferenceMade),
            (StoryFields.Title, draft.Title),
        };
        return texts
            .SelectMany(t => PersonalDataScanner.Scan(t.Text).Select(f => new ConfirmedNotPersonalData(f.Kind, f.Text, t.Field)))
            .ToList();
    }
}

/// <summary>The story as it will look, with Submit and Edit (any answer, then back here).</summary>
internal sealed class PreviewStep(IReadOnlyList<FieldStep> fields) : DialogStep<StoryDraft>
{
    public const string StepId = "preview";

    public override string Id => StepId;

    public override bool IsQuestion => false;

    public override bool IsAnswered(StoryDraft draft) => false;

    public override string Help(Ctx context) => context.Text["Help_preview"];

    public override IReadOnlyList<DialogMessage> Ask(Ctx context)
    {
        var draft = context.Draft;
        var t = context.Text;
        var content = draft.ToContent();
        var targets = fields.Where(f => f.IsRelevant(draft)).Select(f => new ChoiceOption(f.Id, t[f.LabelKey])).ToList();
        var consent = t[content.ConsentToPublish ? "Preview_ConsentYes" : "Preview_ConsentNo"];
        var credit = content.Attribution switch
        {
            Attribution.Named => t["Preview_CreditNamed"],
            Attribution.RoleOnly when content.TellerRole is null && content.TellerOrganisation is null => t["Preview_CreditMissing"],
            Attribution.RoleOnly => t["Preview_CreditRoleOnly"],
            _ => t["Preview_CreditAnonymous"],
        };
        var confirmed = PersonalDataStep.StillConfirmed(draft).Select(f => PersonalDataStep.Item(f, t, fields)).ToList();
        return
        [
            DialogMessage.Show(StoryPreviewCard.Build(
                new StoryPreviewView(
                    StoryViews.Display(content, context.Culture),
                    targets,
                    consent,
                    credit,
                    // A new story's id goes on Submit: a second press after it is stored is told it is already in.
                    StoryId: draft.IsEdit ? null : draft.StoryId,
                    NotPersonalData: confirmed,
                    DialogId: context.Instance),
                context.Culture)),
        ];
    }

    public override Result Answer(Ctx context, DialogInput input)
    {
        var action = input.Submit?.Action;
        if (action == ActionNames.StorySubmit || (input.Submit is null && context.Text.IsOneOf(input.Text, "Keywords_Submit")))
        {
            return new Result.Done(context.Draft);
        }

        if (action == ActionNames.StoryEdit)
        {
            var field = input.Submit!.Get(ActionKeys.Field);
            var step = fields.FirstOrDefault(f => f.Id == field && f.IsRelevant(context.Draft));
            return step is null ? new Result.Invalid(context.Text["Invalid_EditField"]) : new Result.GoTo(context.Draft, step.Id);
        }

        if (input.Submit is null)
        {
            // "edit the title", "change what happened": find the answer by its name.
            var typed = context.Text.Normalise(input.Text);
            var named = fields.Where(f => f.IsRelevant(context.Draft))
                .FirstOrDefault(f => typed.Contains(context.Text.Normalise(context.Text[f.LabelKey]), StringComparison.Ordinal));
            if (named is not null && context.Text.Words("Keywords_EditPrefix").Any(w => typed.StartsWith(context.Text.Normalise(w), StringComparison.Ordinal)))
            {
                return new Result.GoTo(context.Draft, named.Id);
            }

            return new Result.Invalid(context.Text["Invalid_Preview"]);
        }

        return new Result.Stale();
    }
}

internal static class StoryRules
{
    public const int MinStoryLength = 20;
    public const int MinAnswerLength = 3;
}
