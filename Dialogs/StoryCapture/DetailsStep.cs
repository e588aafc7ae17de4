using System.Globalization;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.Stories;
using Ctx = InfoStoryBot.Dialogs.Engine.StepContext<InfoStoryBot.Dialogs.StoryCapture.StoryDraft>;
using Result = InfoStoryBot.Dialogs.Engine.StepResult<InfoStoryBot.Dialogs.StoryCapture.StoryDraft>;

namespace InfoStoryBot.Dialogs.StoryCapture;

/// <summary>What the details card shows, and so what a Yes or No keeps when nothing on it was changed.</summary>
internal sealed record DetailsValues(
    IReadOnlyList<Pillar> Pillars,
    IReadOnlyList<PartnershipElement> Elements,
    StoryKind Kind,
    string Title,
    Attribution Attribution,
    string TellerRole,
    string TellerOrganisation);

/// <summary>
/// The fifth and last guided question: one card with the rest of the story already filled in (pillars and elements
/// suggested from its words, success or barrier, a suggested title, credit by role and organisation) and the one
/// thing that is never assumed, consent, as its two buttons. Typing "yes" or "no" keeps what the card shows.
/// </summary>
internal sealed class DetailsStep(Func<string, StoryDraft, (int Number, int Count)> progress) : DialogStep<StoryDraft>
{
    public const string StepId = StoryDetailsCard.StepId;

    public override string Id => StepId;

    public override bool AppliesTo(StoryDraft draft) => draft.Mode == StoryEntryMode.Guided;

    public override bool IsAnswered(StoryDraft draft) =>
        draft.Pillars is not null && draft.Elements is not null && draft.Kind is not null && draft.Title is not null
        && draft.Attribution is not null && draft.Consent is not null
        && (!draft.NeedsRoleAndOrganisation || (draft.TellerRole is not null && draft.TellerOrganisation is not null));

    public override string Help(Ctx context) => context.Text["Help_details"];

    /// <summary>The teller's own answers where there are some, else the suggestions.</summary>
    public static DetailsValues Shown(StoryDraft draft, CultureInfo culture)
    {
        var suggested = StorySuggester.Suggest(culture, draft.WhatHappened, draft.InformationShared, draft.DifferenceMade);
        return new DetailsValues(
            draft.Pillars ?? suggested.Pillars,
            draft.Elements ?? suggested.Elements,
            draft.Kind ?? suggested.Kind ?? StoryKind.Success,
            draft.Title ?? TitleSuggester.Suggest(draft.WhatHappened, culture),
            draft.Attribution ?? Attribution.RoleOnly,
            draft.TellerRole ?? "",
            draft.TellerOrganisation ?? "");
    }

    public override IReadOnlyList<DialogMessage> Ask(Ctx context)
    {
        var t = context.Text;
        var shown = Shown(context.Draft, context.Culture);
        var (number, count) = progress(Id, context.Draft);
        return
        [
            DialogMessage.Show(StoryDetailsCard.Build(new StoryDetailsView(
                number > 0 ? t.Format("Dialog_Progress", number, count) : null,
                StoryOptions.ToChoices(StoryOptions.Pillars, t),
                StoryOptions.Wires(StoryOptions.Pillars, shown.Pillars),
                StoryOptions.ToChoices(StoryOptions.Elements, t),
                StoryOptions.Wires(StoryOptions.Elements, shown.Elements),
                StoryOptions.ToChoices(StoryOptions.Kinds, t),
                StoryOptions.Wire(StoryOptions.Kinds, shown.Kind),
                shown.Title,
                StoryOptions.ToChoices(StoryOptions.Attributions, t),
                StoryOptions.Wire(StoryOptions.Attributions, shown.Attribution),
                shown.TellerRole,
                shown.TellerOrganisation,
                context.Draft.FormErrors,
                context.Instance), context.Culture)),
        ];
    }

