using System.Globalization;
using System.IO.Enumeration;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace InfoStoryBot.Bot.Storage.Local;

/// <summary>
/// The storage seam on a local folder: the default when no Azure account is configured, so a fresh
/// <c>dotnet run</c> works. Item "a/b/c" is the file a/b/c under the root.
/// </summary>
/// <remarks>
/// Each file starts with one line holding its ETag (a fresh GUID per write), then the content.
/// Writes go to a temporary file beside the item (named with a leading '.', which no item name has), are flushed
/// to disk, and are renamed over the final name: rename is atomic, so a reader or a crash sees the old file or the
/// new one, never a torn one. Listing skips such files and removes the ones a crashed process left over an hour ago.
/// Conditional writes and deletes check the current ETag and rename while holding a lock, striped over
/// 256 lock files in ".locks" by a stable hash of the name. The lock is an in-process semaphore plus an
/// exclusive open of the lock file (FileShare.None, which .NET enforces with flock on Unix and share modes
/// on Windows), so create-if-absent is safe across threads and across processes on one machine. (Setting
/// DOTNET_SYSTEM_IO_DISABLEFILELOCKING would switch flock off and with it the cross-process guarantee.)
/// Listing walks directories lazily in name order and reads no file contents, so a page costs the
/// directories it touches, not the whole prefix.
/// </remarks>
public sealed class LocalFolderBlobStore : IBlobStore
{
    private const int StripeCount = 256;
    private const string TempSuffix = ".tmp";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AbandonedTempAge = TimeSpan.FromHours(1);

    private readonly string _root;
    private readonly string _tempDir;
    private readonly string _lockDir;
    private readonly string _leaseDir;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim[] _gates = Enumerable.Range(0, StripeCount).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public LocalFolderBlobStore(string root, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        _root = Path.GetFullPath(root);
        _tempDir = Path.Combine(_root, ".tmp");
        _lockDir = Path.Combine(_root, ".locks");
        _leaseDir = Path.Combine(_root, ".leases");
        _time = time;
    }

    public string Root => _root;

    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        CreateFolders();

