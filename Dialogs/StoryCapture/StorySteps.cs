using System.Text.RegularExpressions;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Engine;
using Ctx = InfoStoryBot.Dialogs.Engine.StepContext<InfoStoryBot.Dialogs.StoryCapture.StoryDraft>;
using Result = InfoStoryBot.Dialogs.Engine.StepResult<InfoStoryBot.Dialogs.StoryCapture.StoryDraft>;

namespace InfoStoryBot.Dialogs.StoryCapture;

/// <summary>
/// A question for one field of the story. The guided path asks the first four in turn; the rest are gathered on one
/// card (<see cref="DetailsStep"/>), so their own questions are only asked to edit that field from the preview.
/// In form mode every one of them is only asked to edit.
/// </summary>
internal abstract class FieldStep(string id, string labelKey, Func<string, StoryDraft, (int Number, int Count)> progress) : DialogStep<StoryDraft>
{
    public override string Id => id;

    public string LabelKey => labelKey;

    /// <summary>True for a field the details card gathers: never asked on its own in the flow, only to edit it.</summary>
    public bool IsDetail { get; init; }

    public override bool AppliesTo(StoryDraft draft) => !IsDetail && draft.Mode == StoryEntryMode.Guided && IsRelevant(draft);

    public override bool IsQuestion => !IsDetail;

    /// <summary>Whether the field belongs to this story at all (role and organisation only when credited).</summary>
    public virtual bool IsRelevant(StoryDraft draft) => true;

    public override string Help(Ctx context) => context.Text["Help_" + Id];

    protected string Question(Ctx context) => context.Text["Q_" + Id];

    protected string WithProgress(Ctx context, string question)
    {
        var (number, count) = progress(Id, context.Draft);
        return number > 0 ? context.Text.Format("Dialog_Progress", number, count) + "\n\n" + question : question;
    }

    protected string? ProgressLine(Ctx context)
    {
        var (number, count) = progress(Id, context.Draft);
        return number > 0 ? context.Text.Format("Dialog_Progress", number, count) : null;
    }

    /// <summary>The answer text: typed, or the "answer" input of this step's card.</summary>
    protected static string? AnswerText(DialogInput input) =>
        input.Submit is null ? input.Text : input.Submit.Action == ActionNames.StoryAnswer ? input.Submit.Get(ActionKeys.Answer) : null;
}

/// <summary>A free-text answer with a length range.</summary>
internal sealed class TextStep(
    string id,
    string labelKey,
    int minLength,
    int maxLength,
    bool multiline,
    Func<StoryDraft, string?> get,
    Func<StoryDraft, string, StoryDraft> set,
    Func<string, StoryDraft, (int, int)> progress,
    Func<StoryDraft, bool>? relevant = null,
    bool skippable = false) : FieldStep(id, labelKey, progress)
{
    public override bool IsRelevant(StoryDraft draft) => relevant?.Invoke(draft) ?? true;

    public override bool IsAnswered(StoryDraft draft) => get(draft) is not null;

    public override StoryDraft? Skip(StoryDraft draft) => skippable ? set(draft, "") : null;

    public override IReadOnlyList<DialogMessage> Ask(Ctx context)
    {
        var current = get(context.Draft);
        if (string.IsNullOrEmpty(current))
        {
            return [DialogMessage.Say(WithProgress(context, Question(context)))];
        }

        // Editing: offer the current answer in a box to change, rather than making them type it all again.
        return [DialogMessage.Show(QuestionCard.Build(new QuestionView(
            Id,
            Question(context),
            Hint: context.Text["Hint_EditText"],
            Input: new TextQuestionInput(maxLength, multiline, Value: current),
            Progress: ProgressLine(context),
            DialogId: context.Instance), context.Culture))];
    }

    public override Result Answer(Ctx context, DialogInput input)
    {
        var answer = AnswerText(input);
        if (answer is null)
        {
            return new Result.Stale();
        }

        return Validate(context.Text, answer.Trim(), minLength, maxLength) is { } error
            ? new Result.Invalid(error)
            : new Result.Next(set(context.Draft, answer.Trim()));
    }

    public static string? Validate(DialogText text, string answer, int minLength, int maxLength)
    {
        if (answer.Length < minLength)
        {
            return text["Invalid_TooShort"];
        }

        return answer.Length > maxLength ? text.Format("Invalid_TooLong", maxLength) : null;
    }
}

