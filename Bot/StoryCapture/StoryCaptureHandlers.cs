using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Stories;
using InfoStoryBot.Bot.Teams;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Cards.Actions;
using InfoStoryBot.Cards.Model;
using InfoStoryBot.Cards.StoryCapture;
using InfoStoryBot.Dialogs.Engine;
using InfoStoryBot.Dialogs.StoryCapture;
using Microsoft.Extensions.Options;

namespace InfoStoryBot.Bot.StoryCapture;

// How a story is told: "share a story" (typed, or a button on any card) starts the story dialog from
// Dialogs/StoryCapture, each later message continues it, and the finished story is saved by StorySaver.

public sealed class StartStoryCommand(StoryStarter starter) : IChatCommand
{
    public IReadOnlyList<string> Words { get; } = StoryDialog.StartWords(BotText.DefaultCulture);

    public Audience Audience => Audience.Everyone;

    public string? Match(string text) => StoryDialog.IsStartCommand(text, BotText.DefaultCulture) ? "" : null;

    public Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken) =>
        starter.StartAsync(turn, new StoryDialogStart { TellerName = turn.Activity.From?.Name }, cancellationToken);
}

/// <summary>"Share a story" on the welcome card, the help card, the storybook, and (later) a nudge.</summary>
public sealed class StartStoryAction(StoryStarter starter) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } = [ActionNames.StoryStart];

    public Audience Audience => Audience.Everyone;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        await starter.StartAsync(turn, StoryDialog.StartFrom(submit, turn.Activity.From?.Name), cancellationToken);
        return null;
    }
}

/// <summary>
/// Every button on a story dialog's cards. While that story is open a press goes to the dialog, as typing does. Once
/// it has ended (cancelled, finished, set aside, or replaced by a newer one) the press is answered in one line instead
/// of "I didn't follow that": a story already stored says so and nothing happens twice; anything else offers to start
/// again. Registered by name, so the router hands these presses here even when no dialog is running.
/// </summary>
public sealed partial class StoryCardActions(StoryDialogContinuation dialog, IStoryStore stories, ILogger<StoryCardActions> log) : ICardAction
{
    public IReadOnlyList<string> Actions { get; } =
    [
        ActionNames.StoryAnswer, ActionNames.StoryDetails, ActionNames.StoryFormSubmit, ActionNames.StoryUseForm,
        ActionNames.StoryUseGuided, ActionNames.StoryEdit, ActionNames.StorySubmit, ActionNames.PersonalDataEdit,
        ActionNames.PersonalDataConfirm, ActionNames.StoryBack, ActionNames.StoryCancel,
    ];

    public Audience Audience => Audience.Everyone;

    public async Task<AdaptiveCard?> HandleAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken)
    {
        var running = turn.State.Dialog is { } state ? StoryDialog.InstanceOf(state) : null;
        var from = submit.Get(ActionKeys.Dialog);
        // A card sent before buttons carried the dialog's id is taken as the open story's, as it always was.
        var isOpenStorysCard = running is not null && (string.IsNullOrEmpty(from) || from == running);
        if (!isOpenStorysCard && await IsStoredAsync(turn, submit, cancellationToken))
        {
            LogAlreadyIn(log, submit.Action);
            turn.Show(OldStoryCard.Build(new OldStoryCardView(AlreadyIn: true), turn.Culture));
            return null;
        }

        if (running is not null)
        {
            // The open story's card, or a replaced one's: the dialog tells them apart and says where it is.
            await dialog.HandleAsync(turn, submit, cancellationToken);
            return null;
        }

        LogEnded(log, submit.Action);
        turn.Show(OldStoryCard.Build(new OldStoryCardView(AlreadyIn: false), turn.Culture));
        return null;
    }

    /// <summary>A new story's preview carries its id: once it is stored (by this teller), its buttons do nothing twice.</summary>
    private async Task<bool> IsStoredAsync(TurnContext turn, CardSubmit submit, CancellationToken cancellationToken) =>
        submit.Get(ActionKeys.StoryId) is { Length: > 0 } id
        && await stories.GetAsync(id, cancellationToken) is { } stored
        && StorySaver.IsTeller(turn, stored.Value);

    [LoggerMessage(Level = LogLevel.Information, Message = "A press of {Action} on the preview of a story already stored: nothing done twice")]
    private static partial void LogAlreadyIn(ILogger logger, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "A press of {Action} on a story card after its story ended: offered to start again")]
    private static partial void LogEnded(ILogger logger, string action);
}