        // A process that died mid-write leaves its temporary file behind; the final file was never touched.
        var cutoff = DateTime.UtcNow - AbandonedTempAge;
        foreach (var file in Directory.EnumerateFiles(_tempDir))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoff)
            {
                TryDeleteFile(file);
            }
        }

        return Task.CompletedTask;
    }

    private void CreateFolders()
    {
        Directory.CreateDirectory(_root);
        Directory.CreateDirectory(_tempDir);
        Directory.CreateDirectory(_lockDir);
        Directory.CreateDirectory(_leaseDir);
    }

    public Task<StoredBlob?> ReadAsync(string name, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        cancellationToken.ThrowIfCancellationRequested();
        byte[] bytes;
        try
        {
            // FileShare.Delete lets a writer rename over a file being read (Windows would refuse otherwise); the
            // reader keeps the version it opened. Synchronous on purpose: .NET runs "asynchronous" file reads on
            // Unix as a blocking read on a pool thread anyway, and the hop costs more than reading a few KB.
            using var handle = File.OpenHandle(PathFor(name), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            bytes = new byte[RandomAccess.GetLength(handle)];
            var read = 0;
            while (read < bytes.Length && RandomAccess.Read(handle, bytes.AsSpan(read), read) is var n and > 0)
            {
                read += n;
            }

            if (read < bytes.Length)
            {
                throw new InvalidDataException($"Local item '{name}' ended before its length; the file was not written by this store.");
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<StoredBlob?>(null);
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(PathFor(name)))
        {
            return Task.FromResult<StoredBlob?>(null); // "a/b" asked for while only "a/b/c" exists: a folder, not an item.
        }

        var newline = Array.IndexOf(bytes, (byte)'\n');
        if (newline <= 0)
        {
            throw new InvalidDataException($"Local item '{name}' has no ETag header; the file was not written by this store.");
        }

        return Task.FromResult<StoredBlob?>(new StoredBlob(bytes.AsMemory(newline + 1), Encoding.ASCII.GetString(bytes, 0, newline)));
    }

    public async Task<string> WriteAsync(string name, ReadOnlyMemory<byte> content, WriteCondition condition, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathFor(name);
        var etag = NewETag();
        var temp = WriteTemp(path, etag, content);
        var moved = false;
        try
        {
            using var held = await LockAsync(name, cancellationToken);
            if (condition.RequireAbsent || condition.IfMatchETag is not null)
            {
                var current = ReadETag(path);
                if (condition.RequireAbsent && current is not null)
                {
                    throw new ConcurrencyConflictException(name, $"Item '{name}' already exists.");
                }

                if (condition.IfMatchETag is not null && current != condition.IfMatchETag)
                {
                    throw new ConcurrencyConflictException(name, $"Item '{name}' changed or disappeared since it was read.");
                }
            }

            MoveIntoPlace(temp, path);
            moved = true;
            return etag;
        }
        finally
        {
            if (!moved)
            {
                TryDeleteFile(temp);
            }
        }
    }

    public async Task<bool> DeleteAsync(string name, string? ifMatch, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        var path = PathFor(name);
        using (await LockAsync(name, cancellationToken))
        {
            var current = ReadETag(path);
            if (current is null)
            {
                if (ifMatch is not null)
                {
                    throw new ConcurrencyConflictException(name, $"Item '{name}' disappeared since it was read.");
                }

                return false;
            }

            if (ifMatch is not null && current != ifMatch)
            {
                throw new ConcurrencyConflictException(name, $"Item '{name}' changed since it was read.");
            }

            File.Delete(path);
        }

        PruneEmptyDirectories(Path.GetDirectoryName(path)!);
        return true;
    }

    public Task<BlobPage> ListAsync(string prefix, int maxResults, string? continuation, CancellationToken cancellationToken)
    {
        BlobNames.ValidatePrefix(prefix);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResults, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxResults, 5000);

        var slash = prefix.LastIndexOf('/');
        var folder = slash < 0 ? "" : prefix[..(slash + 1)];
        var leafPrefix = prefix[(slash + 1)..];
        var names = new List<string>(Math.Min(maxResults, 256));
        var full = Walk(folder, leafPrefix, continuation, names, maxResults, cancellationToken);
        return Task.FromResult(new BlobPage(names, full ? names[^1] : null));
    }

    public async Task<IBlobLease?> TryAcquireLeaseAsync(string name, TimeSpan duration, CancellationToken cancellationToken)
    {
        BlobNames.Validate(name);
        LeaseRules.ValidateDuration(duration);
        try
        {
            await WriteAsync(name, ReadOnlyMemory<byte>.Empty, WriteCondition.IfAbsent, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The lock item exists already, which is the usual case.
        }

        var leaseId = Guid.NewGuid().ToString();
        using (await LockAsync(name, cancellationToken))
        {
            var current = ReadLease(name);
            if (current is not null && current.Value.ExpiresAt > _time.GetUtcNow())
            {
                return null;
            }

            WriteLease(name, leaseId, _time.GetUtcNow() + duration);
        }

        return new LocalLease(this, name, leaseId, duration);
    }

    private async Task RenewLeaseAsync(string name, string leaseId, TimeSpan duration, CancellationToken cancellationToken)
    {
        using (await LockAsync(name, cancellationToken))
        {
            var current = ReadLease(name);
            if (current is null || current.Value.LeaseId != leaseId || current.Value.ExpiresAt <= _time.GetUtcNow())
            {
                throw new ConcurrencyConflictException(name, $"The lease on '{name}' was lost.");
            }

            WriteLease(name, leaseId, _time.GetUtcNow() + duration);
        }
    }

    private async Task ReleaseLeaseAsync(string name, string leaseId, CancellationToken cancellationToken)
    {
        using (await LockAsync(name, cancellationToken))
        {
            var current = ReadLease(name);
            if (current is not null && current.Value.LeaseId == leaseId)
            {
                File.Delete(LeasePath(name));
            }
        }
    }

    private (string LeaseId, DateTimeOffset ExpiresAt)? ReadLease(string name)
    {
        string text;
        try
        {
            text = File.ReadAllText(LeasePath(name));
        }
        catch (FileNotFoundException)
        {
            return null;
        }

        var parts = text.Split('\n');
        return (parts[0], new DateTimeOffset(long.Parse(parts[1], CultureInfo.InvariantCulture), TimeSpan.Zero));
    }

    private void WriteLease(string name, string leaseId, DateTimeOffset expiresAt)
    {
        var temp = Path.Combine(_tempDir, Guid.NewGuid().ToString("N") + ".tmp");
        Directory.CreateDirectory(_leaseDir);
        File.WriteAllText(temp, leaseId + "\n" + expiresAt.UtcTicks.ToString(CultureInfo.InvariantCulture));
        File.Move(temp, LeasePath(name), overwrite: true);
    }

    private string LeasePath(string name) =>
        Path.Combine(_leaseDir, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))));

    /// <summary>Depth-first in name order; true when the page filled up (there may be more).</summary>
    private bool Walk(string folder, string leafPrefix, string? after, List<string> names, int max, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var directory = folder.Length == 0 ? _root : Path.Combine(_root, folder);
        if (!Directory.Exists(directory))
        {
            return false;
        }

        // No item name starts with '.': at the root those are the store's own folders, elsewhere temporary files,
        // which are picked out in the same pass when a crashed process left them (over an hour old) and removed.
        var cutoff = _time.GetUtcNow().UtcDateTime - AbandonedTempAge;
        var found = new FileSystemEnumerable<(string Name, bool IsDirectory, bool Abandoned)>(
            directory,
            (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory, e.FileName.StartsWith('.')),
            new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref FileSystemEntry e) => e.FileName.StartsWith('.')
                ? folder.Length > 0 && !e.IsDirectory && e.FileName.EndsWith(TempSuffix, StringComparison.Ordinal) && e.LastWriteTimeUtc.UtcDateTime < cutoff
                : e.FileName.StartsWith(leafPrefix, StringComparison.Ordinal),
        }.ToList();
        foreach (var temp in found.Where(e => e.Abandoned))
        {
            TryDeleteFile(Path.Combine(directory, temp.Name));
        }

        var entries = found.Where(e => !e.Abandoned).Select(e => (e.Name, e.IsDirectory)).ToList();

        // Blob order compares whole names: a folder "x" holds names "x/...", so it sorts as "x/" among its siblings.
        entries.Sort((a, b) => string.CompareOrdinal(SortKey(a), SortKey(b)));
        foreach (var entry in entries)
        {
            var fullName = folder + entry.Name;
            if (entry.IsDirectory)
            {
                var folderPrefix = fullName + "/";
                if (after is not null && string.CompareOrdinal(folderPrefix, after) < 0 && !after.StartsWith(folderPrefix, StringComparison.Ordinal))
                {
                    continue; // everything in it sorts before the continuation
                }

                if (Walk(folderPrefix, "", after, names, max, cancellationToken))
                {
                    return true;
                }
            }
            else if (after is null || string.CompareOrdinal(fullName, after) > 0)
            {
                names.Add(fullName);
                if (names.Count == max)
                {
                    return true;
                }
            }
        }

        return false;

        static string SortKey((string Name, bool IsDirectory) e) => e.IsDirectory ? e.Name + "/" : e.Name;
    }

    /// <summary>
    /// The new content in a temporary file beside the item, on disk (fsync) before it is renamed over the item.
    /// Beside it, so the rename stays inside one folder: a rename across folders takes a lock for the whole file
    /// system in the kernel, and with many writes at once they queued on it (a fifth of the turn benchmark's
    /// context switches). Its name starts with '.', which no item name does, so listing never sees it.
    /// Synchronous: fsync blocks whatever calls it, and the header and content go down in one gathered write.
    /// </summary>
    private static string WriteTemp(string path, string etag, ReadOnlyMemory<byte> content)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(folder, "." + Guid.NewGuid().ToString("N") + TempSuffix);
        SafeFileHandle handle;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                handle = File.OpenHandle(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                break;
            }
            // The item's first write, or a concurrent delete pruned the empty folder just now. A new file's ENOENT can
            // also surface as FileNotFoundException: .NET picks the type by looking for the folder after the failed
            // open, and a concurrent first write may have created it by then (seen seeding 100,000 stories at once).
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException && attempt < 5)
            {
                Directory.CreateDirectory(folder);
            }
        }

        try
        {
            using (handle)
            {
                RandomAccess.Write(handle, [Encoding.ASCII.GetBytes(etag + "\n"), content], 0);
                RandomAccess.FlushToDisk(handle);
            }
        }
        catch
        {
            TryDeleteFile(temp);
            throw;
        }

        return temp;
    }

    /// <summary>The folder holds the temporary file, so no delete can prune it first; rename within it.</summary>
    private static void MoveIntoPlace(string temp, string path) => File.Move(temp, path, overwrite: true);

    private static string? ReadETag(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> buffer = stackalloc byte[64];
            var read = RandomAccess.Read(handle, buffer, 0);
            var newline = buffer[..read].IndexOf((byte)'\n');
            return newline <= 0 ? null : Encoding.ASCII.GetString(buffer[..newline]);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            return null;
        }
    }

    private void PruneEmptyDirectories(string directory)
    {
        // Keeps withdrawn stories from leaving empty folders named after them; a racing writer recreates what it needs.
        while (directory.Length > _root.Length && directory.StartsWith(_root, StringComparison.Ordinal))
        {
            try
            {
                Directory.Delete(directory);
            }
            catch (IOException)
            {
                return; // not empty, or already gone
            }

            directory = Path.GetDirectoryName(directory)!;
        }
    }

    private string PathFor(string name) => Path.Combine(_root, name.Replace('/', Path.DirectorySeparatorChar));

    private static string NewETag() => "\"" + Guid.NewGuid().ToString("N") + "\"";

    private async Task<IDisposable> LockAsync(string name, CancellationToken cancellationToken)
    {
        var stripe = StableStripe(name);
        var gate = _gates[stripe];
        await gate.WaitAsync(cancellationToken);
        try
        {
            var path = Path.Combine(_lockDir, stripe.ToString("x2", CultureInfo.InvariantCulture));
            var started = _time.GetTimestamp();
            for (var delay = 1; ; delay = Math.Min(delay * 2, 20))
            {
                try
                {
                    return new HeldLock(File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None), gate);
                }
                catch (DirectoryNotFoundException)
                {
                    Directory.CreateDirectory(_lockDir);
                    Directory.CreateDirectory(_tempDir);
                }
                catch (IOException) when (_time.GetElapsedTime(started) < LockTimeout)
                {
                    // Another process holds this stripe.
                    await Task.Delay(delay, cancellationToken);
                }
            }
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>FNV-1a: string.GetHashCode differs per process, and both processes must pick the same lock file.</summary>
    private static int StableStripe(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % StripeCount);
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }

    private sealed class HeldLock(SafeFileHandle handle, SemaphoreSlim gate) : IDisposable
    {
        public void Dispose()
        {
            handle.Dispose();
            gate.Release();
        }
    }

    private sealed class LocalLease(LocalFolderBlobStore store, string name, string leaseId, TimeSpan duration) : IBlobLease
    {
        private bool _released;

        public string Name => name;

        public string LeaseId => leaseId;

        public Task RenewAsync(CancellationToken cancellationToken) => store.RenewLeaseAsync(name, leaseId, duration, cancellationToken);

        public async Task ReleaseAsync(CancellationToken cancellationToken)
        {
            await store.ReleaseLeaseAsync(name, leaseId, cancellationToken);
            _released = true;
        }

        public async ValueTask DisposeAsync()
        {
            if (!_released)
            {
                await ReleaseAsync(CancellationToken.None);
            }
        }
    }
}
