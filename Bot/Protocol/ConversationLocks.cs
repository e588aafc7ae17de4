namespace InfoStoryBot.Bot.Protocol;

/// <summary>
/// One async lock per conversation, so the bot's writes to a conversation reach Teams in the order they were made
/// (and do not race into 412 PreconditionFailed). Entries are reference-counted and removed when the last holder
/// or waiter leaves, so the map holds only conversations with a write in progress.
/// </summary>
internal sealed class ConversationLocks
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    internal int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public async Task<IDisposable> AcquireAsync(string conversationId, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_gate)
        {
            if (!_entries.TryGetValue(conversationId, out entry!))
            {
                entry = new Entry();
                _entries[conversationId] = entry;
            }

            entry.References++;
        }

        try
        {
            await entry.Semaphore.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Leave(conversationId, entry);
            throw;
        }

        return new Releaser(this, conversationId, entry);
    }

    private void Leave(string conversationId, Entry entry)
    {
        lock (_gate)
        {
            if (--entry.References == 0)
            {
                _entries.Remove(conversationId);
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);
        public int References { get; set; }
    }

    private sealed class Releaser(ConversationLocks owner, string conversationId, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Semaphore.Release();
                owner.Leave(conversationId, entry);
            }
        }
    }
}
