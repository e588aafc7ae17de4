using System.Net;
using System.Net.Sockets;

namespace InfoStoryBot.TeamsSimulator;

/// <summary>
/// A loopback port of its own in front of one simulated service, which can be shut so that connecting is refused,
/// as when a host cannot be reached at all: open, it passes each connection through to the simulator's server;
/// shut, the port is held by a socket that is bound but does not listen, so the kernel answers a connect with a
/// reset (ECONNREFUSED) and no other process can take the port meanwhile. Shutting also cuts the connections
/// already open, because HTTP clients keep them alive and would otherwise go on reaching the service.
/// </summary>
internal sealed class RefusableListener : IDisposable
{
    private readonly IPEndPoint _target;
    private readonly Lock _gate = new();
    private readonly HashSet<Socket> _open = [];
    private Socket? _listener;
    private Socket? _holder;
    private bool _disposed;

    public RefusableListener(IPEndPoint target)
    {
        _target = target;
        _listener = Listen(0);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _ = AcceptAsync(_listener);
    }

    public int Port { get; }

    public bool IsOpen
    {
        get
        {
            lock (_gate)
            {
                return _listener is not null;
            }
        }
    }

    public void Open()
    {
        lock (_gate)
        {
            if (_listener is not null || _disposed)
            {
                return;
            }

            _holder?.Dispose();
            _holder = null;
            _listener = Listen(Port);
            _ = AcceptAsync(_listener);
        }
    }

    public void Shut()
    {
        lock (_gate)
        {
            if (_listener is null)
            {
                return;
            }

            _listener.Dispose();
            _listener = null;
            _holder = Bind(Port);
            CutOpenConnections();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _listener?.Dispose();
            _listener = null;
            _holder?.Dispose();
            _holder = null;
            CutOpenConnections();
        }
    }

    private void CutOpenConnections()
    {
        foreach (var socket in _open)
        {
            socket.Dispose();
        }

        _open.Clear();
    }

    private static Socket Listen(int port)
    {
        var socket = Bind(port);
        socket.Listen(128);
        return socket;
    }

    // SO_REUSEADDR: the port must be bindable again at once, though the connections just cut linger in TIME_WAIT.
    private static Socket Bind(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return socket;
    }

    private async Task AcceptAsync(Socket listener)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = PipeAsync(listener, client);
        }
    }

    private async Task PipeAsync(Socket listener, Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        lock (_gate)
        {
            if (!ReferenceEquals(_listener, listener))
            {
                // Accepted just as the port was shut: the caller must see the outage, not a late success.
                client.Dispose();
                server.Dispose();
                return;
            }

            _open.Add(client);
            _open.Add(server);
        }

        try
        {
            await server.ConnectAsync(_target);
            await using var inbound = new NetworkStream(client, ownsSocket: false);
            await using var outbound = new NetworkStream(server, ownsSocket: false);
            var up = inbound.CopyToAsync(outbound);
            var down = outbound.CopyToAsync(inbound);
            await Task.WhenAny(up, down);

            // One side closed: close the other, then let both copies finish so neither fault goes unobserved.
            Close(client, server);
            await Task.WhenAll(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // A cut connection ends here; the client sees the reset.
        }
        finally
        {
            Close(client, server);
        }
    }

    private void Close(Socket client, Socket server)
    {
        lock (_gate)
        {
            _open.Remove(client);
            _open.Remove(server);
        }

        client.Dispose();
        server.Dispose();
    }
}
