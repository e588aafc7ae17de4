using System.ComponentModel.DataAnnotations;
using System.Runtime.InteropServices;
using System.Text.Json;
using InfoStoryBot.Bot.Storage;

namespace InfoStoryBot.Bot.Turns;

/// <summary>Section <c>StateCache</c>: how much conversation state an instance keeps in memory between turns.</summary>
public sealed class ConversationStateCacheOptions
{
    public const string Section = "StateCache";

    /// <summary>
    /// The budget for the copies kept, in bytes (estimated from their JSON). A state takes a few KB, so the default
    /// 32 MB holds thousands of conversations; 0 turns the cache off (every turn reads its state from storage).
    /// </summary>
    [Range(0, 4L * 1024 * 1024 * 1024, ErrorMessage = "StateCache:MaxBytes must be between 0 (off) and 4 GB.")]
    public long MaxBytes { get; set; } = 32 * 1024 * 1024;
}

/// <summary>How hard the machine is pressed for memory, as the GC sees it after a full collection.</summary>
public enum MemoryPressure
{
    Low,

    /// <summary>Within 20% of the GC's high-memory threshold: the least recently used half goes.</summary>
    Medium,

    /// <summary>At or over the GC's high-memory threshold: everything goes (a turn reads storage instead).</summary>
    High,
}

/// <summary>
/// The last conversation state each conversation saved or read on this instance, with its ETag, least recently used
/// first out when over <see cref="ConversationStateCacheOptions.MaxBytes"/>. Every copy is one that storage held at
/// that ETag, so a stale copy (another instance has moved on) can only ever be written back conditionally, and fails.
/// </summary>
/// <remarks>
/// A hand-made LRU rather than MemoryCache: MemoryCache with a SizeLimit refuses new entries once full until a
/// background compaction has run, and does not watch memory pressure itself. This one evicts in the same call and
/// is trimmed after each full (gen 2) GC by how close the process is to the GC's own high-memory threshold, which
/// follows a container's memory limit.
/// </remarks>
public sealed class ConversationStateCache
{
    private const long EntryOverhead = 512; // the entry, the key, the record and its lists

    private readonly Dictionary<string, LinkedListNode<Entry>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _recency = new(); // most recently used first
    private readonly long _maxBytes;
    private readonly long _maxEntryBytes;
    private readonly Func<MemoryPressure> _pressure;
    private long _bytes;

    public ConversationStateCache(Microsoft.Extensions.Options.IOptions<ConversationStateCacheOptions> options)
        : this(options.Value.MaxBytes, MeasurePressure)
    {
    }

