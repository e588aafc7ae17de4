using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace InfoStoryBot.Testing;

/// <summary>
/// A real Azurite blob service for tests and benchmarks: tests/tools/node_modules/.bin/azurite-blob on a free
/// loopback port with a throwaway folder, without --skipApiVersionCheck so the pinned x-ms-version is checked.
/// StopAsync and RestartAsync simulate an outage (same port, same folder). Dispose stops the process tree and deletes the folder. Missing node or Azurite is an error, never a skip.
/// With <c>countRequests</c>, Azurite's own access log (one line per request, printed unless --silent) is counted per
/// container: what the service really received, whatever the client's retries and batching did.
/// </summary>
internal sealed partial class Azurite : IAsyncDisposable
{
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private Process _process;
    private readonly string _folder;
    private readonly StringWriterLog _output;

    private readonly bool _countRequests;

    private Azurite(Process process, string folder, int port, StringWriterLog output, bool countRequests)
    {
        _countRequests = countRequests;
        _process = process;
        _folder = folder;
        _output = output;
        Port = port;
    }

    public int Port { get; }

    public Uri BlobEndpoint => new($"http://127.0.0.1:{Port}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    /// <summary>How many requests Azurite has logged for this container so far (only with <c>countRequests</c>).</summary>
    public long RequestCount(string container)
    {
        if (!_countRequests)
        {
            throw new InvalidOperationException("Start Azurite with countRequests: true to count its requests.");
        }

        return _output.RequestCount(container);
    }

    /// <summary>
    /// The request count for the container once Azurite's log has caught up: its stdout arrives asynchronously, so
    /// this waits until no new line came for <paramref name="quiet"/> (at most 5 s).
    /// </summary>
    public async Task<long> SettledRequestCountAsync(string container, TimeSpan quiet)
    {
        var waited = Stopwatch.StartNew();
        var last = RequestCount(container);
        while (waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(quiet);
            var now = RequestCount(container);
            if (now == last)
            {
                return now;
            }

            last = now;
        }

        return last;
    }

    public static async Task<Azurite> StartAsync(CancellationToken cancellationToken = default) => await StartAsync(countRequests: false, cancellationToken);

    public static async Task<Azurite> StartAsync(bool countRequests, CancellationToken cancellationToken = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "infostorybot-azurite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var output = new StringWriterLog();
        var azurite = new Azurite(Launch(folder, port, output, countRequests), folder, port, output, countRequests);
        try
        {
            await azurite.WaitUntilAnsweringAsync(cancellationToken);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Stops the service but keeps its folder, as an outage would: connections are refused until <see cref="RestartAsync"/>.
    /// Azurite saves its metadata only every 5 s, so it is asked to shut down (SIGTERM) rather than killed: a killed
    /// Azurite forgets its latest containers and blobs, which a real Azure outage never does.
    /// </summary>
    public async Task StopAsync()
    {
        if (!OperatingSystem.IsWindows() && !_process.HasExited)
        {
            var closedBefore = _output.ClosedCount;
            using var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false });
            if (term is not null)
            {
                await term.WaitForExitAsync();

                // Azurite closes its server and saves its metadata, then idles instead of exiting: wait for the "closed" line.
                var waited = Stopwatch.StartNew();
                while (_output.ClosedCount == closedBefore && !_process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(10))
                {
                    await Task.Delay(50);
                }
            }
        }

        await KillAsync();
    }

    /// <summary>Starts Azurite again on the same port with the same folder, so everything written before the stop is back.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        _process.Dispose();
        _process = Launch(_folder, Port, _output, _countRequests);
        await WaitUntilAnsweringAsync(cancellationToken);
    }

    private static Process Launch(string folder, int port, StringWriterLog output, bool accessLog)
    {
        var script = Path.Combine(RepoPaths.NodeModules, "azurite", "dist", "src", "blob", "main.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed ({script} is missing): run ./test.sh (or npm ci in tests/tools) to install Azurite.");
        }

        var node = FindNode() ?? throw new InvalidOperationException(
            "node is not on PATH, and Azurite needs it: install Node.js 20+, then run ./test.sh (or npm ci in tests/tools) to install Azurite.");

        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in new[]
                 {
                     script, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--location", folder,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        if (!accessLog)
        {
            start.ArgumentList.Add("--silent");
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node for Azurite.");
        process.OutputDataReceived += (_, e) => output.Add(e.Data);
        process.ErrorDataReceived += (_, e) => output.Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task KillAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"Azurite exited with code {_process.ExitCode} before answering on port {Port}: {_output}");
            }

            try
            {
                // Any HTTP answer (an auth error included) means the server is up.
                using var response = await http.GetAsync(BlobEndpoint + "?comp=list", cancellationToken);
                return;
            }
            catch (HttpRequestException) when (deadline.Elapsed < StartTimeout)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested && deadline.Elapsed < StartTimeout)
            {
            }

            if (deadline.Elapsed >= StartTimeout)
            {
                throw new TimeoutException($"Azurite did not answer on port {Port} within {StartTimeout.TotalSeconds}s: {_output}");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindNode()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "node.exe" } : ["node"];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var name in names)
            {
                var candidate = Path.Combine(dir, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    // The access log's "common" format: 127.0.0.1 - - [date] "PUT /devstoreaccount1/container/name HTTP/1.1" 201 -
    [GeneratedRegex("^\\S+ - \\S+ \\[[^\\]]*\\] \"[A-Z]+ /[^/ ]+/([^/?\" ]+)")]
    private static partial Regex AccessLogLine();

    /// <summary>Keeps the last lines Azurite printed, to explain a failed start, and counts its access log's lines per container.</summary>
    private sealed class StringWriterLog
    {
        private readonly Queue<string> _lines = new();
        private readonly Dictionary<string, long> _requests = new(StringComparer.Ordinal);
        private int _closed;

        public long RequestCount(string container)
        {
            lock (_requests)
            {
                return _requests.GetValueOrDefault(container);
            }
        }

        /// <summary>How many times Azurite said it closed (a graceful stop is complete).</summary>
        public int ClosedCount => Volatile.Read(ref _closed);

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            if (line.Contains("successfully closed", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _closed);
            }

            if (AccessLogLine().Match(line) is { Success: true } request)
            {
                lock (_requests)
                {
                    _requests[request.Groups[1].Value] = _requests.GetValueOrDefault(request.Groups[1].Value) + 1;
                }

                return; // request lines would push out what explains a failure
            }

            lock (_lines)
            {
                _lines.Enqueue(line);
                while (_lines.Count > 20)
                {
                    _lines.Dequeue();
                }
            }
        }

        public override string ToString()
        {
            lock (_lines)
            {
                return _lines.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _lines);
            }
        }
    }
}
