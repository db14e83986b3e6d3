using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace IronicCore.Api.Tests.RealClients;

/// <summary>
/// Debian's openstacksdk (python3-openstacksdk 0.101, installed by .ci/run) against a real
/// <c>ironic-sim serve</c> process started with an Ironic configuration file: a node's whole
/// life, with allocations, boot mode, secure boot, inject NMI, the console, vendor passthru, BIOS
/// settings and RAID (RealClients/openstacksdk/node_life.py prints one line per check). A missing SDK fails
/// the test: it is never skipped.
/// </summary>
[NonParallelizable]
public sealed class OpenStackSdkTests
{
    private static string Here(params string[] parts) => Path.Combine([TestContext.CurrentContext.TestDirectory, .. parts]);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
    }

    [Test]
    public async Task OpenStackSdk_DrivesANodesWholeLife_AgainstServeStartedFromIronicsConfigFile()
    {
        var probe = await ClientProcess.Run("/usr/bin/python3", ["-c", "import openstack"], TimeSpan.FromMinutes(1));
        Assert.That(probe.ExitCode, Is.Zero, "openstacksdk is missing: install Debian's python3-openstacksdk (.ci/run does)");

        var port = FreePort();
        var conf = Path.Combine(Path.GetTempPath(), $"ironic-sim-sdk-{port}.conf");
        await File.WriteAllTextAsync(conf, string.Create(CultureInfo.InvariantCulture, $"[DEFAULT]\nauth_strategy = noauth\n\n[api]\nhost_ip = 127.0.0.1\nport = {port}\n\n[conductor]\nautomated_clean = false\n"));
        using var serve = Start("dotnet", Here("IronicCore.Cli.dll"), "serve", "--config-file", conf, "--release", "21.4");
        try
        {
            var started = await serve.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.That(started, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"on http://127.0.0.1:{port}")), "serve's start line names the file's [api] host_ip and port");

            var sdk = await ClientProcess.Run("/usr/bin/python3", [Here("RealClients", "openstacksdk", "node_life.py"), $"http://127.0.0.1:{port}"], TimeSpan.FromMinutes(4));

            Assert.That(sdk.ExitCode, Is.Zero, sdk.ToString());
            Assert.That(sdk.Output, Does.EndWith("ok a deleted node is gone\ndone\n"));
            Assert.That(sdk.Passed, Is.EqualTo(41), sdk.ToString());
        }
        finally
        {
            serve.Kill(entireProcessTree: true);
            await serve.WaitForExitAsync();
            File.Delete(conf);
        }
    }
}
