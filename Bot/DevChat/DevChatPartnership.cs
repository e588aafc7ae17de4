namespace InfoStoryBot.Bot.DevChat;

/// <summary>
/// The local partnership team, registered once per run the way Teams registers a real one: DevChat plays Teams telling
/// the bot it was added to the team, and the bot's own install capture stores the team and reads its channels (from
/// DevChat's Connector), so they appear in <c>channels</c> and campaigns can target them. Done when the page first
/// asks, not at start-up, so that a local run nobody opens in a browser has no team it never asked for.
/// </summary>
public sealed class DevChatPartnership(DevChatTurns turns)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _installed;

    public async Task InstallAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _installed))
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!_installed)
            {
                await turns.InstallTeamAsync(services, cancellationToken);
                Volatile.Write(ref _installed, true);
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