    /// <param name="pressure">Read after each gen 2 GC (tests pass their own).</param>
    public ConversationStateCache(long maxBytes, Func<MemoryPressure> pressure)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        _maxBytes = maxBytes;
        // One huge conversation must not push out hundreds of ordinary ones.
        _maxEntryBytes = maxBytes / 8;
        _pressure = pressure;
        if (maxBytes > 0)
        {
            Gen2Callback.Register(this);
        }
    }

    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    public long Bytes
    {
        get
        {
            lock (_entries)
            {
                return _bytes;
            }
        }
    }

    public Versioned<ConversationState>? Get(string key)
    {
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.State;
        }
    }

    /// <summary>Keeps <paramref name="state"/> as the conversation's latest, replacing any copy.</summary>
    public void Set(string key, Versioned<ConversationState> state) => Add(key, state, replace: true);

    /// <summary>Keeps a copy just read from storage unless one is there already (a save on this instance is newer).</summary>
    public void AddIfAbsent(string key, Versioned<ConversationState> state) => Add(key, state, replace: false);

    public void Remove(string key)
    {
        lock (_entries)
        {
            if (_entries.Remove(key, out var node))
            {
                Unlink(node);
            }
        }
    }

    /// <summary>Drops what <paramref name="pressure"/> calls for; called after each gen 2 GC.</summary>
    public void Trim(MemoryPressure pressure)
    {
        if (pressure == MemoryPressure.Low)
        {
            return;
        }

        lock (_entries)
        {
            var keep = pressure == MemoryPressure.High ? 0 : _entries.Count / 2;
            while (_entries.Count > keep)
            {
                RemoveLeastRecent();
            }
        }
    }

    /// <summary>A rough size of the state in memory: twice its JSON (a parsed JsonElement keeps its text and an index of it) and the overheads.</summary>
    public static long EstimateBytes(ConversationState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        long json = 0;
        if (state.Dialog is { } dialog)
        {
            json += JsonMarshal.GetRawUtf8Value(dialog).Length;
        }

        foreach (var (name, value) in state.Slots)
        {
            json += name.Length + JsonMarshal.GetRawUtf8Value(value).Length;
        }

        long strings = 0;
        foreach (var id in state.RecentActivityIds)
        {
            strings += 24 + (2L * id.Length);
        }

        if (state.Undelivered is { } undelivered)
        {
            // Rare (a reply Teams did not take) and cleared by the next turn: measured exactly.
            json += StorageJson.Serialize(undelivered).Length;
        }

        return EntryOverhead + (2 * json) + strings;
    }

    private void Add(string key, Versioned<ConversationState> state, bool replace)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (_maxBytes == 0)
        {
            return;
        }

        var bytes = EstimateBytes(state.Value) + (2L * (key.Length + state.ETag.Length));
        lock (_entries)
        {
            if (_entries.TryGetValue(key, out var existing))
            {
                if (!replace)
                {
                    return;
                }

                _entries.Remove(key);
                Unlink(existing);
            }

            if (bytes > _maxEntryBytes)
            {
                return;
            }

            var node = _recency.AddFirst(new Entry(key, state, bytes));
            _entries[key] = node;
            _bytes += bytes;
            while (_bytes > _maxBytes)
            {
                RemoveLeastRecent();
            }
        }
    }

    private void RemoveLeastRecent()
    {
        var last = _recency.Last!;
        _entries.Remove(last.Value.Key);
        Unlink(last);
    }

    private void Unlink(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _bytes -= node.Value.Bytes;
    }

    private static MemoryPressure MeasurePressure()
    {
        var info = GC.GetGCMemoryInfo();
        return PressureOf(info.MemoryLoadBytes, info.HighMemoryLoadThresholdBytes);
    }

    /// <summary>High at or over the GC's high-memory threshold, medium within 20% of it.</summary>
    public static MemoryPressure PressureOf(long memoryLoadBytes, long highMemoryLoadThresholdBytes) =>
        highMemoryLoadThresholdBytes <= 0 ? MemoryPressure.Low
        : memoryLoadBytes >= highMemoryLoadThresholdBytes ? MemoryPressure.High
        : memoryLoadBytes >= highMemoryLoadThresholdBytes / 10 * 8 ? MemoryPressure.Medium
        : MemoryPressure.Low;

    private sealed record Entry(string Key, Versioned<ConversationState> State, long Bytes);

    /// <summary>
    /// Runs after every gen 2 GC: an unreachable object's finalizer runs once per collection that finds it, and it
    /// makes itself reachable again (re-registers) for the next one; the runtime's own pools trim the same way. It
    /// holds the cache by a weak GC handle (not a WeakReference, whose own finalizer may run first in the same
    /// collection), so a cache nobody uses any more can be collected and the callback ends with it.
    /// </summary>
    private sealed class Gen2Callback
    {
        private GCHandle _cache;

        private Gen2Callback(ConversationStateCache cache) => _cache = GCHandle.Alloc(cache, GCHandleType.Weak);

        public static void Register(ConversationStateCache cache) => _ = new Gen2Callback(cache);

        ~Gen2Callback()
        {
            if (_cache.Target is not ConversationStateCache cache)
            {
                _cache.Free();
                return;
            }

            try
            {
                cache.Trim(cache._pressure());
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                // A finalizer must never throw; the next collection tries again.
            }

            GC.ReRegisterForFinalize(this);
        }
    }
}