public sealed class StoryDialogContinuation(StoryDialogRunner runner, IOptions<StoryCaptureOptions> options) : IDialogContinuation
{
    public bool Owns(ConversationState state) => state.Dialog is { } dialog && StoryDialog.OwnsState(dialog);

    public async Task HandleAsync(TurnContext turn, CardSubmit? submit, CancellationToken cancellationToken)
    {
        var input = new DialogTurn
        {
            Text = submit is null ? turn.Text : null,
            Submit = submit,
            Now = turn.Now,
            Culture = turn.Culture,
        };
        var result = StoryDialog.Continue(turn.State.Dialog!.Value, input, options.Value.Settings);
        await runner.ApplyAsync(turn, result, cancellationToken);
    }
}

public sealed class StoryCaptureOptions
{
    public const string Section = "StoryCapture";

    /// <summary>A story dialog left alone this long is dropped politely on the next message.</summary>
    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:05:00", "90.00:00:00", ErrorMessage = "StoryCapture:IdleTimeout must be between 5 minutes and 90 days.")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromDays(7);

    public DialogSettings Settings => DialogSettings.Default with { IdleTimeout = IdleTimeout };
}

/// <summary>Starts the story dialog: here in a 1:1 chat, or, from a channel, in a new 1:1 chat with the person.</summary>
public sealed class StoryStarter(StoryDialogRunner runner)
{
    public async Task StartAsync(TurnContext turn, StoryDialogStart start, CancellationToken cancellationToken)
    {
        var input = new DialogTurn { Now = turn.Now, Culture = turn.Culture, NewId = Stories.StoryIdGenerator.New(turn.Now) };
        var result = StoryDialog.Start(start, input);
        if (turn.IsPersonal)
        {
            await runner.ApplyAsync(turn, result, cancellationToken);
            return;
        }

        // Stories are personal: the dialog never runs in front of the whole channel.
        PersonalChats.StartDialogAfterTurn(turn, result.State, result.Messages,
            BotText.Get("StoryCapture_SentToChat", turn.Culture), BotText.Get("StoryCapture_ChatFailed", turn.Culture));
    }
}

/// <summary>Says what the dialog said, keeps its state, and saves the story when it is complete.</summary>
public sealed partial class StoryDialogRunner(StorySaver saver, ILogger<StoryDialogRunner> log)
{
    public async Task ApplyAsync(TurnContext turn, DialogTurnResult<StoryDialogResult> result, CancellationToken cancellationToken)
    {
        if (result is { Status: DialogStatus.Completed, Result: { } story })
        {
            SaveOutcome outcome;
            try
            {
                outcome = await saver.SaveAsync(turn, story, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing is lost: the stored dialog is still at the preview, so Submit can be pressed again.
                LogSaveFailed(log, e);
                turn.Reply(BotText.Get("StoryCapture_SaveFailed", turn.Culture));
                return;
            }

            if (outcome != SaveOutcome.Saved)
            {
                turn.Reply(BotText.Get(outcome == SaveOutcome.Conflict ? "StoryCapture_EditConflict" : "Stories_NotFound", turn.Culture));
                turn.State = turn.State with { Dialog = null };
                return;
            }
        }

        turn.Say(result.Messages);
        turn.State = turn.State with { Dialog = result.State?.Clone() };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A finished story could not be saved; the dialog stays at its preview")]
    private static partial void LogSaveFailed(ILogger logger, Exception exception);
}