/// <summary>"Who was involved": a list of partners, typed with commas (or "and").</summary>
internal sealed partial class PartnersStep(Func<string, StoryDraft, (int, int)> progress)
    : FieldStep(StoryFields.WhoWasInvolved, "Field_WhoWasInvolved", progress)
{
    public const int MaxPartners = 15;
    public const int MaxPartnerLength = 100;

    public override bool IsAnswered(StoryDraft draft) => draft.WhoWasInvolved is not null;

    public override IReadOnlyList<DialogMessage> Ask(Ctx context)
    {
        if (context.Draft.WhoWasInvolved is not { Count: > 0 } current)
        {
            return [DialogMessage.Say(WithProgress(context, Question(context)))];
        }

        return [DialogMessage.Show(QuestionCard.Build(new QuestionView(
            Id,
            Question(context),
            Hint: context.Text["Hint_EditText"],
            Input: new TextQuestionInput(StoryLimits.WhoWasInvolved, false, Value: string.Join(", ", current)),
            Progress: ProgressLine(context),
            DialogId: context.Instance), context.Culture))];
    }

    public override Result Answer(Ctx context, DialogInput input)
    {
        var answer = AnswerText(input);
        if (answer is null)
        {
            return new Result.Stale();
        }

        var (partners, error) = Parse(answer, context.Text);
        return error is not null ? new Result.Invalid(error) : new Result.Next(context.Draft with { WhoWasInvolved = partners });
    }

    public static (IReadOnlyList<string> Partners, string? Error) Parse(string answer, DialogText text)
    {
        if (answer.Length > StoryLimits.WhoWasInvolved)
        {
            return ([], text.Format("Invalid_TooLong", StoryLimits.WhoWasInvolved));
        }

        var partners = Separators().Split(answer)
            .Select(p => p.Trim().Trim('.', '-', '•', '*'))
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (partners.Count == 0)
        {
            return ([], text["Invalid_Partners"]);
        }

        if (partners.Count > MaxPartners || partners.Exists(p => p.Length > MaxPartnerLength))
        {
            return ([], text.Format("Invalid_TooManyPartners", MaxPartners, MaxPartnerLength));
        }

        return (partners, null);
    }

    [GeneratedRegex(@"[,;\n]| and | & ", RegexOptions.IgnoreCase)]
    private static partial Regex Separators();
}

/// <summary>A question answered by choosing: on the card, or by typing numbers or words.</summary>
internal sealed class ChoiceStep<T>(
    string id,
    string labelKey,
    IReadOnlyList<PromptOption<T>> options,
    bool multi,
    bool allowNone,
    Func<StoryDraft, IReadOnlyList<T>?> get,
    Func<StoryDraft, IReadOnlyList<T>, StoryDraft> set,
    Func<string, StoryDraft, (int, int)> progress) : FieldStep(id, labelKey, progress)
{
    public const string NoneAnswer = "none";

    public override bool IsAnswered(StoryDraft draft) => get(draft) is not null;

    public override StoryDraft? Skip(StoryDraft draft) => allowNone ? set(draft, []) : null;

    public override IReadOnlyList<DialogMessage> Ask(Ctx context)
    {
        var current = get(context.Draft);
        return [DialogMessage.Show(QuestionCard.Build(new QuestionView(
            Id,
            Question(context),
            Hint: context.Text[multi ? "Hint_Multi" : "Hint_Single"],
            Input: new ChoiceQuestionInput(
                StoryOptions.ToChoices(options, context.Text),
                multi,
                current?.Select(v => StoryOptions.Wire(options, v)).ToList(),
                Required: !allowNone),
            Buttons: allowNone ? [new AnswerButton(context.Text["Button_NoneOfThese"], NoneAnswer)] : null,
            Progress: ProgressLine(context),
            DialogId: context.Instance), context.Culture))];
    }

    public override Result Answer(Ctx context, DialogInput input)
    {
        ChoiceParse<T> parsed;
        if (input.Submit is { } submit)
        {
            if (submit.Action != ActionNames.StoryAnswer)
            {
                return new Result.Stale();
            }

            var wire = submit.Get(ActionKeys.Answer);
            if (allowNone && (string.IsNullOrWhiteSpace(wire) || wire == NoneAnswer))
            {
                return new Result.Next(set(context.Draft, []));
            }

            parsed = ChoiceParser.FromWire(wire, options, multi, context.Text);
        }
        else
        {
            parsed = ChoiceParser.FromText(input.Text, options, multi, context.Text, allowNone);
        }

        return parsed.Error is not null ? new Result.Invalid(parsed.Error) : new Result.Next(set(context.Draft, parsed.Values));
    }
}

