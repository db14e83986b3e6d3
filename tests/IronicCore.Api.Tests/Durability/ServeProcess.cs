using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IronicCore.Api.Tests.Durability;

/// <summary>An <c>ironic-sim serve</c> process of its own, to be killed.</summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process process;

    private ServeProcess(Process process, string startLine, TimeSpan ready)
    {
        this.process = process;
        StartLine = startLine;
        Ready = ready;
    }

    public string StartLine { get; }

    /// <summary>From the process's start to its start line (listening, journal replayed).</summary>
    public TimeSpan Ready { get; }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<ServeProcess> Start(int port, params string[] options)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", Path.Combine(TestContext.CurrentContext.TestDirectory, "IronicCore.Cli.dll"), "serve", "--port", $"{port}" }.Concat(options))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (line is null)
        {
            var error = await process.StandardError.ReadToEndAsync();
            process.Dispose();
            throw new InvalidOperationException($"serve did not start: {error}");
        }

        return new ServeProcess(process, line, clock.Elapsed);
    }

    /// <summary>SIGKILL: no chance to flush, close or compact anything.</summary>
    public async Task Kill()
    {
        process.Kill();
        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, as a service manager stops serve: the host shuts down in order; the exit code and stderr.</summary>
    public async Task<(int Code, string Error)> Terminate()
    {
        using (var kill = Process.Start("kill", ["-TERM", $"{process.Id}"]))
        {
            await kill.WaitForExitAsync();
        }

        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (process.ExitCode, await error);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill();
            process.WaitForExit();
        }

        process.Dispose();
    }
}
