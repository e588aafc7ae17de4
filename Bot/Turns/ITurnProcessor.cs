using System.Security.Claims;
using InfoStoryBot.Bot.Protocol;

namespace InfoStoryBot.Bot.Turns;

/// <summary>
/// Runs one turn for an activity that has already been parsed and authenticated: load state, route to a
/// handler, send replies through <see cref="IConnectorClient"/> to <c>activity.ServiceUrl</c>, save state.
/// Both entry points call it: <c>POST /api/messages</c> (Teams, the Emulator) and the local DevChat channel.
/// </summary>
public interface ITurnProcessor
{
    Task<TurnResult> ProcessAsync(Activity activity, ClaimsIdentity identity, CancellationToken cancellationToken);
}

/// <summary>The HTTP answer to a turn: 200 with no body for most activities; for an invoke, the invoke response.</summary>
public sealed record TurnResult(int StatusCode, object? Body = null)
{
    public static TurnResult Ok { get; } = new(200);
}