/// <summary>The title, suggested from the story: "keep it" or type another.</summary>
internal sealed class TitleStep(Func<string, StoryDraft, (int, int)> progress) : FieldStep(StoryFields.Title, "Field_Title", progress)
{
    public const string KeepAnswer = "keep";

    public override bool IsAnswered(StoryDraft draft) => draft.Title is not null;

    private static string Proposed(StoryDraft draft, DialogText text) =>
        !string.IsNullOrWhiteSpace(draft.Title) ? draft.Title : TitleSuggester.Suggest(draft.WhatHappened, text.Culture);

    public override IReadOnlyList<DialogMessage> Ask(Ctx context) =>
    [
        DialogMessage.Show(QuestionCard.Build(new QuestionView(
            Id,
            Question(context),
            Quote: Proposed(context.Draft, context.Text),
            Input: new TextQuestionInput(StoryLimits.Title, false, context.Text["Placeholder_NewTitle"]),
            Buttons: [new AnswerButton(context.Text["Button_KeepTitle"], KeepAnswer)],
            Progress: ProgressLine(context),
            DialogId: context.Instance), context.Culture)),
    ];

    public override Result Answer(Ctx context, DialogInput input)
    {
        var answer = AnswerText(input)?.Trim();
        if (answer is null)
        {
            return new Result.Stale();
        }

        if (answer == KeepAnswer || context.Text.IsOneOf(answer, "Keywords_KeepTitle") || (answer.Length == 0 && input.Submit is not null))
        {
            var proposed = Proposed(context.Draft, context.Text);
            return proposed.Length == 0 ? new Result.Invalid(context.Text["Invalid_NoTitle"]) : new Result.Next(context.Draft with { Title = proposed });
        }

        return TextStep.Validate(context.Text, answer, 3, StoryLimits.Title) is { } error
            ? new Result.Invalid(error)
            : new Result.Next(context.Draft with { Title = answer });
    }
}

/// <summary>Consent to publish: yes or no.</summary>
internal sealed class ConsentStep(Func<string, StoryDraft, (int, int)> progress) : FieldStep(StoryFields.Consent, "Field_Consent", progress)
{
    public override bool IsAnswered(StoryDraft draft) => draft.Consent is not null;

    public override IReadOnlyList<DialogMessage> Ask(Ctx context) =>
    [
        DialogMessage.Show(QuestionCard.Build(new QuestionView(
            Id,
            Question(context),
            Hint: context.Text["Hint_Consent"],
            Buttons: [new AnswerButton(context.Text["Button_Yes"], "yes"), new AnswerButton(context.Text["Button_No"], "no")],
            Progress: ProgressLine(context),
            DialogId: context.Instance), context.Culture)),
    ];

    public override Result Answer(Ctx context, DialogInput input)
    {
        var answer = AnswerText(input);
        if (answer is null)
        {
            return new Result.Stale();
        }

        var consent = answer switch
        {
            "yes" => true,
            "no" => false,
            _ => ConfirmParser.Read(answer, context.Text),
        };
        return consent is { } yes ? new Result.Next(context.Draft with { Consent = yes }) : new Result.Invalid(context.Text["Invalid_YesNo"]);
    }
}
