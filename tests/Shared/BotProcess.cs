using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace InfoStoryBot.Testing;

/// <summary>
/// The built bot as a real child process: <c>dotnet Bot/bin/Release/net10.0/InfoStoryBot.Bot.dll</c> (Debug when the
/// caller is a Debug build) on a free
/// loopback port, configured only through environment variables (<c>Storage:LocalPath</c> becomes
/// <c>Storage__LocalPath</c>), ready once <c>GET /healthz</c> answers. It can be killed hard (SIGKILL, as a crash
/// or an out-of-memory kill would end it) and started again on the same port and settings, so tests see what
/// really survives a process death. Also hosts any other web dll the same way (the benchmarks' floor server).
/// </summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 200;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dll;
    private readonly IReadOnlyList<string> _arguments;
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly Queue<string> _output = new();
    private Process? _process;
    private long _peakOfEarlierRuns;

    private BotProcess(string dll, IReadOnlyList<string> arguments, Dictionary<string, string?> settings, string environment, int port)
    {
        _dll = dll;
        _arguments = arguments;
        _settings = settings;
        _environment = environment;
        Port = port;
    }

    /// <summary>
    /// The bot built in the caller's own configuration (Release for the benchmarks and ./test.sh): test projects and
    /// the benchmarks reference the Bot project, so building them builds this dll too and it is never stale.
    /// </summary>
    public static string BotDll => Path.Combine(RepoPaths.Root, "Bot", "bin", Configuration, "net10.0", "InfoStoryBot.Bot.dll");

    /// <summary>The build configuration of the caller (Debug or Release), which is the one of the bot it can run.</summary>
    public static string Configuration =>
        AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Debug/", StringComparison.Ordinal) ? "Debug" : "Release";

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/");

    public Uri MessagesUrl => new(BaseAddress, "api/messages");

    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("The bot process is not running.");

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the built bot with these settings (configuration keys with ':'), e.g. the simulator's BotConfiguration.</summary>
    public static Task<BotProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, string environment = "Production", CancellationToken cancellationToken = default)
    {
        if (!File.Exists(BotDll))
        {
            throw new InvalidOperationException(
                $"The {Configuration} build of the bot is missing ({BotDll}). Build it first: dotnet build -c {Configuration} Bot (./test.sh builds Release).");
        }

        return StartDllAsync(BotDll, [], settings, environment, cancellationToken);
    }

    /// <summary>Starts any ASP.NET Core dll that listens where ASPNETCORE_URLS says and answers GET /healthz.</summary>
    public static async Task<BotProcess> StartDllAsync(
        string dll, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?> settings, string environment, CancellationToken cancellationToken = default)
    {
        // A free port can be taken between probing and binding; try a few before giving up.
        for (var attempt = 1; ; attempt++)
        {
            var process = new BotProcess(dll, arguments, new Dictionary<string, string?>(settings), environment, FreePort());
            try
            {
                await process.LaunchAsync(cancellationToken);
                return process;
            }
            catch (BotProcessStartException) when (attempt < 3 && process.Output().Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await process.DisposeAsync();
            }
            catch
            {
                await process.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>SIGKILL on Linux (TerminateProcess on Windows): no shutdown hooks, no flushing, nothing graceful.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        _peakOfEarlierRuns = Math.Max(_peakOfEarlierRuns, ReadPeakMemoryBytes() ?? 0);
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // it had already exited
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        _process.Dispose();
        _process = null;
    }

    /// <summary>Starts the same dll again on the same port with the same settings (and so the same storage).</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await KillAsync();
        await LaunchAsync(cancellationToken);
    }

    /// <summary>
    /// The process's peak resident memory so far, from VmHWM in /proc/{pid}/status (Linux only; null elsewhere
    /// or when the process is gone). It is the high-water mark of RSS, i.e. what the machine had to give it.
    /// </summary>
    public long? ReadPeakMemoryBytes()
    {
        if (_process is not { HasExited: false } process || !OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            foreach (var line in File.ReadLines($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    /// <summary>CPU time the process has used so far (user + kernel), or null when it is not running.</summary>
    public TimeSpan? CpuTime()
    {
        if (_process is not { HasExited: false } process)
        {
            return null;
        }

        process.Refresh();
        return process.TotalProcessorTime;
    }

    /// <summary>The peak over this run and every run killed before it.</summary>
    public long? PeakMemoryBytesOverAllRuns() => ReadPeakMemoryBytes() is { } now ? Math.Max(now, _peakOfEarlierRuns) : _peakOfEarlierRuns > 0 ? _peakOfEarlierRuns : null;

    /// <summary>The last lines the process wrote to stdout and stderr, to explain a failure.</summary>
    public string Output()
    {
        lock (_output)
        {
            return _output.Count == 0 ? "(no output)" : string.Join(Environment.NewLine, _output);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (TimeoutException)
        {
            // The kernel did not reap it in time; nothing more a test can do.
        }
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root: where appsettings.json and the static files were copied.
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
        };
        start.ArgumentList.Add(_dll);
        foreach (var argument in _arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = _environment;
        start.Environment["DOTNET_ENVIRONMENT"] = _environment;
        // The parent (a test host) may carry its own hosting settings; the child must not inherit them.
        start.Environment.Remove("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES");
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");

        var process = Process.Start(start) ?? throw new BotProcessStartException($"Could not start dotnet {_dll}.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var waited = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken);
                throw new BotProcessStartException(
                    $"{Path.GetFileName(_dll)} exited with code {process.ExitCode} before answering on port {Port}:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "healthz"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (waited.Elapsed > StartTimeout)
            {
                throw new BotProcessStartException(
                    $"{Path.GetFileName(_dll)} did not answer GET /healthz on port {Port} within {StartTimeout.TotalSeconds}s:{Environment.NewLine}{Output()}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > KeptOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    /// <summary>The dotnet host running us (the SDK sets DOTNET_HOST_PATH), else dotnet on PATH.</summary>
    public static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new BotProcessStartException("dotnet is not on PATH; install the .NET 10 SDK to run the bot as a process.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal sealed class BotProcessStartException(string message) : Exception(message);
