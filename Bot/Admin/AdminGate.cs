using System.Globalization;
using InfoStoryBot.Bot.Resources;
using InfoStoryBot.Bot.Turns;
using InfoStoryBot.Dialogs.Admin;

namespace InfoStoryBot.Bot.Admin;

/// <summary>
/// Where an admin command is authorised. Every admin command, typed or pressed, reaches this one gate as a typed
/// record from the grammar (Dialogs/Admin): the gate asks <see cref="AccessPolicy"/> about the person acting (again,
/// whatever the router already checked: a card can be forwarded or replayed by anyone), hands the record to its one
/// handler, and writes what the handler changed to the audit log.
/// </summary>
public sealed partial class AdminGate(
    AccessPolicy access,
    IAuditLog audit,
    IEnumerable<IAdminHandler> handlers,
    ILogger<AdminGate> log)
{
    private readonly Dictionary<Type, IAdminHandler> _handlers = AdminHandlerCatalog.ByCommand(handlers);

    public async Task RunAsync(TurnContext turn, AdminCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (turn.UserObjectId is not { Length: > 0 } actorId || !await access.IsAdminAsync(actorId, cancellationToken))
        {
            LogRefused(log, command.CommandName);
            Say(turn, BotText.Get("Turn_ForCampaignTeam", turn.Culture));
            return;
        }

        if (!_handlers.TryGetValue(command.GetType(), out var handler))
        {
            // The start-up check (AdminHandlerCatalog) makes this unreachable in a built app; say so rather than guess.
            LogNoHandler(log, command.CommandName);
            Say(turn, BotText.Get("Admin_NoHandler", turn.Culture));
            return;
        }

        var context = new AdminContext(turn, actorId, turn.Activity.From?.Name);
        await handler.HandleAsync(context, command, cancellationToken);
        await WriteAuditAsync(context, cancellationToken);
    }

    /// <summary>
    /// A command read from text (typed, a button's <c>admin.run</c>, or a form's fields): run as above when it parsed,
    /// its usage said when it did not, and a short "not a command" otherwise.
    /// </summary>
    public async Task RunAsync(TurnContext turn, AdminParse parse, CancellationToken cancellationToken)
    {
        switch (parse)
        {
            case AdminParse.Parsed parsed:
                await RunAsync(turn, parsed.Command, cancellationToken);
                break;
            case AdminParse.Usage usage:
                SayUsage(turn, usage);
                break;
            default:
                turn.Reply(BotText.Get("Admin_NotACommand", turn.Culture));
                break;
        }
    }

    /// <summary>Says a usage message from the grammar (the word it could not read, and the right form).</summary>
    public static void SayUsage(TurnContext turn, AdminParse.Usage usage) => Say(turn, usage.Message);

    private async Task WriteAuditAsync(AdminContext context, CancellationToken cancellationToken)
    {
        foreach (var change in context.Changes)
        {
            try
            {
                await audit.AppendAsync(new AuditEntry
                {
                    At = context.Now,
                    ActorAadObjectId = context.ActorId,
                    ActorName = context.ActorName,
                    Action = change.Action,
                    Target = change.Target,
                    Details = change.Details,
                }, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The change itself is made; the admin must know the record of it is not.
                LogAuditFailed(log, e, change.Action, change.Target);
                context.Turn.Reply(BotText.Get("Admin_AuditFailed", context.Culture));
                return;
            }
        }
    }

    private static void Say(TurnContext turn, string markdown)
    {
        if (turn.IsInvoke && turn.InvokeCard is null)
        {
            turn.InvokeMessage = markdown;
            return;
        }

        turn.Reply(markdown);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused admin command {Command}: the sender is not an admin")]
    private static partial void LogRefused(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "No handler is registered for admin command {Command}")]
    private static partial void LogNoHandler(ILogger logger, string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "An admin change ({Action} {Target}) was made but its audit entry could not be written")]
    private static partial void LogAuditFailed(ILogger logger, Exception exception, string action, string? target);
}

/// <summary>
/// One admin command being carried out: the turn, who acts, and the changes made (for the audit log, in short words:
/// "10:00 → 11:15", never story text).
/// </summary>
public sealed class AdminContext(TurnContext turn, string actorId, string? actorName)
{
    private readonly List<AuditChange> _changes = [];

    public TurnContext Turn { get; } = turn;

    public string ActorId { get; } = actorId;

    public string? ActorName { get; } = actorName;

    public DateTimeOffset Now => Turn.Now;

    public CultureInfo Culture => Turn.Culture;

    public IReadOnlyList<AuditChange> Changes => _changes;

    /// <summary>Records a change the handler made; call it only once the change is stored.</summary>
    public void Audit(string action, string? target, string? details = null) => _changes.Add(new AuditChange(action, target, details));

    public void Reply(string markdown) => Turn.Reply(markdown);

    /// <summary>A line for the admin: on an Action.Execute press, the invoke's own message (the pressed card stays); otherwise a reply.</summary>
    public void Say(string markdown)
    {
        if (Turn.IsInvoke && Turn.InvokeCard is null)
        {
            Turn.InvokeMessage = markdown;
            return;
        }

        Turn.Reply(markdown);
    }

    public void Show(Cards.Model.AdaptiveCard card) => Turn.Show(card);
}

/// <summary>A change for the audit log: a stable verb ("campaign.start"), what it was done to, before → after.</summary>
public sealed record AuditChange(string Action, string? Target, string? Details);

/// <summary>The handler of one admin command record. Register with <see cref="AdminExtensions.AddAdminHandler{THandler}"/>.</summary>
public interface IAdminHandler
{
    Type CommandType { get; }

    Task HandleAsync(AdminContext context, AdminCommand command, CancellationToken cancellationToken);
}

/// <summary>The usual shape of a handler: one command type, typed.</summary>
public abstract class AdminHandler<TCommand> : IAdminHandler where TCommand : AdminCommand
{
    public Type CommandType => typeof(TCommand);

    public Task HandleAsync(AdminContext context, AdminCommand command, CancellationToken cancellationToken) =>
        HandleAsync(context, (TCommand)command, cancellationToken);

    protected abstract Task HandleAsync(AdminContext context, TCommand command, CancellationToken cancellationToken);
}