    public override Result Answer(Ctx context, DialogInput input)
    {
        var draft = context.Draft;
        var shown = Shown(draft, context.Culture);
        if (input.Submit is null)
        {
            if (ConfirmParser.Read(input.Text, context.Text) is not { } publish)
            {
                return new Result.Invalid(context.Text["Invalid_Details"]);
            }

            return shown.Title.Length == 0
                ? new Result.Invalid(context.Text["Invalid_DetailsTitle"])
                : new Result.Next(Keep(draft, shown, publish));
        }

        if (input.Submit.Action != ActionNames.StoryDetails)
        {
            return new Result.Stale();
        }

        bool? consent = input.Submit.Get(ActionKeys.Answer) switch
        {
            StoryDetailsCard.PublishAnswer => true,
            StoryDetailsCard.PrivateAnswer => false,
            _ => null,
        };
        if (consent is null)
        {
            return new Result.Stale();
        }

        var (read, errors) = Read(input.Submit, shown, context.Text);
        return errors.Count == 0
            ? new Result.Next(Keep(draft, read, consent.Value))
            : new Result.Invalid(context.Text["Details_Fix"], draft with
            {
                // What was fine is kept for the card sent again; consent stays open, so this step is asked again.
                Pillars = read.Pillars,
                Elements = read.Elements,
                Kind = read.Kind,
                Title = read.Title.Length > 0 ? read.Title : draft.Title,
                Attribution = read.Attribution,
                TellerRole = read.TellerRole,
                TellerOrganisation = read.TellerOrganisation,
                FormErrors = errors,
            });
    }

    private static StoryDraft Keep(StoryDraft draft, DetailsValues values, bool consent) => draft with
    {
        Pillars = values.Pillars,
        Elements = values.Elements,
        Kind = values.Kind,
        Title = values.Title,
        Attribution = values.Attribution,
        TellerRole = values.TellerRole,
        TellerOrganisation = values.TellerOrganisation,
        Consent = consent,
        FormErrors = [],
    };

    /// <summary>
    /// The card's inputs. Its buttons always send them, and a client may leave out an input left empty, so a missing
    /// tick-box list or text means "none" (what the teller saw); a missing single choice, or a wrong value, keeps what
    /// the card showed, with a note why.
    /// </summary>
    private static (DetailsValues Values, List<string> Errors) Read(CardSubmit submit, DetailsValues shown, DialogText t)
    {
        var errors = new List<string>();

        IReadOnlyList<T> Choice<T>(string field, string labelKey, IReadOnlyList<PromptOption<T>> options, bool multi, IReadOnlyList<T> fallback)
        {
            var wire = submit.Get(field);
            if (multi && string.IsNullOrWhiteSpace(wire))
            {
                return [];
            }

            if (string.IsNullOrWhiteSpace(wire))
            {
                return fallback;
            }

            var parsed = ChoiceParser.FromWire(wire, options, multi, t);
            if (parsed.Error is not null)
            {
                errors.Add(t[labelKey] + ": " + parsed.Error);
                return fallback;
            }

            return parsed.Values;
        }

        string Text(string field, string labelKey, int max, string fallback)
        {
            var value = submit.Get(field)?.Trim() ?? "";
            if (value.Length > max)
            {
                errors.Add(t[labelKey] + ": " + t.Format("Invalid_TooLong", max));
                return fallback; // the input's maxLength stops this in Teams: only a hand-made press gets here
            }

            return value;
        }

        var pillars = Choice(StoryFields.Pillars, "Field_Pillars", StoryOptions.Pillars, multi: true, shown.Pillars);
        var elements = Choice(StoryFields.Elements, "Field_Elements", StoryOptions.Elements, multi: true, shown.Elements);
        var kind = Choice(StoryFields.Kind, "Field_Kind", StoryOptions.Kinds, multi: false, [shown.Kind]);
        var attribution = Choice(StoryFields.Attribution, "Field_Attribution", StoryOptions.Attributions, multi: false, [shown.Attribution]);
        var role = Text(StoryFields.TellerRole, "Field_TellerRole", StoryLimits.TellerRole, shown.TellerRole);
        var organisation = Text(StoryFields.TellerOrganisation, "Field_TellerOrganisation", StoryLimits.TellerOrganisation, shown.TellerOrganisation);

        var title = submit.Get(StoryFields.Title)?.Trim() is { Length: > 0 } typed ? typed : shown.Title;
        if (title.Length == 0)
        {
            errors.Add(t["Field_Title"] + ": " + t["Invalid_NoTitle"]);
        }
        else if (TextStep.Validate(t, title, 3, StoryLimits.Title) is { } titleError)
        {
            errors.Add(t["Field_Title"] + ": " + titleError);
            title = "";
        }

        return (new DetailsValues(pillars, elements, kind[0], title, attribution[0], role, organisation), errors);
    }
}
