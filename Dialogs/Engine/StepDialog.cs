using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using InfoStoryBot.Cards.Actions;

namespace InfoStoryBot.Dialogs.Engine;

/// <summary>What a dialog remembers between turns. Plain data, so it survives a restart as JSON.</summary>
public sealed record DialogState<TDraft>
{
    /// <summary>Which dialog this state belongs to, so the caller can route the next turn back to it.</summary>
    public required string Dialog { get; init; }

    public required string Step { get; init; }

    /// <summary>
    /// This run of the dialog, from the turn's fresh id when it began. Cards echo it (<see cref="ActionKeys.Dialog"/>),
    /// so a button on the card of a run that was replaced is not taken as an answer to this one.
    /// </summary>
    public string Instance { get; init; } = "";

    public required TDraft Draft { get; init; }

    /// <summary>Steps asked before the current one, most recent last: what "back" walks through.</summary>
    public IReadOnlyList<string> History { get; init; } = [];

    /// <summary>
    /// True after a jump to a step (Edit from a preview): its answer returns to the first step still open,
    /// instead of walking on through the answered steps after it.
    /// </summary>
    public bool Jumped { get; init; }

    /// <summary>Wrong answers in a row to the current step.</summary>
    public int Failures { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset LastActivityAt { get; init; }
}

/// <summary>The input a step sees: the typed text (trimmed) or the button pressed.</summary>
public sealed record DialogInput(string Text, CardSubmit? Submit)
{
    public bool IsSubmit => Submit is not null;
}

/// <summary>What a step decided about an answer.</summary>
public abstract record StepResult<TDraft>
    where TDraft : class
{
    private StepResult()
    {
    }

    /// <summary>Accepted: go on to the first step that still needs an answer.</summary>
    public sealed record Next(TDraft Draft) : StepResult<TDraft>;

    /// <summary>Accepted: go to a named step (e.g. Edit from the preview).</summary>
    public sealed record GoTo(TDraft Draft, string Step, string? Note = null) : StepResult<TDraft>;

    /// <summary>Not a usable answer: say why and ask again, keeping <paramref name="Draft"/> if given (the parts that were fine).</summary>
    public sealed record Invalid(string Message, TDraft? Draft = null) : StepResult<TDraft>;

    /// <summary>A click on a card from an earlier step.</summary>
    public sealed record Stale : StepResult<TDraft>;

    /// <summary>The dialog is finished.</summary>
    public sealed record Done(TDraft Draft) : StepResult<TDraft>;
}

/// <summary>Everything a step may read on this turn.</summary>
public sealed record StepContext<TDraft>(TDraft Draft, DialogText Text, CultureInfo Culture, DateTimeOffset Now, string? NewId, bool WayOutOffered)
{
    /// <summary>The dialog run's instance id, for the step's card buttons to echo.</summary>
    public string Instance { get; init; } = "";
}

/// <summary>One question of a dialog.</summary>
public abstract class DialogStep<TDraft>
    where TDraft : class
{
    public abstract string Id { get; }

    /// <summary>False when the step does not apply to this draft (e.g. role when the story is anonymous).</summary>
    public virtual bool AppliesTo(TDraft draft) => true;

    /// <summary>True once the draft holds an answer for this step; the dialog moves to the first step without one.</summary>
    public abstract bool IsAnswered(TDraft draft);

    public abstract IReadOnlyList<DialogMessage> Ask(StepContext<TDraft> context);

    public abstract StepResult<TDraft> Answer(StepContext<TDraft> context, DialogInput input);

    /// <summary>What "help" says about this step.</summary>
    public abstract string Help(StepContext<TDraft> context);

    /// <summary>The draft after "skip", or null when this step cannot be skipped.</summary>
    public virtual TDraft? Skip(TDraft draft) => null;

    /// <summary>Whether a step counts as a numbered question in the progress line.</summary>
    public virtual bool IsQuestion => true;
}

/// <summary>
/// A dialog as an ordered list of steps. The engine handles, once for every dialog: idle expiry, the
/// interruptions (cancel, help, back, restart), clicks on stale cards, and re-asking after a wrong answer
/// with a way out after a few in a row. A dialog's cards may name the interruptions after the dialog
/// ("story.cancel" as well as "dialog.cancel"), so Bot can tell whose card a button is on once the dialog has ended.
/// </summary>
public abstract class StepDialog<TDraft, TResult>
    where TDraft : class
    where TResult : class
{
    public static JsonSerializerOptions StateJson { get; } = CreateStateJson();

    /// <summary>Stored in the state so the caller knows which dialog to continue.</summary>
    public abstract string Name { get; }

    protected abstract IReadOnlyList<DialogStep<TDraft>> Steps { get; }

    /// <summary>The draft to start over with on "restart" (keeping whatever is not an answer).</summary>
    protected abstract TDraft Restart(TDraft draft);

    /// <summary>The result and the closing messages once the last step says Done.</summary>
    protected abstract (TResult Result, IReadOnlyList<DialogMessage> Messages) Complete(StepContext<TDraft> context);

    /// <summary>A dialog's own commands, checked before the step (e.g. switching to a form); null when not one.</summary>
    protected virtual StepResult<TDraft>? Intercept(StepContext<TDraft> context, DialogInput input, string step) => null;

    /// <summary>A last look at what a step decided, before the dialog moves on (e.g. to warn about an answer at once).</summary>
    protected virtual StepResult<TDraft> Review(StepContext<TDraft> context, DialogStep<TDraft> step, StepResult<TDraft> result) => result;

    public DialogTurnResult<TResult> Begin(TDraft draft, DialogTurn turn, IReadOnlyList<DialogMessage>? intro = null, string? atStep = null)
    {
        var settings = DialogSettings.Default;
        var state = new DialogState<TDraft>
        {
            Dialog = Name,
            Step = "",
            Instance = turn.NewId ?? "",
            Draft = draft,
            StartedAt = turn.Now,
            LastActivityAt = turn.Now,
        };
        var text = new DialogText(turn.Culture);
        var step = atStep is not null ? Find(atStep) : FirstOpen(draft);
        if (step is null)
        {
            throw new InvalidOperationException($"The {Name} dialog has no step to start with.");
        }

        return AskStep(state with { Step = step.Id }, turn, text, intro ?? [], recordHistory: false, settings);
    }

    public DialogTurnResult<TResult> Continue(JsonElement storedState, DialogTurn turn, DialogSettings? settings = null)
    {
        DialogState<TDraft>? state;
        try
        {
            state = storedState.Deserialize<DialogState<TDraft>>(StateJson);
        }
        catch (JsonException)
        {
            state = null;
        }

        // State from an older release, or damaged: say so and let the user start again, rather than fail every turn.
        if (state is null || state.Dialog != Name || Find(state.Step) is null)
        {
            return Ended(DialogStatus.Expired, new DialogText(turn.Culture)["Dialog_Lost"]);
        }

        return Continue(state, turn, settings);
    }

    public DialogTurnResult<TResult> Continue(DialogState<TDraft> state, DialogTurn turn, DialogSettings? settings = null)
    {
        settings ??= DialogSettings.Default;
        var text = new DialogText(turn.Culture);
        if (turn.Now - state.LastActivityAt > settings.IdleTimeout)
        {
            return Ended(DialogStatus.Expired, text["Dialog_Expired"]);
        }

        state = state with { LastActivityAt = turn.Now };
        var step = Find(state.Step) ?? FirstOpen(state.Draft)
            ?? throw new InvalidOperationException($"The {Name} dialog state points at no step.");
        var input = new DialogInput(turn.Text?.Trim() ?? "", turn.Submit);
        var wayOut = state.Failures >= settings.FailuresBeforeWayOut;
        var context = new StepContext<TDraft>(state.Draft, text, turn.Culture, turn.Now, turn.NewId, wayOut) { Instance = state.Instance };

        // A button from a card of an earlier run (cancelled, or replaced by starting again) must not act on this
        // one, not even Cancel: say so and carry on where this run is.
        if (input.Submit?.Get(ActionKeys.Dialog) is { Length: > 0 } instance && instance != state.Instance)
        {
            return AskStep(state, turn, text, [DialogMessage.Say(text["Dialog_OtherCard"])], recordHistory: false, settings);
        }

        // Interruptions, the same in every dialog.
        var action = input.Submit?.Action;
        if (IsAction(action, ActionNames.DialogCancel) || (!input.IsSubmit && text.IsOneOf(input.Text, "Keywords_Cancel")))
        {
            return Ended(DialogStatus.Cancelled, text["Dialog_Cancelled"]);
        }

        if (IsAction(action, ActionNames.DialogHelp) || (!input.IsSubmit && text.IsOneOf(input.Text, "Keywords_Help")))
        {
            return AskStep(state, turn, text, [DialogMessage.Say(step.Help(context) + "\n\n" + text["Dialog_HelpCommon"])], recordHistory: false, settings);
        }

        if (IsAction(action, ActionNames.DialogRestart) || (!input.IsSubmit && text.IsOneOf(input.Text, "Keywords_Restart")))
        {
            var fresh = Restart(state.Draft);
            return AskStep(state with { Draft = fresh, History = [], Failures = 0, Jumped = false, Step = FirstOpen(fresh)!.Id }, turn, text,
                [DialogMessage.Say(text["Dialog_Restarted"])], recordHistory: false, settings);
        }

        if (IsAction(action, ActionNames.DialogBack) || (!input.IsSubmit && text.IsOneOf(input.Text, "Keywords_Back")))
        {
            return Back(state, turn, text, settings);
        }

        if (input.Submit?.Get(ActionKeys.Step) is { } forStep && forStep != step.Id)
        {
            return AskStep(state, turn, text, [DialogMessage.Say(text["Dialog_Stale"])], recordHistory: false, settings);
        }

        if (!input.IsSubmit && text.IsOneOf(input.Text, "Keywords_Skip") && step.Skip(state.Draft) is { } skipped)
        {
            return Advance(state, turn, text, new StepResult<TDraft>.Next(skipped), step, settings);
        }

        var result = Intercept(context, input, step.Id) ?? Review(context, step, step.Answer(context, input));
        return Advance(state, turn, text, result, step, settings);
    }

    /// <summary>"dialog.cancel", or the same interruption named after this dialog ("story.cancel").</summary>
    private bool IsAction(string? action, string generic) =>
        action is not null && (action == generic || action == Name + generic[generic.IndexOf('.', StringComparison.Ordinal)..]);

    /// <summary>Reads stored state without running a turn (e.g. to check which dialog it belongs to).</summary>
    public static DialogState<TDraft> ReadState(JsonElement storedState) =>
        storedState.Deserialize<DialogState<TDraft>>(StateJson) ?? throw new JsonException("The stored dialog state is empty.");

    private DialogTurnResult<TResult> Advance(DialogState<TDraft> state, DialogTurn turn, DialogText text, StepResult<TDraft> result, DialogStep<TDraft> step, DialogSettings settings)
    {
        switch (result)
        {
            case StepResult<TDraft>.Invalid invalid:
                var failed = state with { Failures = state.Failures + 1, Draft = invalid.Draft ?? state.Draft };
                var messages = new List<DialogMessage> { DialogMessage.Say(invalid.Message) };
                if (failed.Failures >= settings.FailuresBeforeWayOut)
                {
                    messages.Add(DialogMessage.Say(step.Skip(state.Draft) is not null ? text["Dialog_WayOutSkip"] : text["Dialog_WayOutCancel"]));
                }

                return AskStep(failed, turn, text, messages, recordHistory: false, settings);

            case StepResult<TDraft>.Stale:
                return AskStep(state, turn, text, [DialogMessage.Say(text["Dialog_Stale"])], recordHistory: false, settings);

            case StepResult<TDraft>.Done done:
                var context = new StepContext<TDraft>(done.Draft, text, turn.Culture, turn.Now, turn.NewId, false);
                var (value, closing) = Complete(context);
                return new DialogTurnResult<TResult>(closing, null, DialogStatus.Completed, value);

            case StepResult<TDraft>.GoTo goTo:
                var target = Find(goTo.Step) ?? throw new InvalidOperationException($"The {Name} dialog has no step '{goTo.Step}'.");
                var intro = goTo.Note is null ? new List<DialogMessage>() : [DialogMessage.Say(goTo.Note)];
                return AskStep(Moved(state, goTo.Draft, target.Id) with { Jumped = true }, turn, text, intro, recordHistory: true, settings, previous: step.Id);

            case StepResult<TDraft>.Next next:
                var following = (state.Jumped ? FirstOpen(next.Draft) : NextAfter(step, next.Draft))
                    ?? throw new InvalidOperationException($"The {Name} dialog ran out of steps without finishing.");
                // A jump holds until the dialog is back where it jumped from (the first step still open).
                return AskStep(Moved(state, next.Draft, following.Id), turn, text, [], recordHistory: true, settings, previous: step.Id);

            default:
                throw new InvalidOperationException("Unknown step result " + result.GetType().Name);
        }
    }

    private static DialogState<TDraft> Moved(DialogState<TDraft> state, TDraft draft, string step) =>
        state with { Draft = draft, Step = step, Failures = 0 };

    private DialogTurnResult<TResult> Back(DialogState<TDraft> state, DialogTurn turn, DialogText text, DialogSettings settings)
    {
        var history = state.History.ToList();
        while (history.Count > 0)
        {
            var previous = Find(history[^1]);
            history.RemoveAt(history.Count - 1);
            if (previous is not null && previous.Id != state.Step && previous.AppliesTo(state.Draft))
            {
                return AskStep(state with { Step = previous.Id, History = history, Failures = 0 }, turn, text, [], recordHistory: false, settings);
            }
        }

        return AskStep(state with { History = [], Failures = 0 }, turn, text, [DialogMessage.Say(text["Dialog_BackAtStart"])], recordHistory: false, settings);
    }

    private DialogTurnResult<TResult> AskStep(DialogState<TDraft> state, DialogTurn turn, DialogText text, IReadOnlyList<DialogMessage> before, bool recordHistory, DialogSettings settings, string? previous = null)
    {
        var step = Find(state.Step)!;
        if (recordHistory && previous is not null && previous != step.Id)
        {
            state = state with { History = [.. state.History.TakeLast(30), previous] };
        }

        var context = new StepContext<TDraft>(state.Draft, text, turn.Culture, turn.Now, turn.NewId, state.Failures >= settings.FailuresBeforeWayOut)
        {
            Instance = state.Instance,
        };
        var messages = before.Concat(step.Ask(context)).ToList();
        return new DialogTurnResult<TResult>(messages, JsonSerializer.SerializeToElement(state, StateJson), DialogStatus.Continue, null);
    }

    private static DialogTurnResult<TResult> Ended(DialogStatus status, string message) =>
        new([DialogMessage.Say(message)], null, status, null);

    private DialogStep<TDraft>? Find(string id) => Steps.FirstOrDefault(s => s.Id == id);

    private DialogStep<TDraft>? FirstOpen(TDraft draft) => Steps.FirstOrDefault(s => s.AppliesTo(draft) && !s.IsAnswered(draft));

    // The first step still open, or the next one in order: after going back, the answers that follow are
    // offered again one by one (pre-filled) rather than skipped.
    private DialogStep<TDraft>? NextAfter(DialogStep<TDraft> current, TDraft draft)
    {
        var position = Steps.ToList().IndexOf(current);
        return Steps.Where((s, i) => s.AppliesTo(draft) && (!s.IsAnswered(draft) || i > position)).FirstOrDefault();
    }

    /// <summary>1-based number of the step among the questions that apply, and how many apply.</summary>
    protected (int Number, int Count) Progress(string stepId, TDraft draft)
    {
        var questions = Steps.Where(s => s.IsQuestion && s.AppliesTo(draft)).ToList();
        return (questions.FindIndex(s => s.Id == stepId) + 1, questions.Count);
    }

    private static JsonSerializerOptions CreateStateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
