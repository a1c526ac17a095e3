using System.Net;
using System.Net.Sockets;

namespace Smartskola.Tests.Infrastructure;

/// <summary>
/// A TCP relay in front of a real SMTP server that a test can switch off and on: while off, its port refuses
/// connections exactly as a stopped mail server would; while on, every connection is piped to the real server.
/// </summary>
public sealed class SmtpSwitch : IAsyncDisposable
{
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;

    private SmtpSwitch(int port, int targetPort)
    {
        Port = port;
        _targetPort = targetPort;
    }

    public int Port { get; }

    public bool IsUp => _listener is not null;

    /// <summary>A switch in front of <paramref name="server"/>, initially on.</summary>
    public static SmtpSwitch Start(MailServer server)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var relay = new SmtpSwitch(port, server.SmtpPort);
        relay.Up();
        return relay;
    }

    public void Up()
    {
        if (_listener is not null)
        {
            return;
        }

        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _acceptLoop = AcceptAsync(listener);
    }

    /// <summary>Stops listening: new connections are refused (connections in progress finish).</summary>
    public void Down()
    {
        var listener = _listener;
        _listener = null;
        listener?.Stop();
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is ObjectDisposedException or SocketException or OperationCanceledException)
            {
                return; // switched off
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(IPAddress.Loopback, _targetPort, _stop.Token);
                var a = client.GetStream();
                var b = server.GetStream();
                await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // A closed connection ends the relay.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Down();
        await _stop.CancelAsync();
        if (_acceptLoop is not null)
        {
            await _acceptLoop;
        }

        _stop.Dispose();
    }
}
