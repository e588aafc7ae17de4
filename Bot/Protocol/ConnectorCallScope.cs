namespace InfoStoryBot.Bot.Protocol;

/// <summary>Whom a Connector call serves: a person waiting in a turn, or a send the bot makes on its own.</summary>
public enum ConnectorPriority
{
    /// <summary>A reply in a turn: goes first within the tenant's budget.</summary>
    Interactive,

    /// <summary>A proactive send (a nudge, a reminder, a notice): waits behind interactive calls.</summary>
    Proactive,
}

/// <summary>
/// Marks the Connector calls made inside it (on this async flow) as proactive: they queue behind interactive calls
/// in the shared per-tenant budget, and a POST is retried only when Teams' answer proves it did nothing (429, 412,
/// 503, or no connection at all), never after a 500/502/504 or a timeout, when the message may already be posted.
/// It also counts the requests that actually left, so a caller whose send was interrupted can tell "Teams never
/// heard of it" from "it may have been posted".
/// </summary>
/// <remarks>
/// An AsyncLocal rather than a parameter on every <see cref="IConnectorClient"/> method: the marking belongs to
/// the one proactive sender, and every other caller (turn replies, DevChat, test doubles) stays as it is.
/// </remarks>
public sealed class ConnectorCallScope : IDisposable
{
    private static readonly AsyncLocal<ConnectorCallScope?> CurrentScope = new();

    private readonly ConnectorCallScope? _outer;
    private int _requestsStarted;
    private int _requestsUnproven;
    private bool _disposed;

    private ConnectorCallScope(ConnectorCallScope? outer) => _outer = outer;

    /// <summary>The innermost proactive scope on this async flow, or null inside a turn.</summary>
    public static ConnectorCallScope? Current => CurrentScope.Value;

    /// <summary>The priority of a call made here and now.</summary>
    public static ConnectorPriority CurrentPriority => CurrentScope.Value is null ? ConnectorPriority.Interactive : ConnectorPriority.Proactive;

    /// <summary>Starts a proactive scope; dispose it when the send is over.</summary>
    public static ConnectorCallScope Proactive()
    {
        var scope = new ConnectorCallScope(CurrentScope.Value);
        CurrentScope.Value = scope;
        return scope;
    }

    /// <summary>HTTP requests that left this process inside the scope (every attempt counts).</summary>
    public int RequestsStarted => Volatile.Read(ref _requestsStarted);

    /// <summary>
    /// True when some request that left may have been acted on: it is still in flight, or its answer (a timeout,
    /// a 5xx, a dropped connection) did not prove that Teams did nothing. False when nothing left, or every answer
    /// was a 429, 412, 503 or a refused connection.
    /// </summary>
    public bool AnyRequestMayHaveActed => Volatile.Read(ref _requestsUnproven) > 0;

    internal void RequestStarting()
    {
        Interlocked.Increment(ref _requestsStarted);
        Interlocked.Increment(ref _requestsUnproven);
        _outer?.RequestStarting();
    }

    /// <summary>Teams' answer (or a refused connection) proved the request did nothing.</summary>
    internal void RequestProvedNothing()
    {
        Interlocked.Decrement(ref _requestsUnproven);
        _outer?.RequestProvedNothing();
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (CurrentScope.Value == this)
        {
            CurrentScope.Value = _outer;
        }
    }
}
